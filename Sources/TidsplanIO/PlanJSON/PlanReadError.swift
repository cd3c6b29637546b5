import TidsplanCore

/// Why a plan.json could not be read: which file, where in it, and what is wrong, in words a
/// project leader can act on (`plan.json: sessions[3].date: "2024-13-01" is not a date (YYYY-MM-DD)`).
public struct PlanReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// Where in the document: `sessions[3].date`, `municipalities[0]`; empty for the whole file.
    public var path: String
    public var words: Bilingual

    public init(file: String, path: String, message: Bilingual) {
        self.file = file; self.path = path; self.words = message
    }

    /// The English message.
    public var message: String { words.en }

    /// `FILE: PATH: message` in `lang`.
    public func text(_ lang: Language) -> String {
        path.isEmpty ? "\(file): \(words.text(lang))" : "\(file): \(path): \(words.text(lang))"
    }

    public var description: String { text(.en) }
}
