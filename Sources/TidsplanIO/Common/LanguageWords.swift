import TidsplanCore

/// Calendar words both languages need in every human-readable output.
extension Language {
    /// Month name as used in running text: `april` (sv, lower case as Swedish writes it), `April` (en).
    public func monthName(_ month: Int) -> String {
        let sv = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                  "oktober", "november", "december"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]
        precondition((1...12).contains(month), "month \(month) out of range")
        return self == .sv ? sv[month - 1] : en[month - 1]
    }

    /// `april 2024` / `April 2024`.
    public func monthAndYear(_ day: Day) -> String { "\(monthName(day.month)) \(day.year)" }

    /// `tisdag` / `Tuesday`.
    public func weekdayName(_ weekday: Weekday) -> String { self == .sv ? weekday.swedish : weekday.english }

    /// Decimal separator people expect: `2,5` in Swedish, `2.5` in English.
    public var decimalSeparator: Character { self == .sv ? "," : "." }
}

extension NumberText {
    /// A number for people: at most `decimals` places, decimal comma and space-separated
    /// thousands in Swedish (`1 290`, `2,5`), `1,290` and `2.5` in English; empty for NaN/infinity.
    public static func human(_ x: Double, lang: Language, decimals: Int = 2) -> String {
        let plainText = rounded(x, decimals: decimals, decimalSeparator: lang.decimalSeparator)
        guard !plainText.isEmpty else { return plainText }
        let negative = plainText.hasPrefix("-")
        let unsigned = negative ? String(plainText.dropFirst()) : plainText
        let parts = unsigned.split(separator: lang.decimalSeparator, maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts[0])
        // Exponent forms (≥ 1e15) are left alone: no hour or krona figure gets there.
        guard whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber) else { return plainText }
        let groupSeparator = lang == .sv ? " " : ","
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped += groupSeparator }
            grouped.append(ch)
        }
        var out = (negative ? "-" : "") + grouped
        if parts.count == 2 { out += String(lang.decimalSeparator) + parts[1] }
        return out
    }
}

extension NumberText {
    /// A proven gap as people read it: `2,3 %`, `0,45 %`, `0,068 %`, `under 0,001 %`. Enough places that a gap is
    /// never shown as 0 % (which would read as "proven best"), no more than two significant ones, and rounded up:
    /// it is said as "no other plan can be more than … better", which 0.4484 % shown as "0,4 %" would make false.
    public static func gapPercent(_ gap: Double, lang: Language) -> String {
        guard let (percent, decimals) = gapPercentShown(gap) else {
            return (lang == .sv ? "under " : "less than ") + human(0.001, lang: lang, decimals: 3) + " %"
        }
        return human(percent, lang: lang, decimals: decimals) + " %"
    }

    /// The percent `gapPercent` shows (rounded up) and its places; nil below 0.0005 %, shown as "under 0,001 %".
    public static func gapPercentShown(_ gap: Double) -> (percent: Double, decimals: Int)? {
        let percent = gap * 100
        guard percent >= 0.0005 else { return nil }
        let decimals = percent >= 1 ? 1 : percent >= 0.1 ? 2 : 3
        let scale = Double(decimals == 1 ? 10 : decimals == 2 ? 100 : 1000)
        return ((percent * scale - 1e-9).rounded(.up) / scale, decimals)
    }
}
