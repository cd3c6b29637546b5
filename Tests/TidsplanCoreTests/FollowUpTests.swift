import Testing
@testable import TidsplanCore

/// Follow-up surveys per run: the window rules derive from, the day a survey goes out, and the
/// verifier's `follow-up-window` rule. On `VerificationFixture` (2024, summer break 06-17–08-09,
/// julafton and nyårsafton closed).
@Suite struct FollowUpTests {
    typealias F = VerificationFixture
    static let window = FollowUpWindow(from: 3, to: 6)

    func sent(_ last: String, preferred: Int = 4, notBefore: String? = nil) -> Day? {
        let s = F.scenario()
        return FollowUpDate.sent(after: F.day(last), window: Self.window, preferredMonths: preferred,
                                 period: s.project.period, notBefore: notBefore.map(F.day), calendar: WorkingCalendar(scenario: s))
    }

    // MARK: the window in force

    @Test func windowComesFromTheRulesOrAroundThePreferredMonth() {
        var r = Rules()
        #expect(r.followUpWindow == nil && r.followUpPreferredMonths == nil)
        r.followUpAfterMonths = 4
        #expect(r.followUpWindow == FollowUpWindow(from: 3, to: 6) && r.followUpPreferredMonths == 4)
        r.followUpAfterMonths = 0
        #expect(r.followUpWindow == FollowUpWindow(from: 0, to: 2) && r.followUpPreferredMonths == 0)
        r.followUpAfterMonths = nil
        r.followUpWindowMonths = FollowUpWindow(from: 3, to: 6)
        #expect(r.followUpWindow == FollowUpWindow(from: 3, to: 6) && r.followUpPreferredMonths == 3)
        r.followUpAfterMonths = 8
        #expect(r.followUpPreferredMonths == 6)
    }

    // MARK: the day a survey goes out

    @Test func preferredDayInsideTheWindowIsUsed() {
        // 2024-04-23 + 4 months = Fri 2024-08-23, a working day.
        #expect(sent("2024-04-23") == F.day("2024-08-23"))
    }

    @Test func preferredDayInABreakMovesToTheNextWorkingDay() {
        // 2024-03-19 + 4 months = 2024-07-19, in the summer break (to 2024-08-09): Monday 2024-08-12.
        #expect(sent("2024-03-19") == F.day("2024-08-12"))
    }

    @Test func preferredDayAfterTheProjectGivesTheLatestWorkingDayOfTheWindow() {
        // 2024-09-10 + 4 months = 2025-01-10, after the period; the window opens 2024-12-10, and the last
        // working day in it is Monday 2024-12-30 (nyårsafton is closed).
        #expect(sent("2024-09-10") == F.day("2024-12-30"))
    }

    @Test func windowEntirelyAfterTheProjectGivesNoSurvey() {
        // The window opens 2025-01-15, after the period ends on 2024-12-31.
        #expect(sent("2024-10-15") == nil)
    }

    @Test func aWindowOpeningOnHolidaysTakesTheNextWorkingDay() {
        // Opens on julafton 2024-12-24 (closed), then Christmas: Friday 2024-12-27.
        #expect(sent("2024-09-24", preferred: 3) == F.day("2024-12-27"))
    }

    @Test func aReplanSendsNothingInThePast() {
        // Preferred 2024-08-23, but as-of is 2024-08-31: the first working day after, Monday 2024-09-02.
        #expect(sent("2024-04-23", notBefore: "2024-09-01") == F.day("2024-09-02"))
        // Past the whole window: none.
        #expect(sent("2024-04-23", notBefore: "2024-10-24") == nil)
    }

    // MARK: follow-up-window

    static func scenario() -> Scenario {
        var s = F.scenario()
        s.rules.followUpWindowMonths = window
        s.rules.followUpAfterMonths = 4
        return s
    }

    static func survey(_ run: String, on date: String, id: String? = nil) -> PlannedSession {
        PlannedSession(id: id ?? FollowUpSurvey.id(run: run), kind: .event, course: EventKind.survey.rawValue,
                       title: "Uppföljningsenkät: x", date: F.day(date), start: F.time("09:00"), end: F.time("09:30"), hours: 0,
                       venue: "", mode: .digital, leaders: [], attendingMunicipalities: ["Aneby"])
    }

    @Test func surveysInsideTheirWindowsKeepTheRule() {
        // MI-hoglandet-1 ends 2024-03-19 (window 06-19 to 09-19); SER-hoglandet-1 ends 2024-04-23 (07-23 to 10-23).
        let plan = F.plan(adding: [Self.survey("MI-hoglandet-1", on: "2024-08-12"), Self.survey("SER-hoglandet-1", on: "2024-08-23"),
                                   Self.survey("HP-1", on: "2024-09-05")], scenario: Self.scenario())
        F.expectKept("follow-up-window", plan, Self.scenario())
        #expect(PlanVerifier.verify(plan: plan, scenario: Self.scenario()) == [])
    }

    @Test func aSurveyBeforeOrAfterItsWindowBreaksTheRule() {
        // The series run ends 2024-04-23; its window is 2024-07-23 to 2024-10-23.
        F.expectBroken("follow-up-window", F.plan(adding: [Self.survey("SER-hoglandet-1", on: "2024-04-25")], scenario: Self.scenario()),
                       Self.scenario(), sessions: ["uppfoljning-SER-hoglandet-1"],
                       naming: ["uppfoljning-SER-hoglandet-1 on 2024-04-25", "3–6 months", "2024-04-23", "2024-07-23 to 2024-10-23"])
        F.expectBroken("follow-up-window", F.plan(adding: [Self.survey("SER-hoglandet-1", on: "2024-10-24")], scenario: Self.scenario()),
                       Self.scenario(), naming: ["2024-10-24"])
        F.expectKept("follow-up-window", F.plan(adding: [Self.survey("SER-hoglandet-1", on: "2024-10-23")], scenario: Self.scenario()),
                     Self.scenario())
    }

    @Test func aSurveyAfterTheProjectBreaksTheRule() {
        var s = Self.scenario()
        s.rules.followUpWindowMonths = FollowUpWindow(from: 3, to: 12)
        let found = F.violations("follow-up-window", F.plan(adding: [Self.survey("HP-1", on: "2025-01-14")], scenario: s), s)
        #expect(found.map(\.message) == ["uppfoljning-HP-1 on 2025-01-14 is outside the project period 2024-01-02 to 2024-12-31"])
    }

    @Test func olderPlansWithOneSurveyPerCourseAreNotJudged() {
        // One survey per course (id uppfoljning-<course>), and one for a run the plan no longer has.
        let plan = F.plan(adding: [Self.survey("MI", on: "2024-04-01"), Self.survey("MI-hoglandet-9", on: "2024-03-20")],
                          scenario: Self.scenario())
        F.expectKept("follow-up-window", plan, Self.scenario())
    }

    @Test func noWindowNoRule() {
        F.expectKept("follow-up-window", F.plan(adding: [Self.survey("SER-hoglandet-1", on: "2024-04-25")]))
    }
}
