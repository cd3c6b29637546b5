import Testing
@testable import TidsplanCore

/// The `events` rule: fixed events and follow-up surveys keep their own rules (issue 20: a fixed event
/// moved to Christmas Day used to pass `verify`).
@Suite struct EventRuleTests {
    typealias F = VerificationFixture

    /// The fixture with the project group's HP training day on Wednesday 2024-05-08 for Aneby and Habo.
    static func scenario() -> Scenario {
        var s = F.scenario()
        s.fixedEvents = [FixedEvent(id: "hp-projektgrupp", title: "HP-utbildning för projektgruppen", kind: .training,
                                    date: F.day("2024-05-08"), start: F.time("09:00"), end: F.time("12:00"),
                                    leaders: ["Anna"], municipalities: ["Aneby", "Habo"])]
        return s
    }

    static func event(on date: String = "2024-05-08", start: String = "09:00", invites: [String] = ["Aneby", "Habo"]) -> PlannedSession {
        PlannedSession(id: "hp-projektgrupp", kind: .event, course: "training", title: "HP-utbildning för projektgruppen",
                       date: F.day(date), start: F.time(start), end: F.time("12:00"), hours: 0, venue: "", mode: .physical,
                       leaders: ["Anna"], attendingMunicipalities: invites)
    }

    static func survey(on date: String) -> PlannedSession {
        PlannedSession(id: "uppfoljning-MI-hoglandet-1", kind: .event, course: "survey", title: "Uppföljningsenkät: Motiverande samtal",
                       date: F.day(date), start: F.time("09:00"), end: F.time("09:30"), hours: 0, venue: "", mode: .digital,
                       leaders: ["Anna"], attendingMunicipalities: ["Aneby", "Eksjö"])
    }

    @Test func aFixedEventOnItsScenarioDateKeepsTheRule() {
        F.expectKept("events", F.plan(adding: [Self.event()]), Self.scenario())
    }

    @Test func aFixedEventMovedToChristmasDayIsNamed() {
        let s = Self.scenario()
        let found = F.violations("events", F.plan(adding: [Self.event(on: "2024-12-25")]), s)
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.message.contains("2024-12-25") && $0.message.contains("the scenario puts it: 2024-05-08") })
        #expect(found.contains { $0.message.contains("2024-12-25") && $0.message.contains("is not a working day") })
    }

    @Test func aFixedEventAtAnotherTimeIsNamed() {
        F.expectBroken("events", F.plan(adding: [Self.event(start: "10:00")]), Self.scenario(),
                       sessions: ["hp-projektgrupp"], naming: ["10:00", "09:00"])
    }

    @Test func aFixedEventHeldBeforeThePlansAsOfIsHistory() {
        var p = F.plan(adding: [Self.event(on: "2024-05-07")], scenario: Self.scenario())
        p.asOf = F.day("2024-06-01")
        F.expectKept("events", p, Self.scenario())
    }

    @Test func aSurveyOnAHolidayIsNamed() {
        F.expectKept("events", F.plan(adding: [Self.survey(on: "2024-09-02")]), Self.scenario())
        F.expectBroken("events", F.plan(adding: [Self.survey(on: "2024-12-25")]), Self.scenario(),
                       sessions: ["uppfoljning-MI-hoglandet-1"], naming: ["2024-12-25", "not a working day"])
        F.expectBroken("events", F.plan(adding: [Self.survey(on: "2024-07-01")]), Self.scenario(),
                       naming: ["2024-07-01", "not a working day"])
    }

    @Test func noEventInvitesAMunicipalityThatWithdrew() {
        var s = Self.scenario()
        s.municipalities[2].withdrawal = F.day("2024-05-01")
        F.expectBroken("events", F.plan(adding: [Self.event()]), s, sessions: ["hp-projektgrupp"],
                       naming: ["invites Habo", "2024-05-01"])
        F.expectKept("events", F.plan(adding: [Self.event(invites: ["Aneby"])]), s)
        // Before its withdrawal it may be invited.
        s.municipalities[2].withdrawal = F.day("2024-05-09")
        F.expectKept("events", F.plan(adding: [Self.event()]), s)
    }

    /// A cancelled event is judged by nobody: it is not held.
    @Test func aCancelledEventIsNotJudged() {
        var moved = Self.event(on: "2024-12-25")
        moved.status = .cancelled
        F.expectKept("events", F.plan(adding: [moved]), Self.scenario())
    }
}
