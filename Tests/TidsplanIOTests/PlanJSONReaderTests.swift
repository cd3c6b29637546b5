import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

@Suite struct PlanJSONReaderTests {
    @Test func samplePlanRoundTrips() throws {
        let text = PlanJSONWriter.encode(SamplePlan.plan)
        let back = try PlanJSONReader.decode(text, file: "plan.json")
        #expect(back == SamplePlan.plan)
        #expect(PlanJSONWriter.encode(back) == text)
    }

    /// Seats by area and role and typed shortfall causes come back as written; a split naming a
    /// municipality without seats is refused.
    @Test func groupSeatsAndCausesRoundTrip() throws {
        var plan = SamplePlan.plan
        let i = try #require(plan.sessions.firstIndex { $0.id == "MI-hoglandet-1" })
        plan.sessions[i].groupSeats = [GroupSeats(municipality: "Aneby", area: "EB", role: .staff, seats: 5),
                                       GroupSeats(municipality: "Aneby", area: "Vux", role: .manager, seats: 3)]
        plan.shortfalls[0].cause = .quotaCeiling(municipality: "Aneby", neededHours: 198, allowedHours: 157.5,
                                                 dropCourse: "MI", dropCourseHours: 48)
        plan.shortfalls[1].cause = .noLeaderDaysInWindow(course: "VUX", leaders: ["A", "B"],
                                                         window: DateRange(from: Day(iso: "2025-01-07")!, to: Day(iso: "2026-04-30")!))
        let text = PlanJSONWriter.encode(plan)
        #expect(text.contains("\"cause\": {\n        \"type\": \"quotaCeiling\""))
        let back = try PlanJSONReader.decode(text, file: "plan.json")
        #expect(back == plan)
        var wrong = plan
        wrong.sessions[i].groupSeats[1].municipality = "Habo"
        let bad = PlanJSONWriter.encode(wrong)
        #expect(throws: PlanReadError.self) { try PlanJSONReader.decode(bad, file: "plan.json") }
    }

    @Test func hostileStringsRoundTrip() throws {
        var plan = SamplePlan.plan
        let hostile = "Anna \"Q\" <script>\\ \u{0}\u{1}\t\r\n;,|=+ 😀 \u{2028} e\u{301}"
        plan.scenario = hostile
        plan.sessions[1].title = hostile
        plan.sessions[1].leaders = [hostile, ""]
        plan.sessions[1].seats = [hostile: 3, "": 0]
        plan.shortfalls[0].reason = hostile
        plan.solver = SolverSummary(name: "glpk", version: "5.0", status: .optimal)
        let back = try PlanJSONReader.decode(PlanJSONWriter.encode(plan), file: "plan.json")
        #expect(back == plan)
    }

    @Test func acceptsAByteOrderMark() throws {
        let text = "\u{FEFF}" + PlanJSONWriter.encode(SamplePlan.plan)
        #expect(try PlanJSONReader.decode(text, file: "plan.json") == SamplePlan.plan)
    }

    // Each case: a change to the sample plan's JSON and the exact message it must produce.
    // Session 1 is HP-1, 2 is MI-hoglandet-1 (seats: Aneby 8), 3 is MI-sodra-vatterbygden-1.
    @Test func badDate() {
        expectError(#"plan.json: sessions[3].date: "2024-13-01" is not a date (YYYY-MM-DD)"#) {
            editSession(&$0, 3) { $0["date"] = "2024-13-01" }
        }
    }

    @Test func badTimeAndEndBeforeStart() {
        expectError(#"plan.json: sessions[3].start: "9:00" is not a time (HH:MM)"#) { editSession(&$0, 3) { $0["start"] = "9:00" } }
        expectError("plan.json: sessions[3].end: 08:00 is not after the start 09:00") { editSession(&$0, 3) { $0["end"] = "08:00" } }
    }

    @Test func unknownEnumValues() {
        expectError(#"plan.json: sessions[2].status: "postponed" is not one of "planned", "cancelled""#) {
            editSession(&$0, 2) { $0["status"] = "postponed" }
        }
        expectError(#"plan.json: sessions[2].mode: "hybrid" is not one of "physical", "digital""#) {
            editSession(&$0, 2) { $0["mode"] = "hybrid" }
        }
        expectError(#"plan.json: sessions[0].kind: "party" is not one of "training", "event""#) {
            editSession(&$0, 0) { $0["kind"] = "party" }
        }
        expectError(#"plan.json: solver.status: "great" is not one of "optimal", "feasible", "time-limit", "stopped", "infeasible", "error", "not-solved""#) {
            var solver = $0["solver"] as? [String: Any] ?? [:]
            solver["status"] = "great"
            $0["solver"] = solver
        }
    }

    @Test func missingAndUnknownFields() {
        expectError(#"plan.json: sessions[1]: missing field "hours""#) { editSession(&$0, 1) { $0["hours"] = nil } }
        expectError(#"plan.json: missing field "municipalities""#) { $0["municipalities"] = nil }
        expectError(#"plan.json: sessions[1]: unknown field "colour" (known: id, kind, course, title, date, start, end, hours, venue, mode, leaders, frozen, status, seats, countyPart, series, sequence, attendingMunicipalities, groupSeats, reserved, cancelledIn, attendance)"#) {
            editSession(&$0, 1) { $0["colour"] = "red" }
        }
    }

    @Test func wrongTypes() {
        expectError(#"plan.json: sessions[1].hours: expected a number, found "six""#) { editSession(&$0, 1) { $0["hours"] = "six" } }
        expectError("plan.json: sessions[1].frozen: expected true or false, found a number (1)") {
            editSession(&$0, 1) { $0["frozen"] = 1 }
        }
        expectError("plan.json: sessions[1].sequence: expected a whole number, found true") {
            editSession(&$0, 1) { $0["sequence"] = true }
        }
        expectError("plan.json: sessions[1].leaders[0]: expected a string, found a number (7)") {
            editSession(&$0, 1) { $0["leaders"] = [7] }
        }
        expectError("plan.json: sessions: expected an array, found an object") { $0["sessions"] = ["a": 1] }
        expectError("plan.json: period.start: expected a string, found null") {
            $0["period"] = ["start": NSNull(), "end": "2026-05-31"]
        }
    }

    @Test func badSeats() {
        expectError(#"plan.json: sessions[2].seats["Aneby"]: -8 is negative"#) { editSession(&$0, 2) { $0["seats"] = ["Aneby": -8] } }
        expectError(#"plan.json: sessions[2].seats["Aneby"]: 2.5 is not a whole number"#) {
            editSession(&$0, 2) { $0["seats"] = ["Aneby": 2.5] }
        }
    }

    @Test func badSeries() {
        expectError("plan.json: sessions[5].series.meeting: meeting 3 of 2 is not a meeting of the series") {
            editSession(&$0, 5) {
                var s = $0["series"] as? [String: Any] ?? [:]
                s["meeting"] = 3
                $0["series"] = s
            }
        }
    }

    @Test func duplicateSessionIDs() {
        expectError(#"plan.json: sessions[3]: session id "MI-hoglandet-1" appears twice (ids must be unique: they are calendar UIDs)"#) {
            editSession(&$0, 3) { $0["id"] = "MI-hoglandet-1" }
        }
    }

    @Test func cofinancingMustMatchHoursTimesRate() {
        expectError("plan.json: municipalities[0].cofinancingKr: 1 is not plannedHours × rateKrPerHour (24186)") {
            var list = $0["municipalities"] as? [[String: Any]] ?? []
            list[0]["cofinancingKr"] = 1
            $0["municipalities"] = list
        }
    }

    @Test func wrongFormatVersion() {
        expectError(#"plan.json: format: "tidsplan-plan/0" is not a supported format (expected "tidsplan-plan/2" or "tidsplan-plan/1")"#) {
            $0["format"] = "tidsplan-plan/0"
        }
    }

    @Test func notJSONAtAll() {
        for text in ["", "{", "plan", "{\"format\": }", "[1,2", "{\"a\": 1e400}"] {
            do {
                _ = try PlanJSONReader.decode(text, file: "plan.json")
                Issue.record("\(text.debugDescription) was accepted")
            } catch {
                #expect(error.description.hasPrefix("plan.json: is not valid JSON"))
            }
        }
        expectErrorText("[]", "plan.json: expected an object, found an array")
        expectErrorText("\"plan\"", #"plan.json: expected an object, found "plan""#)
    }

    // MARK: helpers

    /// Decodes the sample plan's JSON, lets `change` edit it, and expects exactly `message`.
    private func expectError(_ message: String, sourceLocation: SourceLocation = #_sourceLocation,
                             _ change: (inout [String: Any]) -> Void) {
        let original = PlanJSONWriter.encode(SamplePlan.plan)
        guard var root = (try? JSONSerialization.jsonObject(with: Data(original.utf8))) as? [String: Any] else {
            Issue.record("sample plan.json did not parse", sourceLocation: sourceLocation)
            return
        }
        change(&root)
        guard let data = try? JSONSerialization.data(withJSONObject: root) else {
            Issue.record("could not serialise the changed plan", sourceLocation: sourceLocation)
            return
        }
        expectErrorText(String(decoding: data, as: UTF8.self), message, sourceLocation: sourceLocation)
    }

    private func expectErrorText(_ text: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try PlanJSONReader.decode(text, file: "plan.json")
            Issue.record("accepted; expected: \(message)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == message, sourceLocation: sourceLocation)
        }
    }
}

/// The session at `index` in a parsed plan.json, editable in place.
private func editSession(_ root: inout [String: Any], _ index: Int, _ edit: (inout [String: Any]) -> Void) {
    var sessions = root["sessions"] as? [[String: Any]] ?? []
    edit(&sessions[index])
    root["sessions"] = sessions
}
