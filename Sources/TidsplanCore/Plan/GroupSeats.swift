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
    /// Planned training hours per area and role, from the sessions' `groupSeats`.
    public static func hours(_ plan: Plan, _ scenario: Scenario) -> [AreaRole: Double] {
        var out: [AreaRole: Double] = [:]
        for s in plan.activeSessions where s.kind == .training {
            for g in s.groupSeats { out[AreaRole(area: g.area, role: g.role), default: 0] += Double(g.seats) * s.hours }
        }
        return out
    }

    /// Splits `seats` of `m` in `course` over its person groups in the course's audience: first `preferred`
    /// seats per group index (the model's coverage split), then the rest in file order, never more than a
    /// group's persons.
    public static func split(seats: Int, course: Course, municipality m: Municipality, preferred: [Int: Int] = [:]) -> [Int: Int] {
        var left = seats
        var out: [Int: Int] = [:]
        let eligible = m.groups.indices.filter { i in course.audience.contains { $0.matches(m.groups[i]) } }
        for i in eligible {
            let n = min(left, preferred[i] ?? 0, m.groups[i].persons)
            if n > 0 { out[i] = n; left -= n }
        }
        for i in eligible where left > 0 {
            let n = min(left, m.groups[i].persons - (out[i] ?? 0))
            if n > 0 { out[i, default: 0] += n; left -= n }
        }
        return out
    }
}
