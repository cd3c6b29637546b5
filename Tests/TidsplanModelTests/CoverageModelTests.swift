import Testing
import TidsplanCore
@testable import TidsplanModel

/// Run minima and area coverage in the week model, and the plan's seats by area and role.
@Suite struct CoverageModelTests {
    @Test func aPromisedCourseRunsAsOftenAsAsked() throws {
        var s = Small.base()
        var c2 = Small.course("C2"); c2.runs = RunRequirement(min: 2)
        s.courses.append(c2)
        s.staff[0].courses = ["C1", "C2"]
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        #expect(Set(Small.training(p).filter { $0.course == "C2" }.map(\.id)).count == 2)
        #expect(!p.shortfalls.contains { $0.kind == "runs" })
    }

    /// A has 10 EB and 4 Vux staff and 10 seats' worth of quota in a course open to both: without a target
    /// the seats go to EB (file order); with a Vux target of 24 h the four Vux persons get theirs.
    @Test func anAreaTargetGetsItsHoursAndThePlanSaysSoByArea() throws {
        var s = Small.base()
        s.municipalities[0].groups.append(PersonGroup(area: "Vux", role: .staff, persons: 4))
        s.courses[0].audience = [TidsplanCore.Audience(area: "EB"), TidsplanCore.Audience(area: "Vux")]
        s.coverage = [CoverageTarget(area: "Vux", minHours: 24)]
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        let hours = AreaSeats.hours(p, s)
        #expect(hours[AreaRole(area: "Vux", role: .staff)] == 24)
        #expect(!p.shortfalls.contains { $0.kind == "coverage" })
        for session in Small.training(p) {
            for (m, n) in session.seats {
                #expect(session.groupSeats.filter { $0.municipality == m }.reduce(0) { $0 + $1.seats } == n, "\(session.id) \(m)")
            }
        }
        // Planned hours by area add up to the municipalities' hours.
        #expect(hours.values.reduce(0, +) == p.municipalities.reduce(0) { $0 + $1.plannedHours })
    }

    @Test func anAreaTargetOutOfReachIsAShortfallWithItsCause() throws {
        var s = Small.base()
        s.municipalities[0].groups.append(PersonGroup(area: "Vux", role: .staff, persons: 4))
        var vux = Small.course("V"); vux.audience = [TidsplanCore.Audience(area: "Vux")]; vux.minParticipants = 5
        s.courses.append(vux)
        s.staff[0].courses = ["C1", "V"]
        s.coverage = [CoverageTarget(area: "Vux", minHours: 24)]
        let p = try Small.plan(s)
        let short = try #require(p.shortfalls.first { $0.kind == "coverage" })
        #expect(short.subject == ShortfallSubject(area: "Vux") && short.amount == 24)
        #expect(short.cause == .tooFewForMinimumSize(course: "V", countyPart: "Norr", eligible: 4, minimum: 5))
    }
}
