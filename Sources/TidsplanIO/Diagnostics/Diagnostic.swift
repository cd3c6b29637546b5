import TidsplanCore

/// One problem in an input file, with the place it was found, rendered the way compilers do
/// (`FILE:LINE:COLUMN: error: message`) so editors and terminals can jump to it. The words come in
/// both languages; `rendered(_:)` picks one (`fel`/`varning`/`tips` in Swedish).
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var severity: DiagnosticSeverity
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, counted in Unicode scalars (as libyaml does).
    public var column: Int
    public var text: Bilingual
    /// What to do about it, when there is something useful to say.
    public var hintText: Bilingual?

    public init(_ severity: DiagnosticSeverity, file: String, line: Int, column: Int, _ text: Bilingual, hint: Bilingual? = nil) {
        self.severity = severity; self.file = file; self.line = line; self.column = column
        self.text = text; self.hintText = hint
    }

    public var isError: Bool { severity == .error }

    /// The English message and hint (what tests and tools reading English compare against).
    public var message: String { text.en }
    public var hint: String? { hintText?.en }

    /// `FILE:LINE:COLUMN: fel: message` (sv) or `… error: message` (en), plus the hint on its own line.
    public func rendered(_ lang: Language) -> String {
        let word: String
        switch (severity, lang) {
        case (.error, .sv): word = "fel"
        case (.warning, .sv): word = "varning"
        case (.error, .en): word = "error"
        case (.warning, .en): word = "warning"
        }
        var s = "\(file):\(line):\(column): \(word): \(text.text(lang))"
        if let hintText { s += "\n    \(lang == .sv ? "tips" : "hint"): \(hintText.text(lang))" }
        return s
    }

    /// In English.
    public var rendered: String { rendered(.en) }

    public var description: String { rendered }

    /// By line, then column; ties keep their order (the order they were found).
    public static func sortedByPosition(_ list: [Diagnostic]) -> [Diagnostic] {
        list.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }
}
