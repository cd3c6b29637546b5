import Foundation
import Testing
import LinearModel
@testable import GLPKBackend

/// Records what a separator was asked, and returns fixed cuts.
final class FixedCuts: CutSeparator, @unchecked Sendable {
    let cuts: [Cut]
    private let lock = NSLock()
    private var points: [SeparationPoint] = []
    init(_ cuts: [Cut]) { self.cuts = cuts }
    var calls: [SeparationPoint] { lock.withLock { points } }
    func separate(_ point: SeparationPoint) -> [Cut] {
        lock.withLock { points.append(point) }
        return cuts
    }
}

@Suite("GLPK: cuts of the model's own through the branch-and-cut callback")
struct GLPKCutSeparatorTests {
    let backend = GLPKBackend()

    /// GLPK without its own cuts, searching by nodes: the half-bound model cannot be proven in 200 nodes.
    func options(_ separator: (any CutSeparator)?) -> SolveOptions {
        var o = SolveOptions.solverDefaults
        o.relativeGap = 0
        o.nodeLimit = 200
        o.cutSeparator = separator
        return o
    }

    /// Σx ≤ 7: the rounding of 2·Σx ≤ 15 over binaries.
    static func roundingCut(_ model: LinearModel) -> Cut {
        Cut(family: "rounding", terms: (0..<40).map { Term(VariableID(index: $0), 1) }, upper: 7)
    }

    @Test("a valid cut added at the root proves the optimum the plain search cannot reach in its node budget")
    func cutProvesRoot() throws {
        let model = GLPKSearchControlTests.halfBoundModel()
        let plain = try backend.solve(model, options: options(nil), progress: nil)
        #expect(plain.termination == .nodeLimit)
        #expect(plain.bestBound == 7.5)

        let separator = FixedCuts([Self.roundingCut(model)])
        let cut = try backend.solve(model, options: options(separator), progress: nil)
        #expect(cut.termination == .optimal)
        #expect(abs((cut.solution?.objective ?? 0) - 7) < 1e-6)
        #expect(cut.nodes < plain.nodes)
        #expect(cut.cuts == ["rounding": cut.cuts["rounding"] ?? 0] && (cut.cuts["rounding"] ?? 0) >= 1)
        // The separator saw the root's LP point: 2·Σx = 15.
        let first = try #require(separator.calls.first)
        #expect(first.level == 0 && first.round == 0)
        #expect(abs(first.values.prefix(40).reduce(0, +) - 7.5) < 1e-6)
    }

    @Test("the MIR of the model's own row finds that cut")
    func mirFindsTheCut() throws {
        let model = GLPKSearchControlTests.halfBoundModel()
        let columns = MixedIntegerRounding.columns(of: model)
        let odd = model.constraints[0]
        let values = [Double](repeating: 7.5 / 40, count: 40) + [7.5]
        let upper = try #require(odd.upper)
        let cut = try #require(MixedIntegerRounding.cut(of: odd.terms, upTo: upper, columns: columns, values: values, family: "mir"))
        let result = try backend.solve(model, options: options(FixedCuts([cut])), progress: nil)
        #expect(result.termination == .optimal)
        #expect(abs((result.solution?.objective ?? 0) - 7) < 1e-6)
    }

    @Test("with presolve the separator is not asked: the tree's columns are not the model's")
    func notWithPresolve() throws {
        let model = GLPKSearchControlTests.halfBoundModel()
        let separator = FixedCuts([Self.roundingCut(model)])
        var o = options(separator)
        o.presolve = true
        let result = try backend.solve(model, options: o, progress: nil)
        #expect(separator.calls.isEmpty)
        #expect(result.cuts.isEmpty)
        #expect(abs((result.solution?.objective ?? 0) - 7) < 1e-6)
    }

    @Test("malformed cuts are dropped before GLPK sees them; the solve goes on")
    func malformedCutsDropped() throws {
        let model = GLPKSearchControlTests.halfBoundModel()
        let x0 = VariableID(index: 0)
        let bad = [
            Cut(family: "bad", terms: [Term(VariableID(index: 41), 1)], upper: 0),          // column out of range
            Cut(family: "bad", terms: [Term(x0, 1)]),                                       // no side
            Cut(family: "bad", terms: [Term(x0, 1)], lower: 0, upper: 1),                   // two sides
            Cut(family: "bad", terms: [Term(x0, .nan)], upper: 1),                          // not a number
            Cut(family: "bad", terms: [Term(x0, 1), Term(x0, 1)], upper: 1),                // a column twice
            Cut(family: "bad", terms: [Term(x0, 1)], upper: .infinity),                     // no limit
        ]
        let result = try backend.solve(model, options: options(FixedCuts(bad + [Self.roundingCut(model)])), progress: nil)
        #expect(result.cuts["bad"] == nil)
        #expect(result.termination == .optimal)
        #expect(abs((result.solution?.objective ?? 0) - 7) < 1e-6)
    }
}
