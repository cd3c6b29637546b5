import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C during a long solve. This is the one slow test of the suite (5–10 s): it needs a solve
/// that is still running when the signal comes, so it uses the real default scenario (a full solve
/// takes about a minute) and interrupts it after 3 s.
@Suite struct InterruptedSolveTests {
    @Test func ctrlCDuringASolveWritesAValidPlanOrLeavesThePreviousOutput() throws {
        let work = try TempFolder("sigint")
        // A previous output in the folder the interrupted run would replace.
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        let before = FolderSnapshot(work.file("out"))

        let running = try TidsplanCLI.start(["plan", TestScenarios.default2024, "--out", "out", "--quiet"], cwd: work.path)
        usleep(3_000_000)
        running.interrupt()
        // Bounded, not timed: the limit only tells a hang from a slow machine.
        let result = running.wait(timeout: 60)
        #expect(!result.timedOut, "still running 60 s after SIGINT: \(result.transcript)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(result.transcript)")
        #expect(folderEntries(work.path) == ["out"], "temporary folders left behind: \(folderEntries(work.path))")

        let after = FolderSnapshot(work.file("out"))
        if after == before {
            // Nothing written: the run must not claim success (dying of the SIGINT itself is fine).
            let killedBySIGINT = result.signalled && result.status == SIGINT
            #expect(killedBySIGINT || (!result.signalled && result.status != 0),
                    "the previous output was kept, but the run reported success: \(result.transcript)")
        } else {
            // A plan was written: the run succeeded and the plan keeps every rule.
            #expect(!result.signalled && result.status == 0, "\(result.transcript)")
            let verify = try TidsplanCLI.run(["verify", TestScenarios.default2024, "out/plan.json"], cwd: work.path)
            #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)")
            // "The best plan so far" must be a plan: not an empty one written because none was found
            // yet, which replaces the previous output with nothing and still exits 0.
            let plan = try PlanFile(work.file("out/plan.json"))
            #expect(["optimal", "feasible"].contains(plan.solverStatus ?? "") && !plan.plannedTraining.isEmpty,
                    "status \(plan.solverStatus ?? "none"), \(plan.plannedTraining.count) sessions\n\(result.stdout)")
        }
    }
}
