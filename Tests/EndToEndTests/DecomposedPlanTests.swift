import Foundation
import Testing

/// `tidsplan plan --decompose on` on the small county cut into two areas (one per county part): the plan
/// keeps every rule by the independent verifier, says it was made in areas, its calendars pass
/// ics-check, and it repeats byte for byte.
@Suite struct DecomposedPlanTests {
    static let byArea = ["--decompose", "on", "--area-persons", "30"]

    @Test func planningByAreaGivesAVerifiedRepeatablePlan() throws {
        let work = try TempFolder("areas")
        for out in ["first", "second"] {
            let r = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--out", out, "--quiet"] + Self.byArea,
                                        cwd: work.path, environment: TestScenarios.fixedNow)
            #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)")
            #expect(r.stdout.contains("en plan gjord i 2 områden efter varandra"), "\(r.stdout)")
            #expect(r.stdout.contains("Kontrollerad: planen följer alla hårda regler"), "\(r.stdout)")
        }
        let plan = try PlanFile(work.file("first/plan.json"))
        #expect(plan.json["solver"]?["areas"]?.number == 2)
        #expect(plan.json["solver"]?["gap"] == .null, "no gap is claimed for a plan made in areas")
        #expect(plan.hoursAgreeWithSessions)
        #expect(!plan.plannedTraining.isEmpty)
        let verify = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "first/plan.json"], cwd: work.path)
        #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)")
        let first = FolderSnapshot(work.file("first")), second = FolderSnapshot(work.file("second"))
        for (path, bytes) in first.files where path != "run.json" {
            #expect(second.files[path] == bytes, "\(path) differs between two runs with the same input")
        }
        let run = try #require(fileText(work.file("first/run.json")))
        #expect(run.contains("area 1/2 (Norra;") && run.contains("area 2/2 (Södra;"), "\(run)")
    }

    @Test
    func calendarsOfAPlanMadeInAreasPassIcsCheck() throws {
        let work = try TempFolder("areas-ics")
        let r = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--out", "out", "--quiet"] + Self.byArea, cwd: work.path)
        #expect(r.status == 0, "\(r.transcript)")
        try ICSCheck.expectPasses([work.file("out/calendars")], files: ICSCheck.count(in: work.file("out/calendars")))
    }

    @Test func aBadDecomposeValueIsRefusedWithTheChoices() throws {
        let work = try TempFolder("areas-bad")
        let r = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--out", "out", "--decompose", "sometimes"], cwd: work.path)
        #expect(r.status != 0 && r.endedCleanly)
        #expect(r.stderr.contains("--decompose ska vara auto, off eller on"), "\(r.transcript)")
        #expect(!FileManager.default.fileExists(atPath: work.file("out")))
    }
}
