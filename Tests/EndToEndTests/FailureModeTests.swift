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
