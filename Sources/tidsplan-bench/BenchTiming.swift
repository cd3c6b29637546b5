import Foundation
import GLPKBackend
import LinearModel
import Tidsplan
import TidsplanCore
import TidsplanIO
import TidsplanModel

/// The timed runs behind `scripts/bench`.
enum BenchTiming {
    /// Load, build, plan, write and verify one scenario, the way `tidsplan plan` does.
    ///
    /// - build: the week model alone (`Planner.weekModel`), timed on its own;
    /// - plan: `Planner.plan` (week model build, the phased GLPK solve, day model, plan assembly);
    /// - write: rendering every output file and replacing the output folder atomically;
    /// - verify: the independent rule check of the plan.
    static func timed(scenario: Scenario, loadSeconds: Double, timeLimit: Double, outDir: String?) throws -> BenchRecord {
        var r = BenchRecord()
        r.set("scenario", scenario.project.id)
        r.set("load", loadSeconds)
        r.set("municipalities", scenario.municipalities.count)
        r.set("persons", scenario.municipalities.reduce(0) { $0 + $1.persons })
        r.set("courses", scenario.courses.count)
        r.set("leaders", scenario.staff.count + scenario.trainers.count)

        let t1 = monotonicSeconds()
        let model = Planner.weekModel(scenario: scenario)
        r.set("build", monotonicSeconds() - t1)
        r.set("columns", model.variables.count)
        r.set("rows", model.constraints.count)
        r.set("nonzeros", model.constraints.reduce(0) { $0 + $1.terms.count })
        r.set("integerColumns", model.variables.filter { $0.kind != .continuous }.count)

        let t2 = monotonicSeconds()
        // As `tidsplan plan` does: the root-bound pass on the second core, beside the search.
        let solvers = GLPKBackend.pool(2)
        var options = PlannerOptions(timeLimit: timeLimit, relativeGap: 0.001)
        options.boundBackend = solvers[1]
        let outcome = try Planner.plan(scenario: scenario, backend: solvers[0], options: options,
                                       clock: { monotonicSeconds() - t2 })
        r.set("plan", monotonicSeconds() - t2)

        let t3 = monotonicSeconds()
        // A fixed time stamp: the bench must not depend on the clock for its output bytes.
        let now = ICalTimestamp(secondsSince1970: 1_767_225_600)
        var files = ExportJob.render(scenario: scenario, plan: outcome.plan, options: ExportOptions(now: now))
        files.append(OutputFile(path: "run.json", text: "{}\n"))
        let dir = outDir ?? NSTemporaryDirectory() + "tidsplan-bench-\(scenario.project.id)"
        try AtomicOutput.replace(directory: dir, with: files)
        r.set("write", monotonicSeconds() - t3)
        r.set("files", files.count)
        r.set("bytes", files.reduce(0) { $0 + $1.bytes.count })

        let t4 = monotonicSeconds()
        let violations = PlanVerifier.verify(plan: outcome.plan, scenario: scenario)
        r.set("verify", monotonicSeconds() - t4)
        r.set("violations", violations.count)

        let plan = outcome.plan
        r.set("status", plan.solver.status.rawValue)
        r.set("objective", plan.solver.objective)
        r.set("bound", plan.solver.bound)
        r.set("gap", plan.solver.gap)
        r.set("termination", String(describing: outcome.statistics.termination))
        r.set("phases", outcome.statistics.phases)
        r.set("rounds", outcome.statistics.rounds)
        r.set("areas", outcome.statistics.areas)
        r.set("nodes", outcome.statistics.nodes)
        r.set("sessions", plan.trainingSessions.count)
        r.set("shortfalls", plan.shortfalls.count)
        let quota = plan.municipalities.reduce(0.0) { $0 + Double($1.quotaHours) }
        let planned = plan.municipalities.reduce(0.0) { $0 + $1.plannedHours }
        r.set("quotaHours", quota)
        r.set("plannedHours", planned)
        // The municipality furthest below its quota, as a share of that quota.
        let worst = plan.municipalities.map { $0.quotaHours > 0 ? $0.plannedHours / Double($0.quotaHours) : 1 }.min()
        r.set("worstQuotaShare", worst)
        return r
    }

    /// The whole week model (the one `export` writes) in one GLPK solve with the planner's settings:
    /// what HiGHS and CBC are given, so the three solvers face the identical model.
    static func fullWeekModel(scenario: Scenario, timeLimit: Double) throws -> BenchRecord {
        var r = BenchRecord()
        r.set("scenario", scenario.project.id)
        let t1 = monotonicSeconds()
        let model = Planner.weekModel(scenario: scenario)
        r.set("build", monotonicSeconds() - t1)
        let integral = model.objective.terms.allSatisfy {
            $0.coefficient == $0.coefficient.rounded() && model[$0.variable].kind != .continuous
        }
        let options = SolveOptions(timeLimit: timeLimit, relativeGap: 0.001, integralObjective: integral)
        let t2 = monotonicSeconds()
        let result = try GLPKBackend().solve(model, options: options, progress: nil)
        r.set("seconds", monotonicSeconds() - t2)
        r.set("termination", String(describing: result.termination))
        r.set("objective", result.solution?.objective)
        r.set("bound", result.bestBound)
        r.set("gap", result.solution?.gap)
        r.set("nodes", result.nodes)
        r.set("constant", model.objective.constant)
        return r
    }
}
