/// One broken rule of docs/rules.md, found by `PlanVerifier`.
public struct Violation: Sendable, Equatable {
    /// The rule's id in docs/rules.md (`working-day`, `staff-weekly-load`…).
    public var rule: String
    /// The sessions involved, in date order (empty when the rule concerns no single session, e.g. a pin).
    public var sessionIDs: [String]
    /// Plain words naming the session, date and figures, in both languages, e.g.
    /// "MI-hoglandet-2 on 2024-06-06 (nationaldagen) is not a working day".
    public var text: Bilingual

    public init(rule: String, sessionIDs: [String], text: Bilingual) {
        self.rule = rule; self.sessionIDs = sessionIDs; self.text = text
    }

    /// The message in `lang`.
    public func message(_ lang: Language) -> String { text.text(lang) }
    /// The English message (for readers that have no language, e.g. the capacity files' own wording).
    public var message: String { text.en }
}

/// What a rule check reports before the verifier orders it: the date it sorts by (nil when the finding
/// is about a whole period, e.g. a budget) and the plain violation.
struct RuleFinding {
    var date: Day?
    var sessionIDs: [String]
    var message: Bilingual

    init(date: Day?, sessionIDs: [String], message: Bilingual) {
        self.date = date; self.sessionIDs = sessionIDs; self.message = message
    }

    /// Findings without a date come first, then by date, first session id and message: the order
    /// never depends on dictionary iteration.
    static func inOrder(_ a: RuleFinding, _ b: RuleFinding) -> Bool {
        let da = a.date?.ordinal ?? Int.min, db = b.date?.ordinal ?? Int.min
        if da != db { return da < db }
        let ia = a.sessionIDs.first ?? "", ib = b.sessionIDs.first ?? ""
        if ia != ib { return ia < ib }
        if a.sessionIDs != b.sessionIDs { return a.sessionIDs.lexicographicallyPrecedes(b.sessionIDs) }
        return a.message.en < b.message.en
    }
}

/// One hard rule of docs/rules.md, checked without the solver.
protocol PlanRule {
    /// The id in docs/rules.md.
    static var id: String { get }
    static func check(_ context: VerificationContext) -> [RuleFinding]
}
