import Foundation
import Testing

/// The solve's budgets are nodes, not seconds: two plans solved side by side (each slowing the other down)
/// come out byte for byte the same. And a short `--time-limit` still gives a plan that keeps every rule.
@Suite struct SolverBudgetTests {
    static let defaultScenario = TidsplanCLI.packageFile("scenarios/rakna-med-oss-2024.yaml")

    /// The default scenario, twice at once on a machine that also runs the rest of the suite: every search phase
    /// runs under load, and a budget counted in seconds anywhere would show as a different plan.
    @Test func twoDefaultPlansSolvedSideBySideAreByteIdentical() throws {
        let work = try TempFolder("side-by-side")
        let runs = try ["first", "second"].map {
            // The calendars' LAST-MODIFIED (recorded in plan.json) is the clock's: pinned, as the two end at different times.
            try TidsplanCLI.start(["plan", Self.defaultScenario, "--out", $0, "--quiet", "--time-limit", "3000"], cwd: work.path,
                                  environment: TestScenarios.fixedNow)
        }
        for result in runs.map({ $0.wait(timeout: 1200) }) {
            #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        }
        let first = try #require(FileManager.default.contents(atPath: work.file("first/plan.json")))
        let second = try #require(FileManager.default.contents(atPath: work.file("second/plan.json")))
        #expect(!first.isEmpty && first == second, "plans solved side by side differ")
        let plan = try PlanFile(work.file("first/plan.json"))
        #expect(!plan.plannedTraining.isEmpty)
    }

    /// Five seconds are far too few for the default scenario's search: the plan is then the best found so far,
    /// at worst the start plan (nothing new, every shortfall reported), never "no plan".
    @Test func aFiveSecondTimeLimitStillGivesAVerifiedPlan() throws {
        let work = try TempFolder("time-limit")
        let result = try TidsplanCLI.run(["plan", Self.defaultScenario, "--out", "out", "--quiet", "--time-limit", "5"],
                                         cwd: work.path, timeout: 120)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        let plan = try PlanFile(work.file("out/plan.json"))
        #expect(plan.solverStatus == "feasible", "\(plan.solverStatus ?? "no status")")
        let verify = try TidsplanCLI.run(["verify", Self.defaultScenario, "out/plan.json"], cwd: work.path, timeout: 120)
        #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)")
    }
}
