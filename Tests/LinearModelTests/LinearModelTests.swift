import Testing
import LinearModel

@Suite("LinearModel")
struct LinearModelTests {
    @Test("duplicate terms in a row are merged, sorted by variable, zeros dropped")
    func mergesDuplicateTerms() {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        let z = model.addVariable("z")
        var e = LinearExpression([])
        e.add(y, 2)
        e.add(x, 1)
        e.add(y, 3)
        e.add(z, 4)
        e.add(z, -4)
        let row = model.addConstraint("r", e, upper: 10)
        #expect(model[row].terms == [Term(x, 1), Term(y, 5)])
    }

    @Test("a constraint's constant moves into its bounds")
    func constantShiftsBounds() {
        var model = LinearModel()
        let x = model.addVariable("x")
        let row = model.addConstraint("r", LinearExpression([Term(x, 1)], constant: 3), lower: 5, upper: 8)
        #expect(model[row].lower == 2)
        #expect(model[row].upper == 5)
        let free = model.addConstraint("free", LinearExpression([Term(x, 1)], constant: 3))
        #expect(model[free].lower == nil)
        #expect(model[free].upper == nil)
    }

    @Test("binary variables are clamped to [0, 1]; other kinds keep their bounds")
    func variableBounds() {
        var model = LinearModel()
        let b = model.addVariable("b", kind: .binary, lower: -3, upper: 7)
        let free = model.addVariable("f", lower: nil, upper: nil)
        let n = model.addVariable("n", kind: .integer, lower: 2, upper: 9)
        #expect(model[b].lower == 0)
        #expect(model[b].upper == 1)
        #expect(model[free].lower == nil)
        #expect(model[free].upper == nil)
        #expect(model[n].lower == 2 && model[n].upper == 9)
        #expect(model.hasIntegers)
        model.setBounds(b, lower: 1, upper: 1)
        #expect(model[b].lower == 1 && model[b].upper == 1)
    }

    @Test("a model without integer variables says so")
    func continuousModel() {
        var model = LinearModel()
        model.addVariable("x")
        #expect(!model.hasIntegers)
    }

    @Test("expression values include the constant; the objective is merged")
    func expressionValues() {
        var model = LinearModel()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        var objective = LinearExpression([Term(x, 2), Term(y, -1), Term(x, 1)], constant: 4)
        let expectedValue: Double = 4 + 3 * 1.5 - 2
        #expect(objective.value([1.5, 2]) == expectedValue)
        model.setObjective(objective, .maximize)
        #expect(model.objective.terms == [Term(x, 3), Term(y, -1)])
        #expect(model.objective.constant == 4)
        #expect(model.sense == .maximize)

        var sum = LinearExpression([])
        sum.add(objective, times: 2)
        #expect(sum.constant == 8)
        let expected: Double = 8 + 2 * (2 - 1 + 1)
        #expect(sum.value([1, 1]) == expected)
        objective.add(y)
        #expect(objective.merged().terms == [Term(x, 3)])

        let solution = Solution(values: [1.5, 2], objective: 0, bestBound: nil, gap: nil)
        #expect(solution[x] == 1.5)
        #expect(solution.value(LinearExpression([Term(y, 10)], constant: 1)) == 21)
    }

    @Test("termination and solution are kept apart")
    func resultShape() {
        let stopped = SolveResult(termination: .stopped,
                                  solution: Solution(values: [1], objective: 1, bestBound: 0.5, gap: 0.5),
                                  seconds: 0)
        #expect(!stopped.isProvenOptimal)
        #expect(stopped.solution != nil)
        let optimal = SolveResult(termination: .optimal, solution: nil, seconds: 0)
        #expect(!optimal.isProvenOptimal)
    }
}
