/// Complemented mixed-integer rounding (c-MIR, Marchand and Wolsey 2001) of one valid inequality.
///
/// Validity. Take a valid inequality `Σ a_j x_j ≤ b` of the model. Each column is shifted to one of its
/// bounds: `x_j = l_j + w_j` or `x_j = u_j − w_j`, so every `w_j ≥ 0`, integral when `x_j` is, and
/// `Σ c_j w_j ≤ β` holds with `c_j = ±a_j`, `β = b − Σ a_j·(bound)`. Dropping the upper bounds of the `w_j`
/// only enlarges the set, so whatever is valid for `{w ≥ 0, w_I integral, Σ c_j w_j ≤ β}` is valid for the
/// model. Divide by `δ > 0`; with `f = β/δ − ⌊β/δ⌋ > 0` the MIR inequality
/// `Σ_I (⌊c_j/δ⌋ + max(0, frac(c_j/δ) − f)/(1 − f)) w_j + Σ_C min(0, c_j/δ)/(1 − f) w_j ≤ ⌊β/δ⌋`
/// is valid for that set (Nemhauser and Wolsey, Integer and Combinatorial Optimization, II.1.7). Shifting
/// back to `x` is an identity. So the cut is valid for every point of the model that satisfies the base
/// inequality and the bounds, whatever `δ` and the bounds chosen. The right-hand side is relaxed by a
/// hair against rounding in floating point.
public enum MixedIntegerRounding {
    /// What the rounding needs to know of a column.
    public struct Column: Sendable, Equatable {
        public var lower: Double?
        public var upper: Double?
        public var isInteger: Bool
        public init(lower: Double?, upper: Double?, isInteger: Bool) {
            self.lower = lower; self.upper = upper; self.isInteger = isInteger
        }
    }

    /// The columns of a model as the rounding sees them.
    public static func columns(of model: LinearModel) -> [Column] {
        model.variables.map { Column(lower: $0.lower, upper: $0.upper, isInteger: $0.kind != .continuous) }
    }

    /// The most violated MIR cut of `Σ terms ≤ rhs` at `values`, over a few divisors; nil when none is
    /// violated by at least `minimumViolation` (absolute, on the cut scaled to the base row's size).
    public static func cut(of terms: [Term], upTo rhs: Double, columns: [Column], values: [Double],
                           family: String, minimumViolation: Double = 1e-4) -> Cut? {
        // 1. Shift every column to a bound: w = x − l or w = u − x.
        struct Shifted { var column: Int; var c: Double; var complemented: Bool; var bound: Double; var w: Double; var integer: Bool }
        var shifted: [Shifted] = []
        shifted.reserveCapacity(terms.count)
        var beta = rhs
        for t in terms where t.coefficient != 0 {
            let j = t.variable.index
            let col = columns[j], x = values[j], a = t.coefficient
            var l = col.lower.flatMap { $0.isFinite ? $0 : nil }, u = col.upper.flatMap { $0.isFinite ? $0 : nil }
            // An integer column's shift must be whole: its bounds rounded inwards (every integer point keeps them).
            if col.isInteger { l = l.map { ($0 - 1e-9).rounded(.up) }; u = u.map { ($0 + 1e-9).rounded(.down) } }
            let useUpper: Bool
            switch (l, u) {
            case (nil, nil): return nil
            case (nil, _): useUpper = true
            case (_, nil): useUpper = false
            case let (l?, u?):
                // The nearer bound; on a tie, the one that leaves a continuous column's coefficient positive
                // (it then drops out of the cut).
                let dl = x - l, du = u - x
                useUpper = abs(dl - du) < 1e-9 ? (!col.isInteger && a < 0) : du < dl
            }
            if useUpper {
                let b = u!
                beta -= a * b
                shifted.append(Shifted(column: j, c: -a, complemented: true, bound: b, w: max(0, b - x), integer: col.isInteger))
            } else {
                let b = l!
                beta -= a * b
                shifted.append(Shifted(column: j, c: a, complemented: false, bound: b, w: max(0, x - b), integer: col.isInteger))
            }
        }
        guard shifted.contains(where: \.integer), beta.isFinite else { return nil }

        // 2. Divisors: the coefficients of integer columns strictly inside their range, then halves of the best.
        var divisors: [Double] = []
        for s in shifted where s.integer && s.w > 1e-6 {
            let d = abs(s.c)
            if d > 1e-6 && !divisors.contains(where: { abs($0 - d) <= 1e-9 * max(1, d) }) { divisors.append(d) }
        }
        if divisors.isEmpty { divisors = [1] }
        divisors.sort()
        if divisors.count > 12 { divisors = Array(divisors.prefix(12)) }

        func snap(_ v: Double) -> Double { let r = v.rounded(); return abs(v - r) < 1e-9 ? r : v }
        // The MIR of the shifted row divided by delta, scaled back by delta: coefficients on w and the right-hand side.
        func rounded(_ delta: Double) -> (g: [Double], rhs: Double, efficacy: Double, violation: Double)? {
            let bd = snap(beta / delta)
            let f = bd - bd.rounded(.down)
            guard f > 0.01 && f < 0.99 else { return nil }
            var g: [Double] = []
            g.reserveCapacity(shifted.count)
            var lhs = 0.0, norm = 0.0
            for s in shifted {
                let a = snap(s.c / delta)
                let v = s.integer ? a.rounded(.down) + max(0, a - a.rounded(.down) - f) / (1 - f) : min(0, a) / (1 - f)
                g.append(v * delta)
                lhs += v * delta * s.w
                norm += v * v * delta * delta
            }
            let r = bd.rounded(.down) * delta
            guard norm > 0 else { return nil }
            let violation = lhs - r
            return (g, r, violation / norm.squareRoot(), violation)
        }
        var best: (g: [Double], rhs: Double, efficacy: Double, violation: Double, delta: Double)?
        func consider(_ delta: Double) {
            guard let c = rounded(delta) else { return }
            if c.efficacy > (best?.efficacy ?? 1e-9) { best = (c.g, c.rhs, c.efficacy, c.violation, delta) }
        }
        for d in divisors { consider(d) }
        if let d = best?.delta { for k in [2.0, 4.0, 8.0] { consider(d / k) } }
        guard let best, best.violation >= minimumViolation else { return nil }

        // 3. Back to x: w = x − l gives g·x − g·l; w = u − x gives −g·x + g·u.
        var out: [Term] = []
        var cutRHS = best.rhs
        var norm = 0.0
        for (s, g) in zip(shifted, best.g) where g != 0 {
            if s.complemented {
                out.append(Term(VariableID(index: s.column), -g))
                cutRHS -= g * s.bound
            } else {
                out.append(Term(VariableID(index: s.column), g))
                cutRHS += g * s.bound
            }
            norm += g * g
        }
        guard !out.isEmpty, cutRHS.isFinite else { return nil }
        out.sort { $0.variable < $1.variable }
        cutRHS += 1e-9 * max(1, abs(cutRHS))
        return Cut(family: family, terms: out, upper: cutRHS, efficacy: best.violation / norm.squareRoot())
    }
}
