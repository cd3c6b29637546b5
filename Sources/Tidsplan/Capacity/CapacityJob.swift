import TidsplanAnalysis
import GLPKBackend
import LinearModel
import TidsplanCore
import TidsplanIO

/// `tidsplan capacity`: capacity and utilisation per resource and month, bottlenecks with marginal
/// values, what is missing; written as capacity.csv, capacity.md, bottlenecks.csv and report.html
/// (the plan's report with the capacity heatmap).
public enum CapacityJob {
    /// - Parameter backend: the solver (tests pass one that fails on purpose).
    public static func run(scenarioPath: String, planPath: String?, outDir: String?, timeLimit: Double, lang: Language = .sv,
                           console: Console, backend: SolverBackend = GLPKBackend()) -> Int32 {
        var dir = outDir ?? "output"
        do {
            guard timeLimit > 0 else { throw JobError(lang == .sv ? "--time-limit ska vara mer än 0 sekunder" : "--time-limit must be more than 0 seconds") }
            let scenario = try ScenarioInput.load(scenarioPath, console: console)
            let given = try planPath.map { try PlanInput.load($0, for: scenario, lang: lang) }
            dir = outDir ?? "output/\(scenario.project.id)-capacity"
            try AtomicOutput.checkLocation(dir, topLevel: ["capacity.csv"])
            StopSignal.install()
            let start = monotonicSeconds()
            let solver = ScenarioSolver(backend: backend, timeLimit: timeLimit, clock: { monotonicSeconds() - start },
                                        shouldStop: { StopSignal.isRequested },
                                        sideBySide: SideBySide.backends(beside: backend))
            let analysis = try CapacityAnalysis.run(scenario: scenario, plan: given, solver: solver, options: .init(lang: lang),
                                                   progress: { console.progress($0) })
            console.progress("")
            try AtomicOutput.replace(directory: dir, with: files(analysis, lang: lang))
            console.out(summary(analysis, outDir: dir, lang: lang))
            return 0
        } catch {
            return BasePlanFailed.report(error, timeLimit: timeLimit, outDir: dir, lang: lang, console: console)
        }
    }

    /// Everything the job writes, sorted by path.
    public static func files(_ a: CapacityAnalysis, lang: Language = .sv) -> [OutputFile] {
        let report = ReportWriter.html(scenario: a.scenario, plan: a.plan, lang: lang, calendarFiles: [],
                                       extraSections: [CapacityHeatmap.section(a.table, lang: lang)])
        return [
            OutputFile(path: "bottlenecks.csv", text: CapacityFiles.bottlenecksCSV(a, lang: lang)),
            OutputFile(path: "capacity.csv", text: CapacityFiles.csv(a.table, lang: lang)),
            OutputFile(path: "capacity.md", text: CapacityFiles.markdown(a, lang: lang)),
            OutputFile(path: "report.html", text: report),
        ]
    }

    static func summary(_ a: CapacityAnalysis, outDir: String, lang: Language = .sv) -> String {
        let w = CapacityWords(lang: lang, scenario: a.scenario), sv = w.sv
        var lines = ["\(a.scenario.project.name) (\(a.scenario.project.id)): " + (sv ? "kapacitet" : "capacity")]
        let covered = w.number(QuotaFigures.coveredHours(a.plan))
        let short = w.number(QuotaFigures.shortfallHours(a.plan, scenario: a.scenario))
        let places = QuotaFigures.missingPlaces(a.plan)
        lines.append(sv ? "Plan: \(w.status(a.plan)); täckta kvottimmar \(covered), saknas \(short) timmar och \(places) platser som målgrupperna bett om"
                        : "Plan: \(w.status(a.plan)); quota hours covered \(covered), short \(short) hours and \(places) places the target groups asked for")
        if let peak = a.table.staffPeak {
            lines.append(sv ? "Mest belastade personalmånad: \(peak.staff) i \(peak.month), \(w.percent(peak.utilisation)) av undervisningsandelen"
                            : "Busiest staff month: \(peak.staff) in \(peak.month), \(w.percent(peak.utilisation)) of the teaching share")
        }
        let violations = a.violations
        if !violations.isEmpty {
            lines.append(sv ? "VARNING: den uppmätta planen bryter mot \(violations.count) hårda regler (tidsplan verify); se capacity.md"
                            : "WARNING: the plan measured breaks \(violations.count) hard rule(s) (tidsplan verify); see capacity.md")
        }
        let over = a.table.overAllocated.count + a.table.overloadedWeeks.count
        if over == 0 { lines.append(sv ? "Överbokat: inget" : "Over-allocated: none") }
        else { lines.append(sv ? "Överbokat: \(over) resursmånader eller veckor; se capacity.md" : "Over-allocated: \(over) resource-month(s) or week(s); see capacity.md") }
        lines.append("")
        let (ranked, others) = w.bottleneckLines(a)
        if ranked.isEmpty {
            lines.append(sv ? "Flaskhalsar: ingen (ingen prövad enhet ger fler kvottimmar, platser eller lägre kostnad)"
                            : "Bottlenecks: none (no unit tried buys more quota hours, places or savings)")
        } else {
            lines.append(sv ? "Flaskhalsar, mest värdefulla först (prövat genom att planera om med en enhet till):"
                            : "Bottlenecks, most valuable first (tried by planning again with one more unit):")
            for (i, line) in ranked.enumerated() { lines.append("  \(i + 1). \(line)") }
        }
        for line in others { lines.append("  " + line) }
        if let m = a.missing {
            lines.append("")
            lines.append(sv ? "Saknas för att nå kvoterna (\(w.number(m.shortfallHours)) timmar):" : "Missing to meet the quotas (\(w.number(m.shortfallHours)) hours short):")
            lines += CapacityFiles.missingLines(m, w).map { "  " + $0 }
        }
        lines.append("")
        lines.append((sv ? "Skrev" : "Wrote") + " \(outDir)/: capacity.csv, capacity.md, bottlenecks.csv, report.html")
        return lines.joined(separator: "\n")
    }
}
