import Foundation
import Testing
import TidsplanCore
import TidsplanIO
@testable import Tidsplan

@Suite struct ExportJobTests {
    static func tinyPlan() -> (Scenario, Plan) {
        let from = Day(year: 2024, month: 1, day: 2) ?? Day(ordinal: 0)
        let to = Day(year: 2024, month: 12, day: 31) ?? Day(ordinal: 0)
        let period = DateRange(from: from, to: to)
        let scenario = Scenario(
            project: Project(id: "tiny", name: "Liten plan", period: period),
            municipalities: [Municipality(name: "Aneby", countyPart: "Höglandet",
                                          groups: [PersonGroup(area: "EB", role: .staff, persons: 10)],
                                          quotaHours: 100, rateKrPerHour: 417)],
            venues: [Venue(id: "werket", name: "Werket", countyPart: "Höglandet", capacity: 30, mode: .physical)],
            staff: [StaffMember(name: "Anna Åberg", role: "development-leader",
                                shares: [ShareSpan(range: period, share: 1)], courses: ["MI"])],
            courses: [Course(id: "MI", name: "MI grund", hours: 6, start: ClockTime(minutes: 540),
                             end: ClockTime(minutes: 960), audience: [Audience()])])
        let session = PlannedSession(id: "MI-1", course: "MI", title: "MI grund",
                                     date: Day(year: 2024, month: 4, day: 16) ?? from,
                                     start: ClockTime(minutes: 540), end: ClockTime(minutes: 960), hours: 6,
                                     venue: "werket", mode: .physical, leaders: ["Anna Åberg"], seats: ["Aneby": 8])
        let plan = Plan(scenario: "tiny", period: period,
                        solver: SolverSummary(name: "glpk", version: "5.0", status: .optimal, objective: 0),
                        sessions: [session],
                        municipalities: [MunicipalityHours(name: "Aneby", quotaHours: 100, plannedHours: 48,
                                                           rateKrPerHour: 417)],
                        shortfalls: [])
        return (scenario, plan)
    }

    @Test func rendersEveryOutputSortedAndReproducibly() throws {
        let (scenario, plan) = Self.tinyPlan()
        let now = try #require(ICalTimestamp(text: "20240301T120000Z"))
        let options = ExportOptions(csvDialect: .excelSwedish, lang: .sv, now: now)
        let files = ExportJob.render(scenario: scenario, plan: plan, options: options)
        let paths = files.map(\.path)
        #expect(paths == paths.sorted())
        for expected in ["plan.json", "timetable.csv", "timetable.md", "report.html", "calendars/all.ics"] {
            #expect(paths.contains(expected), "\(expected)")
        }
        #expect(paths.contains { $0.hasPrefix("calendars/leaders/") })
        #expect(ExportJob.render(scenario: scenario, plan: plan, options: options) == files)

        let json = try #require(files.first { $0.path == "plan.json" })
        // plan.json is the plan plus the series its calendars continue.
        var published = plan
        published.calendarSeries = ICalendarWriter.publish(scenario: scenario, plan: plan, previous: options.previous,
                                                           now: options.now, lang: options.lang).series
        #expect(published.calendarSeries?.files["calendars/all.ics"] != nil)
        #expect(try PlanJSONReader.decode(String(decoding: json.bytes, as: UTF8.self), file: "plan.json") == published)
        let csv = try #require(files.first { $0.path == "timetable.csv" })
        #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        try AtomicOutput.validate(files)
    }
}
