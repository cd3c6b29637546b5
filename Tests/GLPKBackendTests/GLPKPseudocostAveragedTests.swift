import Testing
import LinearModel
@testable import GLPKBackend

/// The shim's own pseudocost branching (`.pseudocostAveraged`): known optima, with and without presolve, the same
/// search on every run, and never GLPK's strong-branching initialisation.
@Suite("GLPK: pseudocost branching with averaged unknown pseudocosts")
struct GLPKPseudocostAveragedTests {
    let backend = GLPKBackend()

    /// Branch and bound with the shim's rule doing the work: no cuts, no feasibility pump, no gap.
    static func options(presolve: Bool, log: LineCollector? = nil) -> SolveOptions {
        var o = SolveOptions(relativeGap: 0, presolve: presolve, gomoryCuts: false, mirCuts: false, coverCuts: false,
                             cliqueCuts: false, branching: .pseudocostAveraged, feasibilityPump: false)
        if let log {
            o.messageLevel = .normal
            o.log = { log.append($0) }
        }
        return o
    }

    static let jobDurations: [Double] = [7, 5, 4, 4, 3, 3, 2]
    static let machines = 3

    /// Seven jobs on three identical machines, minimise the makespan (the time the last machine finishes):
    /// assign[j][m] binary, each job on one machine, makespan >= each machine's load. The LP spreads the work
    /// evenly (28/3), so the search has to branch.
    static func makespan() -> LinearModel {
        var model = LinearModel(name: "makespan")
        let assign = jobDurations.indices.map { j in (0..<machines).map { m in model.addVariable("assign[\(j)][\(m)]", kind: .binary) } }
        let span = model.addVariable("makespan", lower: 0)
        for j in jobDurations.indices {
            model.addConstraint("once[\(j)]", LinearExpression(assign[j].map { Term($0, 1) }), lower: 1, upper: 1)
        }
        for m in 0..<machines {
            var load = LinearExpression(jobDurations.indices.map { Term(assign[$0][m], jobDurations[$0]) })
            load.add(span, -1)
            model.addConstraint("load[\(m)]", load, upper: 0)
        }
        model.setObjective([Term(span, 1)], .minimize)
        return model
    }

    /// The makespan's optimum over all 3^7 assignments (no solver involved).
    static func makespanOptimumByEnumeration() -> Double {
        var best = Double.infinity
        let count = jobDurations.count
        var assignment = 0
        let total = Int(pow3(count))
        while assignment < total {
            var loads = [Double](repeating: 0, count: machines)
            var code = assignment
            for j in 0..<count {
                loads[code % machines] += jobDurations[j]
                code /= machines
            }
            best = min(best, loads.max()!)
            assignment += 1
        }
        return best
    }

    static func pow3(_ n: Int) -> Double { (0..<n).reduce(1.0) { p, _ in p * 3 } }

    @Test("finds the knapsack's optimum (by enumeration), with and without presolve", arguments: [false, true])
    func knapsack(presolve: Bool) throws {
        let model = TestModels.knapsack()
        let result = try backend.solve(model, options: Self.options(presolve: presolve), progress: nil)
        #expect(result.termination == .optimal)
        let solution = try #require(result.solution)
        #expect(abs(solution.objective - TestModels.knapsackOptimumByEnumeration()) < 1e-6)
        #expect(TestModels.isFeasible(solution.values, in: model))
    }

    @Test("finds the makespan's optimum (by enumeration), with and without presolve, by its own branchings",
          arguments: [false, true])
    func makespan(presolve: Bool) throws {
        let model = Self.makespan()
        let log = LineCollector()
        let result = try backend.solve(model, options: Self.options(presolve: presolve, log: log), progress: nil)
        #expect(result.termination == .optimal)
        let solution = try #require(result.solution)
        #expect(abs(solution.objective - Self.makespanOptimumByEnumeration()) < 1e-6)
        #expect(TestModels.isFeasible(solution.values, in: model))
        // The shim reports its own branchings; GLPK's strong-branching initialisation never runs.
        let report = try #require(log.lines.first { $0.hasPrefix("Shim pseudocost branching:") })
        let branchings = Int(report.split(separator: " ").first { Int($0) != nil } ?? "") ?? 0
        #expect(branchings > 0, "the search branched by the shim's rule: \(report)")
        #expect(!log.lines.contains { $0.contains("Pseudocosts initialized") })
    }

    @Test("a search that needs many nodes proves the same optimum as GLPK's own pseudocost branching")
    func agreesWithGLPK() throws {
        let model = TestModels.hardMultiKnapsack(items: 30, dimensions: 3)
        var glpk = Self.options(presolve: true)
        glpk.branching = .pseudocost
        let own = try backend.solve(model, options: Self.options(presolve: true), progress: nil)
        let reference = try backend.solve(model, options: glpk, progress: nil)
        #expect(own.termination == .optimal)
        #expect(reference.termination == .optimal)
        let ownObjective = try #require(own.solution?.objective)
        let referenceObjective = try #require(reference.solution?.objective)
        #expect(abs(ownObjective - referenceObjective) < 1e-6)
        #expect(own.nodes > 1)
    }

    @Test("the same model and options give the same search and plan on two runs", arguments: [false, true])
    func deterministic(presolve: Bool) throws {
        let model = TestModels.hardMultiKnapsack(items: 60, dimensions: 4)
        var options = Self.options(presolve: presolve)
        options.nodeLimit = 400
        let first = try backend.solve(model, options: options, progress: nil)
        let second = try backend.solve(model, options: options, progress: nil)
        #expect(first.nodes > 1)
        #expect(first.termination == second.termination)
        #expect(first.nodes == second.nodes)
        #expect(first.solution?.values == second.solution?.values)
        #expect(first.solution?.objective == second.solution?.objective)
        #expect(first.bestBound == second.bestBound)
    }
}
