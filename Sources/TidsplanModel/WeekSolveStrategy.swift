import LinearModel
import TidsplanCore

/// How the week model is solved. GLPK proves small week models optimal at once, but on the real
/// scenarios its heuristics find no plan at all in minutes: the integer seat counts make every dive fail.
/// So, measured on "Räkna med oss!":
///
/// 0. the full model, briefly: small scenarios end here, proven optimal;
/// 1. the LP relaxation, to see which weeks are worth considering for each group;
/// 2. if phase 0 gave no bound: the model with seat counts relaxed to continuous, a relaxation, so its
///    bound is a valid lower bound, and its plan widens the weeks phase 3 considers;
/// 3. the same, restricted to the weeks the LP uses (±1 week): GLPK finds good week choices quickly;
/// 4. the full model with those run counts fixed and each seat count rounded down or up: whole seats, quickly.
///
/// The gap reported is the final objective against the best valid bound (phases 0–2), so it is honest.
struct WeekSolveStrategy {
    let backend: SolverBackend
    let options: PlannerOptions
    let clock: @Sendable () -> Double
    let start: Double
    /// Who stopped a search from the progress callback: GLPK reports both as `.stopped`.
    let stops = StopCauses()

    /// Written from GLPK's callback, read after the solve returns (the backend waits for its thread).
    final class StopCauses: @unchecked Sendable {
        var timeLimit = false
        var caller = false
    }

    struct Outcome {
        var result: SolveResult
        /// Best valid lower bound on the week model's objective.
        var bound: Double?
        var phases: [String]
    }

    func remaining() -> Double? { options.timeLimit.map { max(0, $0 - (clock() - start)) } }

    /// Node budgets per phase, times `PlannerOptions.effort`. Nodes, not seconds, so that the same scenario
    /// gives the same plan on every run; the time limit is only a safety net.
    static let nodeBudget = (full: 100, relaxed: 100, restricted: 3_000, whole: 6_000)
    /// The areas of a decomposed plan (`PlannerOptions.quick`): measured on the national scenario, the
    /// restricted pass is where the plan's quality is won (2 500 nodes halved its objective against 900),
    /// while the whole-seat passes need few nodes.
    static let quickNodeBudget = (full: 0, relaxed: 0, restricted: 2_500, whole: 1_800)
    var budget: (full: Int, relaxed: Int, restricted: Int, whole: Int) { options.quick ? Self.quickNodeBudget : Self.nodeBudget }

    /// GLPK gets no time limit of its own: its heuristics then take different paths from run to run.
    /// The time limit is kept by `guarded(_:)`, which stops the search from the progress callback.
    func solveOptions(_ model: LinearModel, seconds: Double?, nodes: Int? = nil, relax: Bool = false) -> SolveOptions {
        var o = SolveOptions(timeLimit: relax ? seconds.map { max(0.5, $0) } : nil, relativeGap: options.relativeGap,
                             relaxIntegrality: relax, memoryLimitMiB: options.memoryLimitMiB,
                             nodeLimit: nodes.map { max(1, Int(Double($0) * options.effort)) },
                             integralObjective: Planner.isIntegral(model), log: options.log)
        o.messageLevel = options.log == nil ? .off : .normal
        return o
    }

    func solve(_ b: WeekModelBuilder, _ model: LinearModel) throws -> Outcome {
        var outcome = try solvePhases(b, model)
        // A stop at the time limit is the time limit, not an interrupt (GLPK itself gets no time limit).
        if outcome.result.termination == .stopped && stops.timeLimit && !stops.caller {
            outcome.result.termination = .timeLimit
        }
        return outcome
    }

    private func solvePhases(_ b: WeekModelBuilder, _ model: LinearModel) throws -> Outcome {
        var nodes = 0
        var phases: [String] = []
        // 0. The full model, briefly.
        var direct = SolveResult(termination: .nodeLimit, solution: nil, seconds: 0)
        if !options.quick {
            direct = try backend.solve(model, options: solveOptions(model, seconds: remaining(), nodes: budget.full),
                                       progress: guarded())
            nodes += direct.nodes
            phases.append("full model: \(describe(direct))")
        }
        if direct.termination == .optimal || direct.termination == .infeasible || stopRequested(direct) {
            return Outcome(result: direct, bound: direct.bestBound, phases: phases)
        }
        // 1. LP relaxation.
        let lp = try backend.solve(model, options: solveOptions(model, seconds: remaining(), relax: true), progress: nil)
        phases.append("LP relaxation: \(describe(lp))")
        var bound = [direct.bestBound, lp.solution?.objective].compactMap { $0 }.max()
        guard let lpValues = lp.solution?.values else {
            // With no plan of its own, the full model did not end the search: the relaxation did (memory, error…).
            let result = direct.solution == nil
                ? SolveResult(termination: lp.termination, solution: nil, seconds: 0, nodes: nodes, bestBound: bound) : direct
            return Outcome(result: result, bound: bound, phases: phases + ["LP relaxation: \(lp.termination)"])
        }
        // 2. Seats relaxed: a valid bound, perhaps a plan.
        var relaxed = model
        for v in b.seatLike { relaxed.setKind(v, .continuous) }
        var r2 = SolveResult(termination: .nodeLimit, solution: nil, seconds: 0)
        if direct.bestBound == nil && !options.quick {
            r2 = try backend.solve(relaxed, options: solveOptions(relaxed, seconds: remaining(), nodes: budget.relaxed),
                                   progress: guarded())
            nodes += r2.nodes
            bound = [bound, r2.bestBound].compactMap { $0 }.max()
            phases.append("seats relaxed: \(describe(r2))")
        }
        // 3. Restricted to the weeks the LP (and phase 2's plan) use, ±1 week.
        var restricted = relaxed
        for g in b.starts.indices {
            // The weeks the LP uses, phase 2's plan, and (re-planning) the weeks runs had before.
            var used = Set(b.starts[g].filter { lpValues[$0.value.index] > 1e-6 || (r2.solution?[$0.value] ?? 0) > 0.5 }.keys)
            used.formUnion(b.previous(g).map(\.startWeek))
            for (s, v) in b.starts[g] where !(used.contains(s) || used.contains(s - 1) || used.contains(s + 1)) {
                restricted.setBounds(v, lower: model[v].lower, upper: 0)
            }
        }
        let r3 = try backend.solve(restricted, options: solveOptions(restricted, seconds: remaining(), nodes: budget.restricted),
                                   progress: stopRequested(r2) ? nil : guarded())
        nodes += r3.nodes
        phases.append("restricted: \(describe(r3))")
        let candidates = [r3.solution, r2.solution].compactMap { $0 }.sorted { $0.objective < $1.objective }
        guard let weeks = candidates.first else {
            return Outcome(result: SolveResult(termination: direct.solution == nil ? r3.termination : direct.termination,
                                               solution: direct.solution, seconds: 0,
                                               nodes: nodes, bestBound: bound), bound: bound, phases: phases)
        }
        // 4. Whole seats with the run counts fixed: first each seat count rounded down or up, which GLPK
        //    settles in a moment; if that cannot fit, any whole seat counts.
        var fixed = model
        for g in b.starts.indices {
            for (_, v) in b.starts[g] {
                let k = weeks[v].rounded()
                fixed.setBounds(v, lower: k, upper: k)
            }
        }
        var rounded = fixed
        for g in b.seats.indices {
            for (_, z) in b.seats[g] {
                let x = weeks[z]
                rounded.setBounds(z, lower: max(model[z].lower ?? 0, (x - 1e-6).rounded(.down)),
                                  upper: min(model[z].upper ?? .infinity, (x + 1e-6).rounded(.up)))
            }
        }
        // Whole seats must be found even after a stop or when time is up: give this pass a few seconds regardless.
        let seconds = max(5, remaining() ?? 60)
        var r4 = try backend.solve(rounded, options: solveOptions(rounded, seconds: seconds, nodes: budget.whole), progress: guarded(minimumSeconds: 5))
        phases.append("seats rounded: \(describe(r4))")
        // Rounding each count on its own can cost whole hours of quota: if it lost more than 1 % against the
        // relaxed plan, let the seat counts range freely (the run counts stay fixed) and keep the better plan.
        let lost = (r4.solution?.objective ?? .infinity) - weeks.objective > 0.01 * abs(weeks.objective)
        if lost && !stopRequested(r3) {
            var dive = solveOptions(fixed, seconds: seconds, nodes: budget.whole)
            dive.backtracking = .bestProjection  // dives towards whole seats instead of proving the bound
            let free = try backend.solve(fixed, options: dive, progress: guarded(minimumSeconds: 5))
            phases.append("seats whole: \(describe(free))")
            if let f = free.solution, f.objective < (r4.solution?.objective ?? .infinity) { r4 = free }
        }
        if r4.solution == nil {
            // Rounding the seats may not fit every fixed run: let runs be dropped.
            for g in b.starts.indices { for (_, v) in b.starts[g] { fixed.setBounds(v, lower: model[v].lower, upper: weeks[v].rounded()) } }
            r4 = try backend.solve(fixed, options: solveOptions(fixed, seconds: seconds, nodes: budget.whole), progress: guarded(minimumSeconds: 5))
            phases.append("seats whole, runs may drop: \(describe(r4))")
        }
        nodes += r4.nodes
        var best = r4.solution
        if let d = direct.solution, d.objective < (best?.objective ?? .infinity) { best = d }
        guard var solution = best else {
            return Outcome(result: SolveResult(termination: r4.termination, solution: nil, seconds: 0, nodes: nodes, bestBound: bound),
                           bound: bound, phases: phases)
        }
        let lower = min(bound ?? solution.objective, solution.objective)
        solution.bestBound = lower
        solution.gap = abs(solution.objective - lower) / max(abs(solution.objective), 1e-9)
        let optimal = (solution.gap ?? 1) <= options.relativeGap + 1e-12
        let timedOut = [direct, r2, r3, r4].contains { $0.termination == .timeLimit }
        let outOfMemory = [direct, r2, r3, r4].contains { $0.termination == .memoryLimit }
        let termination: Termination = optimal ? .optimal
            : (stopRequested(r3) || stopRequested(r2)) ? .stopped : timedOut ? .timeLimit : outOfMemory ? .memoryLimit : .nodeLimit
        return Outcome(result: SolveResult(termination: termination, solution: solution, seconds: 0, nodes: nodes, bestBound: lower),
                       bound: lower, phases: phases)
    }

    func stopRequested(_ r: SolveResult) -> Bool { r.termination == .stopped }

    /// The caller's progress handler, plus the time limit: past it, the search stops with what it has.
    func guarded(minimumSeconds: Double = 0) -> ProgressHandler {
        let user = options.progress
        let clock = self.clock, start = self.start
        let limit = options.timeLimit.map { max($0, clock() - start + minimumSeconds) }
        let stops = self.stops
        return { p in
            if let limit, clock() - start >= limit { stops.timeLimit = true; return .stop }
            let decision = user?(p) ?? .continue
            if decision == .stop { stops.caller = true }
            return decision
        }
    }

    func describe(_ r: SolveResult) -> String {
        let objective = r.solution.map { " objective \(Planner.rounded($0.objective))" } ?? ""
        let bound = r.bestBound.map { " bound \(Planner.rounded($0))" } ?? ""
        return "\(r.termination), \(r.nodes) nodes, \((r.seconds * 10).rounded() / 10) s\(objective)\(bound)"
    }
}
