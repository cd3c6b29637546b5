import Testing
import TidsplanCore
@testable import TidsplanModel

/// What counts as a shortfall (docs/rules.md): a quota missed by less than a place (within `quotaTolerance`) is met; and
/// the managers-ahead rule, when it is what leaves the managers' course out, is named with its dates.
@Suite struct ShortfallRulesTests {
    /// C1 as a series of 2 × 6 h: B (8 persons, at most 4 a session) gets hours in steps of 12.
    func stepped(quotaB: Int) -> Scenario {
        var s = Small.base()
        s.courses[0].series = Series(meetings: 2, everyWeeks: 1)
        s.municipalities[1].quotaHours = quotaB
        return s
    }

    /// Quota 50 h, tolerance 5 %: 48 h is 2 h below, inside the 2.5 h the tolerance allows. No shortfall.
    @Test func aDifferenceInsideTheToleranceIsNoShortfall() throws {
        let s = stepped(quotaB: 50)
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        #expect(p.plannedHours("A") == 60 && p.plannedHours("B") == 48)
        #expect(p.shortfalls.isEmpty, "\(p.shortfalls)")
    }

    /// Quota 51 h: the tolerance allows 2.55 h below, and 48 h is 3 h below: a shortfall of 3 h, with its cause.
    @Test func justOutsideTheToleranceIsAShortfall() throws {
        let s = stepped(quotaB: 51)
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        #expect(p.plannedHours("B") == 48)
        let quota = p.shortfalls.filter { $0.kind == "quota" }
        #expect(quota.count == 1 && p.shortfalls.count == 1, "\(p.shortfalls)")
        #expect(quota.first?.subject == .municipality("B") && quota.first?.amount == 3)
        #expect(quota.first?.cause == .quotaStep(municipality: "B", plannedHours: 48, stepHours: 12, ceilingHours: 51 * 1.05, quotaHours: 51))
    }

    /// The band below the quota that is no shortfall: less than one place in the shortest course the
    /// municipality may take, and never more than `quotaTolerance` of its target.
    @Test func theBandIsLessThanOnePlaceAndWithinTheTolerance() throws {
        var s = stepped(quotaB: 1000)
        let place = try #require(s.courses.map { $0.hours * Double($0.meetings) }.min())
        #expect(place == 12)
        let wide = ShortfallExplainer.quotaBand(s.municipalities[1], s)
        #expect(wide < place && wide > place - 0.01, "5 % of 1 000 h is 50 h, but one place is 12 h: \(wide)")
        s.municipalities[1].quotaHours = 100
        #expect(abs(ShortfallExplainer.quotaBand(s.municipalities[1], s) - 5) < 1e-9)
    }

    /// The staff's C1 may run only until 2025-02-07, the managers' M (`aheadOf: C1`, one week's slack) only
    /// from 2025-02-17. C1 is worth more to the plan, so once it has started in Norr, M can no longer start in
    /// time: every manager goes without a place, and the plan says that the managers-ahead rule is why.
    @Test func managersAheadIsNamedWhenItLeavesNoTime() throws {
        var s = Small.base()
        for i in s.municipalities.indices { s.municipalities[i].groups.append(PersonGroup(area: "EB", role: .manager, persons: 4)) }
        s.courses[0].audience = [TidsplanCore.Audience(area: "EB", role: .staff)]
        s.courses[0].window = DateRange(from: Small.day("2025-01-06"), to: Small.day("2025-02-07"))
        var m = Small.course("M", hours: 3)
        m.audience = [TidsplanCore.Audience(role: .manager)]
        m.attendance = .all
        m.window = DateRange(from: Small.day("2025-02-17"), to: Small.day("2025-03-28"))
        m.aheadOf = AheadOf(courses: ["C1"], slackWeeks: 1)
        s.courses.append(m)
        s.staff[0].courses = ["C1", "M"]
        s.municipalities[0].quotaHours = 72  // 60 h of C1 + 4 managers × 3 h
        s.municipalities[1].quotaHours = 60
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        #expect(!Small.training(p).contains { $0.course == "M" })
        let firstC1 = try #require(Small.training(p).filter { $0.course == "C1" }.map(\.date).min())
        let cause = ShortfallCause.managersAheadLeavesNoTime(course: "M", staffCourse: "C1", countyPart: "Norr", staffStart: firstC1,
                                                              latestStart: firstC1.monday.adding(days: 6), earliestStart: Small.day("2025-02-17"))
        let attendance = p.shortfalls.filter { $0.kind == "attendance" }
        #expect(attendance.map(\.subject) == ["A", "B"].map { ShortfallSubject(course: "M", municipality: $0, area: "EB", role: .manager) })
        #expect(attendance.allSatisfy { $0.cause == cause && $0.amount == 4 }, "\(attendance)")
        // The quotas miss the managers' 12 h each (more than the 5 % tolerance): the same cause.
        #expect(p.shortfalls.filter { $0.kind == "quota" }.map(\.cause) == [cause, cause])
        #expect(ShortfallCause(type: cause.type, fields: Dictionary(uniqueKeysWithValues: cause.fields)) == cause)
        let start = firstC1.iso, latest = firstC1.monday.adding(days: 6).iso
        #expect(ShortfallSentence.render(cause, .sv, courseName: { "Kurs \($0)" })
                == "i Norr börjar personalens Kurs C1 \(start), så Kurs M måste börja senast \(latest) (cheferna före eller samtidigt som sin personal), men kan hållas tidigast 2025-02-17; låt Kurs M börja tidigare eller lägg Kurs C1 senare i Norr")
        #expect(ShortfallSentence.render(cause, .en, courseName: { "Kurs \($0)" })
                == "in Norr the staff's Kurs C1 starts on \(start), so Kurs M must start by \(latest) (managers before or alongside their staff), but it can be held from 2025-02-17 at the earliest; let Kurs M start earlier or hold Kurs C1 later in Norr")
    }
}
