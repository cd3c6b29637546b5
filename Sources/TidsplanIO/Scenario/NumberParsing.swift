/// Numbers as project leaders type them in YAML: `1400000`, `1_400_000`, `1 400 000`, `0.75`.
/// A decimal comma (`0,75`) or a percentage (`75%`) is recognised so the message can say why.
enum NumberParsing {
    enum Integer: Equatable { case value(Int), tooLarge, decimalComma, fraction, invalid }
    enum Decimal: Equatable { case value(Double), decimalComma, percent, invalid }

    /// Digits with an optional sign; `_` and (thin, no-break) spaces between digits are dropped.
    private static func compact(_ raw: String) -> String {
        let trimmed = raw.filter { !($0 == "_" || $0 == " " || $0 == "\u{00A0}" || $0 == "\u{2009}" || $0 == "\u{202F}") }
        return trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
    }

    private static func isPlainNumber(_ s: String) -> Bool {
        var body = Substring(s)
        if body.hasPrefix("-") { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              body.filter({ $0 == "." }).count <= 1, body != "." else { return false }
        return true
    }

    static func integer(_ raw: String) -> Integer {
        let s = compact(raw)
        guard s.count <= 40 else { return .invalid }
        if let n = Int(s) { return .value(n) }
        if isPlainNumber(s), let x = Double(s) {
            if abs(x) >= 1e15 { return .tooLarge }
            // 150.0 is a whole number written long-hand.
            return x == x.rounded() ? .value(Int(x)) : .fraction
        }
        if s.contains(","), isPlainNumber(s.replacingOccurrencesOfComma) { return .decimalComma }
        return .invalid
    }

    static func decimal(_ raw: String) -> Decimal {
        let s = compact(raw)
        guard s.count <= 40 else { return .invalid }
        if isPlainNumber(s), let x = Double(s), x.isFinite { return .value(x) }
        if s.hasSuffix("%"), isPlainNumber(String(s.dropLast()).replacingOccurrencesOfComma) { return .percent }
        if s.contains(","), isPlainNumber(s.replacingOccurrencesOfComma) { return .decimalComma }
        return .invalid
    }
}

private extension String {
    var replacingOccurrencesOfComma: String { String(map { $0 == "," ? "." : $0 }) }
}
