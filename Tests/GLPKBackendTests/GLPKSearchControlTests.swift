import Foundation
import Testing
import LinearModel
@testable import GLPKBackend

@Suite("GLPK branch-and-cut control: time limit, progress, stop")
struct GLPKSearchControlTests {
    let backend = GLPKBackend()

    @Test("a time limit ends the search with the incumbent kept")
    func timeLimitKeepsIncumbent() throws {
        let model = TestModels.hardMultiKnapsack()
        let started = Date()
        let result = try backend.solve(model, options: SolveOptions(timeLimit: 1, relativeGap: 0), progress: nil)
        #expect(result.termination == .timeLimit)
        let solution = try #require(result.solution)
        #expect(TestModels.isFeasible(solution.values, in: model))
        #expect(abs(model.objective.value(solution.values) - solution.objective) < 1e-6)
        let bound = try #require(solution.bestBound)
        #expect(bound >= solution.objective - 1e-6, "maximisation: the bound lies above the incumbent")
        #expect((solution.gap ?? 0) > 0)
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test("progress is reported and .stop ends the search with the incumbent")
    func progressStop() throws {
        let model = TestModels.hardMultiKnapsack()
        let recorder = ProgressRecorder()
        let result = try backend.solve(model, options: SolveOptions(timeLimit: 10, relativeGap: 0)) { progress in
            recorder.record(progress)
            return progress.incumbent == nil ? .continue : .stop
        }
        let reports = recorder.reports
        #expect(!reports.isEmpty)
        #expect(result.termination == .stopped)
        let solution = try #require(result.solution)
        #expect(TestModels.isFeasible(solution.values, in: model))
        let last = try #require(reports.last)
        #expect(last.incumbent == solution.objective)
        if let bound = last.bestBound, let incumbent = last.incumbent {
            #expect(last.gap == abs(incumbent - bound) / max(abs(incumbent), 1e-9))
        }
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.elapsed <= $1.elapsed })
    }

    /// max count, count = Σx (count continuous, so GLPK cannot round bounds itself),
    /// 2·Σx <= 15 over 40 binaries: the LP bound stays at 7.5 through a huge tree, while
    /// floor(7.5) = 7 proves the first incumbent of 7 optimal at once.
    static func halfBoundModel() -> LinearModel {
        var model = LinearModel(name: "half")
        var count = LinearExpression([])
        var twice = LinearExpression([])
        for i in 0..<40 {
            let x = model.addVariable("x\(i)", kind: .binary)
            count.add(x)
            twice.add(x, 2)
        }
        model.addConstraint("odd", twice, upper: 15)
        let total = model.addVariable("count", lower: nil)
        count.add(total, -1)
        model.addConstraint("countDefinition", count, lower: 0, upper: 0)
        model.setObjective([Term(total, 1)], .maximize)
        return model
    }

    @Test("an integral objective stops when the rounded bound meets the incumbent")
    func integralObjectiveStop() throws {
        var options = SolveOptions.solverDefaults
        options.relativeGap = 0
        options.backtracking = .depthFirst
        options.timeLimit = 0.5

        options.integralObjective = true
        let rounded = try backend.solve(Self.halfBoundModel(), options: options, progress: nil)
        #expect(rounded.termination == .optimal)
        #expect(rounded.solution?.objective == 7)
        #expect(rounded.solution?.bestBound == 7)
        #expect(rounded.solution?.gap == 0)

        // Without the hint GLPK cannot close the half unit of gap.
        options.integralObjective = false
        let plain = try backend.solve(Self.halfBoundModel(), options: options, progress: nil)
        #expect(plain.termination == .timeLimit)
        #expect(plain.solution?.objective == 7)
        #expect(plain.solution?.bestBound == 7.5)
        #expect(plain.nodes > rounded.nodes)
    }
}
