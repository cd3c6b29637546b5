/// One broken rule of docs/rules.md, found by `PlanVerifier`.
public struct Violation: Sendable, Equatable {
    /// The rule's id in docs/rules.md (`working-day`, `staff-weekly-load`…).
    public var rule: String
    /// The sessions involved, in date order (empty when the rule concerns no single session, e.g. a pin).
    public var sessionIDs: [String]
    /// Plain words naming the session, date and figures, e.g.
    /// "MI-hoglandet-2 on 2024-06-06 (nationaldagen) is not a working day".
    public var message: String

    public init(rule: String, sessionIDs: [String], message: String) {
        self.rule = rule; self.sessionIDs = sessionIDs; self.message = message
    }
}

/// What a rule check reports before the verifier orders it: the date it sorts by (nil when the finding
/// is about a whole period, e.g. a budget) and the plain violation.
struct RuleFinding {
    var date: Day?
    var sessionIDs: [String]
    var message: String

    init(date: Day?, sessionIDs: [String], message: String) {
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
        return a.message < b.message
    }
}

/// One hard rule of docs/rules.md, checked without the solver.
protocol PlanRule {
    /// The id in docs/rules.md.
    static var id: String { get }
    static func check(_ context: VerificationContext) -> [RuleFinding]
}
