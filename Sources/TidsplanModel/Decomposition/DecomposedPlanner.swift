import LinearModel
import TidsplanCore

/// Plans a scenario too large for one model area by area (`PlanAreas`), one after another: each area's
/// model sees only its municipalities, its share of the leaders, and the leaders' days, rooms and budget
/// the earlier areas left. The areas' sessions are then put together into one plan, which the verifier
/// checks against the whole scenario like any other.
///
/// Re-planning a plan made by area goes area by area too: each area keeps its own past and previous
/// runs, and the other areas' held sessions count as taken from the start.
///
/// What this gives up: county-wide and digital courses are held per area (an area's staff never share a
/// session with another area's), each course has one leader per area, and an earlier area may take what
/// a later one needed more. There is no bound for the whole, so no gap is claimed.
struct DecomposedPlanner {
    let scenario: Scenario
    let areas: [PlanArea]
    let backend: SolverBackend
    let options: PlannerOptions
    let replan: ReplanContext?
    let clock: @Sendable () -> Double

    /// Whether `replan`'s previous plan can be re-planned by these areas: every training session in it
    /// belongs to exactly one area (true of a plan made by the same areas, not of one made in one model).
    static func canReplan(_ replan: ReplanContext, areas: [PlanArea]) -> Bool {
        replan.previous.trainingSessions.allSatisfy { PlanAreas.owner(of: $0, in: areas) != nil }
    }

    func plan() throws -> PlanOutcome {
        let t0 = clock()
        let leaders = LeaderShare(scenario: scenario)
        // Re-planning: the previous plan's training sessions by area, and those already held.
        var previousByArea: [Int: [PlannedSession]] = [:]
        for s in replan?.previous.trainingSessions ?? [] {
            if let a = PlanAreas.owner(of: s, in: areas) { previousByArea[a, default: []].append(s) }
        }
        let held = { (s: PlannedSession) in replan.map { s.date <= $0.asOf && s.status == .planned } ?? false }
        // New sessions of the areas planned so far (held ones are counted per area below).
        var planned: [PlannedSession] = []
        var training: [PlannedSession] = []
        var notes: [Shortfall] = []
        var stats = PlanStatistics(seconds: 0, weekModelColumns: 0, weekModelRows: 0, dayModelColumns: 0, rounds: 0,
                                   nodes: 0, termination: .optimal, phases: [], areas: areas.count)
        var firstModel: LinearModel?
        var objective = 0.0
        var solvedAreas = 0
        var stopped = false
        // An area left without a new plan keeps the previous plan's sessions (re-planning): otherwise they
        // would all be cancelled.
        func keepPrevious(_ index: Int) -> Int {
            let kept = (previousByArea[index] ?? []).filter { $0.status == .planned }
            training += kept
            planned += kept.filter { !held($0) }
            return kept.count
        }
        // Areas that got nothing new, by municipality: their quota shortfalls are the clock's or the solver's, not the
        // scenario's priorities (seen on the national scenario: "no rule prevents it; it costs more than it gains").
        var notPlanned: [String: ShortfallCause] = [:]
        func areaNote(_ area: PlanArea, _ why: String, kept: Int) {
            let cause = ShortfallCause.areaNotPlanned(area: area.name, why: why, keptSessions: kept)
            notes.append(Shortfall(kind: "plan", subject: ShortfallSubject(name: area.name), amount: 0, unit: "sessions",
                                   reason: ShortfallSentence.render(cause, .en), cause: cause))
            for m in area.municipalities { notPlanned[m] = cause }
        }
        for (index, area) in areas.enumerated() {
            if stopped {
                areaNote(area, "stopped", kept: keepPrevious(index))
                continue
            }
            // What the other areas hold or have planned: their held sessions, and the earlier areas' new ones.
            let heldElsewhere = previousByArea.filter { $0.key != index }.sorted { $0.key < $1.key }.flatMap { $0.value.filter(held) }
            let commitments = Commitments(sessions: heldElsewhere + planned, scenario: scenario)
            let previous = previousByArea[index] ?? []
            let sub = PlanAreas.scenario(for: area, of: scenario, leaders: leaders, commitments: commitments, previous: previous)
            let areaReplan = replan.map { r in
                var p = r.previous
                p.sessions = previous
                return ReplanContext(previous: p, asOf: r.asOf)
            }
            var o = options
            o.quick = true  // smaller node budgets, no bound-only passes (`WeekSolveStrategy.quickNodeBudget`)
            // Each area's node budgets end its search; the time left is only a safety net. (A wall-clock share per area
            // made the plan depend on the machine's load: on the national scenario at load 5–8, 187 of 290
            // municipalities got nothing.) Past the limit every area left keeps its start plan and says so.
            if let limit = options.timeLimit {
                o.timeLimit = max(5, limit - (clock() - t0))
            }
            let out = try Planner.planWhole(scenario: sub, backend: backend, options: o, replan: areaReplan, clock: clock,
                                            commitments: commitments, scope: area.scope)
            if firstModel == nil { firstModel = out.weekModel }
            if !out.plan.solver.status.hasPlan {
                areaNote(area, "noPlan", kept: keepPrevious(index))
            } else {
                let sessions = out.plan.trainingSessions.filter { $0.status == .planned }
                // An area whose share of the time limit ran out before its search chose anything keeps only its start
                // plan: that is the clock, not the scenario, and the plan says so (seen on the national scenario
                // under load: 187 of 290 municipalities with nothing, explained as "no rule prevents it").
                if out.statistics.termination == .timeLimit && !sessions.contains(where: { !held($0) }) {
                    areaNote(area, "timeLimit", kept: 0)
                }
                training += sessions
                planned += sessions.filter { !held($0) }
                solvedAreas += 1
                objective += out.plan.solver.objective ?? 0
            }
            // Reasons about courses and sessions are the area's own; quota and attendance are redone for the whole.
            notes += out.plan.shortfalls.filter { $0.kind == "course" || $0.kind == "session" }
            stats.weekModelColumns += out.statistics.weekModelColumns
            stats.weekModelRows += out.statistics.weekModelRows
            stats.dayModelColumns += out.statistics.dayModelColumns
            stats.rounds = max(stats.rounds, out.statistics.rounds)
            stats.nodes += out.statistics.nodes
            if out.statistics.termination == .stopped { stopped = true }
            if out.statistics.termination != .optimal, !Self.isError(stats.termination) { stats.termination = out.statistics.termination }
            stats.phases.append("area \(area.number)/\(areas.count) (\(area.name); \(area.municipalities.count) municipalities, "
                + "\(out.statistics.weekModelColumns) columns, \(Self.seconds(out.statistics.seconds)) s): "
                + out.statistics.phases.joined(separator: "; "))
        }
        // A solver failure in any area fails the whole: the plan would silently lack that area.
        let failed = Self.isError(stats.termination)
        let status: SolverStatus = failed ? .error : solvedAreas == 0 ? .notSolved : .feasible
        let solver = SolverSummary(name: backend.name, version: backend.version, status: status,
                                   objective: solvedAreas == 0 ? nil : Planner.rounded(objective), bound: nil, gap: nil,
                                   areas: areas.count, searchEnd: Planner.searchEnd(stats.termination))
        let grid = TimeGrid(scenario: scenario, calendar: WorkingCalendar(scenario: scenario))
        // The whole scenario's groups, for the quota reasons; the areas' own course gaps are kept below.
        let groups = RunGroupGenerator.generate(scenario: scenario).groups
        // Against the whole previous plan: held sessions as they were, sequence numbers, cancellations.
        var plan = PlanAssembly(scenario: scenario, grid: grid, groups: groups, runs: [], replan: replan, gaps: [])
            .complete(training: training, incompleteRuns: [], solver: solver)
        plan.shortfalls = Self.attribute(plan.shortfalls, to: notPlanned)
        var seen = Set(plan.shortfalls.map(\.reason))
        // An area's own note stays even when its municipalities' shortfalls give the same reason.
        for n in notes where n.kind == "plan" || seen.insert(n.reason).inserted { plan.shortfalls.append(n) }
        plan.sortSessions()
        stats.seconds = clock() - t0
        return PlanOutcome(plan: plan, statistics: stats, weekModel: firstModel ?? LinearModel(name: "tidsplan-weeks"))
    }

    /// The shortfalls of municipalities whose area got nothing new planned carry that area's cause: the whole plan's
    /// explainer would call them the scenario's priorities ("no rule prevents it; it costs more than it gains").
    static func attribute(_ shortfalls: [Shortfall], to notPlanned: [String: ShortfallCause]) -> [Shortfall] {
        shortfalls.map { s in
            guard let m = s.subject.municipality, let cause = notPlanned[m] else { return s }
            var out = s
            out.cause = cause
            out.reason = ShortfallSentence.render(cause, .en)
            return out
        }
    }

    static func isError(_ t: Termination) -> Bool { if case .error = t { true } else { false } }

    static func seconds(_ s: Double) -> String { String((s * 10).rounded() / 10) }
}
