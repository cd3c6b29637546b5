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
    public var message: String
    public var hint: String?
    /// Another place the message refers to (the first definition of a duplicate), if any.
    public var relatedPath: String?

    public init(_ severity: DiagnosticSeverity, path: String, _ message: String, hint: String? = nil,
                relatedPath: String? = nil) {
        self.severity = severity; self.path = path; self.message = message; self.hint = hint
        self.relatedPath = relatedPath
    }
}
