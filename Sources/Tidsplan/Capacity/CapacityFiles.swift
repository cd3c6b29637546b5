import TidsplanCore
import TidsplanIO

/// `capacity.csv`, `bottlenecks.csv` and `capacity.md` from a `CapacityAnalysis` (pure: text out).
enum CapacityFiles {
    static func csv(_ table: CapacityTable) -> String {
        var rows = [["kind", "resource", "month", "unit", "capacity", "used", "utilisation", "over_allocated"]]
        for l in table.lines {
            rows.append([l.resource.kind.rawValue, l.resource.name, l.period, l.unit, CapacityText.csv(l.capacity),
                         CapacityText.csv(l.used), CapacityText.csv(l.utilisation, decimals: 4), l.isOverAllocated ? "yes" : ""])
        }
        return CSVTable.text(rows)
    }

    /// Gains are positive when a unit helps (objective gain = objective before − after), so the numbers
    /// never start with "-", which the CSV writer would neutralise as a formula.
    static func bottlenecksCSV(_ a: CapacityAnalysis) -> String {
        var rows = [["rank", "kind", "resource", "unit", "lp_binding_rows", "lp_objective_gain", "lp_quota_hours_estimate",
                     "resolved_quota_hours", "resolved_objective_gain", "note"]]
        for (i, v) in a.marginalValues.enumerated() {
            rows.append([String(i + 1), v.resource.kind.rawValue, v.resource.name, v.unitWords, String(v.bindingRows),
                         CapacityText.csv(v.relaxationObjectiveChange.map { -$0 }), CapacityText.csv(v.relaxationHours(weights: a.scenario.weights)),
                         CapacityText.csv(v.resolvedQuotaHours), CapacityText.csv(v.resolvedObjectiveChange.map { -$0 }), v.note ?? ""])
        }
        return CSVTable.text(rows)
    }

    static func markdown(_ a: CapacityAnalysis) -> String {
        let s = a.scenario
        var out = "# Capacity: \(cell(s.project.name))\n\n"
        out += "Project period \(s.project.period.from.iso) – \(s.project.period.to.iso); training from \(s.project.trainingFrom.iso).\n"
        out += a.planFromFile
            ? "Use of capacity is that of the plan given (solver status: \(QuotaFigures.statusWords(a.plan))); bottlenecks are measured against the scenario planned now (\(QuotaFigures.statusWords(a.basePlan))).\n"
            : "Use of capacity is that of the plan made now (\(QuotaFigures.statusWords(a.plan))).\n"
        let violations = a.violations
        if !violations.isEmpty {
            out += "**The plan measured breaks \(violations.count) hard rule(s)** (`tidsplan verify`), e.g. \(cell(violations[0].message)); its use of capacity is not to be relied on.\n"
        }
        out += "Quota hours covered: \(CapacityText.number(QuotaFigures.coveredHours(a.plan))) of \(CapacityText.number(Double(a.plan.municipalities.reduce(0) { $0 + $1.quotaHours }))); short: \(CapacityText.number(QuotaFigures.shortfallHours(a.plan, scenario: s))) hours.\n\n"

        out += bottlenecks(a)
        out += missing(a)
        out += utilisation(a.table)
        out += relaxationRows(a)
        out += methods(a)
        return out
    }

    static func bottlenecks(_ a: CapacityAnalysis) -> String {
        var out = "## Bottlenecks, most valuable first\n\n"
        if a.marginalValues.isEmpty && a.relaxation.bindings.isEmpty {
            guard a.relaxation.termination == .optimal else {
                return out + "The LP relaxation was not solved either (\(a.relaxation.termination)).\n\n"
            }
            out += "No capacity row binds and no resource is full: neither staff, trainers, venues nor budgets limit the plan.\n"
            if !a.relaxation.rules.isEmpty {
                out += "The rows that bind in the LP relaxation are rules: " + a.relaxation.rules.map { "\($0.words) (\($0.rows))" }.joined(separator: "; ") + ".\n"
            }
            return out + "\n"
        }
        for (i, v) in a.marginalValues.enumerated() { out += "\(i + 1). \(v.sentence)\n" }
        let measured = Set(a.marginalValues.map(\.resource))
        let lpOnly = a.relaxation.bindings.filter { !measured.contains($0.resource) }
        for (k, b) in lpOnly.enumerated() {
            out += "\(a.marginalValues.count + k + 1). \(b.resource.description.prefix(1).uppercased() + b.resource.description.dropFirst()) binds in the LP relaxation (\(b.rows) row\(b.rows == 1 ? "" : "s"), Σ|dual| \(CapacityText.number(b.sumAbsDual))); not re-solved (\(lpOnlyReason(b.resource))).\n"
        }
        if !a.marginalValues.isEmpty {
            out += "\n| # | resource | unit | LP relaxation: binding rows | LP relaxation: objective | LP relaxation: ≈ quota hours | re-solve: quota hours | re-solve: objective |\n"
            out += "|---:|---|---|---:|---:|---:|---:|---:|\n"
            for (i, v) in a.marginalValues.enumerated() {
                out += "| \(i + 1) | \(cell(v.resource.description)) | \(cell(v.unitWords)) | \(v.bindingRows) | "
                out += "\(v.relaxationObjectiveChange.map { CapacityText.number($0) } ?? "–") | "
                out += "\(v.relaxationHours(weights: a.scenario.weights).map { CapacityText.number($0) } ?? "–") | "
                out += "\(v.resolvedQuotaHours.map { CapacityText.number($0) } ?? "–") | "
                out += "\(v.resolvedObjectiveChange.map { CapacityText.number($0) } ?? "–") |\n"
            }
        }
        return out + "\n"
    }

    static func lpOnlyReason(_ r: CapacityResource) -> String {
        switch r.kind {
        case .venue: return "more room means another venue: a change to the scenario"
        case .trainer: return "the days the trainer is available bind, not a contract limit: more availability is a new agreement"
        case .staff, .budget: return "not measured in this run"
        }
    }

    static func missing(_ a: CapacityAnalysis) -> String {
        var out = "## What is missing to meet the quotas\n\n"
        guard let m = a.missing else {
            let short = QuotaFigures.shortfallHours(a.basePlan, scenario: a.scenario)
            return out + (short < 0.5 ? "Nothing: the plan meets every quota in force.\n\n" : "Not worked out in this run.\n\n")
        }
        out += "The plan is \(CapacityText.number(m.shortfallHours)) quota hours short. Least extra capacity (elastic week model, \(m.solveStatus)):\n\n"
        if m.additions.isEmpty {
            out += "- no extra staff time, trainer days or budget would help.\n"
        } else {
            for addition in m.additions { out += "- \(cell(addition.words))\n" }
        }
        if let remaining = m.remainingShortfallHours, remaining >= 0.5 {
            out += "\nEven with these, \(CapacityText.number(remaining)) hours stay short in the week model: that is not a matter of capacity but of the rules (persons in each course's audience, training days a week, prerequisites, the period).\n"
        }
        if let verified = m.verifiedShortfallHours {
            out += "\nChecked by planning the scenario again with these additions: \(CapacityText.number(verified)) hours short (was \(CapacityText.number(m.shortfallHours))).\n"
        }
        return out + "\n"
    }

    static func utilisation(_ t: CapacityTable) -> String {
        var out = "## Utilisation per resource and month\n\n"
        out += "Staff: days leading and preparing against the teaching share of their time; trainers: sessions against the days they can work (total: against the contract); venues: sessions against training days; budgets: spent so far against the whole budget.\n\n"
        out += "| resource | unit | " + t.months.joined(separator: " | ") + " | total |\n"
        out += "|---|---|" + String(repeating: "---:|", count: t.months.count + 1) + "\n"
        for r in t.resources {
            out += "| \(cell(r.description)) | \(t.line(r, "total")?.unit ?? "") |"
            for period in t.months + ["total"] {
                guard let l = t.line(r, period) else { out += " |"; continue }
                let text = l.utilisation == nil ? (l.used > 0 ? CapacityText.number(l.used) : "–") : CapacityText.percent(l.utilisation)
                out += l.isOverAllocated ? " **\(text)** |" : " \(text) |"
            }
            out += "\n"
        }
        let over = t.overAllocated
        out += "\n"
        if over.isEmpty && t.overloadedWeeks.isEmpty {
            out += "No resource is over-allocated.\n\n"
        } else {
            out += "Over-allocated:\n\n"
            for l in over {
                out += "- \(cell(l.resource.description)), \(l.period): \(CapacityText.number(l.used)) \(l.unit) of \(CapacityText.number(l.capacity ?? 0))\n"
            }
            for w in t.overloadedWeeks {
                let week = w.monday.isoWeek
                out += "- \(cell(w.staff)), week \(week.year)-W\(week.week < 10 ? "0" : "")\(week.week): \(CapacityText.number(w.used)) days with preparation of \(CapacityText.number(w.capacity)) working days\n"
            }
            out += "\n"
        }
        return out
    }

    static func relaxationRows(_ a: CapacityAnalysis) -> String {
        var out = "## Binding rows in the LP relaxation\n\n"
        let r = a.relaxation
        guard r.termination == .optimal else {
            return out + "The LP relaxation was not solved to optimality (\(r.termination)); no dual values.\n\n"
        }
        out += "Relaxation values: integrality dropped, so sessions and seats may be fractional. A dual is the change of the objective per unit of a row's limit.\n\n"
        if r.bindings.isEmpty && r.rules.isEmpty { return out + "No capacity or rule row binds.\n\n" }
        out += "| binds | rows | Σ abs(dual) | months |\n|---|---:|---:|---|\n"
        for b in r.bindings {
            out += "| \(cell(b.resource.description)) | \(b.rows) | \(CapacityText.number(b.sumAbsDual, decimals: 2)) | \(cell(b.months.joined(separator: ", "))) |\n"
        }
        for rule in r.rules {
            out += "| rule: \(cell(rule.words)) | \(rule.rows) | \(CapacityText.number(rule.sumAbsDual, decimals: 2)) | |\n"
        }
        return out + "\n"
    }

    static func methods(_ a: CapacityAnalysis) -> String {
        let w = a.scenario.weights
        return """
        ## How these numbers were found

        - **Re-solve** (the marginal values): the scenario is planned again with one more unit (a staff member gets one more teaching day, i.e. leading or preparing, in each month where they bind or are full; a trainer one more contract day; a budget \(CapacityText.number(Double(a.budgetStep))) kr more), with the same solver and limits; the change in quota hours covered (planned hours up to each quota) and in the objective is reported. When a solve stops early, the difference carries its gap (said next to the number).
        - **LP relaxation** (binding rows, estimates): the week model with integrality dropped; dual values times the change of each row's limit give a first-order estimate, converted to hours at \(w.quotaShortfallPerHour) objective points per quota hour short. It shows where the pressure is, not what a whole unit buys.
        - **What is missing**: an elastic week model in which staff teaching days per month, trainer contract days and budgets may stretch, each priced the same per training day's worth (a staff teaching day = a trainer contract day = 5 000 kr); meeting the quotas comes first. It works in weeks, so the answer is checked by planning again with the additions.

        """
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
