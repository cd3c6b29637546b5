import LinearModel
import TidsplanCore

/// Staff lead and prepare within their share of full time: every ISO week, and every month within the
/// teaching share. A week that straddles two months counts in both (stricter than the rule, never looser).
/// External trainers lead at most one session a day.
enum StaffLoad: ConstraintFamily {
    static let id = "staff-weekly-load"
    static let explanation = "Project staff lead (and prepare) no more than their part-time allows each week and month; external trainers lead at most one session a day."
    static let verifierRules = ["staff-weekly-load", "staff-monthly-load", "leader-one-per-day"]

    static func apply(to b: WeekModelBuilder) {
        for p in b.allLeaders {
            var weekLoad: [Int: LinearExpression] = [:]
            for v in b.grid.weeks.indices {
                let e = b.leads(p, week: v)
                guard !e.terms.isEmpty else { continue }
                weekLoad[v] = e
                let (cap, load) = b.leaderWeekCapacity(p, week: v)
                var scaled = WeekModelBuilder.zero
                scaled.add(e, times: load)
                b.tags.tag(b.model.addConstraint("load_week_\(Slug.make(p))_w\(v)", scaled, upper: cap + 1e-9), .leaderWeek(leader: p, week: v))
            }
            guard let staff = b.scenario.staffMember(p) else { continue }
            let load = 1 + b.scenario.rules.prepDaysPerSessionDay
            for month in b.grid.months {
                var e = WeekModelBuilder.zero
                var committed = 0
                for v in b.grid.weeks.indices where b.grid.weeks[v].months.contains(month) {
                    if let w = weekLoad[v] { e.add(w, times: load) }
                    committed += b.grid.commitments.daysLed(p, among: b.grid.weeks[v].workingDays)
                }
                guard !e.terms.isEmpty else { continue }
                let days = b.grid.weeks.flatMap(\.workingDays).filter { $0.monthKey == month }
                let cap = b.scenario.rules.maxTeachingShare * days.reduce(0.0) { $0 + staff.share(on: $1) }
                b.tags.tag(b.model.addConstraint("load_month_\(Slug.make(p))_\(month)", e, upper: max(0, cap - load * Double(committed)) + 1e-9),
                           .staffMonth(leader: p, month: month))
            }
        }
    }
}

/// External trainers lead no more days than their contracts allow.
enum TrainerContracts: ConstraintFamily {
    static let id = "trainer-max-days"
    static let explanation = "External trainers lead no more days than their contract's maximum."
    static let verifierRules = ["trainer-max-days"]

    static func apply(to b: WeekModelBuilder) {
        for t in b.scenario.trainers {
            guard let maxDays = t.maxDays else { continue }
            let e = daysLed(b, t.name)
            guard !e.terms.isEmpty else { continue }
            b.tags.tag(b.model.addConstraint("maxdays_\(Slug.make(t.name))", e, upper: Double(max(0, maxDays - b.grid.commitments.daysLed(t.name)))),
                       .trainerMaxDays(trainer: t.name))
        }
    }

    /// Session days led by `p` over the whole period.
    static func daysLed(_ b: WeekModelBuilder, _ p: String) -> LinearExpression {
        var e = WeekModelBuilder.zero
        for v in b.grid.weeks.indices { e.add(b.leads(p, week: v)) }
        return e
    }
}

/// Trainer fees, their travel and venue hire stay within the budget.
enum BudgetCaps: ConstraintFamily {
    static let id = "budget-trainers"
    static let explanation = "Trainer fees, trainers' travel and premises stay within their budgets."
    static let verifierRules = ["budget-trainers", "budget-travel", "budget-premises"]

    static func apply(to b: WeekModelBuilder) {
        let budget = b.scenario.budget
        let spent = b.grid.commitments
        if let cap = budget.trainersKr { add(b, .trainers, trainerSpend(b, \.dayRate), cap - spent.trainerFeesKr) }
        if let cap = budget.travelKr { add(b, .travel, trainerSpend(b, \.travelPerDay), cap - spent.travelKr) }
        if let cap = budget.premisesKr { add(b, .premises, premisesSpend(b), cap - spent.premisesKr) }
    }

    static func add(_ b: WeekModelBuilder, _ line: BudgetLine, _ e: LinearExpression, _ cap: Int) {
        guard !e.terms.isEmpty else { return }
        b.tags.tag(b.model.addConstraint("budget_\(line.rawValue)", e, upper: Double(max(0, cap))), .budget(line: line))
    }

    static func trainerSpend(_ b: WeekModelBuilder, _ rate: KeyPath<ExternalTrainer, Int>) -> LinearExpression {
        var e = WeekModelBuilder.zero
        for t in b.scenario.trainers where t[keyPath: rate] > 0 {
            e.add(TrainerContracts.daysLed(b, t.name), times: Double(t[keyPath: rate]))
        }
        return e
    }

    static func premisesSpend(_ b: WeekModelBuilder) -> LinearExpression {
        var e = WeekModelBuilder.zero
        for g in b.groups.indices where b.groups[g].venue.costPerDay > 0 {
            e.add(b.runs(g), times: Double(b.groups[g].venue.costPerDay * b.groups[g].meetings))
        }
        return e
    }
}

/// A room hosts at most one session a day, so at most as many sessions a week as it has working days.
enum VenueWeek: ConstraintFamily {
    static let id = "venue-one-per-day"
    static let explanation = "A room is booked for at most one session a day."
    static let verifierRules = ["venue-one-per-day"]

    static func apply(to b: WeekModelBuilder) {
        for venue in b.scenario.venues where venue.mode == .physical {
            let gs = b.groups.indices.filter { b.groups[$0].venue.id == venue.id }
            guard !gs.isEmpty else { continue }
            for v in b.grid.weeks.indices {
                let e = b.meetingsIn(week: v, groups: gs)
                guard !e.terms.isEmpty else { continue }
                let days = b.grid.weeks[v].workingDays
                b.tags.tag(b.model.addConstraint("venue_\(Slug.make(venue.id))_w\(v)", e,
                                                 upper: Double(days.count - b.grid.commitments.venueDaysBooked(venue.id, among: days))),
                           .venueWeek(venue: venue.id, week: v))
            }
        }
    }
}

/// Each municipality has at most the rule's training days a week. In weeks the model counts every session
/// its staff *could* attend (its county part's and the county-wide ones): stricter, so the days always fit.
enum MunicipalityWeekLimit: ConstraintFamily {
    static let id = "municipality-days-per-week"
    static let explanation = "A municipality's staff are on training at most the allowed number of days a week, so daily operations go on."
    static let verifierRules = ["municipality-days-per-week"]

    static func apply(to b: WeekModelBuilder) {
        let limit = Double(b.scenario.rules.maxTrainingDaysPerWeek)
        for part in b.scenario.countyParts {
            let members = Set(b.scenario.municipalities.filter { $0.countyPart == part }.map(\.name))
            let gs = b.groups.indices.filter { g in b.groups[g].seatCaps.contains { members.contains($0.municipality) } }
            for v in b.grid.weeks.indices {
                let e = b.meetingsIn(week: v, groups: gs)
                guard !e.terms.isEmpty else { continue }
                // Never below what is already held (a session the register records as moved into this week).
                let upper = max(limit, b.heldPart(e))
                b.tags.tag(b.model.addConstraint("muniweek_\(Slug.make(part))_w\(v)", e, upper: upper), .countyPartWeek(countyPart: part, week: v))
            }
        }
    }
}
