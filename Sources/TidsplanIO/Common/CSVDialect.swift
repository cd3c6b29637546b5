import TidsplanCore
/// How a CSV file is spelled.
public enum CSVDialect: String, Sendable, Equatable, CaseIterable {
    /// RFC 4180: comma separator, point decimals, no BOM.
    case rfc4180
    /// What Excel with Swedish regional settings opens with a double click: semicolon separator,
    /// a UTF-8 byte order mark (else Excel guesses a legacy code page and breaks å/ä/ö),
    /// decimal comma. Header and weekday words follow `--lang`, not the dialect.
    case excelSwedish

    public var separator: Character { self == .rfc4180 ? "," : ";" }
    public var byteOrderMark: String { self == .rfc4180 ? "" : "\u{FEFF}" }
    public var decimalSeparator: Character { self == .rfc4180 ? "." : "," }
    /// The words a CSV writer uses when the caller gives no language (library callers only).
    public var language: Language { self == .rfc4180 ? .en : .sv }
}
