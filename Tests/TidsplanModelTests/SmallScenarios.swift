import GLPKBackend
import LinearModel
import Testing
import TidsplanCore
@testable import TidsplanModel

/// Tiny scenarios with answers that can be worked out by hand.
enum Small {
    static func day(_ s: String) -> Day {
        guard let d = Day(iso: s) else { preconditionFailure("bad test date \(s)") }
        return d
    }
    static func time(_ s: String) -> ClockTime {
        guard let t = ClockTime(text: s) else { preconditionFailure("bad test time \(s)") }
        return t
    }

    /// 2025-01-06 … 2025-03-28 (12 weeks). Two municipalities in county part "Norr": A (10 EB staff,
    /// quota 60 h) and B (8 EB staff, quota 48 h); course C1 (6 h, 4–20 participants) led by staff member
    /// Lea (full time). Half of a municipality may be away a day, so a session seats at most 5 from A and 4
    /// from B: two sessions give exactly 60 and 48 hours.
    static func base() -> Scenario {
        let period = DateRange(from: day("2025-01-06"), to: day("2025-03-28"))
        return Scenario(
            project: Project(id: "small", name: "Small", period: period),
            municipalities: [
                Municipality(name: "A", countyPart: "Norr", groups: [PersonGroup(area: "EB", role: .staff, persons: 10)],
                             quotaHours: 60, rateKrPerHour: 417),
                Municipality(name: "B", countyPart: "Norr", groups: [PersonGroup(area: "EB", role: .staff, persons: 8)],
                             quotaHours: 48, rateKrPerHour: 417),
            ],
            venues: [Venue(id: "sal", name: "Salen", town: "Norrby", countyPart: "Norr", capacity: 20, mode: .physical),
                     Venue(id: "teams", name: "Teams", countyPart: nil, capacity: 100, mode: .digital)],
            staff: [StaffMember(name: "Lea", role: "development-leader",
                                shares: [ShareSpan(range: period, share: 1.0)], courses: ["C1"])],
            courses: [course("C1")],
            rules: Rules(maxTrainingDaysPerWeek: 2, maxShareAwayPerDay: 0.5, quotaTolerance: 0.05))
    }

    static func course(_ id: String, hours: Double = 6, min: Int = 4, max: Int = 20, delivery: Delivery = .countyPart) -> Course {
        Course(id: id, name: "Kurs \(id)", hours: hours, start: time("09:00"), end: time("15:00"),
               audience: [TidsplanCore.Audience(area: "EB")], minParticipants: min, maxParticipants: max, delivery: delivery)
    }

    static func plan(_ s: Scenario, replan: ReplanContext? = nil) throws -> Plan {
        try Planner.plan(scenario: s, backend: GLPKBackend(), options: PlannerOptions(timeLimit: 30, relativeGap: 0),
                         replan: replan).plan
    }

    static func training(_ p: Plan) -> [PlannedSession] { p.activeSessions.filter { $0.kind == .training } }

    /// Every plan a test makes must keep every hard rule, checked independently of the solver.
    static func expectVerified(_ p: Plan, _ s: Scenario, previous: Plan? = nil, asOf: Day? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let v = PlanVerifier.verify(plan: p, scenario: s, previous: previous, asOf: asOf)
        #expect(v.isEmpty, "violations: \(v.map { "[\($0.rule)] \($0.message)" })", sourceLocation: sourceLocation)
    }
}
