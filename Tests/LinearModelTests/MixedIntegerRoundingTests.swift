import Testing
import LinearModel

/// The MIR cut of a row must hold at every integer point of the row's box that satisfies the row: checked by
/// enumerating every point of small random rows (an independent check of the rounding formula).
@Suite("Mixed-integer rounding")
struct MixedIntegerRoundingTests {
    /// xorshift, seeded: failures replay.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func unit() -> Double { Double(next() % 1_000_000) / 1_000_000 }
    }

    /// Every point of the box (integer columns on whole values, continuous ones on a grid of quarters and the bounds).
    static func points(_ columns: [MixedIntegerRounding.Column]) -> [[Double]] {
        var out: [[Double]] = [[]]
        for c in columns {
            let lo = c.lower!, hi = c.upper!
            let values: [Double] = c.isInteger ? stride(from: lo, through: hi, by: 1).map { $0 }
                : stride(from: lo, through: hi, by: 0.25).map { $0 } + [hi]
            out = out.flatMap { p in values.map { p + [$0] } }
        }
        return out
    }

    @Test("random rows: the cut keeps every feasible point and cuts off the point it was made for", arguments: 0..<40)
    func cutIsValid(seed: Int) throws {
        var rng = Rng(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
        let n = rng.int(2...4)
        var columns: [MixedIntegerRounding.Column] = []
        var terms: [Term] = []
        for j in 0..<n {
            let integer = j == 0 || rng.int(0...3) > 0
            let lo = Double(rng.int(-1...1)), hi = lo + Double(rng.int(1...4))
            columns.append(.init(lower: lo, upper: hi, isInteger: integer))
            // Coefficients like the week model's: whole numbers, multiples of 3, the odd fraction.
            let a = Double(rng.int(-9...9)) * (rng.int(0...4) == 0 ? 0.5 : 1)
            if a != 0 { terms.append(Term(VariableID(index: j), a)) }
        }
        guard !terms.isEmpty else { return }
        let box = Self.points(columns)
        let lhs = { (p: [Double]) in terms.reduce(0) { $0 + $1.coefficient * p[$1.variable.index] } }
        let feasibleLHS = box.filter { zip($0, columns).allSatisfy { !$1.isInteger || $0 == $0.rounded() } }.map(lhs).sorted()
        // A right-hand side that cuts the box, with a fractional part.
        let rhs = feasibleLHS[feasibleLHS.count / 2] + 0.5 * Double(rng.int(0...1)) + 0.25
        // Fractional points on the row, to separate.
        for _ in 0..<20 {
            let x = columns.map { $0.lower! + rng.unit() * ($0.upper! - $0.lower!) }
            guard lhs(x) <= rhs + 1e-9 else { continue }
            guard let cut = MixedIntegerRounding.cut(of: terms, upTo: rhs, columns: columns, values: x, family: "t") else { continue }
            #expect(!cut.holds(x, tolerance: 1e-7), "the cut is violated at the point it was made for")
            for p in box where lhs(p) <= rhs + 1e-9 && zip(p, columns).allSatisfy({ !$1.isInteger || $0 == $0.rounded() }) {
                #expect(cut.holds(p, tolerance: 1e-7), "cut \(cut.terms) ≤ \(cut.upper ?? .nan) removes the feasible point \(p) of \(terms) ≤ \(rhs)")
            }
        }
    }

    @Test("runs come whole: 12 seats a run, 25 places asked for, a shortfall costs; R + short/…: the known cut")
    func knownRunCut() throws {
        // −12·R − short ≤ −25 (R integer 0…5, short integer 0…25): at R = 25/12, short = 0 the MIR with δ = 12 is
        // R + short ≥ 3 (f = 11/12; short's rounded coefficient is a whole −1).
        let columns: [MixedIntegerRounding.Column] = [.init(lower: 0, upper: 5, isInteger: true), .init(lower: 0, upper: 25, isInteger: true)]
        let r = VariableID(index: 0), short = VariableID(index: 1)
        let cut = try #require(MixedIntegerRounding.cut(of: [Term(r, -12), Term(short, -1)], upTo: -25, columns: columns,
                                                        values: [25.0 / 12, 0], family: "t"))
        // Scaled to the row: −12·R − 12·short ≤ −36.
        let scale = -cut.terms[0].coefficient
        #expect(abs(cut.terms[0].coefficient / scale + 1) < 1e-9)
        #expect(abs(cut.terms[1].coefficient / scale + 1) < 1e-9)
        #expect(abs((cut.upper ?? 0) / scale + 3) < 1e-6)
        #expect(!cut.holds([25.0 / 12, 0]))
        #expect(cut.holds([3, 0]) && cut.holds([2, 1]) && cut.holds([0, 25]))
    }

    @Test("an integer column's fractional bounds are rounded inwards before shifting")
    func fractionalIntegerBounds() throws {
        // x integer in [0.5, 3.5], i.e. 1…3; 2x ≤ 5 at x = 2.5. Shifting by 0.5 would give a non-integral w.
        let columns: [MixedIntegerRounding.Column] = [.init(lower: 0.5, upper: 3.5, isInteger: true)]
        let x = VariableID(index: 0)
        let cut = try #require(MixedIntegerRounding.cut(of: [Term(x, 2)], upTo: 5, columns: columns, values: [2.5], family: "t"))
        for v in [1.0, 2.0] { #expect(cut.holds([v]), "x = \(v) is feasible") }
        #expect(!cut.holds([2.5]))
    }

    @Test("no cut without a fractional right-hand side or a bound to shift to")
    func nothingToRound() {
        let columns: [MixedIntegerRounding.Column] = [.init(lower: 0, upper: 4, isInteger: true), .init(lower: nil, upper: nil, isInteger: true)]
        let x = VariableID(index: 0), free = VariableID(index: 1)
        #expect(MixedIntegerRounding.cut(of: [Term(x, 2)], upTo: 4, columns: columns, values: [2, 0], family: "t") == nil)
        #expect(MixedIntegerRounding.cut(of: [Term(x, 2), Term(free, 1)], upTo: 3, columns: columns, values: [1.5, 0], family: "t") == nil)
    }
}
