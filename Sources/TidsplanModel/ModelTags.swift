import LinearModel
import TidsplanCore

/// Typed tags on the week model's columns and rows, so that explanations and the capacity analysis read
/// what a row or column stands for instead of parsing names. Every row also knows the constraint family
/// that wrote it (`WeekModelArtefact.family(of:)`).
public struct ModelTags: Sendable {
    /// Columns that consumers of a solution read.
    public enum Column: Hashable, Sendable {
        /// Elastic columns: how much of a goal is missing.
        case quotaShort(municipality: String)
        case attendanceShort(course: String, municipality: String, group: Int)
        /// Hours a municipality's target group falls below the equal-opportunity band.
        case fairnessShort(municipality: String, group: Int)
        case runShort(course: String, countyPart: String?)
        case coverageShort(target: Int)
        /// Places of a municipality's target group (person-group index) in a course.
        case groupSeats(course: String, municipality: String, group: Int)

        /// A goal's shortfall (an elastic column), as opposed to a decision.
        public var isShortfall: Bool {
            switch self {
            case .quotaShort, .attendanceShort, .fairnessShort, .runShort, .coverageShort: true
            case .groupSeats: false
            }
        }
    }

    /// Rows whose binding explains a shortfall or names a bottleneck.
    public enum Row: Hashable, Sendable {
        // Capacity: a resource in a period.
        case leaderWeek(leader: String, week: Int)
        case staffMonth(leader: String, month: String)
        case trainerMaxDays(trainer: String)
        case budget(line: BudgetLine)
        case venueWeek(venue: String, week: Int)
        // Rules that are not resources.
        case countyPartWeek(countyPart: String, week: Int)
        case quotaCeiling(municipality: String)
        case sessionSizeMax(groupKey: String)
        case sessionSizeMin(groupKey: String)
        case seatsOneMunicipality(groupKey: String, municipality: String)
        case audience(course: String, municipality: String)
        case withdrawn(groupKey: String, municipality: String)
        case prerequisiteWeek(course: String, prerequisite: String, countyPart: String, week: Int)
        case prerequisiteSeats(course: String, prerequisite: String, municipality: String, group: Int)
        case attendance(course: String, municipality: String, group: Int)
    }

    private(set) var columns: [Column: VariableID] = [:]
    private(set) var rows: [Row: ConstraintID] = [:]
    private(set) var rowTag: [Int: Row] = [:]
    private(set) var columnTag: [Int: Column] = [:]

    mutating func tag(_ v: VariableID, _ c: Column) { columns[c] = v; columnTag[v.index] = c }
    mutating func tag(_ r: ConstraintID, _ row: Row) { rows[row] = r; rowTag[r.index] = row }

    public func row(_ r: ConstraintID) -> Row? { rowTag[r.index] }
    public func column(_ v: VariableID) -> Column? { columnTag[v.index] }
    public func id(of row: Row) -> ConstraintID? { rows[row] }
    public func id(of column: Column) -> VariableID? { columns[column] }
}

/// The week model as consumers of a solution see it: the solver-agnostic model, each row's family and
/// each tagged row's and column's meaning. Built by `Planner.weekModelArtefact(scenario:)`.
public struct WeekModelArtefact: Sendable {
    public let model: LinearModel
    public let tags: ModelTags
    /// The family of each row, by row index.
    let rowFamilies: [String]

    /// The id of the constraint family that wrote a row (`ConstraintFamily.id`).
    public func family(of row: ConstraintID) -> String { rowFamilies[row.index] }

    /// Every elastic column (a goal's shortfall), in column order.
    public var shortfallColumns: [VariableID] {
        model.variables.indices.map(VariableID.init(index:)).filter { tags.column($0)?.isShortfall == true }
    }
}

/// The week model and its solution, for explaining shortfalls by the rows that bind.
struct WeekEvidence: Sendable {
    let model: LinearModel
    let values: [Double]
    let tags: ModelTags

    /// Room left in a tagged row below its upper limit (nil: no such row).
    func slack(_ row: ModelTags.Row) -> Double? {
        guard let id = tags.id(of: row), let upper = model[id].upper else { return nil }
        return upper - model[id].terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] }
    }

    /// The row's upper limit.
    func limit(_ row: ModelTags.Row) -> Double? { tags.id(of: row).flatMap { model[$0].upper } }

    func value(_ column: ModelTags.Column) -> Double? { tags.id(of: column).map { values[$0.index] } }
}
