import Testing
import TidsplanCore
@testable import Tidsplan
@testable import TidsplanModel

/// `after` and `aheadOf` in the week model, on `Small.base()` (12 weeks from 2025-01-06, county part Norr).
@Suite struct CourseOrderTests {
    /// C0 (may only run from 2025-02-24) and C1 (any time): both wanted, two sessions each.
    func twoCourses(c1After: [CourseAfter]) -> Scenario {
        var s = Small.base()
        var c0 = Small.course("C0")
        c0.window = DateRange(from: Small.day("2025-02-24"), to: Small.day("2025-03-28"))
        var c1 = s.courses[0]
        c1.after = c1After
        s.courses = [c0, c1]
        s.staff[0].courses = ["C0", "C1"]
        s.municipalities[0].quotaHours = 120
        s.municipalities[1].quotaHours = 96
        return s
    }

    func dates(_ p: Plan, _ course: String) -> [Day] { Small.training(p).filter { $0.course == course }.map(\.date).sorted() }

    @Test func laterCourseWaitsForTheEarlierOne() throws {
        // Without the rule C1 is free to come first (and the spread over months puts it there).
        let free = try Small.plan(twoCourses(c1After: []))
        let freeC0 = dates(free, "C0"), freeC1 = dates(free, "C1")
        #expect(freeC0.count == 2 && freeC1.count == 2)
        #expect(freeC1[0] < freeC0[0])

        let s = twoCourses(c1After: [CourseAfter(course: "C0", minGapWeeks: 1)])
        let p = try Small.plan(s)
        let c0 = dates(p, "C0"), c1 = dates(p, "C1")
        #expect(c0.count == 2 && c1.count == 2)
        if let firstC0 = c0.first, let firstC1 = c1.first {
            #expect(firstC1.ordinal - firstC0.ordinal >= 7)
            #expect(firstC1.monday.ordinal - firstC0.monday.ordinal >= 14)  // a whole week between, in week terms
        }
        #expect(p.plannedHours("A") == 120)
        Small.expectVerified(p, s)
    }

    @Test func aReplanWhosePastBrokeTheOrderStillPlans() throws {
        // The old plan (made without the rule) held C1 before C0; re-planned with the rule after that.
        let old = try Small.plan(twoCourses(c1After: []))
        let firstC1 = try #require(dates(old, "C1").first)
        #expect(firstC1 < dates(old, "C0")[0])
        let s = twoCourses(c1After: [CourseAfter(course: "C0")])
        let p = try Small.plan(s, replan: ReplanContext(previous: old, asOf: firstC1))
        #expect(dates(p, "C1").first == firstC1)
        #expect(dates(p, "C0").count == 2)
        Small.expectVerified(p, s, previous: old, asOf: firstC1)
        // Nor does the re-plan command refuse the old plan for it (held sessions that break the order are history).
        // Held up to C0's first session, both sessions the finding names are in the past.
        let heldBoth = dates(old, "C0")[0]
        #expect(!PlanVerifier.verify(plan: old, scenario: s).filter { $0.rule == "course-order" }.isEmpty)
        #expect(PlanJob.frozenPastProblems(old, scenario: s, asOf: heldBoth, lang: .en).isEmpty)
    }

    @Test func laterCourseRunsWhenTheEarlierHasNoRunAtAll() throws {
        // Nobody may lead C0: it cannot run, and C1 is not held back for it.
        var s = twoCourses(c1After: [CourseAfter(course: "C0")])
        s.staff[0].courses = ["C1"]
        let p = try Small.plan(s)
        #expect(dates(p, "C0").isEmpty)
        #expect(dates(p, "C1").count == 2)
        Small.expectVerified(p, s)
    }

    /// Staff course C1 (EB staff, any time) and managers' course M (EB managers, only from 2025-02-17).
    func managersAndStaff(ahead: AheadOf?) -> Scenario {
        var s = Small.base()
        for i in s.municipalities.indices { s.municipalities[i].groups.append(PersonGroup(area: "EB", role: .manager, persons: 4)) }
        s.courses[0].audience = [TidsplanCore.Audience(area: "EB", role: .staff)]
        var m = Small.course("M", hours: 3)
        m.audience = [TidsplanCore.Audience(role: .manager)]
        m.attendance = .all
        m.window = DateRange(from: Small.day("2025-02-17"), to: Small.day("2025-03-28"))
        m.aheadOf = ahead
        s.courses.append(m)
        s.staff[0].courses = ["C1", "M"]
        s.municipalities[0].quotaHours = 72  // 60 h of C1 + 4 managers × 3 h
        s.municipalities[1].quotaHours = 60
        return s
    }

    @Test func managersStartAtTheLatestAlongsideTheirStaff() throws {
        let free = try Small.plan(managersAndStaff(ahead: nil))
        let freeM = dates(free, "M"), freeC1 = dates(free, "C1")
        #expect(!freeM.isEmpty && !freeC1.isEmpty)
        #expect(freeM[0].ordinal - freeC1[0].ordinal > 7)

        let s = managersAndStaff(ahead: AheadOf(courses: ["C1"], slackWeeks: 1))
        let p = try Small.plan(s)
        let m = dates(p, "M"), c1 = dates(p, "C1")
        #expect(!m.isEmpty && c1.count == 2)
        if let firstM = m.first, let firstC1 = c1.first { #expect(firstM.ordinal - firstC1.ordinal <= 7) }
        #expect(p.plannedHours("A") == 72)
        Small.expectVerified(p, s)
    }

    @Test func theRulesAreNamedFamilies() {
        let ids = WeekModelBuilder.families.map { ObjectIdentifier($0) }
        #expect(ids.contains(ObjectIdentifier(CourseOrder.self)) && ids.contains(ObjectIdentifier(ManagersAhead.self)))
        #expect(CourseOrder.id == "course-order" && ManagersAhead.id == "managers-ahead")
    }
}
