import TidsplanCore

/// The figures the report shows, computed from the plan and the scenario (no HTML here, so they
/// can be tested on their own). Only planned training sessions count, as in the rules.
enum ReportFigures {
    /// One calendar month of the project period (clipped to the period at both ends).
    struct Month: Hashable, Sendable {
        let year: Int
        let month: Int
        let range: DateRange
        var index: Int { year * 12 + month - 1 }
    }

    static func months(of period: DateRange) -> [Month] {
        guard period.from <= period.to else { return [] }
        var out: [Month] = []
        var first = period.from
        while first <= period.to {
            let c = first.components
            guard let monthStart = Day(year: c.year, month: c.month, day: 1) else { break }
            let next = monthStart.adding(months: 1)
            let last = min(next.adding(days: -1), period.to)
            out.append(Month(year: c.year, month: c.month, range: DateRange(from: first, to: last)))
            first = next
        }
        return out
    }

    /// Position of `day`'s month among `months`, or nil outside them.
    static func monthPosition(_ day: Day, in months: [Month]) -> Int? {
        guard let first = months.first else { return nil }
        let i = day.year * 12 + day.month - 1 - first.index
        return i >= 0 && i < months.count ? i : nil
    }

    static func plannedTraining(_ plan: Plan) -> [PlannedSession] {
        plan.sessions.filter { $0.kind == .training && $0.status == .planned }
    }

    // MARK: timeline

    struct TimelineRow: Sendable, Equatable {
        let courseID: String
        let label: String
        let counts: [Int]
        var total: Int { counts.reduce(0, +) }
    }

    /// One row per course (scenario order, then any course only the plan knows), with the number of
    /// planned sessions per month.
    static func timeline(scenario: Scenario, plan: Plan, months: [Month]) -> [TimelineRow] {
        let sessions = plannedTraining(plan)
        var ids = scenario.courses.map(\.id)
        for s in sessions where !ids.contains(s.course) { ids.append(s.course) }
        return ids.map { id in
            var counts = Array(repeating: 0, count: months.count)
            for s in sessions where s.course == id {
                if let i = monthPosition(s.date, in: months) { counts[i] += 1 }
            }
            let label = scenario.course(id)?.name ?? sessions.first { $0.course == id }?.title ?? id
            return TimelineRow(courseID: id, label: label, counts: counts)
        }
    }

    /// Fixed events (and generated surveys) per month, cancelled ones left out.
    static func eventCounts(plan: Plan, months: [Month]) -> [Int] {
        var counts = Array(repeating: 0, count: months.count)
        for s in plan.sessions where s.kind == .event && s.status == .planned {
            if let i = monthPosition(s.date, in: months) { counts[i] += 1 }
        }
        return counts
    }

    // MARK: leader load

    struct LoadRow: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case staff, trainer, other }
        let name: String
        let kind: Kind
        /// Distinct days with a planned training session led, per month.
        let days: [Int]
        /// Staff: most session days the monthly teaching-share rule allows
        /// (maxTeachingShare × Σ share over the person's working days ÷ (1 + preparation)); else nil.
        let allowedDays: [Double?]
        /// Trainers: the contract's maximum over the whole period.
        let maxDays: Int?
        var total: Int { days.reduce(0, +) }
    }

    static func load(scenario: Scenario, plan: Plan, months: [Month], calendar: WorkingCalendar) -> [LoadRow] {
        let sessions = plannedTraining(plan)
        func days(of name: String) -> [Int] {
            var dates = Array(repeating: Set<Day>(), count: months.count)
            for s in sessions where s.leaders.contains(name) {
                if let i = monthPosition(s.date, in: months) { dates[i].insert(s.date) }
            }
            return dates.map(\.count)
        }
        let rules = scenario.rules
        var rows: [LoadRow] = []
        for member in scenario.staff {
            let allowed: [Double?] = months.map { m in
                let shareDays = calendar.workingDays(in: m.range, leader: member.name)
                    .reduce(0.0) { $0 + member.share(on: $1) }
                return rules.maxTeachingShare * shareDays / (1 + rules.prepDaysPerSessionDay)
            }
            rows.append(LoadRow(name: member.name, kind: .staff, days: days(of: member.name),
                                allowedDays: allowed, maxDays: nil))
        }
        for trainer in scenario.trainers {
            rows.append(LoadRow(name: trainer.name, kind: .trainer, days: days(of: trainer.name),
                                allowedDays: months.map { _ in nil }, maxDays: trainer.maxDays))
        }
        let known = Set(rows.map(\.name))
        for name in Set(sessions.flatMap(\.leaders)).subtracting(known).sorted() {
            rows.append(LoadRow(name: name, kind: .other, days: days(of: name),
                                allowedDays: months.map { _ in nil }, maxDays: nil))
        }
        return rows
    }

    // MARK: budget

    struct BudgetLine: Sendable, Equatable {
        enum Kind: Sendable, Equatable { case trainers, travel, premises }
        let kind: Kind
        let cap: Int?
        let used: Double
        var left: Double? { cap.map { Double($0) - used } }
    }

    /// Money the plan spends against each budget cap: trainers' day fees and travel per session day
    /// they lead, and the venue's day cost per session.
    static func budget(scenario: Scenario, plan: Plan) -> [BudgetLine] {
        var fees = 0.0, travel = 0.0, premises = 0.0
        for s in plannedTraining(plan) {
            for name in s.leaders {
                guard let t = scenario.trainer(name) else { continue }
                fees += Double(t.dayRate)
                travel += Double(t.travelPerDay)
            }
            if let v = scenario.venue(s.venue) { premises += Double(v.costPerDay) }
        }
        return [
            BudgetLine(kind: .trainers, cap: scenario.budget.trainersKr, used: fees),
            BudgetLine(kind: .travel, cap: scenario.budget.travelKr, used: travel),
            BudgetLine(kind: .premises, cap: scenario.budget.premisesKr, used: premises),
        ]
    }
}
