import Foundation
import Testing

/// What a hostile or careless user can do, and what Tidsplan promises then (README, "When things go wrong").
@Suite struct FailureModeTests {
    /// GLPK's own memory limit ends the search: the message names memory, not time, and nothing is written.
    @Test func aMemoryLimitIsNamedAsSuch() throws {
        let work = try TempFolder("memory")
        let result = try TidsplanCLI.run(["plan", TestScenarios.default2024, "--memory-limit", "16", "--out", "out", "--quiet",
                                          "--lang", "en"], cwd: work.path)
        #expect(result.status == 1 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stderr.contains("memory limit (16 MiB)") && result.stderr.contains("--memory-limit"), "\(result.transcript)")
        #expect(!result.stderr.contains("--time-limit"), "\(result.transcript)")
        #expect(folderEntries(work.path).isEmpty)
    }

    /// The planner keeps the time limit by stopping GLPK from its progress callback: that stop is the time
    /// limit, not an interrupt. The start plan (nothing new planned) always exists, so a plan is written, and
    /// run.json says the time limit ended the search.
    @Test func aTimeLimitIsNotCalledAnInterrupt() throws {
        let work = try TempFolder("time")
        let result = try TidsplanCLI.run(["plan", TestScenarios.default2024, "--time-limit", "1", "--out", "out", "--quiet",
                                          "--lang", "en"], cwd: work.path)
        #expect(result.endedCleanly && result.status == 0, "\(result.transcript)")
        #expect(!result.stdout.contains("interrupted") && !result.stderr.contains("interrupted"), "\(result.transcript)")
        let run = try #require(fileText(work.file("out/run.json")))
        #expect(run.contains("\"termination\": \"timeLimit\""), "\(run)")
    }
}

/// The output folder always holds a complete output, whenever a run is killed; leftovers go with the next run.
@Suite struct OutputSwapTests {
    @Test(arguments: ["before-swap", "after-swap"])
    func aKillDuringTheSwapNeverLosesTheOutput(step: String) throws {
        let work = try TempFolder("swap")
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        let before = FolderSnapshot(work.file("out"))
        let killed = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--out", "out", "--quiet", "--lang", "en"],
                                         cwd: work.path, environment: ["TIDSPLAN_TEST_KILL_AT": step])
        #expect(killed.signalled && killed.status == SIGKILL, "\(killed.transcript)")
        // `out` is there and complete: the old output before the swap, the new one after it.
        let after = FolderSnapshot(work.file("out"))
        #expect(after.files["plan.json"] != nil && after.files["report.html"] != nil)
        if step == "before-swap" { #expect(after == before) }
        #expect(folderEntries(work.path).contains { $0.hasPrefix(".out.") }, "the kill left its temporary folder")
        // The next run cleans up what the killed one left.
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        #expect(folderEntries(work.path) == ["out"])
    }
}

/// A bad `--out` is refused before any solving (the 2024 scenario takes a minute to solve).
@Suite struct OutputLocationTests {
    @Test(arguments: [("afile", "afile exists and is not a folder"), ("afile/sub", "afile exists and is not a folder"),
                      ("/sys/tidsplan-out", "cannot write an output in /sys")])
    func aBadOutputLocationIsRefusedBeforeSolving(out: String, message: String) throws {
        let work = try TempFolder("location")
        try work.write("afile", "keep me")
        let result = try TidsplanCLI.run(["plan", TestScenarios.default2024, "--out", out, "--quiet", "--lang", "en"], cwd: work.path,
                                         timeout: 20)
        #expect(result.status == 1 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stderr.contains(message), "\(result.transcript)")
        #expect(fileText(work.file("afile")) == "keep me")
        #expect(folderEntries(work.path) == ["afile"])
    }

    @Test func theMessageFollowsTheLanguage() throws {
        let work = try TempFolder("location-sv")
        try work.write("afile", "keep me")
        let result = try TidsplanCLI.run(["plan", TestScenarios.default2024, "--out", "afile/sub", "--quiet"], cwd: work.path, timeout: 20)
        #expect(result.status == 1 && result.stderr.contains("afile finns och är inte en mapp"), "\(result.transcript)")
    }
}

/// `export` publishes only plans that keep the rules; `--force` writes one anyway, marked unverified.
@Suite struct ExportVerificationTests {
    /// A planned small county whose first training session is edited (`field` set to `value`), saved as edited.json.
    private func brokenPlan(_ work: TempFolder, _ field: String, _ value: JSONValue) throws -> String {
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        var plan = try JSONValue.parse(file: work.file("out/plan.json"))
        var sessions = try #require(plan["sessions"]?.array)
        let index = try #require(sessions.firstIndex { $0["kind"]?.string == "training" })
        sessions[index][field] = value
        plan["sessions"] = .array(sessions)
        return try work.write("edited.json", plan.text)
    }

    @Test(arguments: [
        ("date", JSONValue.string("2025-03-15"), "working-day"),  // a Saturday
        ("date", .string("2025-12-25"), "working-day"),
        ("venue", .string("nowhere"), "nowhere"),
    ])
    func aRuleBreakingPlanIsNotExported(_ field: String, _ value: JSONValue, _ named: String) throws {
        let work = try TempFolder("export-broken")
        let edited = try brokenPlan(work, field, value)
        let before = FolderSnapshot(work.file("out"))
        let result = try TidsplanCLI.run(["export", TestScenarios.smallCounty, edited, "--out", "out", "--lang", "en"], cwd: work.path)
        #expect(result.status == 3 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stderr.contains("is not published") && result.stderr.contains(named), "\(result.transcript)")
        #expect(FolderSnapshot(work.file("out")) == before)
    }

    @Test func aPlanFileOfAFailedSolveIsNotExported() throws {
        let work = try TempFolder("export-failed")
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        var plan = try JSONValue.parse(file: work.file("out/plan.json"))
        plan["solver"]?["status"] = .string("error")
        let edited = try work.write("edited.json", plan.text)
        let result = try TidsplanCLI.run(["export", TestScenarios.smallCounty, edited, "--out", "other", "--lang", "en"], cwd: work.path)
        #expect(result.status == 3 && result.stderr.contains("the solver found no plan"), "\(result.transcript)")
        #expect(!FileManager.default.fileExists(atPath: work.file("other")))
    }

    @Test func forceWritesItMarkedUnverified() throws {
        let work = try TempFolder("export-force")
        let edited = try brokenPlan(work, "date", .string("2025-03-15"))
        let result = try TidsplanCLI.run(["export", TestScenarios.smallCounty, edited, "--out", "forced", "--force"], cwd: work.path)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stderr.contains("overifierad"), "\(result.transcript)")
        let report = try #require(fileText(work.file("forced/report.html")))
        #expect(report.contains("OVERIFIERAD") && report.contains("[working-day]"))
    }
}

/// `replan` checks the previous plan before solving and names what is wrong in it.
@Suite struct ReplanPreviousCheckTests {
    @Test func aSaturdaySessionInTheFrozenPastIsNamed() throws {
        let work = try TempFolder("replan-check")
        try TestScenarios.planSmallCounty(out: "old", in: work.path)
        var plan = try JSONValue.parse(file: work.file("old/plan.json"))
        var sessions = try #require(plan["sessions"]?.array)
        let index = try #require(sessions.firstIndex { $0["kind"]?.string == "training" && ($0["date"]?.string ?? "") < "2025-03-15" })
        let id = try #require(sessions[index]["id"]?.string)
        sessions[index]["date"] = .string("2025-03-15")  // a Saturday, before --as-of
        plan["sessions"] = .array(sessions)
        try work.write("previous.json", plan.text)
        let result = try TidsplanCLI.run(["replan", TestScenarios.smallCounty, "--previous", "previous.json", "--as-of", "2025-03-31",
                                          "--out", "new", "--quiet", "--lang", "en"], cwd: work.path)
        #expect(result.status == 1 && result.endedCleanly, "\(result.transcript)")
        let named = result.stderr.components(separatedBy: "\n").first { $0.contains("[working-day]") && $0.contains(id) }
        #expect(named?.contains("2025-03-15") == true, "\(result.transcript)")
        #expect(!result.stderr.contains("--time-limit") && !result.stderr.contains("frozen-past"), "\(result.transcript)")
        #expect(folderEntries(work.path) == ["old", "previous.json"])
    }

    @Test func anOversizedPreviousPlanIsRefusedAtOnce() throws {
        let work = try TempFolder("replan-size")
        try work.write("huge.json", Data(repeating: UInt8(ascii: " "), count: 9 * 1024 * 1024))
        let result = try TidsplanCLI.run(["replan", TestScenarios.smallCounty, "--previous", "huge.json", "--as-of", "2025-03-31",
                                          "--out", "new", "--quiet", "--lang", "en"], cwd: work.path, timeout: 20)
        #expect(result.status == 1 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stderr.contains("larger than 8 MB"), "\(result.transcript)")
        #expect(folderEntries(work.path) == ["huge.json"])
    }
}

/// Small things a careless user runs into: each gets a message that says what it is.
@Suite struct InputFileTests {
    @Test func checkRefusesANamedPipeInsteadOfBlocking() throws {
        let work = try TempFolder("fifo")
        #expect(mkfifo(work.file("scenario.yaml"), 0o644) == 0)
        let result = try TidsplanCLI.run(["check", "scenario.yaml"], cwd: work.path, timeout: 20)
        #expect(result.status == 1 && !result.timedOut && result.endedCleanly, "\(result.transcript)")
        #expect(result.stdout.contains("namngivet rör (FIFO)"), "\(result.transcript)")
    }

    @Test func aSymlinkLoopIsNamedAsSuch() throws {
        let work = try TempFolder("loop")
        try FileManager.default.createSymbolicLink(atPath: work.file("a.yaml"), withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: work.file("b.yaml"), withDestinationPath: "a.yaml")
        let result = try TidsplanCLI.run(["check", "a.yaml"], cwd: work.path)
        #expect(result.status == 1 && result.stdout.contains("slinga av symboliska länkar"), "\(result.transcript)")
        let plan = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "b.yaml"], cwd: work.path)
        #expect(plan.status != 0 && plan.stderr.contains("slinga av symboliska länkar"), "\(plan.transcript)")
    }

    @Test func aHugeNegativeQuotaIsNotCalledTooLarge() throws {
        let work = try TempFolder("quota")
        let original = try #require(fileText(TestScenarios.smallCounty))
        let line = try #require(original.components(separatedBy: "\n").first { $0.contains("quotaHours:") })
        let edited = original.replacingOccurrences(of: line, with: line.components(separatedBy: "quotaHours:")[0]
                                                   + "quotaHours: -9223372036854775808")
        try work.write("s.yaml", edited)
        let result = try TidsplanCLI.run(["check", "s.yaml", "--lang", "en"], cwd: work.path)
        #expect(result.status == 1 && result.stdout.contains("-9223372036854775808 is negative and far too small"),
                "\(result.transcript)")
        #expect(!result.stdout.contains("too large"), "\(result.transcript)")
    }

    @Test func aTagThatContradictsAMappingIsRejected() throws {
        let work = try TempFolder("tag")
        let original = try #require(fileText(TestScenarios.smallCounty))
        try work.write("s.yaml", original.replacingOccurrences(of: "\nproject:", with: "\nproject: !!str"))
        let result = try TidsplanCLI.run(["check", "s.yaml", "--lang", "en"], cwd: work.path)
        #expect(result.status == 1 && result.stdout.contains("project is tagged !!str but is a mapping"), "\(result.transcript)")
        let swedish = try TidsplanCLI.run(["check", "s.yaml"], cwd: work.path)
        #expect(swedish.status == 1 && swedish.stdout.contains("projektet är märkt !!str men är en mappning"), "\(swedish.transcript)")
    }

    @Test func aJSONSyntaxErrorInAPlanHasALineNumber() throws {
        let work = try TempFolder("json")
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        let text = try #require(fileText(work.file("out/plan.json")))
        // Drop the comma after the first line that ends with one: the parser stops on the next line.
        var lines = text.components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.hasSuffix(",") })
        lines[i].removeLast()
        try work.write("broken.json", lines.joined(separator: "\n"))
        let result = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "broken.json"], cwd: work.path)
        #expect(result.status != 0 && result.stderr.contains("är inte giltig JSON på rad \(i + 2), kolumn"), "\(result.transcript)")
        let english = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "broken.json", "--lang", "en"], cwd: work.path)
        #expect(english.status != 0 && english.stderr.contains("is not valid JSON at line \(i + 2), column"), "\(english.transcript)")
    }
}
