import Testing
import LinearModel
@testable import GLPKBackend

@Suite("GLPK fatal errors are survived in-process")
struct GLPKRobustnessTests {
    let backend = GLPKBackend()

    @Test("a provoked GLPK fatal error throws, and the next solve works")
    func fatalErrorSurvived() throws {
        let error = try #require(throws: SolverError.self) { try backend.provokeFatalError() }
        #expect(error.message.contains("column number out of range"))
        let result = try backend.solve(TestModels.knapsack(), options: SolveOptions(), progress: nil)
        #expect(result.termination == .optimal)
        #expect(result.solution?.objective == TestModels.knapsackOptimumByEnumeration())
    }

    @Test("hitting the memory limit ends with .memoryLimit, and the next solve works")
    func memoryLimit() throws {
        // A quarter of a million coefficients need several MiB inside GLPK.
        var model = LinearModel(name: "big")
        let columns = (0..<500).map { model.addVariable("x\($0)", upper: 1) }
        for row in 0..<500 {
            model.addConstraint("r\(row)", LinearExpression(columns.map { Term($0, Double(($0.index + row) % 7 + 1)) }),
                                upper: 100)
        }
        model.setObjective(LinearExpression(columns.map { Term($0, 1) }), .maximize)
        let result = try backend.solve(model, options: SolveOptions(memoryLimitMiB: 1), progress: nil)
        #expect(result.termination == .memoryLimit)
        #expect(result.solution == nil)
        let next = try backend.solve(TestModels.textbookLP(), options: SolveOptions(), progress: nil)
        #expect(next.solution?.objective == 36)
    }
}
