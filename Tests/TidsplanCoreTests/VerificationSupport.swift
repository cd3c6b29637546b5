import Testing
@testable import TidsplanCore

/// A tiny scenario and a plan that keeps every rule of docs/rules.md, for verifier and diff tests.
/// Each test breaks one thing and checks the verifier names it.
///
/// Scenario: 2024-01-02 to 2024-12-31, training from 2024-03-01, summer break 2024-06-17–08-09.
/// Aneby and Eksjö (Höglandet) and Habo (Södra Vätterbygden), 10 EB staff each, quota 100 h, 417 kr/h.
/// Courses: HP (digital, 3 h), MI (per county part, 6 h, after HP with 1 week's gap) and SER (a series
/// of 2 meetings every 2 weeks, 3 h, per county part, after MI). Leaders: Anna (staff, HP and SER)
/// and Bo (external trainer, MI, 5 000 kr/day + 800 kr travel, at most 10 days).
///
/// Plan: HP-1 on Tue 2024-03-05 (digital, Anna, Aneby 5, Eksjö 5, Habo 5); MI-hoglandet-1 on Tue
/// 2024-03-19 (Eksjö, Bo, Aneby 5, Eksjö 5); SER-hoglandet-1 meetings on Tue 2024-04-09 and Tue
/// 2024-04-23 (Eksjö, Anna, Aneby 4, Eksjö 4). Aneby and Eksjö: 15 + 30 + 24 = 69 hours; Habo 15.
enum VerificationFixture {
    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { preconditionFailure("bad date literal \(iso)") }
        return d
    }
    static func time(_ text: String) -> ClockTime {
        guard let t = ClockTime(text: text) else { preconditionFailure("bad time literal \(text)") }
        return t
    }
    static func range(_ from: String, _ to: String) -> DateRange { DateRange(from: day(from), to: day(to)) }

    static func scenario() -> Scenario {
        let eb10 = [PersonGroup(area: "EB", role: .staff, persons: 10)]
        return Scenario(
            project: Project(id: "test", name: "Test", period: range("2024-01-02", "2024-12-31"),
                             trainingFrom: day("2024-03-01")),
            calendar: CalendarSettings(blackouts: [Blackout(name: "Sommaruppehåll", range: range("2024-06-17", "2024-08-09"))]),
            municipalities: [
                Municipality(name: "Aneby", countyPart: "Höglandet", groups: eb10, quotaHours: 100, rateKrPerHour: 417),
                Municipality(name: "Eksjö", countyPart: "Höglandet", groups: eb10, quotaHours: 100, rateKrPerHour: 417),
                Municipality(name: "Habo", countyPart: "Södra Vätterbygden", groups: eb10, quotaHours: 100, rateKrPerHour: 417),
            ],
            venues: [
                Venue(id: "eksjo-sal", name: "Eksjö sal", town: "Eksjö", countyPart: "Höglandet", capacity: 20,
                      mode: .physical, costPerDay: 1000),
                Venue(id: "werket", name: "Werket", town: "Jönköping", countyPart: "Södra Vätterbygden", capacity: 40,
                      mode: .physical, costPerDay: 3000),
                Venue(id: "digitalt", name: "Digitalt", countyPart: nil, capacity: 100, mode: .digital),
            ],
            staff: [
                StaffMember(name: "Anna", role: "development-leader",
                            shares: [ShareSpan(range: range("2024-01-02", "2024-12-31"), share: 1.0)],
                            courses: ["HP", "SER"]),
            ],
            trainers: [
                ExternalTrainer(name: "Bo", courses: ["MI"], dayRate: 5000, maxDays: 10, travelPerDay: 800),
            ],
            courses: [
                Course(id: "HP", name: "Horisontella principer", hours: 3, start: time("09:00"), end: time("12:00"),
                       audience: [Audience(area: "EB")], minParticipants: 4, maxParticipants: 40,
                       delivery: .digital, venues: ["digitalt"]),
                Course(id: "MI", name: "Motiverande samtal", hours: 6, start: time("09:00"), end: time("16:00"),
                       audience: [Audience(area: "EB")], minParticipants: 4, maxParticipants: 20,
                       delivery: .countyPart, prerequisites: [Prerequisite(course: "HP", minGapWeeks: 1)]),
                Course(id: "SER", name: "Serie", hours: 3, start: time("09:00"), end: time("12:00"),
                       audience: [Audience(area: "EB")], minParticipants: 4, maxParticipants: 20,
                       delivery: .countyPart, prerequisites: [Prerequisite(course: "MI")],
                       series: Series(meetings: 2, everyWeeks: 2)),
            ],
            rules: Rules(maxTrainingDaysPerWeek: 2, maxShareAwayPerDay: 0.5, quotaTolerance: 0.05,
                         prepDaysPerSessionDay: 0.5, maxTeachingShare: 0.6),
            budget: Budget(trainersKr: 20000, travelKr: 5000, premisesKr: 10000),
            pinned: [PinnedSession(course: "HP", date: day("2024-03-05"), leader: "Anna")]
        )
    }

    static func hp(_ id: String = "HP-1", on date: String = "2024-03-05", seats: [String: Int] = ["Aneby": 5, "Eksjö": 5, "Habo": 5],
                   leaders: [String] = ["Anna"]) -> PlannedSession {
        PlannedSession(id: id, course: "HP", title: "Horisontella principer", date: day(date), start: time("09:00"),
                       end: time("12:00"), hours: 3, venue: "digitalt", mode: .digital, leaders: leaders, seats: seats)
    }

    static func mi(_ id: String = "MI-hoglandet-1", on date: String = "2024-03-19", seats: [String: Int] = ["Aneby": 5, "Eksjö": 5],
                   leaders: [String] = ["Bo"], venue: String = "eksjo-sal", countyPart: String = "Höglandet") -> PlannedSession {
        PlannedSession(id: id, course: "MI", title: "Motiverande samtal", date: day(date), start: time("09:00"),
                       end: time("16:00"), hours: 6, venue: venue, mode: .physical, leaders: leaders, seats: seats,
                       countyPart: countyPart)
    }

    static func ser(meeting: Int, on date: String, seats: [String: Int] = ["Aneby": 4, "Eksjö": 4],
                    run: String = "SER-hoglandet-1") -> PlannedSession {
        PlannedSession(id: "\(run)-\(meeting)", course: "SER", title: "Serie", date: day(date), start: time("09:00"),
                       end: time("12:00"), hours: 3, venue: "eksjo-sal", mode: .physical, leaders: ["Anna"], seats: seats,
                       series: SeriesPosition(run: run, meeting: meeting, of: 2), countyPart: "Höglandet")
    }

    static func plan(_ sessions: [PlannedSession]? = nil, scenario: Scenario = scenario()) -> Plan {
        let sessions = sessions ?? [hp(), mi(), ser(meeting: 1, on: "2024-04-09"), ser(meeting: 2, on: "2024-04-23")]
        var plan = Plan(scenario: scenario.project.id, period: scenario.project.period,
                        solver: SolverSummary(name: "test", version: "0", status: .optimal),
                        sessions: sessions, municipalities: [], shortfalls: [])
        plan.sortSessions()
        plan.municipalities = scenario.municipalities.map {
            MunicipalityHours(name: $0.name, quotaHours: $0.effectiveQuotaHours, plannedHours: plan.plannedHours($0.name),
                              rateKrPerHour: $0.rateKrPerHour)
        }
        return plan
    }

    /// The base plan with one session changed.
    static func plan(changing id: String, _ change: (inout PlannedSession) -> Void) -> Plan {
        var p = plan()
        for i in p.sessions.indices where p.sessions[i].id == id { change(&p.sessions[i]) }
        return p
    }

    /// The base plan plus some sessions.
    static func plan(adding extra: [PlannedSession], scenario: Scenario = scenario()) -> Plan {
        plan(plan().sessions + extra, scenario: scenario)
    }

    /// The violations of one rule.
    static func violations(_ rule: String, _ plan: Plan, _ scenario: Scenario = scenario(),
                           previous: Plan? = nil, asOf: Day? = nil) -> [Violation] {
        PlanVerifier.verify(plan: plan, scenario: scenario, previous: previous, asOf: asOf).filter { $0.rule == rule }
    }

    /// Checks that `rule` is broken exactly once (or `count` times) and that the first message names
    /// every text in `naming` (session ids, dates, figures).
    static func expectBroken(_ rule: String, _ plan: Plan, _ scenario: Scenario = scenario(), previous: Plan? = nil,
                             asOf: Day? = nil, count: Int = 1, sessions: [String]? = nil, naming: [String] = [],
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let found = violations(rule, plan, scenario, previous: previous, asOf: asOf)
        #expect(found.count == count, "\(found)", sourceLocation: sourceLocation)
        // Each violation reads in both languages (it is shown in Swedish by default, in `verify` and the report).
        for v in found { MessageLanguage.expectKept(v.text, sourceLocation: sourceLocation) }
        guard let first = found.first else { return }
        for text in naming {
            #expect(first.message.contains(text), "\"\(first.message)\" should name \(text)", sourceLocation: sourceLocation)
        }
        if let sessions {
            #expect(first.sessionIDs == sessions, sourceLocation: sourceLocation)
        }
    }

    static func expectKept(_ rule: String, _ plan: Plan, _ scenario: Scenario = scenario(), previous: Plan? = nil,
                           asOf: Day? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = violations(rule, plan, scenario, previous: previous, asOf: asOf)
        #expect(found.isEmpty, "\(found)", sourceLocation: sourceLocation)
    }
}
