import LinearModel

/// Typed tags on the week model's columns and rows that explanations read, so nothing parses row names.
struct ModelTags: Sendable {
    /// Elastic columns: how much of a goal is missing.
    enum Column: Hashable, Sendable {
        case quotaShort(municipality: String)
        case attendanceShort(course: String, municipality: String, group: Int)
        /// Places of a municipality's target group (person-group index) in a course.
        case groupSeats(course: String, municipality: String, group: Int)
        /// Hours a municipality's target group falls below the equal-opportunity band.
        case fairnessShort(municipality: String, group: Int)
        case runShort(course: String, countyPart: String?)
        case coverageShort(target: Int)
    }
    /// Rows whose binding explains a shortfall.
    enum Row: Hashable, Sendable {
        case quotaCeiling(municipality: String)
        case trainerMaxDays(trainer: String)
        case budget(line: String)
        case staffMonth(leader: String, month: String)
        case leaderWeek(leader: String, week: Int)
        case countyPartWeek(countyPart: String, week: Int)
    }
    private(set) var columns: [Column: VariableID] = [:]
    private(set) var rows: [Row: ConstraintID] = [:]

    mutating func tag(_ v: VariableID, _ c: Column) { columns[c] = v }
    mutating func tag(_ r: ConstraintID, _ row: Row) { rows[row] = r }
}

/// The week model and its solution, for explaining shortfalls by the rows that bind.
struct WeekEvidence: Sendable {
    let model: LinearModel
    let values: [Double]
    let tags: ModelTags

    /// Room left in a tagged row below its upper limit (nil: no such row).
    func slack(_ row: ModelTags.Row) -> Double? {
        guard let id = tags.rows[row], let upper = model[id].upper else { return nil }
        return upper - model[id].terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] }
    }

    /// The row's upper limit.
    func limit(_ row: ModelTags.Row) -> Double? { tags.rows[row].flatMap { model[$0].upper } }

    func value(_ column: ModelTags.Column) -> Double? { tags.columns[column].map { values[$0.index] } }
}
