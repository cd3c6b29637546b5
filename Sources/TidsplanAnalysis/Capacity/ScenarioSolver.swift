import Foundation
import LinearModel
import TidsplanCore
import TidsplanModel

/// Plans a scenario (or a variant of it) with fixed solver settings: the one way capacity and compare
/// re-solve, so every number they compare comes from the same planner under the same limits.
public struct ScenarioSolver: Sendable {
    public var backend: SolverBackend
    /// Seconds for each planning run (`nil`: no limit).
    public var timeLimit: Double?
    public var relativeGap: Double
    /// Seconds since some start; only used to keep within `timeLimit`, never written anywhere.
    public var clock: @Sendable () -> Double
    /// Whether the person asked to stop (Ctrl-C): the search keeps its best plan so far and no more runs start.
    public var shouldStop: @Sendable () -> Bool
    /// Backends for planning runs side by side (`planEach`), each on its own thread; `backend` first.
    public var backends: [SolverBackend]
    /// A plan made with no more capacity than the scenarios planned now (`PlannerOptions.hint`): capacity's
    /// re-solves start from the base plan, so one more unit never comes out worse than none.
    public var hint: Plan?

    /// - Parameter sideBySide: more backends, on threads of their own, so that `planEach` uses more cores.
    public init(backend: SolverBackend, timeLimit: Double?, relativeGap: Double = 0.001,
                clock: @escaping @Sendable () -> Double = { 0 }, shouldStop: @escaping @Sendable () -> Bool = { false },
                sideBySide: [SolverBackend] = []) {
        self.backend = backend; self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.clock = clock
        self.shouldStop = shouldStop
        self.backends = [backend] + sideBySide
    }

    /// - Parameter alone: nothing else runs now (the base plan of capacity and compare), so the root-bound pass takes
    ///   the second backend's core beside the search (`PlannerOptions.boundBackend`); the plan is the same either way.
    public func plan(_ scenario: Scenario, replan: ReplanContext? = nil, alone: Bool = false) throws -> Plan {
        let stop = shouldStop
        var options = PlannerOptions(timeLimit: timeLimit, relativeGap: relativeGap, progress: { _ in stop() ? .stop : .continue })
        options.hint = hint
        if alone { options.boundBackend = backends.dropFirst().first }
        let start = clock()
        let c = clock
        return try Planner.plan(scenario: scenario, backend: backend, options: options, replan: replan,
                                clock: { c() - start }).plan
    }
}

extension ScenarioSolver {
    /// Plans each scenario (a re-plan where it has a context), as many side by side as there are backends.
    /// Every run is bounded by nodes, not seconds, so each plan is the one `plan` would give alone, whatever
    /// runs beside it; results come back in `jobs`' order. `finished(done, index)` is called on the calling
    /// thread as runs end.
    public func planEach(_ jobs: [(scenario: Scenario, replan: ReplanContext?)],
                         finished: (_ done: Int, _ index: Int) -> Void = { _, _ in }) -> [Result<Plan, any Error>] {
        let queue = PlanQueue(count: jobs.count)
        for worker in backends.prefix(max(1, min(backends.count, jobs.count))) {
            var copy = self
            copy.backend = worker
            let solver = copy
            Thread.detachNewThread {
                while let i = queue.next() {
                    let job = jobs[i]
                    queue.finish(i, Result { try solver.plan(job.scenario, replan: job.replan) })
                }
            }
        }
        var done = 0
        while done < jobs.count {
            let ended = queue.waitForEnded()
            for i in ended { done += 1; finished(done, i) }
        }
        return queue.results.map { $0! }
    }
}

/// The work list of `planEach`: which run is next, and what ended, behind one lock.
private final class PlanQueue: @unchecked Sendable {
    // Safety of @unchecked: every field is only touched with `condition` locked.
    private let condition = NSCondition()
    private var nextIndex = 0
    private let count: Int
    private var ended: [Int] = []
    private var stored: [Result<Plan, any Error>?]

    init(count: Int) { self.count = count; stored = Array(repeating: nil, count: count) }

    func next() -> Int? {
        condition.lock(); defer { condition.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func finish(_ i: Int, _ result: Result<Plan, any Error>) {
        condition.lock(); defer { condition.unlock() }
        stored[i] = result
        ended.append(i)
        condition.signal()
    }

    func waitForEnded() -> [Int] {
        condition.lock(); defer { condition.unlock() }
        while ended.isEmpty { condition.wait() }
        defer { ended.removeAll() }
        return ended
    }

    var results: [Result<Plan, any Error>?] { condition.lock(); defer { condition.unlock() }; return stored }
}

extension Plan {
    /// Whether capacity and compare can measure against this plan: it has a solution, and it is not the start
    /// plan a time limit left behind before any run was chosen (every figure measured against that one would
    /// be the time limit's, not the scenario's: "0 hours covered, nothing would help").
    package var isMeasurable: Bool {
        guard solver.status.hasPlan else { return false }
        let nothingChosen = !sessions.contains { $0.kind == .training && $0.status == .planned }
        return !(nothingChosen && solver.searchEnd == .timeLimit)
    }
}

/// Quota figures of a plan that capacity and compare read the same way.
package enum QuotaFigures {
    /// Hours of quota covered: planned hours up to each municipality's quota (hours above it do not help).
    package static func coveredHours(_ plan: Plan) -> Double {
        plan.municipalities.reduce(0.0) { $0 + min($1.plannedHours, Double($1.quotaHours)) }
    }

    /// Hours short of the quotas in force, over the municipalities not withdrawn in `scenario`, as the plan's own
    /// quota shortfalls count them: a difference of less than one place is rounding, not hours missing
    /// (docs/rules.md, "What counts as a shortfall"), so capacity and compare agree with the plan.
    package static func shortfallHours(_ plan: Plan, scenario: Scenario) -> Double {
        plan.shortfalls.filter { $0.kind == "quota" }
            .filter { s in s.subject.municipality.map { scenario.municipality($0)?.withdrawal == nil } ?? true }
            .reduce(0.0) { $0 + $1.amount }
    }

    package static func isProvenOptimal(_ plan: Plan) -> Bool { plan.solver.status == .optimal }

    /// Co-financing covered, in kr: each municipality's covered hours at its rate.
    package static func coveredKr(_ plan: Plan) -> Double {
        plan.municipalities.reduce(0.0) { $0 + min($1.plannedHours, Double($1.quotaHours)) * Double($1.rateKrPerHour) }
    }

    /// Places the target groups asked for and did not get: the plan's own attendance shortfalls, in persons.
    package static func missingPlaces(_ plan: Plan) -> Int {
        Int(plan.shortfalls.filter { $0.kind == "attendance" }.reduce(0.0) { $0 + $1.amount }.rounded())
    }

    /// Trainer fees, their travel and premises of the plan's training, in kr.
    package static func costKr(_ plan: Plan, scenario: Scenario) -> Double {
        let spend = BudgetSpend(scenario: scenario)
        return plan.activeSessions.filter { $0.kind == .training }.reduce(0.0) { sum, s in
            sum + BudgetName.all.reduce(0.0) { $0 + spend.kr($1, s) }
        }
    }
}
