import LinearModel
import TidsplanCore
import TidsplanIO
import TidsplanModel
import TidsplanIO

public struct CapacityAnalysisOptions: Sendable {
    /// Most re-solves for marginal values (each is a full planning run).
    public var maxResolves: Int
    /// The budget unit whose value is measured, in kr.
    public var budgetStep: Int
    /// Work out what is missing when quotas are not met (an elastic model and one more planning run).
    public var findMissing: Bool
    /// Language of the progress lines.
    public var lang: Language
    public init(maxResolves: Int = 8, budgetStep: Int = 5000, findMissing: Bool = true, lang: Language = .sv) {
        self.maxResolves = maxResolves; self.budgetStep = budgetStep; self.findMissing = findMissing; self.lang = lang
    }
}

/// Capacity and compare measure everything against a plan of the scenario as it is; when that solve gives no
/// plan, the job fails instead of reporting on nothing.
public struct BasePlanFailed: Error, Sendable {
    public var plan: Plan
    public init(plan: Plan) { self.plan = plan }
}

/// Everything `tidsplan capacity` reports, computed in memory.
public struct CapacityAnalysis: Sendable {
    public var scenario: Scenario
    /// The plan whose use of capacity is shown (the one given, or the one just planned).
    public var plan: Plan
    /// True when `plan` came from a file rather than from planning now.
    public var planFromFile: Bool
    /// The plan the marginal values are measured against: always planned now, with the same limits as the re-solves.
    public var basePlan: Plan
    public var table: CapacityTable
    public var relaxation: RelaxationDuals
    /// Most valuable first.
    public var marginalValues: [MarginalValue]
    /// Hard-rule violations in `plan` (`tidsplan verify`): capacity figures of a broken plan mislead.
    public var violations: [Violation] { PlanVerifier.verify(plan: plan, scenario: scenario) }
    /// Nil when the quotas are met (or the search was not asked for).
    public var missing: MissingCapacity?
    /// The budget unit measured, in kr.
    public var budgetStep: Int

    /// - Parameters:
    ///   - plan: a plan to measure; nil plans the scenario first.
    ///   - progress: one line per step, for a terminal.
    public static func run(scenario: Scenario, plan: Plan?, solver: ScenarioSolver, options: CapacityAnalysisOptions = .init(),
                           progress: (String) -> Void = { _ in }) throws -> CapacityAnalysis {
        let w = CapacityWords(lang: options.lang)
        progress(w.progressPlanning)
        let basePlan = try solver.plan(scenario, alone: true)
        // Every figure is measured against the base plan: without one there is nothing to report.
        guard basePlan.isMeasurable else { throw BasePlanFailed(plan: basePlan) }
        let measured = plan ?? basePlan
        let table = CapacityTable.build(scenario: scenario, plan: measured)
        progress(w.progressRelaxation)
        let relaxation = try RelaxationDuals.solve(scenario: scenario, backend: solver.backend, timeLimit: solver.timeLimit)
        // Every re-solve adds capacity, so it starts from the base plan and can only improve on it.
        var solver = solver
        solver.hint = basePlan
        let search = MarginalValueSearch(scenario: scenario, basePlan: basePlan, relaxation: relaxation, solver: solver,
                                         maxResolves: options.maxResolves, budgetStep: options.budgetStep, lang: options.lang)
        let values = try search.run(progress: progress)
        var missing: MissingCapacity?
        let short = QuotaFigures.shortfallHours(basePlan, scenario: scenario)
        if options.findMissing && short >= 0.5 && !solver.shouldStop() {
            progress(w.progressElastic)
            let (additions, remaining, status) = try ElasticCapacityModel(scenario: scenario)
                .solve(backend: solver.backend, timeLimit: solver.timeLimit, shouldStop: solver.shouldStop)
            var verified: Double?
            if !additions.isEmpty && !solver.shouldStop() {
                progress(w.progressCheck)
                var changed = scenario
                for a in additions { changed = a.apply(to: changed) }
                let check = try solver.plan(changed, alone: true)
                if check.solver.status.hasPlan { verified = QuotaFigures.shortfallHours(check, scenario: changed).roundedTo(6) }
            }
            missing = MissingCapacity(shortfallHours: short.roundedTo(6), additions: additions, remainingShortfallHours: remaining,
                                      solveStatus: status, verifiedShortfallHours: verified)
        }
        return CapacityAnalysis(scenario: scenario, plan: measured, planFromFile: plan != nil, basePlan: basePlan, table: table,
                                relaxation: relaxation, marginalValues: values, missing: missing, budgetStep: options.budgetStep)
    }

    /// The resources in order of value: measured marginal values first (most valuable first), then
    /// resources that bind only in the relaxation (largest Σ |dual| first).
    public var rankedResources: [CapacityResource] {
        var out = marginalValues.filter(\.buysSomething).map(\.resource)
        for b in relaxation.bindings where !out.contains(b.resource) { out.append(b.resource) }
        return out
    }
}
