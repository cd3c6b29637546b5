import TidsplanCore

/// Extra capacity, expressed as a change to a copy of the scenario so the planner can be re-run on it.
public enum CapacityAddition: Sendable, Equatable {
    /// Extra teaching days (leading and preparing) for a staff member, by month `YYYY-MM`: the month's
    /// teaching capacity (`maxTeachingShare` × Σ share) grows by exactly that many days.
    case staffDays(name: String, perMonth: [String: Int])
    /// Extra contract days for an external trainer (`maxDays`).
    case trainerDays(name: String, days: Int)
    /// Extra kronor in one budget line (`trainers`, `travel` or `premises`).
    case budget(name: String, kr: Int)

    public var resource: CapacityResource {
        switch self {
        case .staffDays(let name, _): return CapacityResource(kind: .staff, name: name)
        case .trainerDays(let name, _): return CapacityResource(kind: .trainer, name: name)
        case .budget(let name, _): return CapacityResource(kind: .budget, name: name)
        }
    }

    /// The scenario with this much more capacity. A resource the scenario does not cap (a trainer with
    /// no `maxDays`, a budget with no cap) is returned unchanged: more of something unlimited buys nothing.
    public func apply(to scenario: Scenario) -> Scenario {
        var s = scenario
        switch self {
        case .staffDays(let name, let perMonth):
            guard let i = s.staff.firstIndex(where: { $0.name == name }) else { return s }
            s.staff[i] = Self.addTeachingDays(perMonth, to: s.staff[i], scenario: scenario)
        case .trainerDays(let name, let days):
            guard let i = s.trainers.firstIndex(where: { $0.name == name }), let maxDays = s.trainers[i].maxDays else { return s }
            s.trainers[i].maxDays = maxDays + days
        case .budget(let name, let kr):
            switch name {
            case BudgetName.trainers: s.budget.trainersKr = s.budget.trainersKr.map { $0 + kr }
            case BudgetName.travel: s.budget.travelKr = s.budget.travelKr.map { $0 + kr }
            case BudgetName.premises: s.budget.premisesKr = s.budget.premisesKr.map { $0 + kr }
            default: break
            }
        }
        return s
    }

    /// Raises the share of full time in each listed month by δ = days / (maxTeachingShare × D), D being the
    /// month's working days on which the person is employed, so the monthly teaching capacity grows by
    /// `days` exactly (the weekly capacities grow in proportion). Days with share 0 stay 0.
    package static func addTeachingDays(_ perMonth: [String: Int], to staff: StaffMember, scenario: Scenario) -> StaffMember {
        let teaching = scenario.rules.maxTeachingShare
        guard teaching > 0 else { return staff }
        let calendar = WorkingCalendar(scenario: scenario)
        var out = staff
        for month in perMonth.keys.sorted() {
            guard let days = perMonth[month], days > 0, let range = monthRange(month) else { continue }
            let employed = calendar.workingDays(in: range).filter { staff.share(on: $0) > 0 }.count
            guard employed > 0 else { continue }
            let delta = Double(days) / (teaching * Double(employed))
            // `share(on:)` takes the last span that contains a day: appending the month's slice of every
            // span, in the original order, keeps whichever span won before.
            for span in staff.shares {
                let from = max(span.range.from, range.from), to = min(span.range.to, range.to)
                guard from <= to else { continue }
                out.shares.append(ShareSpan(range: DateRange(from: from, to: to),
                                            share: span.share > 0 ? span.share + delta : span.share))
            }
        }
        return out
    }

    /// `YYYY-MM` → the month's first and last day.
    package static func monthRange(_ month: String) -> DateRange? {
        guard let first = Day(iso: month + "-01") else { return nil }
        return DateRange(from: first, to: first.adding(months: 1).adding(days: -1))
    }
}

/// Number and month wording shared by the capacity and compare outputs (point decimals, or a decimal
/// comma for Swedish text; space as thousands separator: `5 000 kr`, `0.8 hours`).
package enum CapacityText {
    package static func number(_ x: Double, decimals: Int = 1, decimalComma: Bool = false) -> String {
        guard x.isFinite else { return x > 0 ? "∞" : "-∞" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let r = (x * scale).rounded() / scale
        let negative = r < 0
        let whole = Int(abs(r).rounded(.towardZero))
        var digits = ""
        for (i, c) in String(whole).reversed().enumerated() {
            if i > 0 && i % 3 == 0 { digits.append(" ") }
            digits.append(c)
        }
        var s = String(digits.reversed())
        let frac = Int(((abs(r) - Double(whole)) * scale).rounded())
        if decimals > 0 && frac > 0 {
            var f = String(frac)
            while f.count < decimals { f = "0" + f }
            while f.hasSuffix("0") { f.removeLast() }
            s += (decimalComma ? "," : ".") + f
        }
        return (negative && s != "0" ? "-" : "") + s
    }

    package static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "" }
        guard fraction.isFinite else { return "over" }
        return number(fraction * 100, decimals: 0) + " %"
    }

    /// A plain number for CSV: point decimals, at most `decimals` of them, no thousands separator.
    package static func csv(_ x: Double?, decimals: Int = 2) -> String {
        guard let x, x.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let r = (x * scale).rounded() / scale
        if r == r.rounded() { return String(Int(r)) }
        var s = String(r)
        if s.contains("e") { s = String(Int(r.rounded())) }
        return s
    }

    /// Months in words: whole years where every month of the year in `possible` is listed ("2025"),
    /// else runs of consecutive months ("2024-09 – 2024-12").
    package static func months(_ listed: [String], possible: [String]) -> String {
        let set = Set(listed)
        var parts: [String] = []
        let years = Array(Set(listed.map { String($0.prefix(4)) })).sorted()
        for year in years {
            let inYear = possible.filter { $0.hasPrefix(year) }
            let mine = listed.filter { $0.hasPrefix(year) }.sorted()
            if !inYear.isEmpty && inYear.allSatisfy(set.contains) && inYear.count > 1 {
                parts.append(year)
                continue
            }
            var run: [String] = []
            func flush() {
                guard let first = run.first, let last = run.last else { return }
                parts.append(first == last ? first : "\(first) – \(last)")
                run = []
            }
            for m in mine {
                if let prev = run.last, let i = possible.firstIndex(of: prev), i + 1 < possible.count, possible[i + 1] == m {
                    run.append(m)
                } else {
                    flush()
                    run = [m]
                }
            }
            flush()
        }
        return parts.joined(separator: ", ")
    }
}
