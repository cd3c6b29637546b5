import Testing
@testable import TidsplanCore

/// The verifier's `course-order` and `managers-ahead` rules on `VerificationFixture`'s plan: HP-1 (digital)
/// on 2024-03-05, MI-hoglandet-1 on 2024-03-19, SER-hoglandet-1 on 2024-04-09 and 2024-04-23.
@Suite struct CourseOrderRuleTests {
    typealias F = VerificationFixture

    /// The fixture with SER held after HP (no prerequisite between them) with the given gap.
    func serAfterHP(gap: Int) -> Scenario {
        var s = F.scenario()
        s.courses[2].after = [CourseAfter(course: "HP", minGapWeeks: gap)]
        return s
    }

    @Test func courseOrderKeepsTheGapAfterTheFirstFinishedRun() {
        // HP-1 ends 2024-03-05; SER starts 2024-04-09, 35 days later.
        F.expectKept("course-order", F.plan(), serAfterHP(gap: 5))
        F.expectBroken("course-order", F.plan(), serAfterHP(gap: 6), sessions: ["SER-hoglandet-1-1", "HP-1"],
                       naming: ["SER-hoglandet-1-1 on 2024-04-09", "in Höglandet", "at least 6 week(s) after",
                                "HP-1 on 2024-03-05"])
        // A second, later HP run changes nothing: one finished run is enough.
        let late = F.hp("HP-2", on: "2024-04-16")
        F.expectKept("course-order", F.plan(adding: [late]), serAfterHP(gap: 5))
    }

    @Test func courseOrderRejectsTheLaterCourseFirstAndAcceptsItSwapped() {
        // MI after SER: MI-hoglandet-1 (2024-03-19) comes before SER has finished in Höglandet.
        var s = F.scenario()
        s.courses[1].after = [CourseAfter(course: "SER")]
        F.expectBroken("course-order", F.plan(), s, sessions: ["MI-hoglandet-1", "SER-hoglandet-1-2"],
                       naming: ["MI-hoglandet-1 on 2024-03-19", "SER-hoglandet-1-2 on 2024-04-23"])
        // The same day as SER's last meeting is still too early; the day after is fine.
        F.expectBroken("course-order", F.plan(changing: "MI-hoglandet-1") { $0.date = F.day("2024-04-23") }, s)
        F.expectKept("course-order", F.plan(changing: "MI-hoglandet-1") { $0.date = F.day("2024-04-24") }, s)
        // In Södra Vätterbygden no SER serves, so an MI there may come first.
        let sodra = F.mi("MI-sodra-1", on: "2024-03-20", seats: ["Habo": 5], venue: "werket", countyPart: "Södra Vätterbygden")
        F.expectBroken("course-order", F.plan(adding: [sodra]), s, count: 1)
    }

    @Test func courseOrderLeavesTheFrozenPastAndPinnedSessionsAlone() {
        var s = F.scenario()
        s.courses[1].after = [CourseAfter(course: "SER")]
        F.expectKept("course-order", F.plan(changing: "MI-hoglandet-1") { $0.frozen = true }, s)
        s.pinned.append(PinnedSession(course: "MI", countyPart: "Höglandet", date: F.day("2024-03-19")))
        F.expectKept("course-order", F.plan(), s)
    }

    @Test func managersAheadPerMunicipality() {
        // MI ahead of HP: Aneby's and Eksjö's first MI (2024-03-19) is 14 days after their first HP (2024-03-05).
        var s = F.scenario()
        s.courses[1].aheadOf = AheadOf(courses: ["HP"], slackWeeks: 1)
        F.expectBroken("managers-ahead", F.plan(), s, count: 2, sessions: ["MI-hoglandet-1", "HP-1"],
                       naming: ["Aneby's managers", "MI-hoglandet-1 on 2024-03-19", "more than 1 week(s)", "HP-1 on 2024-03-05"])
        s.courses[1].aheadOf = AheadOf(courses: ["HP"], slackWeeks: 2)
        F.expectKept("managers-ahead", F.plan(), s)
        // HP ahead of MI and SER: HP comes first for everyone; Habo has no MI or SER, so it is not checked.
        s.courses[1].aheadOf = nil
        s.courses[0].aheadOf = AheadOf(courses: ["MI", "SER"], slackWeeks: 0)
        F.expectKept("managers-ahead", F.plan(), s)
        // A first session already held is not judged again.
        var held = F.scenario()
        held.courses[1].aheadOf = AheadOf(courses: ["HP"], slackWeeks: 1)
        F.expectKept("managers-ahead", F.plan(changing: "HP-1") { $0.frozen = true }, held)
    }
}
