/// Cutting planes a model supplies to the solver's branch-and-cut search.
///
/// A `CutSeparator` looks at the LP solution of the current search node and returns inequalities that
/// this point violates and that every integer-feasible point of the model satisfies. The backend adds
/// them to the node's LP; nothing here knows how.

/// `Σ coefficient·variable ≥ lower` or `≤ upper` (exactly one side), valid for every integer-feasible point.
public struct Cut: Sendable, Equatable {
    /// Which family of cuts found it (for counting and measuring).
    public var family: String
    /// One term per variable, sorted by variable, no zeros.
    public var terms: [Term]
    public var lower: Double?
    public var upper: Double?
    /// How far the separated point lies beyond the cut, divided by the norm of the coefficients.
    public var efficacy: Double

    public init(family: String, terms: [Term], lower: Double? = nil, upper: Double? = nil, efficacy: Double = 0) {
        self.family = family; self.terms = terms; self.lower = lower; self.upper = upper; self.efficacy = efficacy
    }

    /// Whether `values` satisfy the cut within `tolerance`.
    public func holds(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        let lhs = terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] }
        if let lower, lhs < lower - tolerance { return false }
        if let upper, lhs > upper + tolerance { return false }
        return true
    }
}

/// The LP solution of one search node.
public struct SeparationPoint: Sendable {
    /// One value per model column, in model order.
    public var values: [Double]
    /// Depth of the node in the search tree (0: the root).
    public var level: Int
    /// How many times cuts were asked for at this node before (0: the first time).
    public var round: Int
    public init(values: [Double], level: Int, round: Int) { self.values = values; self.level = level; self.round = round }
}

/// Finds cuts for one model. It must only return inequalities valid for that model's integer points, and
/// the same point must give the same cuts (plans do not depend on anything else).
public protocol CutSeparator: Sendable {
    func separate(_ point: SeparationPoint) -> [Cut]
}

/// How many cuts of each family a solve added, by family name.
public typealias CutCounts = [String: Int]
