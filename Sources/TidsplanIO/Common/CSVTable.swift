/// Any table as CSV with the timetable's quoting and formula neutralising (changes.csv, capacity.csv).
public enum CSVTable {
    public static func text(_ rows: [[String]], dialect: CSVDialect = .rfc4180) -> String {
        var out = dialect.byteOrderMark
        for row in rows {
            out += row.map { TimetableWriter.csvCell($0, separator: dialect.separator) }.joined(separator: String(dialect.separator))
            out += "\r\n"
        }
        return out
    }
}
