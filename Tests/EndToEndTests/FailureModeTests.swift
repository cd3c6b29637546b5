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
        let result = try TidsplanCLI.run(["plan", TestScenarios.default2024, "--out", out, "--quiet"], cwd: work.path, timeout: 20)
        #expect(result.status == 1 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stderr.contains(message), "\(result.transcript)")
        #expect(fileText(work.file("afile")) == "keep me")
        #expect(folderEntries(work.path) == ["afile"])
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
