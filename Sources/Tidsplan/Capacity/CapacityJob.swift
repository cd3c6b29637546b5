import GLPKBackend
import LinearModel
import TidsplanCore
import TidsplanIO

/// `tidsplan capacity`: capacity and utilisation per resource and month, bottlenecks with marginal
/// values, what is missing; written as capacity.csv, capacity.md, bottlenecks.csv and report.html
/// (the plan's report with the capacity heatmap).
public enum CapacityJob {
    /// - Parameter backend: the solver (tests pass one that fails on purpose).
    public static func run(scenarioPath: String, planPath: String?, outDir: String?, timeLimit: Double, console: Console,
                           backend: SolverBackend = GLPKBackend()) -> Int32 {
        var dir = outDir ?? "output"
        do {
            guard timeLimit > 0 else { throw JobError("--time-limit must be more than 0 seconds") }
            let scenario = try ScenarioInput.load(scenarioPath, console: console)
            let given = try planPath.map { try PlanInput.load($0) }
            if let given, given.scenario != scenario.project.id {
                throw JobError("\(planPath ?? ""): the plan is for scenario \"\(given.scenario)\", not \"\(scenario.project.id)\"")
            }
            dir = outDir ?? "output/\(scenario.project.id)-capacity"
            try AtomicOutput.checkLocation(dir, topLevel: ["capacity.csv"])
            StopSignal.install()
            let start = monotonicSeconds()
            let solver = ScenarioSolver(backend: backend, timeLimit: timeLimit, clock: { monotonicSeconds() - start })
            let analysis = try CapacityAnalysis.run(scenario: scenario, plan: given, solver: solver, progress: { console.progress($0) })
            console.progress("")
            try AtomicOutput.replace(directory: dir, with: files(analysis))
            console.out(summary(analysis, outDir: dir))
            return 0
        } catch {
            return BasePlanFailed.report(error, timeLimit: timeLimit, outDir: dir, console: console)
        }
    }

    /// Everything the job writes, sorted by path.
    public static func files(_ a: CapacityAnalysis, lang: Language = .sv) -> [OutputFile] {
        let report = ReportWriter.html(scenario: a.scenario, plan: a.plan, lang: lang, calendarFiles: [],
                                       extraSections: [CapacityHeatmap.section(a.table, lang: lang)])
        return [
            OutputFile(path: "bottlenecks.csv", text: CapacityFiles.bottlenecksCSV(a)),
            OutputFile(path: "capacity.csv", text: CapacityFiles.csv(a.table)),
            OutputFile(path: "capacity.md", text: CapacityFiles.markdown(a)),
            OutputFile(path: "report.html", text: report),
        ]
    }

    static func summary(_ a: CapacityAnalysis, outDir: String) -> String {
        var lines = ["\(a.scenario.project.name) (\(a.scenario.project.id)): capacity"]
        lines.append("Plan: \(QuotaFigures.statusWords(a.plan)); quota hours covered \(CapacityText.number(QuotaFigures.coveredHours(a.plan))), short \(CapacityText.number(QuotaFigures.shortfallHours(a.plan, scenario: a.scenario)))")
        if let peak = a.table.staffPeak {
            lines.append("Busiest staff month: \(peak.staff) in \(peak.month), \(CapacityText.percent(peak.utilisation)) of the teaching share")
        }
        let violations = a.violations
        if !violations.isEmpty { lines.append("WARNING: the plan measured breaks \(violations.count) hard rule(s) (tidsplan verify); see capacity.md") }
        let over = a.table.overAllocated.count + a.table.overloadedWeeks.count
        lines.append(over == 0 ? "Over-allocated: none" : "Over-allocated: \(over) resource-month(s) or week(s); see capacity.md")
        lines.append("")
        if a.marginalValues.isEmpty && a.relaxation.bindings.isEmpty {
            lines.append("Bottlenecks: none (no capacity row binds and no resource is full)")
        } else {
            lines.append("Bottlenecks, most valuable first:")
            for (i, v) in a.marginalValues.prefix(8).enumerated() { lines.append("  \(i + 1). \(v.sentence)") }
            let measured = Set(a.marginalValues.map(\.resource))
            for b in a.relaxation.bindings where !measured.contains(b.resource) {
                lines.append("  - \(b.resource) binds in the LP relaxation only (\(b.rows) row\(b.rows == 1 ? "" : "s"))")
            }
        }
        if let m = a.missing {
            lines.append("")
            lines.append("Missing to meet the quotas (\(CapacityText.number(m.shortfallHours)) hours short; elastic week model, \(m.solveStatus)):")
            if m.additions.isEmpty { lines.append("  no extra capacity would help") }
            for addition in m.additions { lines.append("  - \(addition.words)") }
            if let verified = m.verifiedShortfallHours {
                lines.append("  re-planned with these: \(CapacityText.number(verified)) hours short")
            }
        }
        lines.append("")
        lines.append("Wrote \(outDir)/: capacity.csv, capacity.md, bottlenecks.csv, report.html")
        return lines.joined(separator: "\n")
    }
}
