import Testing
import TidsplanCore
@testable import TidsplanModel

/// Follow-up surveys per run, and runs placed early enough for them (`FollowUpFit`), on `Small.base()`
/// (2025-01-06 to Friday 2025-03-28) with a survey window of 1–2 months.
@Suite struct FollowUpPlacementTests {
    static let lastDay = Small.day("2025-03-28")

    /// C1 may run from February; a run ending in March could not get its survey a month later.
    static func lateCourse(preferred: Int? = nil) -> Scenario {
        var s = Small.base()
        s.courses[0].window = DateRange(from: Small.day("2025-02-03"), to: lastDay)
        s.rules.followUpWindowMonths = FollowUpWindow(from: 1, to: 2)
        s.rules.followUpAfterMonths = preferred
        s.rules.followUpResponsible = "Lea"
        return s
    }

    static func builder(_ s: Scenario) -> WeekModelBuilder {
        WeekModelBuilder(scenario: s, grid: TimeGrid(scenario: s, calendar: WorkingCalendar(scenario: s)),
                         groups: RunGroupGenerator.generate(scenario: s).groups, replan: nil, previousRuns: [], forbidden: [:])
    }

    /// Start weeks (Mondays) the week model offers each group.
    static func startMondays(_ s: Scenario) -> [Day] {
        let b = builder(s)
        _ = b.build()
        return b.starts.flatMap { $0.keys }.sorted().map { b.grid.weeks[$0].monday }
    }

    @Test func theWeekModelOffersOnlyWeeksThatLeaveRoomForTheSurvey() {
        let mondays = Self.startMondays(Self.lateCourse())
        // February's four weeks; the last ends Friday 2025-02-28, a month before the project's last day.
        #expect(mondays == ["2025-02-03", "2025-02-10", "2025-02-17", "2025-02-24"].map(Small.day))
        // Without surveys March is open too.
        var none = Self.lateCourse()
        none.rules.followUpWindowMonths = nil
        #expect(Self.startMondays(none).contains(Small.day("2025-03-03")))
    }

    @Test func aGroupWithNoFittingWeekIsNotRestricted() {
        var s = Self.lateCourse()
        s.courses[0].window = DateRange(from: Small.day("2025-03-03"), to: Self.lastDay)
        #expect(Self.startMondays(s) == ["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24"].map(Small.day))
    }

    @Test func aSeriesIsJudgedByItsLastMeeting() {
        var s = Self.lateCourse()
        s.courses[0].series = Series(meetings: 2, everyWeeks: 2)
        // Meeting 2 two weeks after the start: the last start that fits is 2025-02-10 (second meeting 02-24).
        #expect(Self.startMondays(s) == ["2025-02-03", "2025-02-10"].map(Small.day))
    }

    @Test func aLateCourseIsPlacedEarlyEnoughForItsSurveys() throws {
        let s = Self.lateCourse(preferred: 2)
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        let training = Small.training(p)
        #expect(!training.isEmpty)
        #expect(training.allSatisfy { $0.date <= Small.day("2025-02-28") })
        let last = FollowUpSurvey.lastMeetings(p.sessions)
        let calendar = WorkingCalendar(scenario: s)
        for (run, l) in last.sorted(by: { $0.key < $1.key }) {
            let survey = try #require(p.sessions.first { $0.id == "uppfoljning-\(run)" }, "no survey for \(run)")
            #expect(survey.kind == .event && survey.course == "survey" && survey.leaders == ["Lea"])
            // The title names the run by its last meeting, in both languages; a survey has a day, not clock times.
            let course = try #require(s.course(training.first { FollowUpSurvey.run(of: $0) == run }?.course ?? "")).name
            #expect(survey.title == "Uppföljningsenkät: \(course) (omgången som slutade \(l.iso))")
            #expect(FollowUpSurvey.englishTitle(survey.title) == "Follow-up survey: \(course) (the run that ended \(l.iso))")
            #expect(survey.isSentNotAttended)
            #expect(survey.date >= l.adding(months: 1) && survey.date <= l.adding(months: 2) && survey.date <= Self.lastDay)
            #expect(calendar.isWorkingDay(survey.date))
            // Preferred two months on: past the project here, so the latest working day of the window.
            #expect(l.adding(months: 2) > Self.lastDay ? survey.date == Self.lastDay : survey.date >= l.adding(months: 2))
            let seated = Set(training.filter { FollowUpSurvey.run(of: $0) == run }.flatMap { $0.seats.filter { $0.value > 0 }.keys })
            #expect(survey.attendingMunicipalities == seated.sorted())
        }
        #expect(p.sessions.filter(FollowUpSurvey.isSurvey).count == last.count)
        #expect(!p.shortfalls.contains { $0.kind == "followUp" })
    }

    /// A plan from before surveys went per run has one survey per course: a re-plan drops it (cancelled
    /// when it lay ahead, kept when already sent) and makes the per-run ones, without breaking a rule.
    @Test func replanningAnOlderPlanWithOneSurveyPerCourse() throws {
        let s = Self.lateCourse(preferred: 2)
        var old = try Small.plan(s)
        old.sessions.removeAll { FollowUpSurvey.isSurvey($0) }
        func survey(_ id: String, _ date: String) -> PlannedSession {
            PlannedSession(id: id, kind: .event, course: "survey", title: "Uppföljningsenkät: Kurs C1", date: Small.day(date),
                           start: Small.time("09:00"), end: Small.time("09:30"), hours: 0, venue: "", mode: .digital, leaders: ["Lea"],
                           attendingMunicipalities: ["A"])
        }
        old.sessions += [survey("uppfoljning-C1", "2025-03-27"), survey("uppfoljning-C0", "2025-01-15")]
        old.sortSessions()
        let asOf = Small.day("2025-01-31")
        let p = try Small.plan(s, replan: ReplanContext(previous: old, asOf: asOf))
        Small.expectVerified(p, s, previous: old, asOf: asOf)
        #expect(p.sessions.first { $0.id == "uppfoljning-C1" }?.status == .cancelled)
        #expect(p.sessions.first { $0.id == "uppfoljning-C0" }?.frozen == true)
        #expect(p.sessions.filter { FollowUpSurvey.isSurvey($0) && $0.status == .planned && $0.id != "uppfoljning-C0" }.count
                == FollowUpSurvey.lastMeetings(p.sessions).count)
    }
}
