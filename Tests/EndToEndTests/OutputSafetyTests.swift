import Foundation
import Testing

/// A run that fails must leave the previous output exactly as it was, with no temporary folders
/// beside it; a run that succeeds may write into any new or previous output folder.
@Suite struct OutputSafetyTests {
    /// A work folder holding a finished plan in `out/` and a copy of its plan.json outside it.
    private func previousOutput() throws -> (TempFolder, FolderSnapshot) {
        let work = try TempFolder("safety")
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        try FileManager.default.copyItem(atPath: work.file("out/plan.json"), toPath: work.file("previous.json"))
        let snapshot = FolderSnapshot(work.file("out"))
        #expect(snapshot.files["plan.json"] != nil)
        return (work, snapshot)
    }

    private func expectUntouched(_ work: TempFolder, _ before: FolderSnapshot, after result: CommandResult,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status != 0 && result.endedCleanly, "\(result.transcript)", sourceLocation: sourceLocation)
        #expect(FolderSnapshot(work.file("out")) == before, "the previous output changed", sourceLocation: sourceLocation)
        #expect(folderEntries(work.path) == ["out", "previous.json"], "left behind: \(folderEntries(work.path))",
                sourceLocation: sourceLocation)
    }

    @Test func anUnknownMunicipalityInWithdrawLeavesThePreviousOutput() throws {
        let (work, before) = try previousOutput()
        let result = try TidsplanCLI.run(["replan", TestScenarios.smallCounty, "--previous", "previous.json", "--as-of", "2025-03-31",
                                       "--withdraw", "Norrkopinge", "--out", "out", "--quiet"], cwd: work.path)
        expectUntouched(work, before, after: result)
        // In the run's language (Swedish by default), and the sentence ends once ("?", not "?.").
        #expect(result.stderr.contains("menade du \"Norrköpinge\"? Kända:"), "\(result.transcript)")
        let english = try TidsplanCLI.run(["replan", TestScenarios.smallCounty, "--previous", "previous.json", "--as-of", "2025-03-31",
                                           "--withdraw", "Norrkopinge", "--out", "out", "--quiet", "--lang", "en"], cwd: work.path)
        expectUntouched(work, before, after: english)
        #expect(english.stderr.contains("did you mean \"Norrköpinge\"? Known:") && !english.stderr.contains("?."), "\(english.transcript)")
    }

    @Test func aScenarioWithErrorsLeavesThePreviousOutput() throws {
        let (work, before) = try previousOutput()
        let original = try #require(fileText(TestScenarios.smallCounty))
        let broken = try TempFolder("safety-input")
        let path = try broken.write("broken.yaml", original.replacingOccurrences(of: "courses: [MIX]", with: "courses: [MIKS]"))
        let result = try TidsplanCLI.run(["plan", path, "--out", "out", "--quiet"], cwd: work.path)
        expectUntouched(work, before, after: result)
        #expect(result.stderr.contains("MIKS"), "the error is shown: \(result.transcript)")
    }

    @Test func aPreviousPlanOfAnotherScenarioLeavesThePreviousOutput() throws {
        let (work, before) = try previousOutput()
        let other = try TempFolder("safety-input")
        let renamed = try other.write("other.yaml", try #require(fileText(TestScenarios.smallCounty))
            .replacingOccurrences(of: "id: small-county", with: "id: another-county"))
        let result = try TidsplanCLI.run(["replan", renamed, "--previous", "previous.json", "--as-of", "2025-03-31",
                                       "--withdraw", "Sörby", "--out", "out", "--quiet"], cwd: work.path)
        expectUntouched(work, before, after: result)
    }

    /// A typo in --out must not cost a folder of someone's documents.
    @Test func aFolderOfOtherFilesIsNotReplaced() throws {
        let work = try TempFolder("safety")
        try work.write("Documents/budget.xlsx", "mine")
        let result = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--out", "Documents", "--quiet"], cwd: work.path)
        #expect(result.status != 0 && result.endedCleanly, "\(result.transcript)")
        #expect(FolderSnapshot(work.file("Documents")).files == ["budget.xlsx": Data("mine".utf8)])
        #expect(folderEntries(work.path) == ["Documents"])
    }

    @Test func outMayBeANewNestedFolderAnEmptyFolderOrAPreviousOutput() throws {
        let work = try TempFolder("safety")
        try FileManager.default.createDirectory(atPath: work.file("empty"), withIntermediateDirectories: true)
        for out in ["deep/er/plans", "empty", "deep/er/plans"] {
            let result = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--out", out, "--quiet"], cwd: work.path)
            #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
            #expect(FileManager.default.fileExists(atPath: work.file(out + "/plan.json")), "--out \(out)")
        }
        // The swap leaves nothing beside the output folders.
        #expect(folderEntries(work.path) == ["deep", "empty"])
        #expect(folderEntries(work.file("deep/er")) == ["plans"])
        // An absolute path works as well as a relative one.
        let absolute = work.file("absolute/out")
        let result = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--out", absolute, "--quiet"], cwd: work.path)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        #expect(FileManager.default.fileExists(atPath: absolute + "/plan.json"))
    }

    /// The plan.json in the output folder may itself be the --previous of a run that replaces that folder.
    @Test func replanningInPlaceReadsThePreviousPlanBeforeReplacingIt() throws {
        let work = try TempFolder("safety")
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        let old = try #require(FileManager.default.contents(atPath: work.file("out/plan.json")))
        let result = try TidsplanCLI.run(["replan", TestScenarios.smallCounty, "--previous", "out/plan.json", "--as-of", "2025-03-31",
                                       "--withdraw", "Norrköpinge", "--out", "out", "--quiet"], cwd: work.path)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        let new = try #require(FileManager.default.contents(atPath: work.file("out/plan.json")))
        #expect(new != old)
        #expect(FileManager.default.fileExists(atPath: work.file("out/changes.md")))
        #expect(folderEntries(work.path) == ["out"])
    }
}
