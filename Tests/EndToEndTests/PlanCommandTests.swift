import Foundation
import Testing

/// `tidsplan plan` on the small test scenario: every output is written, the plan is optimal and keeps
/// every rule by the independent verifier, and the same input gives the same bytes.
@Suite struct PlanCommandTests {
    @Test func writesEveryOutputAndAnOptimalVerifiedPlan() throws {
        let work = try TempFolder("plan")
        let result = try TestScenarios.planSmallCounty(out: "out", in: work.path)
        for file in ["plan.json", "timetable.csv", "timetable.md", "courses.csv", "report.html", "calendars/all.ics", "run.json"] {
            #expect(FileManager.default.fileExists(atPath: work.file("out/" + file)), "missing \(file)")
        }
        #expect(result.stdout.contains("Läge: optimal"), "the summary says whether the plan is optimal: \(result.stdout)")
        // HP is for everyone (44 persons, at most 40 a session): every person gets a place, in two runs.
        #expect(fileText(work.file("out/courses.csv"))?.contains("\nHP,Horisontella principer,kurs,Horisontella principer,som begärt,2,,2,44,44,132,") == true)

        let plan = try PlanFile(work.file("out/plan.json"))
        #expect(plan.json["scenario"]?.string == TestScenarios.smallCountyID)
        #expect(plan.solverStatus == "optimal")
        #expect(!plan.plannedTraining.isEmpty)
        // The plan's own hour figures agree with its sessions (participants × hours, summed).
        #expect(plan.hoursAgreeWithSessions, "\(plan.plannedHours) against \(plan.hoursFromSessions)")
        // The small county's quotas can all be met exactly (multiples of 3 hours, enough seats).
        #expect(plan.plannedHours == ["Åby": 120, "Norrköpinge": 102, "Öberga": 120, "Sörby": 102])
        // A calendar per leader, municipality and venue, besides all.ics.
        let calendars = FolderSnapshot(work.file("out/calendars")).files.keys.sorted()
        // (2 leaders, 4 municipalities, 3 venues in the scenario; file names are the outputs' business.)
        #expect(calendars.filter { $0.hasPrefix("leaders/") }.count == 2, "\(calendars)")
        #expect(calendars.filter { $0.hasPrefix("municipalities/") }.count == 4, "\(calendars)")
        #expect(calendars.filter { $0.hasPrefix("venues/") }.count == 3, "\(calendars)")
        #expect(calendars.allSatisfy { $0.hasSuffix(".ics") && $0.unicodeScalars.allSatisfy { $0.isASCII } }, "\(calendars)")

        let verify = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "out/plan.json"], cwd: work.path)
        #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)")
    }

    @Test func theSameScenarioGivesAByteIdenticalPlan() throws {
        let work = try TempFolder("plan")
        // plan.json records the calendars' LAST-MODIFIED (its series), which is the clock's: pinned here.
        try TestScenarios.planSmallCounty(out: "first", in: work.path, environment: TestScenarios.fixedNow)
        try TestScenarios.planSmallCounty(out: "second", in: work.path, environment: TestScenarios.fixedNow)
        let first = try #require(FileManager.default.contents(atPath: work.file("first/plan.json")))
        let second = try #require(FileManager.default.contents(atPath: work.file("second/plan.json")))
        #expect(!first.isEmpty && first == second)
    }

    /// With the time stamp pinned, calendars (and every other output but the run's timings) repeat byte for byte.
    @Test func aPinnedTimeStampGivesByteIdenticalCalendars() throws {
        let work = try TempFolder("plan")
        try TestScenarios.planSmallCounty(out: "first", in: work.path, environment: TestScenarios.fixedNow)
        try TestScenarios.planSmallCounty(out: "second", in: work.path, environment: TestScenarios.fixedNow)
        let first = FolderSnapshot(work.file("first")), second = FolderSnapshot(work.file("second"))
        #expect(!first.files(under: "calendars/").isEmpty)
        #expect(first.files(under: "calendars/") == second.files(under: "calendars/"))
        #expect(first.folders == second.folders)
        for (path, bytes) in first.files where path != "run.json" {
            #expect(second.files[path] == bytes, "\(path) differs between two runs with the same input")
        }
        let stamp = try #require(fileText(work.file("first/calendars/all.ics")))
        #expect(stamp.contains("DTSTAMP:20260115T120000Z"))
    }

    @Test
    func theCalendarsPassIcsCheck() throws {
        let work = try TempFolder("plan")
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        let calendars = work.file("out/calendars")
        let files = ICSCheck.count(in: calendars)
        #expect(files >= 10)
        try ICSCheck.expectPasses([calendars], files: files)
    }

    /// Without --out the plan goes to output/<scenario id> under the working folder.
    @Test func theDefaultOutputFolderIsNamedAfterTheScenario() throws {
        let work = try TempFolder("plan")
        let result = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--quiet"], cwd: work.path)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        #expect(folderEntries(work.path) == ["output"])
        #expect(folderEntries(work.file("output")) == [TestScenarios.smallCountyID])
        #expect(FileManager.default.fileExists(atPath: work.file("output/small-county/plan.json")))
    }
}
