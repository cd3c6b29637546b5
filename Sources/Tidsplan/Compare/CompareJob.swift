import TidsplanAnalysis
import GLPKBackend
import LinearModel
import TidsplanCore
import TidsplanIO

/// `tidsplan compare`: plans the base scenario and each variant and writes compare.md and compare.csv.
public enum CompareJob {
    /// - Parameter backend: the solver (tests pass one that fails on purpose).
    public static func run(scenarioPath: String, dropEach: Day?, variants: [String], outDir: String?, timeLimit: Double,
                           lang: Language = .sv, console: Console, backend: SolverBackend = GLPKBackend()) -> Int32 {
        let w = CompareWords(lang: lang)
        var dir = outDir ?? "output"
        do {
            guard timeLimit > 0 else { throw JobError(lang == .sv ? "--time-limit ska vara mer än 0 sekunder" : "--time-limit must be more than 0 seconds") }
            let base = try ScenarioInput.load(scenarioPath, console: console, lang: lang)
            var list: [CompareVariant] = []
            if let dropEach { list += try DropEachVariants.make(base: base, after: dropEach, lang: lang) }
            for path in variants {
                let s = try ScenarioInput.load(path, console: console, lang: lang)
                list.append(CompareVariant(label: variantLabel(path), description: w.scenarioFile(path), scenario: s))
            }
            if list.isEmpty {
                throw JobError(w.nothingToCompare)
            }
            dir = outDir ?? "output/\(base.project.id)-compare"
            try AtomicOutput.checkLocation(dir, topLevel: ["compare.csv"])
            StopSignal.install()
            let start = monotonicSeconds()
            let solver = ScenarioSolver(backend: backend, timeLimit: timeLimit, clock: { monotonicSeconds() - start },
                                        shouldStop: { StopSignal.isRequested },
                                        sideBySide: SideBySide.backends(beside: backend))
            let rows = try CompareRun.run(base: base, variants: list, solver: solver, lang: lang, progress: { console.progress($0) })
            console.progress("")
            try AtomicOutput.replace(directory: dir, with: files(rows, scenario: base, lang: lang))
            console.out(CompareTables.text(rows, lang: lang))
            if rows.count < list.count + 1 { console.out(w.stopped(list.count + 1 - rows.count)) }
            console.out(w.wrote(dir))
            let unplanned = rows.filter { !$0.hasPlan }.map(\.label)
            if !unplanned.isEmpty { console.err(w.unplannedWarning(unplanned)) }
            let broken = rows.filter { $0.violations > 0 }.map(\.label)
            if !broken.isEmpty {
                console.err(w.brokenWarning(broken))
                return 3
            }
            return 0
        } catch {
            return BasePlanFailed.report(error, timeLimit: timeLimit, outDir: dir, lang: lang, console: console)
        }
    }

    public static func files(_ rows: [VariantKPIs], scenario: Scenario, lang: Language = .sv) -> [OutputFile] {
        [OutputFile(path: "compare.csv", text: CompareTables.csv(rows, lang: lang)),
         OutputFile(path: "compare.md", text: CompareTables.markdown(rows, scenario: scenario, lang: lang))]
    }

    /// `scenarios/variant-a.yaml` → `variant-a`.
    static func variantLabel(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for ext in [".yaml", ".yml"] where name.hasSuffix(ext) { return String(name.dropLast(ext.count)) }
        return name
    }
}
