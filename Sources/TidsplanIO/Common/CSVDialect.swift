/// How a CSV file is spelled.
public enum CSVDialect: String, Sendable, Equatable, CaseIterable {
    /// RFC 4180: comma separator, point decimals, English headers and weekday names, no BOM.
    case rfc4180
    /// What Excel with Swedish regional settings opens with a double click: semicolon separator,
    /// a UTF-8 byte order mark (else Excel guesses a legacy code page and breaks å/ä/ö),
    /// decimal comma, Swedish headers and weekday names.
    case excelSwedish

    public var separator: Character { self == .rfc4180 ? "," : ";" }
    public var byteOrderMark: String { self == .rfc4180 ? "" : "\u{FEFF}" }
    public var decimalSeparator: Character { self == .rfc4180 ? "." : "," }
    public var language: Language { self == .rfc4180 ? .en : .sv }
}
