import Testing
import LinearModel
@testable import GLPKBackend

@Suite("GLPK solves: known optima, duals, infeasible, unbounded")
struct GLPKSolveTests {
    let backend = GLPKBackend()

    @Test("the backend names itself and GLPK's version")
    func nameAndVersion() {
        #expect(backend.name == "GLPK")
        #expect(backend.version.hasPrefix("5."))
    }

    @Test("textbook LP: optimum, row duals and reduced costs", arguments: [false, true])
    func textbookLP(presolve: Bool) throws {
        let result = try backend.solve(TestModels.textbookLP(), options: SolveOptions(presolve: presolve), progress: nil)
        #expect(result.termination == .optimal)
        let solution = try #require(result.solution)
        #expect(abs(solution.values[0] - 2) < 1e-9)
        #expect(abs(solution.values[1] - 6) < 1e-9)
        #expect(abs(solution.objective - 36) < 1e-9)
        #expect(solution.gap == 0)
        let duals = try #require(solution.rowDuals)
        #expect(duals.count == 3)
        #expect(abs(duals[0] - 0) < 1e-9)
        #expect(abs(duals[1] - 1.5) < 1e-9)
        #expect(abs(duals[2] - 1) < 1e-9)
        let reduced = try #require(solution.reducedCosts)
        #expect(reduced.allSatisfy { abs($0) < 1e-9 })
    }

    @Test("the objective constant is part of the objective")
    func objectiveConstant() throws {
        var model = TestModels.textbookLP()
        var objective = model.objective
        objective.constant = -6
        model.setObjective(objective, .maximize)
        let result = try backend.solve(model, options: SolveOptions(), progress: nil)
        #expect(abs((result.solution?.objective ?? 0) - 30) < 1e-9)
    }

    @Test("knapsack MIP reaches the optimum found by enumeration", arguments: [
        SolveOptions(),
        SolveOptions.solverDefaults,
        SolveOptions(integralObjective: true),
    ])
    func knapsack(options: SolveOptions) throws {
        let model = TestModels.knapsack()
        let result = try backend.solve(model, options: options, progress: nil)
        #expect(result.termination == .optimal)
        let solution = try #require(result.solution)
        #expect(abs(solution.objective - TestModels.knapsackOptimumByEnumeration()) < 1e-9)
        #expect(TestModels.isFeasible(solution.values, in: model))
        #expect(solution.rowDuals == nil, "a MIP solution carries no duals")
        #expect(solution.gap == 0)
    }

    @Test("relaxing integrality solves the LP relaxation, with duals")
    func relaxation() throws {
        let result = try backend.solve(TestModels.knapsack(), options: SolveOptions(relaxIntegrality: true), progress: nil)
        #expect(result.termination == .optimal)
        let solution = try #require(result.solution)
        #expect(solution.objective >= TestModels.knapsackOptimumByEnumeration() - 1e-9)
        #expect(solution.values.contains { abs($0 - $0.rounded()) > 1e-6 }, "the relaxation is fractional here")
        #expect(solution.rowDuals?.count == 1)
    }

    @Test("integer bounds are rounded inwards before GLPK sees them")
    func integerBoundsRounded() throws {
        var model = LinearModel()
        let n = model.addVariable("n", kind: .integer, lower: 0.5, upper: 3.7)
        model.setObjective([Term(n, 1)], .maximize)
        let up = try backend.solve(model, options: SolveOptions(), progress: nil)
        #expect(up.solution?.values == [3])
        model.setObjective([Term(n, 1)], .minimize)
        let down = try backend.solve(model, options: SolveOptions(), progress: nil)
        #expect(down.solution?.values == [1])
    }

    static func infeasibleModel(integer: Bool) -> LinearModel {
        var model = LinearModel(name: "infeasible")
        let x = model.addVariable("x", kind: integer ? .integer : .continuous)
        let y = model.addVariable("y", kind: integer ? .integer : .continuous)
        model.addConstraint("atLeast5", [Term(x, 1), Term(y, 1)], lower: 5)
        model.addConstraint("atMost3", [Term(x, 1), Term(y, 1)], upper: 3)
        model.setObjective([Term(x, 1)], .minimize)
        return model
    }

    @Test("infeasible LP and MIP, with and without presolve", arguments: [false, true], [false, true])
    func infeasible(integer: Bool, presolve: Bool) throws {
        let result = try backend.solve(Self.infeasibleModel(integer: integer),
                                       options: SolveOptions(presolve: presolve), progress: nil)
        #expect(result.termination == .infeasible)
        #expect(result.solution == nil)
    }

    @Test("an integer variable with no integer in its bounds makes the model infeasible")
    func emptyIntegerDomain() throws {
        var model = LinearModel()
        let n = model.addVariable("n", kind: .integer, lower: 0.2, upper: 0.8)
        model.setObjective([Term(n, 1)], .minimize)
        let result = try backend.solve(model, options: SolveOptions(), progress: nil)
        #expect(result.termination == .infeasible)
        // The LP relaxation keeps the bounds as given.
        let relaxed = try backend.solve(model, options: SolveOptions(relaxIntegrality: true), progress: nil)
        #expect(relaxed.termination == .optimal)
        #expect(relaxed.solution?.values == [0.2])
    }

    static func unboundedModel(integer: Bool) -> LinearModel {
        var model = LinearModel(name: "unbounded")
        let x = model.addVariable("x", kind: integer ? .integer : .continuous)
        let y = model.addVariable("y")
        model.addConstraint("gap", [Term(x, 1), Term(y, -1)], upper: 1)
        model.setObjective([Term(x, 1), Term(y, 1)], .maximize)
        return model
    }

    @Test("unbounded LP and MIP, with and without presolve", arguments: [false, true], [false, true])
    func unbounded(integer: Bool, presolve: Bool) throws {
        let result = try backend.solve(Self.unboundedModel(integer: integer),
                                       options: SolveOptions(presolve: presolve), progress: nil)
        #expect(result.termination == .unbounded)
    }

    @Test("non-finite numbers and unknown variables throw before GLPK sees them")
    func validation() throws {
        var model = LinearModel()
        let x = model.addVariable("x")
        model.addConstraint("nan", [Term(x, .nan)], upper: 1)
        #expect(throws: SolverError.self) { try backend.solve(model, options: SolveOptions(), progress: nil) }

        var stray = LinearModel()
        stray.addVariable("x")
        stray.setObjective([Term(VariableID(index: 7), 1)], .minimize)
        #expect(throws: SolverError.self) { try backend.solve(stray, options: SolveOptions(), progress: nil) }

        var badBound = LinearModel()
        badBound.addVariable("x", lower: .infinity)
        #expect(throws: SolverError.self) { try backend.export(badBound, format: .freeMPS) }
    }

    @Test("duplicate objective terms assigned directly are merged, not fatal")
    func duplicateObjectiveTerms() throws {
        var model = TestModels.textbookLP()
        // Bypasses setObjective's merge: GLPK would not care here, but rows would.
        model.objective = LinearExpression([Term(VariableID(index: 0), 1), Term(VariableID(index: 1), 5),
                                            Term(VariableID(index: 0), 2)])
        let result = try backend.solve(model, options: SolveOptions(), progress: nil)
        #expect(abs((result.solution?.objective ?? 0) - 36) < 1e-9)
    }

    @Test("solver log lines reach the log sink, one line per call")
    func logLines() throws {
        let lines = LineCollector()
        let options = SolveOptions(messageLevel: .normal, log: { lines.append($0) })
        _ = try backend.solve(TestModels.knapsack(), options: options, progress: nil)
        let collected = lines.lines
        #expect(!collected.isEmpty)
        #expect(collected.allSatisfy { !$0.contains("\n") })
        // GLPK's branch-and-cut status line for the finished search.
        #expect(collected.contains { $0.contains("mip =") && $0.contains("tree is empty") })
    }
}
