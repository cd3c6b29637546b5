import Testing
import TidsplanCore
@testable import TidsplanModel

/// Seats per target group are decisions of the week model: places go to the groups that asked, prerequisites
/// hold per group, the equal-opportunity band lifts a group the quota alone would leave out, and reserved
/// places fill runs.
@Suite struct TargetGroupModelTests {
    /// `Small.base()` with two groups per municipality: A has 6 EB and 4 AME staff, B 4 EB and 4 AME.
    static func twoAreas() -> Scenario {
        var s = Small.base()
        s.municipalities[0].groups = [PersonGroup(area: "EB", role: .staff, persons: 6), PersonGroup(area: "AME", role: .staff, persons: 4)]
        s.municipalities[1].groups = [PersonGroup(area: "EB", role: .staff, persons: 4), PersonGroup(area: "AME", role: .staff, persons: 4)]
        s.courses[0].audience = [TidsplanCore.Audience(area: "EB"), TidsplanCore.Audience(area: "AME")]
        return s
    }

    static func places(_ p: Plan, _ course: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for s in Small.training(p) where s.course == course && (s.series?.meeting ?? 1) == 1 {
            for g in s.groupSeats { out["\(g.municipality) \(g.area)", default: 0] += g.seats }
        }
        return out
    }

    @Test func placesGoToTheGroupsThatAsked() throws {
        var s = Self.twoAreas()
        // Only AME staff need C1: 3 from A, 3 from B (tolerance 0: exactly what was asked at most).
        s.courses[0].attendance = .perGroup(GroupAsk(everyMunicipality: [(GroupKey(area: "AME"), 3)]))
        s.rules.attendanceTolerance = 0
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        #expect(Self.places(p, "C1") == ["A AME": 3, "B AME": 3])
    }

    @Test func prerequisitesHoldPerGroup() throws {
        var s = Self.twoAreas()
        s.rules.attendanceTolerance = 0
        // C1 asks EB staff only; C2 (after C1) asks AME staff only: no AME person has C1, so C2 cannot run.
        s.courses[0].attendance = .perGroup(GroupAsk(everyMunicipality: [(GroupKey(area: "EB"), 3)]))
        var c2 = Small.course("C2")
        c2.audience = [TidsplanCore.Audience(area: "EB"), TidsplanCore.Audience(area: "AME")]
        c2.prerequisites = [Prerequisite(course: "C1")]
        c2.attendance = .perGroup(GroupAsk(everyMunicipality: [(GroupKey(area: "AME"), 3)]))
        s.courses.append(c2)
        s.staff[0].courses.append("C2")
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        #expect(Self.places(p, "C2").isEmpty)
        // The missing places are named per municipality and target group.
        #expect(p.shortfalls.contains { $0.kind == "attendance" && $0.amount == 3
                && $0.subject == ShortfallSubject(course: "C2", municipality: "A", area: "AME", role: .staff) })
    }

    @Test func theBandLiftsAGroupTheQuotaAloneWouldLeaveOut() throws {
        var s = Self.twoAreas()
        s.municipalities.removeLast()
        s.municipalities[0].quotaHours = 30
        // As needed, 5 places of 6 h fill A's 30 h (6 would pass the ceiling): any split of 5 would do for
        // the quota; only the band asks for 3 EB and 2 AME.
        s.courses[0].minParticipants = 2
        s.rules.hoursPerPerson = HoursPerPersonBand(min: 3)
        s.weights.fairnessPerHour = 20
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        let placed = Self.places(p, "C1")
        // 3 h per person: 18 h of EB (3 persons) and 12 h of AME (2 persons) at least.
        #expect(placed == ["A EB": 3, "A AME": 2], "\(placed)")
    }

    @Test func reservedPlacesCountTowardsTheMinimum() throws {
        var s = Small.base()
        s.municipalities.removeLast()
        s.municipalities[0].quotaHours = 18
        // 3 municipal persons (18 h) cannot fill a run of at least 5 on their own; 2 reserved places make it.
        s.courses[0].minParticipants = 5
        s.courses[0].reserved = [ReservedSeats(organisation: "Regionen", seats: 2)]
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        let runs = Small.training(p).filter { $0.course == "C1" }
        #expect(!runs.isEmpty)
        #expect(runs.allSatisfy { $0.reserved == [ReservedSeats(organisation: "Regionen", seats: 2)] && $0.headCount >= 5 })
    }
}
