import TidsplanCore

/// One problem in an input file, with the place it was found, rendered the way compilers do
/// (`FILE:LINE:COLUMN: error: message`) so editors and terminals can jump to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var severity: DiagnosticSeverity
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, counted in Unicode scalars (as libyaml does).
    public var column: Int
    public var message: String
    /// What to do about it, when there is something useful to say.
    public var hint: String?

    public init(_ severity: DiagnosticSeverity, file: String, line: Int, column: Int, _ message: String, hint: String? = nil) {
        self.severity = severity; self.file = file; self.line = line; self.column = column
        self.message = message; self.hint = hint
    }

    public var isError: Bool { severity == .error }

    /// `FILE:LINE:COLUMN: error: message`, plus `\n    hint: …` when there is a hint.
    public var rendered: String {
        var s = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let hint { s += "\n    hint: \(hint)" }
        return s
    }

    public var description: String { rendered }

    /// By line, then column; ties keep their order (the order they were found).
    public static func sortedByPosition(_ list: [Diagnostic]) -> [Diagnostic] {
        list.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }
}
