import LinearModel
import TidsplanCore

public struct PlannerOptions: Sendable {
    /// Seconds for the whole solve (both stages); nil means no limit.
    public var timeLimit: Double?
    /// Relative gap at which the week model counts as solved.
    public var relativeGap: Double
    public var progress: ProgressHandler?
    public var log: (@Sendable (String) -> Void)?
    public var memoryLimitMiB: Int?
    /// Scales the node budgets of the solve phases (1 = default; 2 searches twice as long).
    public var effort: Double
    /// Skips the passes that only tighten the bound (the full model and the seat-relaxed model): for
    /// the areas of a decomposed plan, where no global bound is claimed anyway.
    public var quick: Bool = false
    /// Whether to spend a pass on the full model's root only for a better bound (the re-plan's from-scratch
    /// comparison needs a plan, not a proof).
    public var proveBound: Bool = true
    /// Whether a large scenario is planned area by area (`DecomposedPlanner`).
    public var decompose: Decompose = .auto
    /// Most persons in one area when planning by area.
    public var maxAreaPersons: Int = PlanAreas.maxPersons
    /// A plan of a scenario like this one with no less capacity (capacity's base plan, when measuring one more
    /// unit): its runs in their weeks are tried first, so the search starts from a plan at least as good as it
    /// and can only improve on it. Not used when re-planning or planning by area.
    public var hint: Plan?
    /// The week model's own cuts in the passes that search the full model without presolve (`WeekModelCuts`).
    public var cutFamilies: Set<WeekCutFamily> = WeekCutFamily.kept
    /// The deepest search node that gets them (0: the root only).
    public var cutMaxLevel: Int = 0
    /// Also in the week search passes that run without presolve (measured, not the default: docs/benchmarks.md).
    public var cutsInWeekSearch = false
    /// A second solver, on another core: the week model's root-bound pass then runs beside the search instead of
    /// after it. Nil when the other core is busy (capacity's units, compare's variants, the re-plan's comparison).
    public var boundBackend: SolverBackend?
    /// Week models up to this many columns are searched in full first (`WeekSolveStrategy.smallModelColumns`);
    /// tests lower it to take the large models' passes on a small scenario.
    package var smallModelColumns = WeekSolveStrategy.smallModelColumns
    public init(timeLimit: Double? = 120, relativeGap: Double = 0.001, progress: ProgressHandler? = nil,
                log: (@Sendable (String) -> Void)? = nil, memoryLimitMiB: Int? = nil, effort: Double = 1) {
        self.effort = effort
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.progress = progress; self.log = log
        self.memoryLimitMiB = memoryLimitMiB
    }
}

/// When to plan area by area instead of in one model.
public enum Decompose: String, Sendable, CaseIterable {
    /// When the scenario has more persons than one area holds (`PlanAreas.maxPersons`); a re-plan only when
    /// the previous plan was made by the same areas.
    case auto
    /// Always one model, however long it takes.
    case off
    /// Always by area (a scenario small enough is still one area).
    case on
}

/// Figures about a planning run that are not part of the plan (they vary from run to run).
public struct PlanStatistics: Sendable {
    public var seconds: Double
    public var weekModelColumns: Int
    public var weekModelRows: Int
    public var dayModelColumns: Int
    public var rounds: Int
    public var nodes: Int
    public var termination: Termination
    /// How each phase of the week solve ended (see `WeekSolveStrategy`).
    public var phases: [String]
    /// Areas planned one after another (1: the whole scenario in one model).
    public var areas: Int = 1
}

public struct PlanOutcome: Sendable {
    public var plan: Plan
    public var statistics: PlanStatistics
    /// The final week model, for export to other solvers.
    public var weekModel: LinearModel
}

/// Scenario → week model → day model → plan.
public enum Planner {
    /// How many times a week that found no day is ruled out and the week model solved again.
    static let maxRounds = 4

    public static func plan(scenario: Scenario, backend: SolverBackend, options: PlannerOptions = .init(),
                            replan: ReplanContext? = nil, clock: @escaping @Sendable () -> Double = { 0 }) throws -> PlanOutcome {
        let areas = areas(for: scenario, options: options, replan: replan)
        if !areas.isEmpty {
            return try DecomposedPlanner(scenario: scenario, areas: areas, backend: backend, options: options, replan: replan,
                                         clock: clock).plan()
        }
        return try planWhole(scenario: scenario, backend: backend, options: options, replan: replan, clock: clock)
    }

    /// The areas `plan` will plan one after another, or none when it uses one model. A re-plan goes by area
    /// only when the previous plan was made by the same areas.
    public static func areas(for scenario: Scenario, options: PlannerOptions, replan: ReplanContext?) -> [PlanArea] {
        let areas = PlanAreas.split(scenario, maxPersons: options.maxAreaPersons)
        let replannable = replan.map { DecomposedPlanner.canReplan($0, areas: areas) } ?? true
        let byArea = switch options.decompose {
        case .auto: areas.count > 1 && replannable
        case .on: replannable
        case .off: false
        }
        return byArea ? areas : []
    }

    /// The whole scenario in one week model and one day model. `commitments` and `scope` are for the areas
    /// of a decomposed plan: what earlier areas took, and the area's name in run ids.
    static func planWhole(scenario: Scenario, backend: SolverBackend, options: PlannerOptions, replan: ReplanContext?,
                          clock: @escaping @Sendable () -> Double, commitments: Commitments = .none,
                          scope: String? = nil) throws -> PlanOutcome {
        let t0 = clock()
        let calendar = WorkingCalendar(scenario: scenario)
        var commitments = commitments
        commitments.block(scenario.fixedEvents, scenario: scenario)
        let grid = TimeGrid(scenario: scenario, calendar: calendar, commitments: commitments)
        let previousRuns = replan.map { PreviousRuns.extract(from: $0, scenario: scenario, grid: grid) } ?? []
        let (groups, gaps) = RunGroupGenerator.generate(scenario: scenario, minimumRuns: PreviousRuns.minimumRuns(previousRuns),
                                                        scope: scope)

        var forbidden: [String: [Int: Int]] = [:]
        var rounds = 0
        var totalNodes = 0
        var phases: [String] = []
        while true {
            rounds += 1
            let builder = WeekModelBuilder(scenario: scenario, grid: grid, groups: groups, replan: replan,
                                           previousRuns: previousRuns, forbidden: forbidden)
            let weekModel = builder.build()
            var strategy = WeekSolveStrategy(backend: backend, options: options, clock: clock, start: t0)
            if replan == nil && scope == nil, let hint = options.hint {
                strategy.hint = PreviousRuns.extract(runsOf: hint, frozenThrough: nil, scenario: scenario, grid: grid)
            }
            let weekOutcome = try strategy.solve(builder, weekModel)
            let weekResult = weekOutcome.result
            phases = weekOutcome.phases
            totalNodes += weekResult.nodes
            guard let weekSolution = weekResult.solution else {
                let plan = emptyPlan(scenario: scenario, backend: backend, result: weekResult, replan: replan)
                return PlanOutcome(plan: plan, statistics: PlanStatistics(
                    seconds: clock() - t0, weekModelColumns: weekModel.variables.count, weekModelRows: weekModel.constraints.count,
                    dayModelColumns: 0, rounds: rounds, nodes: totalNodes, termination: weekResult.termination, phases: phases), weekModel: weekModel)
            }
            var runs = heldRuns(builder, weekSolution, previousRuns: previousRuns)
            let decisions = WeekDecision.from(runs, groups: groups, scenario: scenario, grid: grid)
            let dayBuilder = DayModelBuilder(scenario: scenario, grid: grid, groups: groups, runs: runs,
                                             decisions: decisions, replan: replan)
            let (dayModel, dayVars, unplaced) = dayBuilder.build()
            // No time limit for GLPK here either (it makes runs differ); the day model is small, a node budget bounds it.
            var dayOptions = SolveOptions(timeLimit: nil, relativeGap: 1e-4, memoryLimitMiB: options.memoryLimitMiB,
                                          nodeLimit: 20_000, log: options.log)
            dayOptions.messageLevel = options.log == nil ? .off : .normal
            let dayResult = decisions.isEmpty
                ? SolveResult(termination: .optimal, solution: Solution(values: [], objective: 0, bestBound: 0, gap: 0), seconds: 0)
                : try backend.solve(dayModel, options: dayOptions, progress: nil)
            totalNodes += dayResult.nodes
            let daySolution = dayResult.solution
            var failed: [Int] = []
            var dates: [Int: Day] = [:]
            for i in decisions.indices {
                guard let sol = daySolution, sol[unplaced[i]] < 0.5 else { failed.append(i); continue }
                let days = dayVars[i].keys.sorted()
                if let d = days.first(where: { day in dayVars[i][day].map { sol[$0] > 0.5 } ?? false }) { dates[i] = d } else { failed.append(i) }
            }
            let outOfTime = options.timeLimit.map { clock() - t0 >= $0 } ?? false
            if !failed.isEmpty && rounds < maxRounds && !outOfTime {
                var seen: Set<Int> = []
                for i in failed where seen.insert(decisions[i].run).inserted {
                    let run = runs[decisions[i].run]
                    forbidden[groups[run.group].key, default: [:]][run.startWeek, default: 0] += 1
                }
                continue
            }
            for i in decisions.indices where dates[i] != nil { runs[decisions[i].run].dates[decisions[i].meeting] = dates[i] }
            let evidence = WeekEvidence(model: weekModel, values: weekSolution.values, tags: builder.tags)
            let assembly = PlanAssembly(scenario: scenario, grid: grid, groups: groups, runs: runs, replan: replan, gaps: gaps,
                                        evidence: evidence)
            var plan = assembly.plan(solver: summary(backend: backend, result: weekResult))
            plan.sortSessions()
            let stats = PlanStatistics(seconds: clock() - t0, weekModelColumns: weekModel.variables.count,
                                       weekModelRows: weekModel.constraints.count, dayModelColumns: dayModel.variables.count,
                                       rounds: rounds, nodes: totalNodes, termination: weekResult.termination, phases: phases)
            return PlanOutcome(plan: plan, statistics: stats, weekModel: weekModel)
        }
    }

    /// The week model alone (for `--export-model` and benchmarks).
    public static func weekModel(scenario: Scenario, replan: ReplanContext? = nil) -> LinearModel {
        weekModelArtefact(scenario: scenario, replan: replan).model
    }

    /// The week model with its typed row and column tags, for analyses that read a solution of it (capacity).
    public static func weekModelArtefact(scenario: Scenario, replan: ReplanContext? = nil) -> WeekModelArtefact {
        let calendar = WorkingCalendar(scenario: scenario)
        let grid = TimeGrid(scenario: scenario, calendar: calendar)
        let previousRuns = replan.map { PreviousRuns.extract(from: $0, scenario: scenario, grid: grid) } ?? []
        let groups = RunGroupGenerator.generate(scenario: scenario, minimumRuns: PreviousRuns.minimumRuns(previousRuns)).groups
        let builder = WeekModelBuilder(scenario: scenario, grid: grid, groups: groups, replan: replan, previousRuns: previousRuns, forbidden: [:])
        _ = builder.build()
        return builder.artefact
    }

    /// True when every objective term is a whole number on an integer variable: then a bound can prove optimality early.
    static func isIntegral(_ m: LinearModel) -> Bool {
        m.objective.constant == m.objective.constant.rounded()
            && m.objective.terms.allSatisfy { $0.coefficient == $0.coefficient.rounded() && m[$0.variable].kind != .continuous }
    }

    /// Reads the week solution back: counts → identified runs with leaders and seats.
    static func heldRuns(_ b: WeekModelBuilder, _ s: Solution, previousRuns: [PreviousRun]) -> [HeldRun] {
        let counts = b.groups.indices.map { g in b.starts[g].compactMapValues { v -> Int? in
            let k = Int(s[v].rounded()); return k > 0 ? k : nil } }
        var runs = RunIdentity.assign(groups: b.groups, counts: counts, previousRuns: previousRuns, scenario: b.scenario,
                                      grid: b.grid, replanning: b.replan != nil, retired: PreviousRuns.retired(b.replan))
        let leads = b.leadCount.mapValues { byLeader in byLeader.mapValues { byWeek in byWeek.mapValues { Int(s[$0].rounded()) } } }
        LeaderChoice.assign(&runs, groups: b.groups, counts: leads, scenario: b.scenario)
        let totals = b.groups.indices.map { g in b.seats[g].mapValues { Int(s[$0].rounded()) } }
        SeatDistribution.assign(&runs, groups: b.groups, totals: totals, scenario: b.scenario, grid: b.grid)
        let places = b.groupSeats.mapValues { byMunicipality in byMunicipality.mapValues { byGroup in byGroup.mapValues { Int(s[$0].rounded()) } } }
        GroupSeatSplit.assign(&runs, groups: b.groups, places: places, scenario: b.scenario)
        return runs
    }

    static func summary(backend: SolverBackend, result: SolveResult) -> SolverSummary {
        let status: SolverStatus
        switch result.termination {
        case .optimal: status = result.solution == nil ? .error : .optimal
        case .timeLimit, .stopped, .memoryLimit, .nodeLimit: status = result.solution == nil ? .notSolved : .feasible
        case .infeasible: status = .infeasible
        case .unbounded, .error: status = .error
        }
        // The true proven gap, also when the plan counts as optimal for being within the requested gap.
        let gap = result.solution.map { s in s.gap ?? (result.termination == .optimal ? 0 : nil) } ?? nil
        return SolverSummary(name: backend.name, version: backend.version, status: status,
                             objective: result.solution.map { rounded($0.objective) },
                             bound: result.solution?.bestBound.map(rounded), gap: gap.map { rounded($0) },
                             searchEnd: searchEnd(result.termination))
    }

    /// The typed reason a search ended short of a proven optimum (nil when it proved one).
    public static func searchEnd(_ t: Termination) -> SearchEnd? {
        switch t {
        case .optimal: return nil
        case .timeLimit: return .timeLimit
        case .memoryLimit: return .memoryLimit
        case .nodeLimit: return .nodeBudget
        case .stopped: return .interrupted
        case .infeasible: return .infeasible
        case .unbounded: return .solverError("the model is unbounded")
        case .error(let why): return .solverError(why)
        }
    }

    /// Six decimals are plenty and keep plan.json stable across platforms.
    static func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }

    static func emptyPlan(scenario: Scenario, backend: SolverBackend, result: SolveResult, replan: ReplanContext?) -> Plan {
        Plan(scenario: scenario.project.id, period: scenario.project.period, solver: summary(backend: backend, result: result),
             sessions: [], municipalities: scenario.municipalities.map {
                MunicipalityHours(name: $0.name, quotaHours: $0.effectiveQuotaHours, plannedHours: 0, rateKrPerHour: $0.rateKrPerHour)
             },
             shortfalls: [Shortfall(kind: "plan", subject: ShortfallSubject(name: scenario.project.name), amount: 0, unit: "sessions",
                                    reason: "the solver found no plan (\(result.termination))")],
             asOf: replan?.asOf)
    }
}

/// Reads the runs of a previous plan.
enum PreviousRuns {
    static func extract(from replan: ReplanContext, scenario: Scenario, grid: TimeGrid) -> [PreviousRun] {
        extract(runsOf: replan.previous, frozenThrough: replan.asOf, scenario: scenario, grid: grid)
    }

    /// The planned runs of `plan`; those with a meeting on or before `asOf` are frozen.
    static func extract(runsOf plan: Plan, frozenThrough asOf: Day?, scenario: Scenario, grid: TimeGrid) -> [PreviousRun] {
        var byRun: [String: [PlannedSession]] = [:]
        for s in plan.sessions where s.kind == .training && s.status == .planned {
            byRun[s.series?.run ?? s.id, default: []].append(s)
        }
        var out: [PreviousRun] = []
        for (run, sessions) in byRun.sorted(by: { $0.key < $1.key }) {
            guard let first = sessions.min(by: { ($0.series?.meeting ?? 1) < ($1.series?.meeting ?? 1) }),
                  let course = scenario.course(first.course), let week = grid.weekIndex(of: first.date) else { continue }
            let every = course.series?.everyWeeks ?? 0
            var dates: [Int: Day] = [:]
            var leaders: [Int: [String]] = [:]
            for s in sessions { dates[s.series?.meeting ?? 1] = s.date; leaders[s.series?.meeting ?? 1] = s.leaders }
            let key = "\(course.id)|\(course.delivery == .countyPart ? first.countyPart : "")"
            out.append(PreviousRun(id: run, groupKey: key, startWeek: week - ((first.series?.meeting ?? 1) - 1) * every,
                                   leaders: leaders, dates: dates, seats: RunPlaces.seats(sessions), groupSeats: RunPlaces.groupSeats(sessions),
                                   frozen: asOf.map { day in sessions.contains { $0.date <= day } } ?? false))
        }
        return out
    }

    /// Runs of the previous plan cancelled on or before as-of (an attendance register's cancelled sessions):
    /// they stay in the plan as cancelled, so no new run may take their ids.
    static func retired(_ replan: ReplanContext?) -> [String] {
        guard let replan else { return [] }
        return replan.previous.sessions.filter { $0.kind == .training && $0.status == .cancelled && $0.date <= replan.asOf }
            .map { $0.series?.run ?? $0.id }
    }

    /// Room for at least as many runs per group as the previous plan had.
    static func minimumRuns(_ runs: [PreviousRun]) -> [String: Int] {
        var out: [String: Int] = [:]
        for r in runs { out[r.groupKey, default: 0] += 1 }
        return out
    }
}
