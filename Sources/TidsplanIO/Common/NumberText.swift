/// Numbers as text, identical on every machine and locale (no Foundation formatters, no `%f`).
public enum NumberText {
    /// Decimal places kept: enough for hours and kronor, few enough that binary noise
    /// (0.1 + 0.2) never reaches the output.
    public static let fractionDigits = 6

    /// Whole numbers without ".0"; others rounded to 6 decimals with trailing zeros trimmed
    /// (`2.5`, `0.027986`); `nil` for NaN and infinities. Very large magnitudes (≥ 1e12, beyond
    /// any hour or krona figure) use Swift's shortest round-trip form, which may have an exponent.
    public static func plain(_ x: Double, decimalSeparator: Character = ".") -> String? {
        guard x.isFinite else { return nil }
        if x == 0 { return "0" }  // also turns -0 into 0
        let magnitude = x.magnitude
        guard magnitude < 1e12 else {
            if magnitude < 1e15, x == x.rounded() { return String(Int64(x)) }
            return x.description
        }
        let scale = 1_000_000.0
        let scaled = Int64((magnitude * scale).rounded(.toNearestOrAwayFromZero))
        if scaled == 0 { return "0" }
        let whole = scaled / 1_000_000
        let fraction = scaled % 1_000_000
        var text = (x < 0 ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: fractionDigits - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text.append(decimalSeparator)
            text += digits
        }
        return text
    }

    /// Like `plain` but rounded to at most `decimals` places (for people: `58`, `2,5`, `0,03`);
    /// empty for NaN and infinities.
    public static func rounded(_ x: Double, decimals: Int, decimalSeparator: Character = ".") -> String {
        guard x.isFinite else { return "" }
        let clamped = max(0, min(decimals, fractionDigits))
        var factor = 1.0
        for _ in 0..<clamped { factor *= 10 }
        let r = (x * factor).rounded(.toNearestOrAwayFromZero) / factor
        return plain(r, decimalSeparator: decimalSeparator) ?? ""
    }
}
