import Foundation
import TidsplanCore
import TidsplanIO
import TidsplanModel

/// The short text `tidsplan plan` prints: status in words, hours against quota, trainer days and cost
/// against budget, shortfalls, solve time.
enum PlanSummary {
    static func text(plan: Plan, scenario: Scenario, statistics: PlanStatistics, previous: Plan?, scratchChanges: Int? = nil,
                     violations: [Violation], outDir: String, files: [OutputFile]) -> String {
        var lines: [String] = []
        lines.append("\(scenario.project.name) (\(scenario.project.id)), \(scenario.project.period.from.iso) – \(scenario.project.period.to.iso)")
        lines.append("Status: \(statusWords(plan.solver)); solved in \(String(format: "%.1f", statistics.seconds)) s with \(plan.solver.name) \(plan.solver.version) (\(statistics.weekModelColumns) columns, \(statistics.rounds) round\(statistics.rounds == 1 ? "" : "s"))")
        let training = plan.activeSessions.filter { $0.kind == .training }
        lines.append("Sessions: \(training.count) training sessions, \(plan.sessions.filter { $0.kind == .event }.count) fixed events and follow-ups")
        lines.append("")
        lines.append("Hours per municipality (planned / quota):")
        let width = max(12, (plan.municipalities.map(\.name.count).max() ?? 0) + 2)
        var totalPlanned = 0.0, totalQuota = 0
        for m in plan.municipalities {
            totalPlanned += m.plannedHours; totalQuota += m.quotaHours
            let pct = m.quotaHours > 0 ? Int((m.plannedHours / Double(m.quotaHours) * 100).rounded()) : 0
            let note = scenario.municipality(m.name)?.withdrawal.map { "  withdrawn from \($0.iso)" } ?? ""
            lines.append("  \(pad(m.name, width))\(pad(num(m.plannedHours), 7, left: true)) / \(pad(String(m.quotaHours), 5, left: true))  \(pad("\(pct) %", 6, left: true))  \(pad(num(m.cofinancingKr), 10, left: true)) kr\(note)")
        }
        lines.append("  \(pad("Total", width))\(pad(num(totalPlanned), 7, left: true)) / \(pad(String(totalQuota), 5, left: true))")
        lines.append("")
        lines.append(contentsOf: spending(plan: plan, scenario: scenario))
        lines.append("")
        if plan.shortfalls.isEmpty {
            lines.append("Shortfalls: none")
        } else {
            lines.append("Shortfalls:")
            for s in plan.shortfalls { lines.append("  - \(s.reason)") }
        }
        if let previous {
            let diff = PlanDiff.between(previous: previous, current: plan)
            lines.append("")
            lines.append("Changes against the previous plan: \(diff.counts.total) session(s) changed (\(diff.counts.changed) moved or altered, \(diff.counts.cancelled) cancelled, \(diff.counts.new) new), \(diff.counts.unchanged) unchanged; see changes.md")
            if let scratchChanges {
                lines.append("Planning from scratch instead would change \(scratchChanges) session(s).")
            }
        }
        lines.append("")
        if violations.isEmpty {
            lines.append("Verified: the plan keeps every hard rule (tidsplan verify).")
        } else {
            lines.append("VERIFICATION FAILED: \(violations.count) rule violation(s):")
            for v in violations.prefix(20) { lines.append("  - [\(v.rule)] \(v.message)") }
        }
        let calendars = files.filter { $0.path.hasPrefix("calendars/") }.count
        lines.append("Wrote \(outDir)/: plan.json, timetable.csv, timetable.md, report.html, \(calendars) calendar files")
        return lines.joined(separator: "\n")
    }

    static func statusWords(_ s: SolverSummary) -> String {
        switch s.status {
        case "optimal": return "optimal (the best possible plan under the scenario's weights)"
        case "feasible":
            if let areas = s.areas, areas > 1, s.gap == nil {
                return "a plan made in \(areas) areas one after another (too large for one model; no bound for the whole)"
            }
            guard let proven = s.gap else { return "a plan that keeps every rule; no bound was proven before the time limit" }
            let gap = proven * 100
            return "within \(String(format: "%.1f", gap)) % of the best possible plan (stopped early)"
        case "not-solved": return "no plan found within the limits"
        default: return s.status
        }
    }

    static func spending(plan: Plan, scenario: Scenario) -> [String] {
        var days = 0, fees = 0, travel = 0, premises = 0
        for s in plan.activeSessions where s.kind == .training {
            for p in s.leaders { if let t = scenario.trainer(p) { days += 1; fees += t.dayRate; travel += t.travelPerDay } }
            premises += scenario.venue(s.venue)?.costPerDay ?? 0
        }
        func line(_ label: String, _ used: Int, _ cap: Int?) -> String {
            "  \(pad(label, 22))\(pad(num(Double(used)), 10, left: true)) kr" + (cap.map { " of \(num(Double($0))) kr (\(num(Double($0 - used))) kr left)" } ?? "")
        }
        return ["Budget (external trainers: \(days) days):",
                line("trainer fees", fees, scenario.budget.trainersKr),
                line("trainer travel", travel, scenario.budget.travelKr),
                line("premises", premises, scenario.budget.premisesKr)]
    }

    static func num(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        let whole = Int(r.rounded(.towardZero))
        var s = String(abs(whole))
        var out = ""
        for (i, c) in s.reversed().enumerated() { if i > 0 && i % 3 == 0 { out.append(" ") }; out.append(c) }
        s = String(out.reversed())
        if whole < 0 || (r < 0 && whole == 0) { s = "-" + s }
        let frac = abs(r - Double(whole))
        return frac > 0.05 ? s + "," + String(Int((frac * 10).rounded())) : s
    }

    static func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return left ? fill + s : s + fill
    }
}

/// Run facts that vary from run to run (so they are kept out of plan.json): time, model size, rounds.
enum RunSummary {
    static func json(_ s: PlanStatistics, request: PlanRequest) -> String {
        """
        {
          "seconds": \(String(format: "%.3f", s.seconds)),
          "termination": "\(String(describing: s.termination).replacingOccurrences(of: "\"", with: "'"))",
          "weekModel": {"columns": \(s.weekModelColumns), "rows": \(s.weekModelRows)},
          "dayModel": {"columns": \(s.dayModelColumns)},
          "rounds": \(s.rounds),
          "phases": [\(s.phases.map { "\"\($0.replacingOccurrences(of: "\"", with: "'"))\"" }.joined(separator: ", "))],
          "nodes": \(s.nodes),
          "timeLimit": \(request.timeLimit.map { String($0) } ?? "null"),
          "gap": \(request.gap)
        }

        """
    }
}
