/// Reads CSV as Tidsplan writes it (and as Excel saves it): comma or semicolon separated, optional UTF-8
/// byte order mark, quoted cells with doubled quotes, CRLF or LF line ends, line breaks inside quotes.
public enum CSVReader {
    public struct Record: Sendable, Equatable {
        /// 1-based line where the record starts.
        public var line: Int
        public var cells: [String]
    }

    /// The separator: the one of `,` and `;` the first line uses more (outside quotes).
    public static func separator(of text: Substring) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "\n" || c == "\r\n" { break }
            if c == "," { commas += 1 }
            if c == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// The records of `text`; blank lines are left out. Nil with the line of an unclosed quote.
    public static func records(_ raw: String) -> Result<[Record], UnclosedQuote> {
        var text = Substring(raw)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let sep = separator(of: text)
        var out: [Record] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1, start = 1
        var atCellStart = true
        func endRecord() {
            cells.append(unneutralised(cell))
            if !(cells.count == 1 && cells[0].isEmpty) { out.append(Record(line: start, cells: cells)) }
            cells = []; cell = ""; atCellStart = true
        }
        var it = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = it.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" || c == "\r" { line += 1 }
                    cell.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atCellStart:
                quoted = true
                atCellStart = false
            case sep:
                cells.append(unneutralised(cell)); cell = ""; atCellStart = true
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                start = line
            default:
                cell.append(c)
                atCellStart = false
            }
        }
        if quoted { return .failure(UnclosedQuote(line: start)) }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return .success(out)
    }

    public struct UnclosedQuote: Error, Sendable, Equatable { public var line: Int }

    /// A cell Tidsplan wrote with a `'` before `=`, `+`, `-`, `@` (so spreadsheets do not run it) reads back
    /// without it.
    static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, "=+-@".contains(second) else { return cell }
        return String(cell.dropFirst())
    }
}
