/// How bad a problem in a scenario is.
public enum DiagnosticSeverity: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Planning is impossible or meaningless until this is fixed.
    case error
    /// Probably a mistake or an inconsistency in the application; planning still works.
    case warning
}

/// A problem the scenario validator found, anchored at a path in the scenario document.
///
/// Paths use the YAML keys of `docs/scenario-format.md` and 0-based list indices, e.g.
/// `municipalities[2].quotaHours`, `courses[0].participants.min`, `project.period`. The YAML loader
/// turns them into file:line:column; for a scenario built in code they still say where to look.
public struct ValidationIssue: Sendable, Equatable {
    public var severity: DiagnosticSeverity
    public var path: String
    /// What is wrong, in both languages (`check --lang` picks one).
    public var text: Bilingual
    /// What to do about it, when there is something useful to say.
    public var hintText: Bilingual?
    /// Another place the message refers to (the first definition of a duplicate), if any.
    public var relatedPath: String?

    public init(_ severity: DiagnosticSeverity, path: String, _ text: Bilingual, hint: Bilingual? = nil,
                relatedPath: String? = nil) {
        self.severity = severity; self.path = path; self.text = text; self.hintText = hint
        self.relatedPath = relatedPath
    }

    /// The English message (what tests and tools that read English compare against).
    public var message: String { text.en }
    public var hint: String? { hintText?.en }
}
