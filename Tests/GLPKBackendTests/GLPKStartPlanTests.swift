import Testing
import LinearModel
@testable import GLPKBackend

/// A plan given to the search as its first incumbent (`SolveOptions.startValues`, `glp_ios_heur_sol` in the shim).
@Suite("GLPK: a start plan is the search's first incumbent, checked before GLPK takes it")
struct GLPKStartPlanTests {
    let backend = GLPKBackend()
    static let model = TestModels.hardMultiKnapsack(items: 60, dimensions: 12)

    /// The root only, no cuts or heuristics of GLPK's: whatever plan comes back is the start plan or the root's LP.
    static func rootOnly(start: [Double]?, presolve: Bool = false, log: LineCollector? = nil) -> SolveOptions {
        var o = SolveOptions(relativeGap: 0, presolve: presolve, gomoryCuts: false, mirCuts: false, coverCuts: false,
                             cliqueCuts: false, branching: .mostFractional, feasibilityPump: false)
        o.nodeLimit = 2  // the root and its branching (a limit of 1 stops before the root's heuristic call)
        o.startValues = start
        if let log { o.messageLevel = .normal; o.log = { log.append($0) } }
        return o
    }

    /// A good plan found by a longer search, to hand over.
    func goodPlan() throws -> Solution {
        var o = SolveOptions(relativeGap: 0, presolve: false, branching: .mostFractional)
        o.nodeLimit = 400
        return try #require(try backend.solve(Self.model, options: o, progress: nil).solution)
    }

    @Test("a fitting plan comes back from a root-only search, and the search's bound is kept")
    func aFittingPlanIsTheIncumbent() throws {
        let plan = try goodPlan()
        let without = try backend.solve(Self.model, options: Self.rootOnly(start: nil), progress: nil)
        // Otherwise the test would not show the start plan doing anything.
        #expect(without.solution.map { $0.objective < plan.objective } ?? true)
        let log = LineCollector()
        let with = try backend.solve(Self.model, options: Self.rootOnly(start: plan.values, log: log), progress: nil)
        #expect(with.solution?.objective == plan.objective)
        #expect(with.solution.map { TestModels.isFeasible($0.values, in: Self.model) } == true)
        #expect(with.bestBound != nil && with.bestBound! >= plan.objective - 1e-6)
        #expect(log.lines.contains { $0.hasPrefix("Start plan accepted") })
    }

    @Test("a plan that breaks a row, a bound or integrality is not taken")
    func aPlanThatDoesNotFitIsIgnored() throws {
        let n = Self.model.variables.count
        let broken: [[Double]] = [
            [Double](repeating: 1, count: n),                    // every item: over every capacity
            [Double](repeating: 0, count: n - 1) + [2],          // above a binary's bound
            [Double](repeating: 0, count: n - 1) + [0.5],        // not whole
            [Double](repeating: 0, count: n - 1),                // one value short
        ]
        for plan in broken {
            let log = LineCollector()
            let r = try backend.solve(Self.model, options: Self.rootOnly(start: plan, log: log), progress: nil)
            if let s = r.solution { #expect(TestModels.isFeasible(s.values, in: Self.model)) }
            #expect(!log.lines.contains { $0.hasPrefix("Start plan accepted") }, "\(plan.prefix(3))")
        }
    }

    @Test("with presolve the tree's columns are not the model's: the start plan is not used")
    func presolveIgnoresTheStartPlan() throws {
        let plan = try goodPlan()
        let log = LineCollector()
        _ = try backend.solve(Self.model, options: Self.rootOnly(start: plan.values, presolve: true, log: log), progress: nil)
        #expect(!log.lines.contains { $0.hasPrefix("Start plan") })
    }
}
