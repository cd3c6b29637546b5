/// The language of human-readable output (timetable, report, calendar summaries, shortfall sentences).
/// Swedish is the default: the users are Swedish municipalities and their project leader.
public enum Language: String, Sendable, Equatable, CaseIterable {
    case sv, en
}

/// A message a person reads, in both languages: made where the facts are known, rendered with the run's
/// `Language` at the edge (a diagnostic, a violation, a refusal), so no check needs to know the language.
public struct Bilingual: Sendable, Hashable {
    public var sv: String
    public var en: String

    public init(_ sv: String, _ en: String) { self.sv = sv; self.en = en }
    public init(sv: String, en: String) { self.sv = sv; self.en = en }
    /// Text that reads the same in both languages (a name, a figure, an identifier).
    public init(same text: String) { sv = text; en = text }

    public func text(_ lang: Language) -> String { lang == .sv ? sv : en }
    public subscript(_ lang: Language) -> String { text(lang) }

    /// Both texts changed the same way (e.g. a prefix that is an identifier).
    public func map(_ transform: (String) -> String) -> Bilingual { Bilingual(transform(sv), transform(en)) }

    public static func + (a: Bilingual, b: Bilingual) -> Bilingual { Bilingual(a.sv + b.sv, a.en + b.en) }
    public static func + (a: Bilingual, b: String) -> Bilingual { Bilingual(a.sv + b, a.en + b) }
    public static func + (a: String, b: Bilingual) -> Bilingual { Bilingual(a + b.sv, a + b.en) }

    /// The parts joined by `separator` in each language.
    public static func joined(_ parts: [Bilingual], separator: Bilingual) -> Bilingual {
        Bilingual(parts.map(\.sv).joined(separator: separator.sv), parts.map(\.en).joined(separator: separator.en))
    }
}
