import TidsplanCore

/// The kinds of capacity a plan draws on.
public enum CapacityResourceKind: String, Sendable, Equatable, Comparable, CaseIterable {
    case staff, trainer, venue, budget

    /// Staff first, then trainers, venues and the budgets (the order tables are printed in).
    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// One resource: a staff member, an external trainer, a physical venue, or one of the three budgets
/// (`trainers`, `travel`, `premises`).
public struct CapacityResource: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: CapacityResourceKind
    public var name: String
    public init(kind: CapacityResourceKind, name: String) { self.kind = kind; self.name = name }

    public static func < (a: Self, b: Self) -> Bool { (a.kind, a.name) < (b.kind, b.name) }

    /// In the user's words: "the training budget", "Kursledare MI (staff)".
    public var description: String {
        switch kind {
        case .budget: return BudgetName.words(name)
        case .staff: return "\(name) (staff)"
        case .trainer: return "\(name) (external trainer)"
        case .venue: return "venue \(name)"
        }
    }
}

/// The budget lines the model caps (`BudgetLine`), by the short names used in capacity files and resources.
public enum BudgetName {
    public static let trainers = BudgetLine.trainers.rawValue, travel = BudgetLine.travel.rawValue
    public static let premises = BudgetLine.premises.rawValue
    public static let all = BudgetLine.allCases.map(\.rawValue)

    public static func words(_ name: String) -> String {
        switch name {
        case trainers: return "the training budget (trainer fees)"
        case travel: return "the trainers' travel budget"
        case premises: return "the premises budget"
        default: return "the \(name) budget"
        }
    }

    public static func cap(_ name: String, in budget: Budget) -> Int? { BudgetLine(rawValue: name).flatMap(budget.cap) }
}

/// Capacity, planned use and utilisation of one resource over one month (or the whole period).
public struct CapacityLine: Sendable, Equatable {
    public var resource: CapacityResource
    /// `YYYY-MM`, or `total` for the whole period.
    public var period: String
    /// `days` for staff (leading and preparing), `sessions` for trainers and venues, `kr` for budgets
    /// (budgets' monthly lines are cumulative: spent up to the end of that month).
    public var unit: String
    /// `nil`: no limit applies (no cap, or no training possible that month).
    public var capacity: Double?
    public var used: Double

    public init(resource: CapacityResource, period: String, unit: String, capacity: Double?, used: Double) {
        self.resource = resource; self.period = period; self.unit = unit; self.capacity = capacity; self.used = used
    }

    public var utilisation: Double? {
        guard let capacity else { return nil }
        if capacity <= 0 { return used > 0 ? .infinity : nil }
        return used / capacity
    }
    /// More is planned than the capacity allows (the rules' own tolerance: 1e-6).
    public var isOverAllocated: Bool { capacity.map { used > $0 + 1e-6 } ?? false }
}

/// A staff member's week that breaks the weekly load rule (only possible for plans not made by the planner).
public struct OverloadedWeek: Sendable, Equatable {
    public var staff: String
    public var monday: Day
    public var capacity: Double
    public var used: Double
}

/// Per resource and month: capacity, planned use and utilisation, measured the way the hard rules
/// (`docs/rules.md`) measure them, so an over-allocation here is one `tidsplan verify` reports too.
public struct CapacityTable: Sendable, Equatable {
    /// Months of the project period, `YYYY-MM`, ascending.
    public var months: [String]
    /// Per resource: one line per month, then the `total` line. Resources in `CapacityResource` order.
    public var lines: [CapacityLine]
    public var overloadedWeeks: [OverloadedWeek]

    public var resources: [CapacityResource] {
        var seen: [CapacityResource] = []
        for l in lines where seen.last != l.resource { seen.append(l.resource) }
        return seen
    }

    public func line(_ resource: CapacityResource, _ period: String) -> CapacityLine? {
        lines.first { $0.resource == resource && $0.period == period }
    }

    public var overAllocated: [CapacityLine] { lines.filter(\.isOverAllocated) }

    /// The most used staff month: who, when and how full (nil when no staff member has capacity).
    public var staffPeak: (staff: String, month: String, utilisation: Double)? {
        var best: (String, String, Double)?
        for l in lines where l.resource.kind == .staff && l.period != "total" {
            guard let u = l.utilisation, u.isFinite else { continue }
            if best == nil || u > (best?.2 ?? 0) { best = (l.resource.name, l.period, u) }
        }
        return best.map { (staff: $0.0, month: $0.1, utilisation: $0.2) }
    }

    public static func build(scenario: Scenario, plan: Plan) -> CapacityTable {
        let calendar = WorkingCalendar(scenario: scenario)
        let period = scenario.project.period
        var months: [String] = []
        for d in period.days where months.last != d.monthKey { months.append(d.monthKey) }
        let workingDays = calendar.allWorkingDays
        let trainingFrom = scenario.project.trainingFrom
        let sessions = plan.sessions.filter { $0.kind == .training && $0.status == .planned }
        var lines: [CapacityLine] = []

        // A month with no training day (before trainingFrom, or all blackout) has no capacity to speak of.
        let trainingDaysByMonth = Dictionary(grouping: workingDays.filter { $0 >= trainingFrom }, by: \.monthKey)

        let load = 1 + scenario.rules.prepDaysPerSessionDay
        for staff in scenario.staff.sorted(by: { $0.name < $1.name }) {
            let resource = CapacityResource(kind: .staff, name: staff.name)
            let mine = sessions.filter { $0.leaders.contains(staff.name) }
            var capTotal = 0.0, usedTotal = 0.0
            for month in months {
                // staff-monthly-load: maxTeachingShare × Σ share over the month's working days.
                let shareDays = workingDays.filter { $0.monthKey == month }.reduce(0.0) { $0 + staff.share(on: $1) }
                let cap = trainingDaysByMonth[month] == nil ? nil : scenario.rules.maxTeachingShare * shareDays
                let used = Double(mine.filter { $0.date.monthKey == month }.count) * load
                capTotal += cap ?? 0; usedTotal += used
                lines.append(CapacityLine(resource: resource, period: month, unit: "days", capacity: cap, used: used))
            }
            lines.append(CapacityLine(resource: resource, period: "total", unit: "days", capacity: capTotal, used: usedTotal))
        }

        for trainer in scenario.trainers.sorted(by: { $0.name < $1.name }) {
            let resource = CapacityResource(kind: .trainer, name: trainer.name)
            let mine = sessions.filter { $0.leaders.contains(trainer.name) }
            var available = 0.0
            for month in months {
                // One session a day on the days the contract and weekdays allow.
                let days = (trainingDaysByMonth[month] ?? []).filter { calendar.isWorkingDay($0, leader: trainer.name) }
                available += Double(days.count)
                let cap = trainingDaysByMonth[month] == nil ? nil : Double(days.count)
                lines.append(CapacityLine(resource: resource, period: month, unit: "sessions", capacity: cap,
                                          used: Double(mine.filter { $0.date.monthKey == month }.count)))
            }
            let cap = trainer.maxDays.map { min(Double($0), available) } ?? available
            lines.append(CapacityLine(resource: resource, period: "total", unit: "sessions", capacity: cap,
                                      used: Double(mine.count)))
        }

        for venue in scenario.venues.filter({ $0.mode == .physical }).sorted(by: { $0.id < $1.id }) {
            let resource = CapacityResource(kind: .venue, name: venue.id)
            let mine = sessions.filter { $0.venue == venue.id }
            var capTotal = 0.0
            for month in months {
                let days = trainingDaysByMonth[month]?.count
                capTotal += Double(days ?? 0)
                lines.append(CapacityLine(resource: resource, period: month, unit: "sessions", capacity: days.map(Double.init),
                                          used: Double(mine.filter { $0.date.monthKey == month }.count)))
            }
            lines.append(CapacityLine(resource: resource, period: "total", unit: "sessions", capacity: capTotal,
                                      used: Double(mine.count)))
        }

        let spend = BudgetSpend(scenario: scenario)
        for name in BudgetName.all {
            let cap = BudgetName.cap(name, in: scenario.budget).map(Double.init)
            let perSession = sessions.map { ($0.date.monthKey, spend.kr(name, $0)) }
            guard cap != nil || perSession.contains(where: { $0.1 > 0 }) else { continue }
            let resource = CapacityResource(kind: .budget, name: name)
            var cumulative = 0.0
            for month in months {
                cumulative += perSession.filter { $0.0 == month }.reduce(0.0) { $0 + $1.1 }
                lines.append(CapacityLine(resource: resource, period: month, unit: "kr", capacity: cap, used: cumulative))
            }
            lines.append(CapacityLine(resource: resource, period: "total", unit: "kr", capacity: cap, used: cumulative))
        }

        return CapacityTable(months: months, lines: lines,
                             overloadedWeeks: overloadedWeeks(scenario: scenario, calendar: calendar, sessions: sessions))
    }

    /// staff-weekly-load: sessions × (1 + prep) ≤ Σ share over the week's working days.
    package static func overloadedWeeks(scenario: Scenario, calendar: WorkingCalendar, sessions: [PlannedSession]) -> [OverloadedWeek] {
        let load = 1 + scenario.rules.prepDaysPerSessionDay
        var out: [OverloadedWeek] = []
        for staff in scenario.staff.sorted(by: { $0.name < $1.name }) {
            let byWeek = Dictionary(grouping: sessions.filter { $0.leaders.contains(staff.name) }, by: { $0.date.monday })
            for monday in byWeek.keys.sorted() {
                let used = Double(byWeek[monday]?.count ?? 0) * load
                let cap = (0..<5).map { monday.adding(days: $0) }.filter { calendar.isWorkingDay($0) }
                    .reduce(0.0) { $0 + staff.share(on: $1) }
                if used > cap + 1e-6 { out.append(OverloadedWeek(staff: staff.name, monday: monday, capacity: cap, used: used)) }
            }
        }
        return out
    }
}

/// What a session costs each budget (`docs/rules.md`: budget-trainers, budget-travel, budget-premises).
package struct BudgetSpend {
    package let scenario: Scenario

    package func kr(_ budget: String, _ s: PlannedSession) -> Double {
        switch budget {
        case BudgetName.trainers: return Double(s.leaders.compactMap { scenario.trainer($0)?.dayRate }.reduce(0, +))
        case BudgetName.travel: return Double(s.leaders.compactMap { scenario.trainer($0)?.travelPerDay }.reduce(0, +))
        case BudgetName.premises: return Double(scenario.venue(s.venue)?.costPerDay ?? 0)
        default: return 0
        }
    }
}
