/// The three budget caps. Each sums a per-session cost over the planned sessions and compares it with
/// the scenario's cap (no cap when nil). Kept together because they differ only in what they sum.
enum BudgetCheck {
    static func check(_ c: VerificationContext, cap: Int?, what: Bilingual, cost: (PlannedSession) -> Int) -> [RuleFinding] {
        guard let cap else { return [] }
        let costs = c.sessions.map { ($0, cost($0)) }.filter { $0.1 != 0 }
        let total = costs.reduce(0) { $0 + $1.1 }
        guard total > cap else { return [] }
        return [RuleFinding(date: nil, sessionIDs: costs.map(\.0.id),
            message: Bilingual("\(what.sv) för \(costs.count) \(costs.count == 1 ? "tillfälle" : "tillfällen") blir \(VerificationText.kronor(total)), över budgeten på \(VerificationText.kronor(cap))",
                              "\(what.en) for \(costs.count) session(s) come to \(VerificationText.kronor(total)), over the budget of \(VerificationText.kronor(cap))"))]
    }

    /// The session's leaders who are external trainers (each once).
    static func externalLeaders(_ s: PlannedSession, _ c: VerificationContext) -> [ExternalTrainer] {
        Set(s.leaders).sorted().compactMap { c.trainer($0) }
    }
}

/// `budget-trainers`: external trainers' day rates stay within `budget.trainersKr`.
enum TrainerBudgetRule: PlanRule {
    static let id = "budget-trainers"
    static func check(_ c: VerificationContext) -> [RuleFinding] {
        BudgetCheck.check(c, cap: c.scenario.budget.trainersKr, what: Bilingual("Externa utbildares dagarvoden", "External trainers' day rates")) { s in
            BudgetCheck.externalLeaders(s, c).reduce(0) { $0 + $1.dayRate }
        }
    }
}

/// `budget-travel`: external trainers' travel and lodging stays within `budget.travelKr`.
enum TravelBudgetRule: PlanRule {
    static let id = "budget-travel"
    static func check(_ c: VerificationContext) -> [RuleFinding] {
        BudgetCheck.check(c, cap: c.scenario.budget.travelKr, what: Bilingual("Externa utbildares resor och logi", "External trainers' travel and lodging")) { s in
            BudgetCheck.externalLeaders(s, c).reduce(0) { $0 + $1.travelPerDay }
        }
    }
}

/// `budget-premises`: venue hire stays within `budget.premisesKr`.
enum PremisesBudgetRule: PlanRule {
    static let id = "budget-premises"
    static func check(_ c: VerificationContext) -> [RuleFinding] {
        BudgetCheck.check(c, cap: c.scenario.budget.premisesKr, what: Bilingual("Lokalhyror", "Venue hire")) { s in
            c.venue(s.venue)?.costPerDay ?? 0
        }
    }
}
