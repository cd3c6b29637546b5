import TidsplanCore

/// Numbers and dates as the report shows them: Swedish style for `.sv` (`2 498 664`, `2,5`,
/// `2,8 %`), English for `.en` (`2,498,664`, `2.5`, `2.8%`). Thousands are grouped with a
/// no-break space in Swedish so a number never wraps across lines.
struct ReportFormat {
    let lang: Language

    static let noBreakSpace = "\u{00A0}"

    /// At most `decimals` places, trailing zeros dropped, thousands grouped.
    func number(_ x: Double, decimals: Int = 1) -> String {
        guard x.isFinite else { return "–" }
        let text = NumberText.human(x, lang: lang, decimals: decimals)
        guard lang == .sv else { return text }
        // In HTML the group separator must not let a number wrap; Swedish typography writes minus as U+2212.
        let grouped = text.split(separator: " ", omittingEmptySubsequences: false).joined(separator: ReportFormat.noBreakSpace)
        return grouped.hasPrefix("-") ? "\u{2212}" + grouped.dropFirst() : grouped
    }

    func integer(_ x: Int) -> String { number(Double(x), decimals: 0) }

    /// Whole kronor: `62 550 kr` / `62,550 kr`.
    func kronor(_ x: Double) -> String { number(x, decimals: 0) + ReportFormat.noBreakSpace + "kr" }

    /// A percentage of a fraction (0.027986 → `2,8 %`).
    func percent(_ fraction: Double, decimals: Int = 1) -> String {
        number(fraction * 100, decimals: decimals) + (lang == .sv ? ReportFormat.noBreakSpace + "%" : "%")
    }

    /// `2 januari 2024` / `2 January 2024`.
    func longDate(_ d: Day) -> String { "\(d.day) \(lang.monthName(d.month)) \(d.year)" }

    /// Three-letter month for table heads: `jan`, `maj` / `Jan`, `May`.
    func shortMonth(_ month: Int) -> String { String(lang.monthName(month).prefix(3)) }

    /// `januari 2024` / `January 2024`.
    func monthAndYear(year: Int, month: Int) -> String { "\(lang.monthName(month)) \(year)" }

    /// `ons 2024-03-20` / `Wed 2024-03-20`: ISO dates are the Swedish norm and unambiguous in English.
    func dayWithWeekday(_ d: Day) -> String {
        let w = lang == .sv ? String(d.weekday.swedish.prefix(3)) : String(d.weekday.english.prefix(3))
        return w + ReportFormat.noBreakSpace + d.iso
    }

    /// `09:00–16:00`.
    func timeSpan(_ from: ClockTime, _ to: ClockTime) -> String { from.text + "–" + to.text }
}
