/// How often a course must run: `runs: {min: 2}` or `runs: {min: 3, perCountyPart: 1}`.
/// A run is one session, or all meetings of a series.
public struct RunRequirement: Sendable, Equatable {
    /// Runs over the whole project.
    public var min: Int
    /// Runs in each county part (only for courses delivered per county part).
    public var perCountyPart: Int
    public init(min: Int = 0, perCountyPart: Int = 0) { self.min = min; self.perCountyPart = perCountyPart }
}

/// "Every area gets its share": the hours an area (optionally one role in it) should get over the
/// whole project, summed over all municipalities. Elastic: a shortfall costs and is explained.
public struct CoverageTarget: Sendable, Equatable {
    public var area: String
    public var role: Role?
    public var minHours: Double
    public init(area: String, role: Role? = nil, minHours: Double) { self.area = area; self.role = role; self.minHours = minHours }
    public func matches(_ g: PersonGroup) -> Bool { g.area == area && (role == nil || role == g.role) }
    /// `EB`, `EB staff`.
    public var label: String { role.map { "\(area) \($0.rawValue)" } ?? area }
}
