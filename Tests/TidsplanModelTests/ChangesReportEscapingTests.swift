import Foundation
import Testing
import TidsplanCore
@testable import Tidsplan

/// changes.md escapes names and titles from the scenario like timetable.md does: markup, table bars and
/// line breaks in a name can neither break the tables nor turn into HTML.
@Suite struct ChangesReportEscapingTests {
    static let leader = "Eva <script>alert(1)</script> | *Berg*"
    static let municipality = "Ha|bo_<b>x</b>\nrad två"
    static let title = "MI # grund [länk](javascript:x)"

    static func day(_ iso: String) throws -> Day { try #require(Day(iso: iso)) }

    @Test func namesAndTitlesAreEscaped() throws {
        let period = DateRange(from: try Self.day("2025-01-01"), to: try Self.day("2025-12-31"))
        let session = PlannedSession(id: "MI-1", course: "MI", title: Self.title, date: try Self.day("2025-05-06"),
                                     start: try #require(ClockTime(text: "09:00")), end: try #require(ClockTime(text: "12:00")),
                                     hours: 3, venue: "", mode: .digital, leaders: [Self.leader], seats: [Self.municipality: 4])
        let solver = SolverSummary(name: "GLPK", version: "5", status: .optimal)
        let previous = Plan(scenario: "t", period: period, solver: solver, sessions: [session], municipalities: [], shortfalls: [])
        var moved = session
        moved.date = try Self.day("2025-05-13")
        var current = Plan(scenario: "t", period: period, solver: solver, sessions: [moved], municipalities: [], shortfalls: [])
        current.commitmentChanges = [CommitmentChange(municipality: Self.municipality, kind: .withdrawal, from: try Self.day("2025-06-01"))]
        let scenario = Scenario(project: Project(id: "t", name: "T", period: period))
        let files = ChangesReport.files(previous: previous, current: current, scenario: scenario, fromScratchChanges: nil)
        let md = String(decoding: try #require(files.first { $0.path == "changes.md" }).bytes, as: UTF8.self)
        #expect(!md.contains("<script>") && !md.contains("<b>") && md.contains(#"Eva \<script\>alert(1)\</script\> \| \*Berg\*"#), "\(md)")
        #expect(md.contains(#"### Ha\|bo\_\<b\>x\</b\> rad två"#), "\(md)")
        #expect(md.contains(#"- Ha\|bo\_\<b\>x\</b\> rad två: deltar inte från 2025-06-01"#), "\(md)")
        #expect(md.contains(##"MI \# grund \[länk\](javascript:x)"##), "\(md)")
        // Every table row keeps its four cells.
        for line in md.split(separator: "\n") where line.hasPrefix("| 2025-") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5, "\(line)")
        }
    }
}
