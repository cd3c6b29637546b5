import Foundation
import Testing
import TidsplanIO

/// The calendars' series through the command line: plan.json carries it, so an export into a new folder
/// from a copied plan.json continues it; and calendars published before per-file UIDs move over in a re-plan.
@Suite struct CalendarSeriesCommandTests {
    static let scenario = ReplanScenarioTests.scenario

    /// r1 (Norrköpinge out) from the shared base plan, in a fresh work folder.
    func replanned() throws -> TempFolder {
        let work = try ReplanScenarioTests().workWithBase()
        try ReplanScenarioTests().replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge"])
        return work
    }

    @Test func exportFromACopiedPlanContinuesTheSeries() throws {
        let work = try replanned()
        try work.write("copy/plan.json", try #require(FileManager.default.contents(atPath: work.file("r1/plan.json"))))
        let r = try TidsplanCLI.run(["export", Self.scenario, "copy/plan.json", "--out", "fresh"], cwd: work.path,
                                    environment: ["TIDSPLAN_NOW": "20250601T080000Z"])
        #expect(r.status == 0, "\(r.transcript)")
        try ICSCheck.expectPasses([work.file("fresh/calendars"), "--against", work.file("r1/calendars")],
                                  files: ICSCheck.count(in: work.file("r1/calendars")))
        // Nothing changed, so nothing is sent again: the same bytes, plan.json included.
        #expect(ICSCheck.calendars(in: work.file("fresh/calendars")) == ICSCheck.calendars(in: work.file("r1/calendars")))
        #expect(fileText(work.file("fresh/plan.json")) == fileText(work.file("r1/plan.json")))
    }

    /// v1 as an older Tidsplan published it: one UID per session in every file, no series in plan.json.
    static func makeLegacy(_ folder: String) throws {
        let files = ICSCheck.calendars(in: folder + "/calendars")
        let keyed = Dictionary(uniqueKeysWithValues: files.map { ("calendars/" + $0.key, $0.value) })
        for (path, text) in legacy(keyed) {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + path))
        }
        let plan = try #require(fileText(folder + "/plan.json"))
        let cut = try #require(plan.range(of: ",\n  \"calendarSeries\": ["))
        try Data((String(plan[..<cut.lowerBound]) + "\n}\n").utf8).write(to: URL(fileURLWithPath: folder + "/plan.json"))
    }

    /// Calendars as an older Tidsplan published them: every file carried a session under one UID with the very
    /// event all.ics has. Made from a current set by putting all.ics's event in place of each file's own copy.
    static func legacy(_ files: [String: String]) -> [String: String] {
        func parts(_ text: String) -> [String] { ICalFormat.unfold(text).components(separatedBy: "BEGIN:VEVENT\r\n") }
        func uid(_ part: String) -> String {
            part.components(separatedBy: "\r\n").first { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) } ?? ""
        }
        var shared: [String: String] = [:]
        for part in parts(files["calendars/all.ics"] ?? "").dropFirst() {
            shared[uid(part)] = String(part[..<(part.range(of: "END:VEVENT\r\n")?.lowerBound ?? part.endIndex)])
        }
        return files.mapValues { text in
            let split = parts(text)
            return ([split[0]] + split.dropFirst().map { part -> String in
                let old = uid(part)
                let id = old.replacingOccurrences(of: #"\.(leaders|municipalities|venues)\.[a-z0-9-]+@"#, with: "@", options: .regularExpression)
                guard let end = part.range(of: "END:VEVENT\r\n"), let body = shared[id] else { return part }
                return body + String(part[end.lowerBound...])
            }).joined(separator: "BEGIN:VEVENT\r\n")
        }
    }

    @Test func calendarsWithSharedUIDsMoveOverInAReplan() throws {
        let work = try ReplanScenarioTests().workWithBase()
        try Self.makeLegacy(work.file("v1"))
        #expect(try PlanFile(work.file("v1/plan.json")).json["calendarSeries"] == nil)
        let old = ICSCheck.calendars(in: work.file("v1/calendars"))
        #expect(old["municipalities/norrkopinge.ics"]?.contains("UID:natverk-1@tidsplan.invalid\r\n") == true)
        try ReplanScenarioTests().replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge"])
        try ICSCheck.expectPasses([work.file("r1/calendars"), "--against", work.file("v1/calendars")],
                                  files: ICSCheck.count(in: work.file("r1/calendars")))
        // Every file merged into one calendar: every session the new plan holds is confirmed there.
        let new = ICSCheck.calendars(in: work.file("r1/calendars"))
        let merged = CalendarUpdateCheck.merged(new)
        let plan = try PlanFile(work.file("r1/plan.json"))
        for s in plan.sessions where s["status"]?.string == "planned" {
            let id = s["id"]?.string ?? ""
            let confirmed = merged.values.contains {
                ($0.uid == id + "@tidsplan.invalid" || $0.uid.hasPrefix(id + ".")) && $0.status == "CONFIRMED"
            }
            #expect(confirmed, "\(id) is held but shows as cancelled everywhere")
        }
        // Norrköpinge's file: nothing after its date is confirmed under any UID.
        let norrkopinge = CalendarUpdateCheck.events(try #require(new["municipalities/norrkopinge.ics"]))
        #expect(norrkopinge.filter { $0.start >= "20250401" && $0.status == "CONFIRMED" }.isEmpty)
        // A second re-plan from the recorded series passes too, and keeps what did not change.
        try ReplanScenarioTests().replan(work, from: "r1", into: "r2", asOf: "2025-04-20", ["--withdraw", "Sörby"])
        try ICSCheck.expectPasses([work.file("r2/calendars"), "--against", work.file("r1/calendars")],
                                  files: ICSCheck.count(in: work.file("r2/calendars")))
    }
}
