import Testing
import LinearModel
@testable import GLPKBackend

/// GLPK's pseudocost branching with its strong-branching LPs shared over two threads
/// (`SolveOptions.strongBranchingThreads`): the shim re-implements GLPK's rule so that the LPs can be solved side by
/// side, and the search must be GLPK's own, node for node.
@Suite("GLPK: strong branching on two threads is GLPK's own pseudocost search")
struct GLPKStrongBranchingThreadsTests {
    let backend = GLPKBackend()

    static func options(threads: Int, presolve: Bool, log: LineCollector? = nil) -> SolveOptions {
        var o = SolveOptions(relativeGap: 0, presolve: presolve, gomoryCuts: false, mirCuts: false, coverCuts: false,
                             cliqueCuts: false, branching: .pseudocost, feasibilityPump: false)
        o.nodeLimit = 300
        o.strongBranchingThreads = threads
        if let log {
            o.messageLevel = .normal
            o.log = { log.append($0) }
        }
        return o
    }

    /// Twelve knapsack rows: the LP's vertex has many fractional columns, so nodes have many pseudocosts to measure.
    static let model = TestModels.hardMultiKnapsack(items: 60, dimensions: 12)

    @Test("same nodes, plan and bound as GLPK's own rule on one thread, with and without presolve", arguments: [false, true])
    func sameSearch(presolve: Bool) throws {
        let log = LineCollector()
        let own = try backend.solve(Self.model, options: Self.options(threads: 1, presolve: presolve), progress: nil)
        let shared = try backend.solve(Self.model, options: Self.options(threads: 2, presolve: presolve, log: log), progress: nil)
        #expect(own.nodes > 10)
        #expect(shared.termination == own.termination)
        #expect(shared.nodes == own.nodes)
        #expect(shared.solution?.values == own.solution?.values)
        #expect(shared.solution?.objective == own.solution?.objective)
        #expect(shared.bestBound == own.bestBound)
        // The LPs were really shared out: otherwise this test would compare GLPK with itself.
        let report = try #require(log.lines.first { $0.hasPrefix("Pseudocost branching:") })
        let numbers = report.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count == 4 && numbers[2] > 0, "strong-branching LPs solved in shared batches: \(report)")
    }

    @Test("its plan is feasible and the same on every run")
    func repeatable() throws {
        let first = try backend.solve(Self.model, options: Self.options(threads: 2, presolve: true), progress: nil)
        let second = try backend.solve(Self.model, options: Self.options(threads: 2, presolve: true), progress: nil)
        let solution = try #require(first.solution)
        #expect(TestModels.isFeasible(solution.values, in: Self.model))
        #expect(first.nodes == second.nodes)
        #expect(first.solution?.values == second.solution?.values)
    }

    @Test("proves the knapsack's optimum (by enumeration)")
    func knapsackOptimum() throws {
        var options = Self.options(threads: 2, presolve: false)
        options.nodeLimit = nil
        let result = try backend.solve(TestModels.knapsack(), options: options, progress: nil)
        #expect(result.termination == .optimal)
        #expect(abs((result.solution?.objective ?? .nan) - TestModels.knapsackOptimumByEnumeration()) < 1e-6)
    }
}
