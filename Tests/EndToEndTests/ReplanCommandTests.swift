import Foundation
import Testing

/// `tidsplan replan` when a municipality leaves mid-project: the past stays exactly as it was, the
/// municipality is seated nowhere afterwards, the result verifies, and the calendars update the old ones.
@Suite struct ReplanCommandTests {
    static let asOf = "2025-03-31"

    /// Plans the small county into `work/old`, then re-plans it without `withdraw` into `work/new`.
    /// `options` go to both commands (e.g. planning by area).
    private func planThenWithdraw(_ withdraw: String, in work: TempFolder, environment: [String: String] = [:],
                                  options: [String] = []) throws -> CommandResult {
        let first = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--out", "old", "--quiet"] + options,
                                        cwd: work.path, environment: environment)
        #expect(first.status == 0 && first.endedCleanly, "\(first.transcript)")
        return try TidsplanCLI.run(["replan", TestScenarios.smallCounty, "--previous", "old/plan.json", "--as-of", Self.asOf,
                                 "--withdraw", withdraw, "--out", "new", "--quiet"] + options, cwd: work.path, environment: environment)
    }

    /// The frozen past, the withdrawal and the plan's own arithmetic, checked on plan.json as plain JSON.
    private func expectPastKeptAndWithdrawn(_ name: String, work: TempFolder,
                                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let old = try PlanFile(work.file("old/plan.json")), new = try PlanFile(work.file("new/plan.json"))
        func date(_ s: JSONValue) -> String { s["date"]?.string ?? "" }
        let oldPast = old.sessions.filter { date($0) <= Self.asOf }
        let newPast = new.sessions.filter { date($0) <= Self.asOf }
        #expect(!oldPast.isEmpty, "the test needs sessions before \(Self.asOf)", sourceLocation: sourceLocation)
        // Nothing added to, removed from or changed in the past; only the frozen mark is new.
        #expect(Set(newPast.compactMap { $0["id"]?.string }) == Set(oldPast.compactMap { $0["id"]?.string }),
                sourceLocation: sourceLocation)
        let newByID = Dictionary(newPast.map { ($0["id"]?.string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for before in oldPast {
            let id = before["id"]?.string ?? ""
            let after = try #require(newByID[id], "\(id) is gone", sourceLocation: sourceLocation)
            #expect(after.removing("frozen") == before.removing("frozen"), "\(id) changed:\n\(before.text)\n\(after.text)",
                    sourceLocation: sourceLocation)
            #expect(after["frozen"]?.bool == true, "\(id) is not marked frozen", sourceLocation: sourceLocation)
        }
        // The withdrawn municipality is seated in no planned session after the date.
        let seatedAfter = new.plannedTraining.filter { date($0) > Self.asOf && ($0["seats"]?[name]?.number ?? 0) > 0 }
        #expect(seatedAfter.isEmpty, "\(name) still seated in \(seatedAfter.compactMap { $0["id"]?.string })",
                sourceLocation: sourceLocation)
        // Its hours are exactly what it attended up to the date.
        let heldHours = old.plannedTraining.filter { date($0) <= Self.asOf }
            .reduce(0.0) { $0 + ($1["seats"]?[name]?.number ?? 0) * ($1["hours"]?.number ?? 0) }
        #expect(new.plannedHours[name] == heldHours, sourceLocation: sourceLocation)
        #expect(new.hoursAgreeWithSessions, "\(new.plannedHours) against \(new.hoursFromSessions)", sourceLocation: sourceLocation)
    }

    @Test func withdrawingAMunicipalityKeepsThePastAndSeatsItNoMore() throws {
        let work = try TempFolder("replan")
        let result = try planThenWithdraw("Norrköpinge", in: work)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        try expectPastKeptAndWithdrawn("Norrköpinge", work: work)

        let verify = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "new/plan.json",
                                       "--previous", "old/plan.json", "--as-of", Self.asOf], cwd: work.path)
        #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)")

        for report in ["changes.md", "changes.csv"] {
            let text = fileText(work.file("new/" + report)) ?? ""
            #expect(text.contains("Norrköpinge"), "\(report) is missing or does not mention the withdrawn municipality")
        }
        for file in ["plan.json", "timetable.csv", "timetable.md", "report.html", "calendars/all.ics", "run.json"] {
            #expect(FileManager.default.fileExists(atPath: work.file("new/" + file)), "missing \(file)")
        }
    }

    /// A plan made by area (one per county part) is re-planned by area: the same guarantees hold.
    @Test func aPlanMadeByAreaIsReplannedByArea() throws {
        let work = try TempFolder("replan-areas")
        let result = try planThenWithdraw("Norrköpinge", in: work, options: ["--decompose", "on", "--area-persons", "30"])
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stdout.contains("en plan gjord i 2 områden"), "\(result.stdout)")
        try expectPastKeptAndWithdrawn("Norrköpinge", work: work)
        let verify = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "new/plan.json",
                                          "--previous", "old/plan.json", "--as-of", Self.asOf], cwd: work.path)
        #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)")
        try ICSCheck.expectPasses([work.file("new/calendars"), "--against", work.file("old/calendars")],
                                  files: ICSCheck.count(in: work.file("new/calendars")))
    }

    @Test func theNewCalendarsUpdateTheOldOnes() throws {
        let work = try TempFolder("replan")
        let result = try planThenWithdraw("Norrköpinge", in: work)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        let calendars = work.file("new/calendars")
        try ICSCheck.expectPasses([calendars, "--against", work.file("old/calendars")], files: ICSCheck.count(in: calendars))
    }

    /// The same withdrawal written into the scenario and planned with `plan --previous` gives the same result.
    @Test func aWithdrawalInTheScenarioFileGivesTheSameReplan() throws {
        let work = try TempFolder("replan")
        let result = try planThenWithdraw("Norrköpinge", in: work, environment: TestScenarios.fixedNow)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")

        let original = try #require(fileText(TestScenarios.smallCounty))
        let marker = "  - name: Norrköpinge\n"
        #expect(original.components(separatedBy: marker).count == 2)
        let withdrawn = try work.write("withdrawn.yaml", original.replacingOccurrences(
            of: marker, with: marker + "    withdrawal: 2025-04-01\n"))
        let viaPlan = try TidsplanCLI.run(["plan", withdrawn, "--previous", "old/plan.json", "--as-of", Self.asOf,
                                        "--out", "via-plan", "--quiet"], cwd: work.path, environment: TestScenarios.fixedNow)
        #expect(viaPlan.status == 0 && viaPlan.endedCleanly, "\(viaPlan.transcript)")

        let replanned = FolderSnapshot(work.file("new")), planned = FolderSnapshot(work.file("via-plan"))
        #expect(Set(replanned.files.keys) == Set(planned.files.keys))
        // changes.md differs by one line: replan also counts what planning from scratch would change.
        for (path, bytes) in replanned.files where path != "run.json" && path != "changes.md" {
            #expect(planned.files[path] == bytes, "\(path) differs between replan --withdraw and a withdrawal date in the scenario")
        }
    }

    /// Öberga shares the southern MI sessions with Sörby. Withdrawn after the first one, Sörby's 5
    /// remaining MI participants would be left alone in the second, below the course's minimum of 6: the
    /// re-plan must cancel or refill that session (it once kept it, and failed its own verification).
    @Test func withdrawingAPartnerThatLeavesASessionTooSmallStillVerifies() throws {
        let work = try TempFolder("replan")
        let result = try planThenWithdraw("Öberga", in: work)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        try expectPastKeptAndWithdrawn("Öberga", work: work)
        let verify = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "new/plan.json",
                                       "--previous", "old/plan.json", "--as-of", Self.asOf], cwd: work.path)
        #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)")
    }
}
