import Foundation
import GLPKBackend
import LinearModel
import TidsplanCore
import TidsplanIO
import TidsplanModel

/// What `tidsplan plan` and `tidsplan replan` are asked to do.
public struct PlanRequest: Sendable {
    public var scenarioPath: String
    /// Output folder; default `output/<scenario id>`.
    public var outDir: String?
    public var timeLimit: Double?
    public var gap: Double
    public var quiet: Bool
    public var previousPath: String?
    public var asOf: Day?
    public var withdraw: [String]
    public var reduce: [(name: String, hours: Int)]
    public var compensate: Bool
    public var csvDialect: CSVDialect
    public var lang: Language
    /// Also write the week model as MPS and CPLEX LP next to the plan.
    public var exportModel: Bool
    /// Re-planning: also plan from scratch, to show how many sessions that would have changed.
    public var compareWithScratch: Bool = false
    public var memoryLimitMiB: Int?
    /// Plan area by area (see `Decompose`).
    public var decompose: Decompose = .auto
    public var maxAreaPersons: Int = PlanAreas.maxPersons

    public init(scenarioPath: String, outDir: String? = nil, timeLimit: Double? = 120, gap: Double = 0.001,
                quiet: Bool = false, previousPath: String? = nil, asOf: Day? = nil, withdraw: [String] = [],
                reduce: [(name: String, hours: Int)] = [], compensate: Bool = false, csvDialect: CSVDialect = .rfc4180,
                lang: Language = .sv, exportModel: Bool = false, memoryLimitMiB: Int? = nil) {
        self.memoryLimitMiB = memoryLimitMiB
        self.scenarioPath = scenarioPath; self.outDir = outDir; self.timeLimit = timeLimit; self.gap = gap
        self.quiet = quiet; self.previousPath = previousPath; self.asOf = asOf; self.withdraw = withdraw
        self.reduce = reduce; self.compensate = compensate; self.csvDialect = csvDialect; self.lang = lang
        self.exportModel = exportModel
    }
}

/// A job failed for a reason the user can fix; the message says how.
public struct JobError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}

public enum PlanJob {
    /// Runs the whole pipeline and returns the process exit code.
    public static func run(_ request: PlanRequest, console: Console) -> Int32 {
        do {
            let scenario = try ScenarioInput.load(request.scenarioPath, console: console)
            let previous = try request.previousPath.map { try PlanInput.load($0) }
            let outDir = request.outDir ?? "output/\(scenario.project.id)"
            let changed = try ScenarioChanges.apply(withdraw: request.withdraw, reduce: request.reduce,
                                                    asOf: request.asOf, compensate: request.compensate, to: scenario)
            let replan: ReplanContext?
            if let previous {
                guard let asOf = request.asOf ?? previous.asOf else {
                    throw JobError("--previous needs --as-of DATE: the day up to which the previous plan has been held")
                }
                guard previous.scenario == scenario.project.id else {
                    throw JobError("\(request.previousPath ?? ""): the plan is for scenario \"\(previous.scenario)\", not \"\(scenario.project.id)\"")
                }
                replan = ReplanContext(previous: previous, asOf: asOf)
            } else {
                if request.asOf != nil { throw JobError("--as-of needs --previous PLAN.json: the plan to keep up to that date") }
                replan = nil
            }
            let outcome = try solve(changed, request: request, replan: replan, console: console)
            guard outcome.plan.solver.status != "not-solved" else {
                let why = StopSignal.isRequested ? "the search was stopped before any plan was found"
                    : "no plan was found within \(request.timeLimit.map { "\(Int($0)) s" } ?? "the limits")"
                throw JobError("\(why); nothing was written (\(outDir) is unchanged). Allow more time with --time-limit.")
            }
            var files = ExportJob.render(scenario: changed, plan: outcome.plan, options: ExportOptions(
                csvDialect: request.csvDialect, lang: request.lang, now: Clock.icalNow(), previous: previous))
            var scratchChanges: Int?
            if let previous, request.compareWithScratch, !StopSignal.isRequested {
                var quiet = request
                quiet.quiet = true
                let scratch = try solve(changed, request: quiet, replan: nil, console: console)
                if scratch.plan.solver.status != "not-solved" {
                    scratchChanges = PlanDiff.between(previous: previous, current: scratch.plan).counts.total
                }
            }
            if let previous {
                files += ChangesReport.files(previous: previous, current: outcome.plan, scenario: changed,
                                             fromScratchChanges: scratchChanges)
            }
            files.append(OutputFile(path: "run.json", bytes: Array(RunSummary.json(outcome.statistics, request: request).utf8)))
            if request.exportModel {
                let backend = GLPKBackend()
                files.append(OutputFile(path: "model/week-model.mps", bytes: Array(try backend.export(outcome.weekModel, format: .freeMPS).utf8)))
                files.append(OutputFile(path: "model/week-model.lp", bytes: Array(try backend.export(outcome.weekModel, format: .cplexLP).utf8)))
            }
            // A plan that breaks a rule never replaces a good output: it goes beside it for inspection.
            let violations = PlanVerifier.verify(plan: outcome.plan, scenario: changed, previous: previous, asOf: replan?.asOf)
            let target = violations.isEmpty ? outDir : outDir + "-rejected"
            try AtomicOutput.replace(directory: target, with: files)
            console.out(PlanSummary.text(plan: outcome.plan, scenario: changed, statistics: outcome.statistics,
                                         previous: previous, scratchChanges: scratchChanges, violations: violations,
                                         outDir: target, files: files))
            if request.compensate { console.out(compensationText(original: scenario, plan: outcome.plan)) }
            return violations.isEmpty ? 0 : 3
        } catch let e as JobError {
            console.err("error: \(e.description)")
            return 1
        } catch {
            console.err("error: \(error)")
            return 1
        }
    }

    static func solve(_ scenario: Scenario, request: PlanRequest, replan: ReplanContext?, console: Console) throws -> PlanOutcome {
        StopSignal.install()
        let showProgress = !request.quiet && console.isTerminal
        let progress: ProgressHandler = { p in
            if showProgress { console.progress(ProgressLine.text(p)) }
            return StopSignal.isRequested ? .stop : .continue
        }
        var options = PlannerOptions(timeLimit: request.timeLimit, relativeGap: request.gap, progress: progress,
                                     memoryLimitMiB: request.memoryLimitMiB)
        options.decompose = request.decompose
        options.maxAreaPersons = request.maxAreaPersons
        let areas = Planner.areas(for: scenario, options: options, replan: replan)
        if !request.quiet {
            if areas.count > 1 {
                console.err("Planning \(scenario.municipalities.count) municipalities in \(areas.count) areas of at most \(options.maxAreaPersons) persons, one after another.")
            } else if areas.isEmpty, replan != nil, request.decompose != .off,
                      PlanAreas.split(scenario, maxPersons: options.maxAreaPersons).count > 1 {
                console.err("Note: the previous plan was made in one model, so the re-plan is too; on a scenario this large that can take long.")
            }
        }
        let start = monotonicSeconds()
        let outcome = try Planner.plan(scenario: scenario, backend: GLPKBackend(), options: options, replan: replan,
                                       clock: { monotonicSeconds() - start })
        if showProgress { console.progress("") }
        return outcome
    }
}

extension PlanJob {
    /// What `--compensate` achieved: hours the total quota lost, and how many the others took over.
    static func compensationText(original: Scenario, plan: Plan) -> String {
        let total = Double(original.municipalities.reduce(0) { $0 + $1.quotaHours })
        let planned = plan.municipalities.reduce(0.0) { $0 + $1.plannedHours }
        let missing = max(0, total - planned)
        return "Compensation: the municipalities together plan \(PlanSummary.num(planned)) of the \(PlanSummary.num(total)) hours "
            + "the application promised; \(PlanSummary.num(missing)) hours could not be recovered."
    }
}

enum ProgressLine {
    static func text(_ p: SolveProgress) -> String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.0f", $0) } ?? "–" }
        let gap = p.gap.map { String(format: "%.2f %%", $0 * 100) } ?? "–"
        let phase = p.phase.map { " (\($0))" } ?? ""
        let limit = p.timeLimit.map { String(format: " of %.0f", $0) } ?? ""
        return "solving\(phase): best \(f(p.incumbent))  bound \(f(p.bestBound))  gap \(gap)  nodes \(p.nodes)  \(String(format: "%.1f", p.elapsed))\(limit) s  (Ctrl-C keeps the best plan so far)"
    }
}
