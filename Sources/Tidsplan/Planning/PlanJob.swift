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
    /// Re-planning: the attendance register the past is frozen as (nil: the past counts as planned).
    public var attendancePath: String?
    /// The register may change what an earlier register recorded.
    public var correctAttendance = false
    public var memoryLimitMiB: Int?
    /// Plan area by area (see `Decompose`).
    public var decompose: Decompose = .auto
    public var maxAreaPersons: Int = PlanAreas.maxPersons
    /// Spend a pass on the bound (off for the from-scratch comparison, whose gap nobody reads).
    var proveBound = true

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
    /// - Parameter backend: the solver (tests pass one that fails on purpose).
    public static func run(_ request: PlanRequest, console: Console, backend: SolverBackend = GLPKBackend()) -> Int32 {
        do {
            let scenario = try ScenarioInput.load(request.scenarioPath, console: console, lang: request.lang)
            let previous = try previousAsHeld(request, scenario: scenario)
            let outDir = request.outDir ?? "output/\(scenario.project.id)"
            let replan: ReplanContext?
            if let previous {
                let refusals = ReplanRefusals(lang: request.lang)
                guard let asOf = request.asOf ?? previous.asOf else { throw JobError(refusals.previousNeedsAsOf) }
                guard previous.scenario == scenario.project.id else {
                    throw JobError(refusals.otherScenario(path: request.previousPath ?? "", plan: previous.scenario, scenario: scenario.project.id))
                }
                try checkAsOf(asOf, scenario: scenario, lang: request.lang)
                // The previous plan's past was held up to its own as-of: an earlier date would re-seat it.
                if let held = previous.asOf, asOf < held {
                    throw JobError(ReplanRefusals(lang: request.lang).asOfBeforePrevious(asOf, previous: held, path: request.previousPath ?? ""))
                }
                replan = ReplanContext(previous: previous, asOf: asOf)
                // Held sessions cannot move: if they break the scenario's rules no re-plan can keep them, and
                // the solver would only say "infeasible". Name them instead.
                let frozen = frozenPastProblems(previous, scenario: scenario.applying(previous.commitmentChanges), asOf: asOf, lang: request.lang)
                if !frozen.isEmpty {
                    let failed = SolverSummary(name: "", version: "", status: .infeasible, searchEnd: .infeasibleFrozenPast(frozen))
                    throw JobError("\(request.previousPath ?? ""): " + SearchEndWords.nothingWritten(
                        failed, limits: SearchLimits(), outDir: outDir, lang: request.lang))
                }
            } else {
                if request.asOf != nil { throw JobError(ReplanRefusals(lang: request.lang).asOfNeedsPrevious) }
                replan = nil
            }
            let changes = try ScenarioChanges.apply(withdraw: request.withdraw, reduce: request.reduce, asOf: replan?.asOf ?? request.asOf,
                                                    compensate: request.compensate, previous: previous, to: scenario,
                                                    lang: request.lang)
            let changed = changes.scenario
            for stuck in try AtomicOutput.checkLocation(outDir, topLevel: ["plan.json"]) {
                console.err(request.lang == .sv
                    ? "varning: \(stuck) är kvar från en tidigare körning som avbröts och kan inte tas bort; ta bort den för hand"
                    : "warning: \(stuck) is left from an earlier run that was interrupted and cannot be removed; remove it by hand")
            }
            // The from-scratch comparison needs nothing from the re-plan: it runs beside it, on a core of its own.
            var scratchRun: BackgroundRun<PlanOutcome>?
            if previous != nil, request.compareWithScratch {
                var quiet = request
                quiet.quiet = true
                quiet.proveBound = false
                let beside = SideBySide.backends(beside: backend).first ?? backend
                scratchRun = BackgroundRun { [quiet] in try solve(changed, request: quiet, replan: nil, console: console, backend: beside) }
            }
            // With no comparison beside it, the plan's own root-bound pass takes the second core.
            let boundBackend = scratchRun == nil ? SideBySide.backends(beside: backend).first : nil
            let outcome = try solve(changed, request: request, replan: replan, console: console, backend: backend,
                                    boundBackend: boundBackend)
            // A solve without a solution is never written as a plan, whatever ended it.
            guard outcome.plan.solver.status.hasPlan else {
                throw JobError(SearchEndWords.nothingWritten(outcome.plan.solver, limits: SearchLimits(
                    timeLimit: request.timeLimit, memoryLimitMiB: request.memoryLimitMiB), outDir: outDir, lang: request.lang))
            }
            let now = Clock.icalNow()
            var options = ExportOptions(csvDialect: request.csvDialect, lang: request.lang, now: now, previous: previous)
            if let previous, let previousPath = request.previousPath {
                options.published = PublishedCalendars.series(of: previous, planPath: previousPath, fallbackFolder: nil,
                                                              scenario: changed, now: now)
            } else {
                options.published = PublishedCalendars.series(inOutputFolder: outDir, scenario: changed)
            }
            var files = ExportJob.render(scenario: changed, plan: outcome.plan, options: options)
            var scratchChanges: Int?
            if let previous, let scratchRun {
                let scratch = try scratchRun.wait()
                // Interrupted, it is no comparison.
                if scratch.plan.solver.status.hasPlan && !StopSignal.isRequested {
                    scratchChanges = PlanDiff.between(previous: previous, current: scratch.plan).counts.total
                }
            }
            // The figures printed are the plans' own: hours lost and taken over, measured old against new.
            let compensation = changes.compensation.flatMap { c in
                previous.map { CompensationOutcome.measured(c, changed: changes.changed, previous: $0, current: outcome.plan) }
            }
            if let previous {
                files += ChangesReport.files(previous: previous, current: outcome.plan, scenario: changed,
                                             fromScratchChanges: scratchChanges, lang: request.lang,
                                             compensation: compensation)
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
                                         outDir: target, files: files, lang: request.lang))
            if let c = compensation { console.out(Compensation.text(c, lang: request.lang)) }
            if let previous, let asOf = replan?.asOf { console.out(AttendanceNote.text(previous, asOf: asOf, request: request)) }
            return violations.isEmpty ? 0 : 3
        } catch let e as AtomicOutputError {
            console.err(errorPrefix(request.lang) + e.text(request.lang))
            return 1
        } catch let e as JobError {
            console.err(errorPrefix(request.lang) + e.description)
            return 1
        } catch {
            return JobFailure.report(error, lang: request.lang, console: console)
        }
    }

    static func errorPrefix(_ lang: Language) -> String { lang == .sv ? "fel: " : "error: " }

    static func solve(_ scenario: Scenario, request: PlanRequest, replan: ReplanContext?, console: Console,
                      backend: SolverBackend, boundBackend: SolverBackend? = nil) throws -> PlanOutcome {
        StopSignal.install()
        let showProgress = !request.quiet && console.isTerminal
        let progress: ProgressHandler = { p in
            if showProgress { console.progress(ProgressLine.text(p, lang: request.lang)) }
            return StopSignal.isRequested ? .stop : .continue
        }
        var options = PlannerOptions(timeLimit: request.timeLimit, relativeGap: request.gap, progress: progress,
                                     memoryLimitMiB: request.memoryLimitMiB)
        options.decompose = request.decompose
        options.maxAreaPersons = request.maxAreaPersons
        options.proveBound = request.proveBound
        options.boundBackend = boundBackend
        let areas = Planner.areas(for: scenario, options: options, replan: replan)
        if !request.quiet {
            let w = SummaryWords(lang: request.lang)
            if areas.count > 1 {
                console.err(w.planningByArea(municipalities: scenario.municipalities.count, areas: areas.count, persons: options.maxAreaPersons))
            } else if areas.isEmpty, replan != nil, request.decompose != .off,
                      PlanAreas.split(scenario, maxPersons: options.maxAreaPersons).count > 1 {
                console.err(w.replanInOneModel)
            }
        }
        let start = monotonicSeconds()
        let outcome = try Planner.plan(scenario: scenario, backend: backend, options: options, replan: replan,
                                       clock: { monotonicSeconds() - start })
        if showProgress { console.progress("") }
        return outcome
    }
}

extension PlanJob {
    /// The rule violations of a previous plan that concern only sessions held by `asOf`.
    static func frozenPastProblems(_ previous: Plan, scenario: Scenario, asOf: Day, lang: Language) -> [String] {
        let held = Set(previous.sessions.filter { $0.date <= asOf && $0.status == .planned }.map(\.id))
        return PlanVerifier.verify(plan: previous, scenario: scenario)
            .filter { !$0.sessionIDs.isEmpty && $0.sessionIDs.allSatisfy(held.contains) }
            .filter { !PlanVerifier.rulesForWhatIsToCome.contains($0.rule) }
            // A message listing thousands of sessions would bury the rest: cut it, `verify` shows it all.
            .map { v in let m = v.message(lang); return "[\(v.rule)] " + (m.count > 300 ? m.prefix(300) + " …" : m) }
    }

    /// A re-plan keeps the past up to `asOf`; a date outside the project would keep all or nothing, so it is
    /// refused with what it would mean.
    static func checkAsOf(_ asOf: Day, scenario: Scenario, lang: Language = .sv) throws {
        let period = scenario.project.period
        let w = ReplanRefusals(lang: lang)
        if asOf < period.from { throw JobError(w.asOfBeforeStart(asOf, start: period.from)) }
        if asOf >= period.to { throw JobError(w.asOfAtEnd(asOf, end: period.to)) }
    }
}

enum ProgressLine {
    static func text(_ p: SolveProgress, lang: Language = .sv) -> String {
        func f(_ x: Double?) -> String { x.map { String(format: "%.0f", $0) } ?? "–" }
        let gap = p.gap.map { String(format: "%.2f %%", $0 * 100) } ?? "–"
        let elapsed = String(format: "%.1f", p.elapsed)
        let sv = lang == .sv
        let phase = p.phase.map { " (\(SearchPhase(rawValue: $0)?.words(lang) ?? $0))" } ?? ""
        let limit = p.timeLimit.map { String(format: sv ? " av %.0f" : " of %.0f", $0) } ?? ""
        return sv
            ? "löser\(phase): bästa plan \(f(p.incumbent))  gräns \(f(p.bestBound))  gap \(gap)  noder \(p.nodes)  \(elapsed)\(limit) s  (Ctrl-C behåller den bästa planen hittills)"
            : "solving\(phase): best plan \(f(p.incumbent))  bound \(f(p.bestBound))  gap \(gap)  nodes \(p.nodes)  \(elapsed)\(limit) s  (Ctrl-C keeps the best plan so far)"
    }
}
