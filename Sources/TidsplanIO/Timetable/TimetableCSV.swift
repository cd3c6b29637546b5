import TidsplanCore

/// timetable.csv: one row per session and municipality with seats, for spreadsheets.
///
/// Columns: date, weekday, start, end, course, title, venue (name), mode, leaders ("; "-joined),
/// municipality, participants, hours. `hours` is participant-hours of the row (participants ×
/// session hours), so the column sums to the municipalities' planned hours. A fixed event gets
/// one row with municipality, participants and hours empty (a training session without seats:
/// one row with 0 participants). Cancelled sessions are not listed. Header, weekday and mode
/// words follow `lang` (the run's `--lang`); the dialect decides only bytes, separators and decimals.
///
/// Bytes: UTF-8, CRLF after every row, RFC 4180 quoting. Cells that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) get a leading apostrophe.
extension TimetableWriter {
    public static func csv(plan: Plan, scenario: Scenario, dialect: CSVDialect = .rfc4180, lang: Language? = nil) -> String {
        let lang = lang ?? dialect.language
        let header = lang == .sv
            ? ["datum", "veckodag", "start", "slut", "kurs", "titel", "lokal", "form", "ledare", "kommun", "deltagare", "timmar"]
            : ["date", "weekday", "start", "end", "course", "title", "venue", "mode", "leaders", "municipality", "participants", "hours"]
        var out = dialect.byteOrderMark
        func row(_ cells: [String]) {
            out += cells.map { csvCell($0, separator: dialect.separator) }.joined(separator: String(dialect.separator))
            out += "\r\n"
        }
        row(header)
        for entry in TimetableEntry.entries(plan: plan, scenario: scenario) {
            let s = entry.session
            let common = [
                // A survey has a day, no clock times (empty cells: an all-day row in any spreadsheet).
                s.date.iso, lang.weekdayName(s.date.weekday), s.isSentNotAttended ? "" : s.start.text, s.isSentNotAttended ? "" : s.end.text,
                s.course, s.title(in: lang),
                entry.venueName, modeName(s.mode, lang), s.leaders.joined(separator: "; "),
            ]
            if !entry.isTraining || entry.seated.isEmpty {
                let hours = entry.isTraining ? number(0, dialect) : ""
                row(common + ["", entry.isTraining ? "0" : "", hours])
                continue
            }
            for (name, seats) in entry.seated {
                row(common + [name, String(seats), number(Double(seats) * s.hours, dialect)])
            }
        }
        return out
    }

    /// One CSV cell: neutralised against formula injection, then quoted when it holds the
    /// separator, a quote or a line break (RFC 4180: quotes inside are doubled). Works on
    /// scalars, not Characters: a quote followed by a combining mark is still a quote to a CSV parser.
    static func csvCell(_ text: String, separator: Character) -> String {
        var scalars = Array(text.unicodeScalars)
        // A cell a spreadsheet would run as a formula gets a leading apostrophe; a plain signed number ("-2",
        // "-2,5") is data, and an apostrophe would turn it into text.
        if let first = scalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), !isPlainNumber(scalars) {
            scalars.insert("'", at: 0)
        }
        let separatorScalars = Array(String(separator).unicodeScalars)
        let needsQuotes = scalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || separatorScalars.contains($0) }
        var cell = String.UnicodeScalarView()
        if needsQuotes { cell.append("\"") }
        for scalar in scalars {
            cell.append(scalar)
            if scalar == "\"" { cell.append("\"") }
        }
        if needsQuotes { cell.append("\"") }
        return String(cell)
    }

    /// `-2`, `+3`, `-2.5`, `-2,5`: a sign, digits, at most one decimal separator followed by digits.
    static func isPlainNumber(_ scalars: [Unicode.Scalar]) -> Bool {
        var rest = scalars.dropFirst()
        guard let f = scalars.first, f == "-" || f == "+" || ("0"..."9").contains(f) else { return false }
        if ("0"..."9").contains(f) { rest = scalars[...] }
        var digits = 0, separators = 0, digitsAfter = 0
        for c in rest {
            if ("0"..."9").contains(c) { digits += 1; if separators > 0 { digitsAfter += 1 } }
            else if c == "." || c == "," { separators += 1; if separators > 1 || digits == 0 { return false } }
            else { return false }
        }
        return digits > 0 && (separators == 0 || digitsAfter > 0)
    }

    private static func number(_ x: Double, _ dialect: CSVDialect) -> String {
        NumberText.plain(x, decimalSeparator: dialect.decimalSeparator) ?? ""
    }

    static func modeName(_ mode: DeliveryMode, _ lang: Language) -> String {
        switch (mode, lang) {
        case (.physical, .sv): return "fysisk"
        case (.digital, .sv): return "digital"
        case (.physical, .en): return "physical"
        case (.digital, .en): return "digital"
        }
    }
}
