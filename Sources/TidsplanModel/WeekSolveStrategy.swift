import LinearModel
import TidsplanCore

/// How the week model is solved. GLPK proves small week models optimal at once, but on the real
/// scenarios its heuristics find no plan at all in minutes: the integer seat counts make every dive fail.
/// So, measured on "Räkna med oss!":
///
/// 0. the start plan: no run beyond those already held, every shortfall elastic. It keeps every hard rule
///    whenever the scenario can (nothing pinned), so a plan exists however short the time limit;
/// 1. small models: the full model, searched (usually proven optimal here);
/// 2. the LP relaxation, to see which weeks are worth considering for each group;
/// 3. small models, if phase 1 gave no bound: the model with seat counts relaxed to continuous, a relaxation, so its
///    bound is a valid lower bound, and its plan widens the weeks phase 4 considers;
/// 4. the same, restricted to the weeks the LP uses (±1 week): GLPK finds good week choices quickly
///    (small models keep whole seats in this pass);
/// 5. the full model with those run counts fixed and each seat count rounded down or up: whole seats, quickly;
/// 5b. models up to `fromPlanColumns`: the full model searched from the best plan (its first incumbent), which may
///    move the weeks that phase 5 keeps ("Vägar": 223 → 222, HiGHS's optimum);
/// 6. large models: the full model's root with cuts, for the best valid bound: GLPK's own and the week model's
///    (`WeekModelCuts`, which need the pass to run without presolve). On the default scenario GLPK's cuts alone
///    reach 1 319, with ours 1 332, the optimum (docs/benchmarks.md). It comes last so that a short time
///    limit goes to the plan.
///
/// Every phase is bounded by nodes, so the plan does not depend on the machine's speed; the time limit is
/// a safety net (GLPK's `tm_lim` plus the progress callback). Phase 4 stops at `searchShare` of the limit
/// so that whole seats still fit in; past the limit the best plan so far is returned.
/// The gap reported is the final objective against the best valid bound (phases 1–3 and 6), so it is honest.
package struct WeekSolveStrategy {
    let backend: SolverBackend
    let options: PlannerOptions
    let clock: @Sendable () -> Double
    let start: Double
    /// Set when the time limit, not the caller, stopped a search.
    let deadline = SharedFlag()
    /// Set when the caller asked to stop: the root-bound pass running beside the search stops too.
    let stopAsked = SharedFlag()
    /// The runs of `PlannerOptions.hint`, tried first as a plan of this model.
    var hint: [PreviousRun] = []

    struct Outcome {
        var result: SolveResult
        /// Best valid lower bound on the week model's objective.
        var bound: Double?
        var phases: [String]
    }

    /// Seconds left of the time limit (nil: no limit); `share` of the limit counts as the whole.
    func remaining(share: Double = 1) -> Double? { options.timeLimit.map { max(0, $0 * share - (clock() - start)) } }
    var outOfTime: Bool { remaining().map { $0 <= 0 } ?? false }

    /// The week search (phase 4) may use this share of the time limit; the rest is for whole seats.
    static let searchShare = 0.85
    /// The root-bound pass runs only with at least this share of the time limit left (measured: 3.5 s past a
    /// 5 s limit when it ran in the last second).
    static let rootBoundShare = 0.3
    /// Below this many seconds left for the week search, it branches cheaply (see `restrictedSearch`); plans made
    /// under such a limit differ from the default anyway.
    static let shortLimitSeconds = 30.0
    /// The seat-relaxed week search stops this close to its own optimum (its plan is rounded afterwards).
    package static let restrictedGap = 0.005
    /// Seat rounding stops this close to the seat-relaxed plan it rounds (`wholeSeats`).
    static let roundingGap = 0.01
    /// The classic week search runs after the presolved one only when that one ended further than this from its
    /// own bound (see `restrictedSearch`).
    static let classicFallbackGap = 0.05

    /// Node budgets per phase, times `PlannerOptions.effort`. Nodes, not seconds, so that the same scenario
    /// gives the same plan on every run; the time limit is only a safety net. On the default scenario the
    /// restricted pass finds its best weeks after ~1 500 nodes (1 000 nodes: objective 1 486 instead of 1 474)
    /// and whole seats their best between 2 000 and 4 000 (2 000: 1 476); 3 000 and 6 000 gave the same plan.
    static let nodeBudget = (full: 1_000, relaxed: 100, restricted: 2_000, whole: 4_000, fromPlan: 300)
    /// Models up to this size are searched in full first ("Räkna med mig!", 1 287 columns: proven in ~400 nodes).
    static let smallModelColumns = 1_500
    /// Models up to this size keep whole seats in the restricted pass ("Vägar" before target groups, 1 783 columns:
    /// 202, HiGHS's optimum, in 1 600 nodes); larger ones relax them there, or GLPK finds no plan in minutes. "Vägar"
    /// now has 2 168: with whole seats here (limit raised to 2 500) its plan was 235 against 223 with seats relaxed.
    static let wholeSeatsInSearchColumns = 2_000
    /// The areas of a decomposed plan (`PlannerOptions.quick`): measured on the national scenario, the
    /// restricted pass is where the plan's quality is won (2 500 nodes halved its objective against 900),
    /// while the whole-seat passes need few nodes.
    static let quickNodeBudget = (full: 0, relaxed: 0, restricted: 2_500, whole: 1_800, fromPlan: 0)
    /// Models up to this size get the full search from the plan (phase 5b): "Vägar", 2 168 columns, 223 → 222 (HiGHS's
    /// optimum) in 200 nodes, 3.6 s. The default scenario (8 770) found nothing better in 4 000 nodes (538 s).
    static let fromPlanColumns = 2_500
    /// The week search's budget where the full search from the plan follows: "Vägar" found its best weeks within 200 of
    /// its 2 000 nodes (same plan with 200, 300, 500, 1 000; 2 000 took 21 s, 500 4.5 s).
    static let restrictedBeforeFromPlan = 500
    func restrictedBudget(_ model: LinearModel) -> Int {
        searchesFromPlan(model) ? min(budget.restricted, Self.restrictedBeforeFromPlan) : budget.restricted
    }
    /// Whether phase 5b runs for this model.
    func searchesFromPlan(_ model: LinearModel) -> Bool { model.variables.count <= Self.fromPlanColumns && budget.fromPlan > 0 }
    var budget: (full: Int, relaxed: Int, restricted: Int, whole: Int, fromPlan: Int) { options.quick ? Self.quickNodeBudget : Self.nodeBudget }

    /// GLPK's own time limit is what is left of the planner's: a safety net that also reaches inside the root
    /// LP, which the progress callback cannot interrupt. GLPK only checks it to stop, so it does not change
    /// the search path when it is not reached.
    func solveOptions(_ model: LinearModel, seconds: Double?, nodes: Int? = nil, relax: Bool = false) -> SolveOptions {
        var o = SolveOptions(timeLimit: seconds.map { max(0.05, $0) }, relativeGap: options.relativeGap,
                             relaxIntegrality: relax, memoryLimitMiB: options.memoryLimitMiB,
                             nodeLimit: nodes.map { max(1, Int(Double($0) * options.effort)) },
                             integralObjective: Planner.isIntegral(model), log: options.log)
        o.messageLevel = options.log == nil ? .off : .normal
        // With a core of its own beside (`boundBackend`), the strong branching of GLPK's pseudocost rule shares it:
        // the same choices, so the same plan, sooner.
        if options.boundBackend != nil { o.strongBranchingThreads = 2 }
        return o
    }

    /// The start plan's model: every run count at its lower bound (runs already held, nothing new).
    static func startPlanModel(_ b: WeekModelBuilder, _ model: LinearModel) -> LinearModel {
        var m = model
        for g in b.starts.indices { for (_, v) in b.starts[g] { m.setBounds(v, lower: model[v].lower, upper: model[v].lower ?? 0) } }
        return m
    }

    func solve(_ b: WeekModelBuilder, _ model: LinearModel) throws -> Outcome {
        var nodes = 0
        var phases: [String] = []
        var bound: Double?
        var best: Solution?
        var terminations: [Termination] = []
        func record(_ name: String, _ r: SolveResult, boundIsValid: Bool = true) {
            nodes += r.nodes
            terminations.append(r.termination)
            phases.append("\(name): \(describe(r))")
            if boundIsValid, let x = r.bestBound { bound = max(bound ?? x, x) }
        }
        var searched = false  // some plan better than the start plan was found
        func consider(_ s: Solution?) {
            if let s, s.objective < (best?.objective ?? .infinity) { best = s; searched = true }
        }
        // 0. The start plan: no new runs.
        let startModel = Self.startPlanModel(b, model)
        let startPlan = try backend.solve(startModel, options: solveOptions(startModel, seconds: remaining(), nodes: budget.whole),
                                          progress: nil)
        record("start plan", startPlan, boundIsValid: false)
        best = startPlan.solution
        // 0b. The hint's runs in their weeks, with whole seats: with no less capacity than the hint was made with,
        //     that plan fits, and every pass below can only replace it with a better one. (Capacity's re-solves had
        //     ended worse than the plan without the unit, 52–69 % from their bound.)
        if !hint.isEmpty && !outOfTime, let fixed = Self.hintModel(b, model, hint) {
            // Its own budget, not scaled by `effort`: this plan is the floor the rest of the search stands on.
            var o = solveOptions(fixed, seconds: remaining())
            o.nodeLimit = Self.nodeBudget.whole
            let r = try backend.solve(fixed, options: o, progress: guarded(.hint))
            record(SearchPhase.hint.rawValue, r, boundIsValid: false)
            consider(r.solution)
        }
        // 1. The full model. A small model gets a real search first (it is usually proven here); a large one
        //    only its root with cuts, for the bound, after the plan is found (`rootBound`), so that a short time
        //    limit goes to the plan: further nodes did not raise GLPK's bound, and choosing pseudocosts is costly.
        let small = model.variables.count <= options.smallModelColumns
        var direct = SolveResult(termination: .nodeLimit, solution: nil, seconds: 0)
        if small && !options.quick && !outOfTime {
            direct = try backend.solve(model, options: solveOptions(model, seconds: remaining(share: Self.searchShare), nodes: budget.full),
                                       progress: guarded(.fullModel, share: Self.searchShare))
            record("full model", direct)
            consider(direct.solution)
        }
        let userStop = stopRequested(direct) && !deadline.isSet
        if direct.termination == .optimal || direct.termination == .infeasible || userStop {
            return finish(model, searched: searched, direct.termination == .optimal ? direct.solution : best, bound: bound, nodes: nodes, phases: phases,
                          terminations: terminations, infeasible: direct.termination == .infeasible)
        }
        let rootBoundApplies = !small && !options.quick && options.proveBound
        func rootBoundOptions() -> SolveOptions {
            var root = solveOptions(model, seconds: remaining())
            root.nodeLimit = 2  // the root and its first branching: the bound after the root's cuts
            root.branching = .mostFractional
            // Without presolve GLPK's cuts reach further on the default scenario: bound 1 517 instead of 1 509.
            root.presolve = false
            root.cutSeparator = b.cutSeparator(for: model, families: options.cutFamilies, maxLevel: options.cutMaxLevel)
            return root
        }
        // With a second solver the root-bound pass runs beside the search from the start (7–8 s of the default
        // scenario's plan): bounded by nodes, it gives the same bound either way, and it never changes the plan.
        let boundRun: BackgroundRun<SolveResult>? = rootBoundApplies ? options.boundBackend.map { solver in
            let root = rootBoundOptions(), progress = guarded(.bound, beside: true)
            return BackgroundRun { try solver.solve(model, options: root, progress: progress) }
        } : nil
        func rootBound() throws {
            if let boundRun {
                let r = try boundRun.wait()
                if !(stopAsked.isSet && !deadline.isSet) { record("full model, root", r); consider(r.solution) }
                return
            }
            // GLPK's root LP and cut rounds do not stop at the time limit: skip the pass when little time is left.
            let enough = remaining().map { $0 >= Self.rootBoundShare * (options.timeLimit ?? 0) } ?? true
            guard rootBoundApplies && enough else { return }
            let r = try backend.solve(model, options: rootBoundOptions(), progress: guarded(.bound))
            record("full model, root", r)
            consider(r.solution)
        }
        // 2. LP relaxation.
        var lpValues: [Double]?
        if !outOfTime {
            let lp = try backend.solve(model, options: solveOptions(model, seconds: remaining(share: Self.searchShare), relax: true), progress: nil)
            record("LP relaxation", lp, boundIsValid: lp.termination == .optimal)
            lpValues = lp.solution?.values
        }
        // 3. Seats relaxed: a valid bound, perhaps a plan.
        var relaxed = model
        for v in b.seatLike { relaxed.setKind(v, .continuous) }
        var r2 = SolveResult(termination: .nodeLimit, solution: nil, seconds: 0)
        if small && direct.bestBound == nil && !options.quick && lpValues != nil && !outOfTime {
            r2 = try backend.solve(relaxed, options: solveOptions(relaxed, seconds: remaining(share: Self.searchShare), nodes: budget.relaxed),
                                   progress: guarded(.seatsRelaxed, share: Self.searchShare))
            record("seats relaxed", r2)
        }
        // 4. Restricted to the weeks the LP (and phase 3's plan) use, ±1 week.
        var weeks: Solution?
        if let lpValues, !(stopRequested(r2) && !deadline.isSet), !outOfTime {
            let ordered = Set(b.scenario.courses.flatMap { c in
                c.after.isEmpty && c.aheadOf == nil ? [] : [c.id] + c.after.map(\.course) + (c.aheadOf?.courses ?? [])
            })
            func restrictedSearch(_ base: LinearModel, _ phase: SearchPhase, classic: Bool = false) throws -> SolveResult {
                var restricted = base
                for g in b.starts.indices {
                    // A promised course (a run minimum) keeps every week: the LP can spread its runs thinly over
                    // weeks where no whole run fits, and a missing run costs far more than the search it saves.
                    if let need = b.groups[g].course.runs, need.min > 0 || need.perCountyPart > 0 { continue }
                    // Courses in the application's order (`after`, `aheadOf`, either side) keep every week too: the LP
                    // meets those rows with fractional starts, so its weeks are no guide. Default scenario before
                    // target groups: 3 303 with the LP's weeks (managers' circles dropped), 1 551 with all. With target
                    // groups: 1 343 in 113 s; all weeks only for the courses with `after`/`aheadOf` gave 1 973.
                    if ordered.contains(b.groups[g].course.id) { continue }
                    // The weeks the LP uses, phase 3's plan, and (re-planning) the weeks runs had before.
                    var used = Set(b.starts[g].filter { lpValues[$0.value.index] > 1e-6 || (r2.solution?[$0.value] ?? 0) > 0.5 }.keys)
                    used.formUnion(b.previous(g).map(\.startWeek))
                    for (s, v) in b.starts[g] where !(used.contains(s) || used.contains(s - 1) || used.contains(s + 1)) {
                        restricted.setBounds(v, lower: model[v].lower, upper: 0)
                    }
                }
                var search = solveOptions(restricted, seconds: remaining(share: Self.searchShare), nodes: restrictedBudget(model))
                // Pseudocost initialisation at the root does not stop at GLPK's time limit (6 s past a 5 s limit
                // on the default scenario): under a short limit, branch on the most fractional column instead.
                if let left = remaining(share: Self.searchShare), left < Self.shortLimitSeconds { search.branching = .mostFractional }
                if phase == .restricted {
                    // With seats relaxed this pass only chooses weeks (its plan is rounded afterwards): the last 0.5 %
                    // of proof costs more than it gives. Areas too: on the national scenario they had spent all 2 500
                    // nodes within 0.2 % of their bound (area 3: 803 against 801.3, 97 s).
                    search.relativeGap = max(search.relativeGap, Self.restrictedGap)
                }
                if phase == .restricted && !options.quick && classic {
                    // The settings before target groups: no presolve, the most fractional column (see the fallback below).
                    search.branching = .mostFractional
                    search.presolve = false
                } else if phase == .restricted && !options.quick {
                    // Presolve with pseudocost branching: the order rules (`after`,
                    // `aheadOf`) keep their courses' weeks open, and GLPK's presolve drops the rows the restriction
                    // empties, so each node's LP is far cheaper, and pseudocosts find the weeks in fewer nodes. Default
                    // scenario with target groups and order, both run side by side (`tidsplan-bench solve`, CPU time):
                    // without presolve, most fractional: 2 000 nodes, plan 1 343, 123 s; presolve alone: 2 000 nodes,
                    // plan 3 494; presolve and pseudocosts (the default branching; most fractional under a short limit,
                    // above): within 0.5 % after 551 nodes, plan 1 338, 55 s. Not for whole seats ("Vägar": twice the
                    // time) nor decomposed areas (the national plan then hit its time limit). docs/benchmarks.md.
                    search.presolve = true
                }
                if options.cutsInWeekSearch && !search.presolve {
                    search.cutSeparator = b.cutSeparator(for: restricted, families: options.cutFamilies, maxLevel: options.cutMaxLevel)
                }
                let r = try backend.solve(restricted, options: search, progress: guarded(phase, share: Self.searchShare))
                record(phase.rawValue, r, boundIsValid: false)
                return r
            }
            // Small models keep whole seats here: rounding seats afterwards cost "Vägar" 233 against 202.
            var r3 = SolveResult(termination: .nodeLimit, solution: nil, seconds: 0)
            if model.variables.count <= Self.wholeSeatsInSearchColumns && !options.quick {
                r3 = try restrictedSearch(model, .restrictedWholeSeats)
                consider(r3.solution)
            }
            if r3.solution == nil && !outOfTime && !stopRequested(r3) {
                r3 = try restrictedSearch(relaxed, .restricted)
                // Presolve and pseudocosts are fast when they work but fragile: on the default scenario with one more
                // staff day a month (capacity's re-solve) they spent the node budget and ended 52–61 % from the
                // bound. When they stop short of their own 0.5 % target, the classic settings search too, and the
                // better plan is kept (both bounded by nodes, so the choice is deterministic).
                // Not when they ended close to their bound anyway: Mullsjö withdrawn (the re-plan's from-scratch
                // comparison) ended at 1 273 against 1 231 (3.4 %), and the classic search then spent 79 s for 2 149.5.
                let farFromBound = (r3.solution?.gap).map { $0 > Self.classicFallbackGap } ?? true
                if r3.termination != .optimal && farFromBound && !options.quick && !outOfTime && !stopRequested(r3) {
                    let classic = try restrictedSearch(relaxed, .restricted, classic: true)
                    if let c = classic.solution, c.objective < (r3.solution?.objective ?? .infinity) { r3 = classic }
                }
            }
            weeks = [r3.solution, r2.solution].compactMap { $0 }.min { $0.objective < $1.objective }
        }
        // 5. Whole seats with the run counts fixed: first each seat count rounded down or up, which GLPK
        //    settles in a moment; if that cannot fit, any whole seat counts.
        if let weeks, !outOfTime {
            consider(try wholeSeats(b, model, weeks: weeks, record: record))
        }
        // 5b. The full model searched from the best plan (its first incumbent, so every node worse than it is pruned
        //     from the root on): the seat rounding of phase 5 can only keep phase 4's weeks, this search may move them.
        if let plan = best, searched, searchesFromPlan(model), !outOfTime, !terminations.contains(.stopped) {
            var o = solveOptions(model, seconds: remaining(), nodes: budget.fromPlan)
            o.presolve = false  // the start plan and the model's cuts are in the model's own columns
            o.startValues = plan.values
            o.cutSeparator = b.cutSeparator(for: model, families: options.cutFamilies, maxLevel: options.cutMaxLevel)
            let r = try backend.solve(model, options: o, progress: guarded(.fromPlan))
            record(SearchPhase.fromPlan.rawValue, r)
            consider(r.solution)
        }
        if !(terminations.contains(.stopped) && !deadline.isSet) || boundRun != nil { try rootBound() }
        return finish(model, searched: searched, best, bound: bound, nodes: nodes, phases: phases, terminations: terminations, infeasible: false)
    }

    /// The model with each run group's starts fixed to the hint's runs per week; nil when the hint does not fit
    /// this model (a run group or week it has not, or a count outside a start's bounds).
    static func hintModel(_ b: WeekModelBuilder, _ model: LinearModel, _ hint: [PreviousRun]) -> LinearModel? {
        let keys = Set(b.groups.map(\.key))
        guard hint.allSatisfy({ keys.contains($0.groupKey) }) else { return nil }
        var fixed = model
        for g in b.starts.indices {
            var count: [Int: Int] = [:]
            for run in hint where run.groupKey == b.groups[g].key { count[run.startWeek, default: 0] += 1 }
            guard count.keys.allSatisfy({ b.starts[g][$0] != nil }) else { return nil }
            for (w, v) in b.starts[g] {
                let k = Double(count[w] ?? 0)
                guard k >= (model[v].lower ?? 0) - 1e-9, k <= (model[v].upper ?? .infinity) + 1e-9 else { return nil }
                fixed.setBounds(v, lower: k, upper: k)
            }
        }
        return fixed
    }

    /// Phase 5: whole seat counts for the week choices of a seat-relaxed plan.
    private func wholeSeats(_ b: WeekModelBuilder, _ model: LinearModel, weeks: Solution,
                            record: (String, SolveResult, Bool) -> Void) throws -> Solution? {
        var fixed = model
        for g in b.starts.indices {
            for (_, v) in b.starts[g] {
                let k = weeks[v].rounded()
                fixed.setBounds(v, lower: k, upper: k)
            }
        }
        var rounded = fixed
        // Seats per run group and places per target group alike: each rounded down or up.
        let seatColumns = b.seats.flatMap { $0.values } + b.groupSeats.values.flatMap { $0.values.flatMap { $0.values } }
        for z in seatColumns {
            let x = weeks[z]
            rounded.setBounds(z, lower: max(model[z].lower ?? 0, (x - 1e-6).rounded(.down)),
                              upper: min(model[z].upper ?? .infinity, (x + 1e-6).rounded(.up)))
        }
        // Within 1 % of the seat-relaxed plan is enough here: the gap the plan reports is against the bound of the
        // whole model, and proving the last percent of the rounding took 3 950 of 4 000 nodes on the default
        // scenario (4 s) without a better plan (1 338 found after 55 nodes).
        var roundOptions = solveOptions(rounded, seconds: remaining(), nodes: budget.whole)
        roundOptions.relativeGap = max(roundOptions.relativeGap, Self.roundingGap)
        var r4 = try backend.solve(rounded, options: roundOptions, progress: guarded(.seatsRounded))
        record("seats rounded", r4, false)
        // If no rounding fits, let the seat counts range freely (the run counts stay fixed). (Trying this also
        // when rounding lost against the relaxed plan gained 1 point of 1 551 on the default scenario, for 4.7 s.)
        if r4.solution == nil && !outOfTime && !stopRequested(r4) {
            var dive = solveOptions(fixed, seconds: remaining(), nodes: budget.whole)
            dive.backtracking = .bestProjection  // dives towards whole seats instead of proving the bound
            r4 = try backend.solve(fixed, options: dive, progress: guarded(.seatsWhole))
            record("seats whole", r4, false)
        }
        if r4.solution == nil && !outOfTime && !stopRequested(r4) {
            // Rounding the seats may not fit every fixed run: let runs be dropped.
            for g in b.starts.indices { for (_, v) in b.starts[g] { fixed.setBounds(v, lower: model[v].lower, upper: weeks[v].rounded()) } }
            r4 = try backend.solve(fixed, options: solveOptions(fixed, seconds: remaining(), nodes: budget.whole), progress: guarded(.seatsWholeRunsMayDrop))
            record("seats whole, runs may drop", r4, false)
        }
        return r4.solution
    }

    /// The best plan against the best valid bound. With an integral objective the bound rounds up, and a plan
    /// that meets the rounded bound is proven optimal.
    /// When the caller stopped the search (Ctrl-C) before any plan beyond the start plan was found, there is no
    /// plan: the caller keeps the previous output rather than an empty plan. A time limit keeps the start plan.
    private func finish(_ model: LinearModel, searched: Bool, _ best: Solution?, bound: Double?, nodes: Int, phases: [String],
                        terminations: [Termination], infeasible: Bool) -> Outcome {
        let timedOut = deadline.isSet || outOfTime || terminations.contains(.timeLimit)
        let stopped = terminations.contains(.stopped) && !timedOut
        // A start plan (nothing new planned) is kept at a time limit, but not when the user stopped the search or
        // the memory limit ended it: then the caller says so and keeps the previous output.
        let cutShort = stopped || (terminations.contains(.memoryLimit) && !timedOut)
        guard var solution = (cutShort && !searched) ? nil : best else {
            // Named for what ended the search: a solver error or the memory limit is not a node budget.
            let error = terminations.first { if case .error = $0 { true } else { false } }
            let t: Termination = infeasible ? .infeasible : stopped ? .stopped : timedOut ? .timeLimit
                : terminations.contains(.memoryLimit) ? .memoryLimit : error ?? .nodeLimit
            return Outcome(result: SolveResult(termination: t, solution: nil, seconds: 0, nodes: nodes, bestBound: bound),
                           bound: bound, phases: phases)
        }
        var lower = bound.map { min($0, solution.objective) }
        if let l = lower, Planner.isIntegral(model) { lower = min((l - 1e-6).rounded(.up), solution.objective) }
        solution.bestBound = lower
        solution.gap = lower.map { abs(solution.objective - $0) / max(abs(solution.objective), 1e-9) }
        let optimal = (solution.gap ?? 1) <= options.relativeGap + 1e-12
        let outOfMemory = terminations.contains(.memoryLimit)
        let termination: Termination = optimal ? .optimal : stopped ? .stopped : timedOut ? .timeLimit : outOfMemory ? .memoryLimit : .nodeLimit
        return Outcome(result: SolveResult(termination: termination, solution: solution, seconds: 0, nodes: nodes, bestBound: lower),
                       bound: lower, phases: phases)
    }

    func stopRequested(_ r: SolveResult) -> Bool { r.termination == .stopped }

    /// The caller's progress handler, plus the time limit (`share` of it): past it, the search stops with what it has.
    /// The caller sees the phase's name, the whole solve's elapsed time and the time limit. A pass running `beside`
    /// the search does not report (one progress line is the search's); it stops when the caller asked the search to.
    func guarded(_ phase: SearchPhase, share: Double = 1, beside: Bool = false) -> ProgressHandler {
        let user = options.progress
        let clock = self.clock, start = self.start
        let limit = options.timeLimit.map { $0 * share }
        let timeLimit = options.timeLimit
        let deadline = self.deadline, stopAsked = self.stopAsked
        return { p in
            let elapsed = clock() - start
            if let limit, elapsed >= limit { deadline.set(); return .stop }
            if beside { return stopAsked.isSet ? .stop : .continue }
            var report = p
            report.phase = phase.rawValue; report.elapsed = elapsed; report.timeLimit = timeLimit
            let answer = user?(report) ?? .continue
            if answer == .stop { stopAsked.set() }
            return answer
        }
    }

    func describe(_ r: SolveResult) -> String {
        let objective = r.solution.map { " objective \(Planner.rounded($0.objective))" } ?? ""
        let bound = r.bestBound.map { " bound \(Planner.rounded($0))" } ?? ""
        let cuts = r.cuts.isEmpty ? "" : ", own cuts " + r.cuts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: " ")
        return "\(r.termination), \(r.nodes) nodes, \((r.seconds * 10).rounded() / 10) s\(objective)\(bound)\(cuts)"
    }
}
