import TidsplanCore
import TidsplanIO
import TidsplanModel

/// The key figures of one planned variant, side by side with the others in compare.md / compare.csv.
public struct VariantKPIs: Sendable, Equatable {
    public struct MunicipalityFigures: Sendable, Equatable {
        public var name: String
        public var quotaHours: Int
        public var plannedHours: Double
        public var cofinancingKr: Double
        public var withdrawn: Day?
    }

    public var label: String
    public var description: String
    /// "optimal", "stopped early, gap 1.2 %", "infeasible"… in the run's language.
    public var status: String
    /// Relative optimality gap of the week model (0 when proven optimal; nil when no plan).
    public var gap: Double?
    public var sessions: Int
    public var municipalities: [MunicipalityFigures]
    public var plannedHours: Double
    public var cofinancingKr: Double
    /// Hours short of the quotas in force, over the municipalities still taking part.
    public var shortfallHours: Double
    /// Planned hours and co-financing the variant loses against the base plan (0 for the base; negative: gains).
    public var lostHours: Double = 0
    public var lostKr: Double = 0
    /// Places the target groups asked for and did not get (the plan's attendance shortfalls, persons).
    public var missingPlaces: Int = 0
    public var trainerDays: Int
    public var trainerFeesKr: Double
    public var trainerTravelKr: Double
    public var premisesKr: Double
    /// The busiest staff month: utilisation of the teaching share (nil when no staff member has capacity).
    public var staffPeak: Double?
    public var staffPeakWho: String
    public var staffPeakMonth: String
    /// Re-plans: sessions changed against the base plan (moved or altered, cancelled, new).
    public var changedSessions: Int?
    /// Hard-rule violations `tidsplan verify` finds in the variant's plan (a planner plan should have none).
    public var violations: Int
    /// Whether the solver found a plan for the variant (`status` says why not).
    public var hasPlan: Bool { gap != nil }

    public var trainerCostKr: Double { trainerFeesKr + trainerTravelKr }

    /// - Parameter base: for re-plans, the plan they start from (changes are counted and the frozen past checked against it).
    public static func measure(label: String, description: String, scenario: Scenario, plan: Plan, base: Plan?,
                               lang: Language = .sv) -> VariantKPIs {
        let training = plan.sessions.filter { $0.kind == .training && $0.status == .planned }
        let spend = BudgetSpend(scenario: scenario)
        var days = 0
        for s in training { days += s.leaders.filter { scenario.trainer($0) != nil }.count }
        let table = CapacityTable.build(scenario: scenario, plan: plan)
        let peak = table.staffPeak
        let municipalities = plan.municipalities.map {
            MunicipalityFigures(name: $0.name, quotaHours: $0.quotaHours, plannedHours: $0.plannedHours,
                                cofinancingKr: $0.cofinancingKr, withdrawn: scenario.municipality($0.name)?.withdrawal)
        }
        // The start plan a time limit left (nothing chosen) is no plan to compare: its "lost hours" would be the limit's.
        let hasPlan = plan.isMeasurable
        let status = hasPlan || !plan.solver.status.hasPlan ? CapacityWords(lang: lang).status(plan)
            : (lang == .sv ? "ingen plan inom tidsgränsen" : "no plan within the time limit")
        return VariantKPIs(
            label: label, description: description, status: status,
            gap: hasPlan ? (plan.solver.gap ?? 0) : nil, sessions: training.count, municipalities: municipalities,
            plannedHours: municipalities.reduce(0.0) { $0 + $1.plannedHours },
            cofinancingKr: municipalities.reduce(0.0) { $0 + $1.cofinancingKr },
            shortfallHours: QuotaFigures.shortfallHours(plan, scenario: scenario).roundedTo(6),
            missingPlaces: QuotaFigures.missingPlaces(plan),
            trainerDays: days,
            trainerFeesKr: training.reduce(0.0) { $0 + spend.kr(BudgetName.trainers, $1) },
            trainerTravelKr: training.reduce(0.0) { $0 + spend.kr(BudgetName.travel, $1) },
            premisesKr: training.reduce(0.0) { $0 + spend.kr(BudgetName.premises, $1) },
            staffPeak: peak?.utilisation, staffPeakWho: peak?.staff ?? "", staffPeakMonth: peak?.month ?? "",
            // A variant the solver found no plan for has nothing to count or verify (its status says so).
            changedSessions: hasPlan ? base.map { PlanDiff.between(previous: $0, current: plan).counts.total } : nil,
            violations: hasPlan ? PlanVerifier.verify(plan: plan, scenario: scenario, previous: base,
                                                      asOf: base == nil ? nil : plan.asOf).count : 0)
    }
}

