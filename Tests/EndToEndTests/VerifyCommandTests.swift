import Foundation
import Testing

/// `tidsplan verify` on hand-edited plans: a broken rule is named and exits 1; a broken file is a
/// clear error with a non-zero exit, never a crash.
@Suite struct VerifyCommandTests {
    /// Plans the small county into `work/out` and returns the plan as JSON.
    private func plannedSmallCounty(_ work: TempFolder) throws -> JSONValue {
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        return try JSONValue.parse(file: work.file("out/plan.json"))
    }

    /// The plan with its first training session's field set to `value`; returns the plan, the session's index and id.
    private func editFirstTraining(_ plan: JSONValue, _ field: String, to value: JSONValue) throws -> (JSONValue, Int, String) {
        var sessions = try #require(plan["sessions"]?.array)
        let index = try #require(sessions.firstIndex { $0["kind"]?.string == "training" })
        let id = try #require(sessions[index]["id"]?.string)
        sessions[index][field] = value
        var edited = plan
        edited["sessions"] = .array(sessions)
        return (edited, index, id)
    }

    @Test(arguments: [
        ("2025-03-16", "a Sunday"),
        ("2025-05-01", "första maj, a public holiday"),
        ("2025-02-25", "inside the scenario's Sportlov blackout"),
    ])
    func aSessionMovedToAClosedDayBreaksTheWorkingDayRule(_ date: String, _ why: String) throws {
        let work = try TempFolder("verify")
        let (edited, _, id) = try editFirstTraining(try plannedSmallCounty(work), "date", to: .string(date))
        let path = try work.write("edited.json", edited.text)
        let result = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, path], cwd: work.path)
        #expect(result.status == 1 && result.endedCleanly, "\(why): \(result.transcript)")
        let line = result.stdout.components(separatedBy: "\n").first { $0.contains("[working-day]") && $0.contains(id) }
        #expect(line?.contains(date) == true, "\(why): the violation names the rule, the session and the date: \(result.transcript)")
    }

    /// Fixed events and follow-up surveys keep their own rules (issue 20: the steering group moved to a holiday
    /// used to pass): the `events` rule names the event, the date and what is wrong.
    @Test(arguments: [
        ("styrgrupp-1", "2025-04-18", ["not where the scenario puts it: 2025-03-06", "långfredagen"]),
        ("styrgrupp-1", "2025-03-07", ["not where the scenario puts it: 2025-03-06"]),
    ])
    func aFixedEventMovedBreaksTheEventsRule(_ id: String, _ date: String, _ says: [String]) throws {
        let work = try TempFolder("verify-events")
        let plan = try plannedSmallCounty(work)
        var sessions = try #require(plan["sessions"]?.array)
        let index = try #require(sessions.firstIndex { $0["id"]?.string == id }, "the small county has no \(id)")
        sessions[index]["date"] = .string(date)
        var edited = plan
        edited["sessions"] = .array(sessions)
        let path = try work.write("edited.json", edited.text)
        let result = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, path, "--lang", "en"], cwd: work.path)
        #expect(result.status == 1 && result.endedCleanly, "\(result.transcript)")
        let lines = result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("[events]") && $0.contains(id) && $0.contains(date) }
        for text in says { #expect(lines.contains { $0.contains(text) }, "\(text): \(result.transcript)") }
    }

    /// A survey sent on a Sunday is named too (the re-plan county sends follow-up surveys).
    @Test func aSurveyOnASundayBreaksTheEventsRule() throws {
        let work = try TempFolder("verify-survey")
        let scenario = TidsplanCLI.packageFile("scenarios/tests/replan-county.yaml")
        let planned = try TidsplanCLI.run(["plan", scenario, "--out", "out", "--quiet"], cwd: work.path)
        #expect(planned.status == 0 && planned.endedCleanly, "\(planned.transcript)")
        let plan = try JSONValue.parse(file: work.file("out/plan.json"))
        var sessions = try #require(plan["sessions"]?.array)
        let index = try #require(sessions.firstIndex { ($0["id"]?.string ?? "").hasPrefix("uppfoljning-") }, "the small county plans no survey")
        let id = try #require(sessions[index]["id"]?.string)
        sessions[index]["date"] = .string("2025-05-18")
        var edited = plan
        edited["sessions"] = .array(sessions)
        let path = try work.write("edited.json", edited.text)
        let result = try TidsplanCLI.run(["verify", scenario, path, "--lang", "en"], cwd: work.path)
        #expect(result.status == 1 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stdout.contains("[events] \(id) on 2025-05-18 (weekend) is not a working day"), "\(result.transcript)")
        let swedish = try TidsplanCLI.run(["verify", scenario, path], cwd: work.path)
        #expect(swedish.stdout.contains("[events] \(id) den 2025-05-18 (helg) är ingen arbetsdag"), "\(swedish.transcript)")
    }

    @Test func anUneditedRoundTripStillVerifies() throws {
        // Guards the tests above: re-serialising the plan by itself changes nothing the verifier cares about.
        let work = try TempFolder("verify")
        let plan = try plannedSmallCounty(work)
        let path = try work.write("same.json", plan.text)
        let result = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, path], cwd: work.path)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
    }

    @Test(arguments: [
        ("date", JSONValue.string("2025-02-30"), "2025-02-30"),
        ("date", JSONValue.string("next tuesday"), "next tuesday"),
        ("hours", JSONValue.string("three"), "three"),
        ("start", JSONValue.string("25:00"), "25:00"),
        ("seats", JSONValue.array([.number(1)]), "seats"),
    ])
    func aBrokenFieldIsAClearErrorNotACrash(_ field: String, _ value: JSONValue, _ quoted: String) throws {
        let work = try TempFolder("verify")
        let (edited, index, _) = try editFirstTraining(try plannedSmallCounty(work), field, to: value)
        let path = try work.write("broken.json", edited.text)
        let result = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, path], cwd: work.path)
        #expect(result.endedCleanly, "\(result.transcript)")
        #expect(result.status != 0, "\(result.transcript)")
        // The message says where: the file, the session and the field.
        let message = result.stderr + result.stdout
        #expect(message.contains("broken.json") && message.contains("sessions[\(index)].\(field)") && message.contains(quoted),
                "\(result.transcript)")
    }

    @Test(arguments: [
        ("truncated", "{\"scenario\": \"small-county\", \"sessions\": ["),
        ("not-json", "plan.json, but written by hand\n"),
        ("empty", ""),
        ("a-list", "[1, 2, 3]"),
    ])
    func aPlanFileThatIsNotAPlanIsAClearError(_ name: String, _ text: String) throws {
        let work = try TempFolder("verify")
        let path = try work.write("\(name).json", text)
        let result = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, path], cwd: work.path)
        #expect(result.endedCleanly, "\(result.transcript)")
        #expect(result.status != 0, "\(result.transcript)")
        #expect(result.stderr.contains("\(name).json"), "\(result.transcript)")
    }
}
