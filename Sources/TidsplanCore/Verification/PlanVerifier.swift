/// The independent judge of a plan: re-checks every hard rule of docs/rules.md against the scenario,
/// without any solver code. The planner's model may be stricter than a rule, never looser, so a plan
/// from the planner must come back with no violations.
public enum PlanVerifier {
    /// The rules in the order of the table in docs/rules.md (violations are reported in this order).
    static var rules: [any PlanRule.Type] {[
        WorkingDayRule.self,
        LeadersQualifiedRule.self,
        LeaderAvailableRule.self,
        LeaderOnePerDayRule.self,
        StaffWeeklyLoadRule.self,
        StaffMonthlyLoadRule.self,
        TrainerMaxDaysRule.self,
        TrainerBudgetRule.self,
        TravelBudgetRule.self,
        PremisesBudgetRule.self,
        ParticipantsRangeRule.self,
        SeriesSameSeatsRule.self,
        AudienceRule.self,
        GroupSeatsRule.self,
        DeliveryRule.self,
        VenueOnePerDayRule.self,
        SeriesCadenceRule.self,
        PrerequisiteRule.self,
        CourseOrderRule.self,
        ManagersAheadRule.self,
        MunicipalityDaysPerWeekRule.self,
        MunicipalityShareAwayRule.self,
        WithdrawalRule.self,
        QuotaCeilingRule.self,
        PinnedRule.self,
        FollowUpWindowRule.self,
        EventRule.self,
        FrozenPastRule.self,
    ]}

    /// The rule ids, in table order.
    public static var ruleIDs: [String] { rules.map { $0.id } }

    /// Rules that judge only sessions still to come: a held session that broke them is history, and the
    /// planner never lets it make a re-plan infeasible (the application's order).
    public static let rulesForWhatIsToCome: Set<String> = [CourseOrderRule.id, ManagersAheadRule.id]

    /// Every broken rule, ordered by rule (table order), then date, then session id.
    /// - Parameters:
    ///   - previous: the plan this one re-plans; with an as-of date it turns on the frozen-past rule.
    ///   - asOf: the last frozen day; defaults to `plan.asOf`.
    public static func verify(plan: Plan, scenario: Scenario, previous: Plan? = nil, asOf: Day? = nil) -> [Violation] {
        let context = VerificationContext(plan: plan, scenario: scenario, previous: previous, asOf: asOf ?? plan.asOf)
        return rules.flatMap { rule in
            rule.check(context).sorted(by: RuleFinding.inOrder).map {
                Violation(rule: rule.id, sessionIDs: $0.sessionIDs, text: $0.message)
            }
        }
    }
}
