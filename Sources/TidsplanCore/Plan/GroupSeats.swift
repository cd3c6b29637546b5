/// Seats of one municipality's area and role in a session: what lets hours per area be reported from the plan.
public struct GroupSeats: Sendable, Equatable {
    public var municipality: String
    public var area: String
    public var role: Role
    public var seats: Int
    public init(municipality: String, area: String, role: Role, seats: Int) {
        self.municipality = municipality; self.area = area; self.role = role; self.seats = seats
    }
}

/// An operational area and role, e.g. EB staff.
public struct AreaRole: Hashable, Sendable, Comparable {
    public var area: String
    public var role: Role
    public init(area: String, role: Role) { self.area = area; self.role = role }
    public static func < (a: AreaRole, b: AreaRole) -> Bool { (a.area, a.role.rawValue) < (b.area, b.role.rawValue) }
}

public enum AreaSeats {
    /// Places of each target group (index into `m.groups`) of `m` in a course, from the planned sessions'
    /// `groupSeats`, a series run counted once (its first meeting).
    public static func placesByGroup(_ sessions: [PlannedSession], course: String, _ m: Municipality) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for s in sessions where s.kind == .training && s.course == course && s.status == .planned && (s.series?.meeting ?? 1) == 1 {
            for g in s.groupSeats where g.municipality == m.name {
                if let i = m.groupIndex(area: g.area, role: g.role) { out[i, default: 0] += g.seats }
            }
        }
        return out
    }

    /// Planned training hours per area and role, from the sessions' `groupSeats`.
    public static func hours(_ plan: Plan, _ scenario: Scenario) -> [AreaRole: Double] {
        var out: [AreaRole: Double] = [:]
        for s in plan.activeSessions where s.kind == .training {
            for g in s.groupSeats { out[AreaRole(area: g.area, role: g.role), default: 0] += Double(g.seats) * s.hours }
        }
        return out
    }
}
