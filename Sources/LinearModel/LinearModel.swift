/// A solver-agnostic mixed-integer linear model: named variables, named rows, one objective.
///
/// Nothing here knows about GLPK. Backends (see `SolverBackend`) translate it.
public struct LinearModel: Sendable, Equatable {
    public var name: String
    public private(set) var variables: [Variable] = []
    public private(set) var constraints: [Constraint] = []
    public var objective = LinearExpression([], constant: 0)
    public var sense: ObjectiveSense = .minimize

    public init(name: String = "model") { self.name = name }

    public var hasIntegers: Bool { variables.contains { $0.kind != .continuous } }

    @discardableResult
    public mutating func addVariable(
        _ name: String, kind: VariableKind = .continuous, lower: Double? = 0, upper: Double? = nil
    ) -> VariableID {
        var lo = lower, up = upper
        if kind == .binary { lo = max(lo ?? 0, 0); up = min(up ?? 1, 1) }
        variables.append(Variable(name: name, kind: kind, lower: lo, upper: up))
        return VariableID(index: variables.count - 1)
    }

    /// Adds `lower <= terms <= upper`. Duplicate variables in `terms` are merged here,
    /// because GLPK treats duplicate indices in one row as a fatal error.
    @discardableResult
    public mutating func addConstraint(
        _ name: String, _ expression: LinearExpression, lower: Double? = nil, upper: Double? = nil
    ) -> ConstraintID {
        let merged = expression.merged()
        constraints.append(Constraint(
            name: name, terms: merged.terms,
            lower: lower.map { $0 - merged.constant }, upper: upper.map { $0 - merged.constant }))
        return ConstraintID(index: constraints.count - 1)
    }

    public mutating func setObjective(_ expression: LinearExpression, _ sense: ObjectiveSense) {
        objective = expression.merged()
        self.sense = sense
    }

    /// Narrows a variable's bounds (used to fix frozen decisions).
    public mutating func setBounds(_ id: VariableID, lower: Double?, upper: Double?) {
        variables[id.index].lower = lower
        variables[id.index].upper = upper
    }

    /// Changes a variable's kind (e.g. to relax seat counts to continuous in a first pass).
    public mutating func setKind(_ id: VariableID, _ kind: VariableKind) {
        variables[id.index].kind = kind
    }

    public subscript(_ id: VariableID) -> Variable { variables[id.index] }
    public subscript(_ id: ConstraintID) -> Constraint { constraints[id.index] }
}

public struct VariableID: Hashable, Sendable, Comparable {
    public let index: Int
    public init(index: Int) { self.index = index }
    public static func < (a: VariableID, b: VariableID) -> Bool { a.index < b.index }
}

public struct ConstraintID: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}

public enum VariableKind: String, Sendable, Equatable { case continuous, integer, binary }
public enum ObjectiveSense: String, Sendable, Equatable { case minimize, maximize }

public struct Variable: Sendable, Equatable {
    public var name: String
    public var kind: VariableKind
    /// `nil` means unbounded on that side.
    public var lower: Double?
    public var upper: Double?
}

public struct Term: Sendable, Equatable {
    public var variable: VariableID
    public var coefficient: Double
    public init(_ variable: VariableID, _ coefficient: Double) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

public struct Constraint: Sendable, Equatable {
    public var name: String
    public var terms: [Term]
    public var lower: Double?
    public var upper: Double?
}

/// `Σ coefficient·variable + constant`.
public struct LinearExpression: Sendable, Equatable, ExpressibleByArrayLiteral {
    public var terms: [Term]
    public var constant: Double

    public init(_ terms: [Term] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }
    public init(arrayLiteral elements: Term...) { self.init(elements, constant: 0) }

    public mutating func add(_ v: VariableID, _ c: Double = 1) { terms.append(Term(v, c)) }
    public mutating func add(_ other: LinearExpression, times k: Double = 1) {
        for t in other.terms { terms.append(Term(t.variable, t.coefficient * k)) }
        constant += other.constant * k
    }

    /// Same expression with one term per variable, sorted by variable, zeros dropped.
    public func merged() -> LinearExpression {
        var sums: [VariableID: Double] = [:]
        for t in terms { sums[t.variable, default: 0] += t.coefficient }
        let sorted = sums.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        return LinearExpression(sorted.map { Term($0.key, $0.value) }, constant: constant)
    }

    public func value(_ values: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }
}
