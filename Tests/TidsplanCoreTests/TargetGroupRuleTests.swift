import Testing
@testable import TidsplanCore

/// The rules that read a plan's seats per target group (`groupSeats`): prerequisites per group over time,
/// places only for groups that asked, and reserved places in the session size.
@Suite struct TargetGroupRuleTests {
    typealias F = VerificationFixture

    /// The fixture with two target groups per municipality (EB and AME staff, 5 each); every course open to both.
    static func twoGroups() -> Scenario {
        var s = F.scenario()
        for i in s.municipalities.indices {
            s.municipalities[i].groups = [PersonGroup(area: "EB", role: .staff, persons: 5), PersonGroup(area: "AME", role: .staff, persons: 5)]
        }
        for i in s.courses.indices { s.courses[i].audience = [Audience(area: "EB"), Audience(area: "AME")] }
        return s
    }

    static func split(_ s: PlannedSession, _ groups: [(String, String, Int)]) -> PlannedSession {
        var s = s
        s.groupSeats = groups.map { GroupSeats(municipality: $0.0, area: $0.1, role: .staff, seats: $0.2) }
        return s
    }

    /// HP: Aneby 3 EB + 2 AME, Eksjö 5 EB, Habo 5 EB. MI (after HP): Aneby and Eksjö 5 each, split as given.
    static func plan(miAneby: [(String, String, Int)]) -> Plan {
        let hp = split(F.hp(), [("Aneby", "EB", 3), ("Aneby", "AME", 2), ("Eksjö", "EB", 5), ("Habo", "EB", 5)])
        let mi = split(F.mi(), miAneby + [("Eksjö", "EB", 5)])
        return F.plan([hp, mi], scenario: twoGroups())
    }

    @Test func prerequisiteHoldsPerTargetGroup() {
        // Same head count per municipality as HP (5 from Aneby), but 4 AME staff where only 2 took HP.
        F.expectBroken("prerequisite", Self.plan(miAneby: [("Aneby", "EB", 1), ("Aneby", "AME", 4)]), Self.twoGroups(),
                       sessions: ["MI-hoglandet-1"], naming: ["4 AME staff from Aneby", "course MI", "only 2", "HP"])
        F.expectKept("prerequisite", Self.plan(miAneby: [("Aneby", "EB", 3), ("Aneby", "AME", 2)]), Self.twoGroups())
    }

    @Test func prerequisitePerGroupIsCumulativeOverTime() {
        // A second HP run after MI: its AME staff come too late for the MI run before it.
        let hp1 = Self.split(F.hp(seats: ["Aneby": 3, "Eksjö": 5, "Habo": 5]), [("Aneby", "EB", 3), ("Eksjö", "EB", 5), ("Habo", "EB", 5)])
        let hp2 = Self.split(F.hp("HP-2", on: "2024-04-02", seats: ["Aneby": 2]), [("Aneby", "AME", 2)])
        let mi = Self.split(F.mi(), [("Aneby", "EB", 3), ("Aneby", "AME", 2), ("Eksjö", "EB", 5)])
        let found = F.violations("prerequisite", F.plan([hp1, hp2, mi], scenario: Self.twoGroups()), Self.twoGroups())
        #expect(found.contains { $0.message.contains("2 AME staff from Aneby have started course MI, but only 0") }, "\(found)")
    }

    @Test func aGroupThatAskedForNothingGetsNoPlaces() {
        var s = Self.twoGroups()
        // MI is asked of EB staff only (2 per municipality, a quarter more with the tolerance: 3).
        s.courses[1].attendance = .perGroup(GroupAsk(everyMunicipality: [(GroupKey(area: "EB"), 2)]))
        let wrongGroup = Self.plan(miAneby: [("Aneby", "EB", 3), ("Aneby", "AME", 2)])
        let found = F.violations("group-seats", wrongGroup, s)
        #expect(found.contains { $0.message.contains("Aneby has 2 AME staff participants in course MI, a group that asked for no places") }, "\(found)")
        // Eksjö's 5 EB staff are more than 2 asked plus the tolerance.
        #expect(found.contains { $0.message.contains("Eksjö has 5 EB staff participants in course MI; the group asked for 2, at most 3") }, "\(found)")
    }

    @Test func reservedPlacesCountInTheSessionSize() {
        var s = F.scenario()
        s.courses[1].maxParticipants = 12
        var mi = F.mi()
        mi.reserved = [ReservedSeats(organisation: "Regionen", seats: 3)]
        F.expectBroken("participants-range", F.plan([F.hp(), mi], scenario: s), s, naming: ["13 participants", "at most 12"])
        mi.reserved = [ReservedSeats(organisation: "Regionen", seats: 2)]
        F.expectKept("participants-range", F.plan([F.hp(), mi], scenario: s), s)
    }

    @Test func demandSplitsTotalsByPersonsAndReadsShares() {
        let m = Municipality(name: "A", countyPart: "P", groups: [PersonGroup(area: "EB", role: .staff, persons: 4),
                                                                  PersonGroup(area: "AME", role: .staff, persons: 3),
                                                                  PersonGroup(area: "Vux", role: .staff, persons: 1)],
                             quotaHours: 100, rateKrPerHour: 417)
        var c = Course(id: "C", name: "C", hours: 3, start: F.time("09:00"), end: F.time("12:00"),
                       audience: [Audience(area: "EB"), Audience(area: "AME"), Audience(area: "Vux")])
        // 4 over 4/3/1 persons: 2, 1.5, 0.5; the tie in remainders goes to the earlier group.
        c.attendance = .perMunicipality(["A": 4])
        #expect(TargetGroupDemand.asked(c, m) == [0: 2, 1: 2])
        c.attendance = .perGroup(GroupAsk(share: [(GroupKey(area: "EB"), 0.5), (GroupKey(area: "Vux"), 0.5)]))
        #expect(TargetGroupDemand.asked(c, m) == [0: 2, 2: 1])
        c.attendance = .perGroup(GroupAsk(everyMunicipality: [(GroupKey(area: "EB"), 9)]))
        #expect(TargetGroupDemand.asked(c, m) == [0: 4])
        #expect(TargetGroupDemand.allowance(c, m, tolerance: 0.25) == [0: 4])
        c.attendance = .perGroup(GroupAsk(everyMunicipality: [(GroupKey(area: "AME"), 2)]))
        #expect(TargetGroupDemand.allowance(c, m, tolerance: 0.25) == [1: 3])
        c.attendance = .asNeeded
        #expect(TargetGroupDemand.asked(c, m) == nil)
        #expect(TargetGroupDemand.allowance(c, m, tolerance: 0.25) == [0: 4, 1: 3, 2: 1])
    }
}
