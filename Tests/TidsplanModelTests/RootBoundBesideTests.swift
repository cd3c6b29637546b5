import Foundation
import GLPKBackend
import LinearModel
import Testing
import TidsplanCore
@testable import TidsplanModel

/// The root-bound pass runs on a second solver beside the search for a plan (`PlannerOptions.boundBackend`):
/// it is bounded by nodes, so the plan, its bound and the phases it reports are the ones it gives after the search.
@Suite struct RootBoundBesideTests {
    /// The large models' passes (LP, restricted search, seat rounding, root bound) on a scenario small enough for a test.
    static func plan(_ s: Scenario, beside: SolverBackend?) throws -> PlanOutcome {
        var o = PlannerOptions(timeLimit: 60)
        o.smallModelColumns = 0
        o.boundBackend = beside
        return try Planner.plan(scenario: s, backend: GLPKBackend(), options: o)
    }

    @Test func theBoundBesideTheSearchIsTheBoundAfterIt() throws {
        for s in [CapacityTestScenario.scenario(), Small.base()] {
            let after = try Self.plan(s, beside: nil)
            let second = CountingBackend(GLPKBackend.pool(2)[1])
            let beside = try Self.plan(s, beside: second)
            #expect(after.statistics.phases.contains { $0.hasPrefix("full model, root") }, "\(after.statistics.phases)")
            // The root-bound pass, and nothing else, ran on the second solver.
            #expect(second.solves == 1)
            #expect(beside.plan.sessions == after.plan.sessions)
            #expect(beside.plan.solver == after.plan.solver)
            #expect(beside.statistics.phases.map(Self.withoutSeconds) == after.statistics.phases.map(Self.withoutSeconds))
            Small.expectVerified(beside.plan, s)
        }
    }

    /// "…, 3 nodes, 0.4 s objective …" without the seconds, which differ from run to run.
    static func withoutSeconds(_ phase: String) -> String {
        phase.replacing(/, [0-9.]+ s/, with: "")
    }
}

/// A backend that counts the solves it is given (from whichever thread) and hands them to GLPK.
final class CountingBackend: SolverBackend, @unchecked Sendable {
    // Safety of @unchecked: `count` is only touched with `lock` held.
    private let inner: SolverBackend
    private let lock = NSLock()
    private var count = 0
    init(_ inner: SolverBackend) { self.inner = inner }
    var solves: Int { lock.withLock { count } }
    var name: String { inner.name }
    var version: String { inner.version }
    func solve(_ model: LinearModel, options: SolveOptions, progress: ProgressHandler?) throws -> SolveResult {
        lock.withLock { count += 1 }
        return try inner.solve(model, options: options, progress: progress)
    }
    func export(_ model: LinearModel, format: ModelFormat) throws -> String { try inner.export(model, format: format) }
}
