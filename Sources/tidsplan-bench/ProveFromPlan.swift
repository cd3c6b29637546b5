import Foundation
import GLPKBackend
import LinearModel
import Tidsplan
import TidsplanCore
import TidsplanModel

/// `prove SCENARIO --nodes N [--no-start] [--branching RULE]`: the phased plan first (as `plan` makes it), then the full
/// week model searched from the root with that plan as its first incumbent (`SolveOptions.startValues`), GLPK's
/// cuts and the model's own, no presolve. Measures whether a warm start lets GLPK close the gap the phased search
/// leaves (issue 22's `glp_ios_heur_sol` item). `--no-start`: the same search without the incumbent, for comparison.
enum ProveFromPlan {
    /// Remembers the best plan any solve found for a model with `columns` variables (the full week model).
    final class Recorder: SolverBackend, @unchecked Sendable {
        let inner = GLPKBackend()
        let columns: Int
        let integerColumns: Int
        private let lock = NSLock()
        private(set) var best: Solution?
        init(_ model: LinearModel) {
            columns = model.variables.count
            integerColumns = model.variables.count { $0.kind != .continuous }
        }
        var name: String { inner.name }
        var version: String { inner.version }
        func solve(_ model: LinearModel, options: SolveOptions, progress: ProgressHandler?) throws -> SolveResult {
            let r = try inner.solve(model, options: options, progress: progress)
            // Whole plans only: the seat-relaxed passes have the same columns, fewer of them integer.
            if model.variables.count == columns, !options.relaxIntegrality, let s = r.solution,
               model.variables.count(where: { $0.kind != .continuous }) == integerColumns {
                lock.lock(); defer { lock.unlock() }
                if s.objective < (best?.objective ?? .infinity) { best = s }
            }
            return r
        }
        func export(_ model: LinearModel, format: ModelFormat) throws -> String { try inner.export(model, format: format) }
    }

    static func run(scenario: Scenario, timeLimit: Double, nodes: Int, start useStart: Bool, branching: SolveOptions.Branching,
                    families: Set<WeekCutFamily>) throws -> String {
        let t0 = monotonicSeconds()
        let (model, separator) = Planner.weekModelWithCuts(scenario: scenario, families: families)
        let recorder = Recorder(model)
        let outcome = try Planner.plan(scenario: scenario, backend: recorder, options: PlannerOptions(timeLimit: timeLimit),
                                       clock: { monotonicSeconds() - t0 })
        let planSeconds = monotonicSeconds() - t0
        guard let start = recorder.best else { return "no plan of the full week model was recorded" }
        var o = SolveOptions(timeLimit: timeLimit, relativeGap: 0, presolve: false, branching: branching,
                             nodeLimit: nodes, integralObjective: true,
                             log: { FileHandle.standardError.write(Data($0.utf8)) })
        o.messageLevel = .normal
        o.cutSeparator = separator
        if branching == .pseudocost { o.strongBranchingThreads = 2 }
        if useStart { o.startValues = start.values }
        let t1 = monotonicSeconds()
        let r = try GLPKBackend().solve(model, options: o, progress: nil)
        let fmt = { (x: Double?) in x.map { String(format: "%.1f", $0) } ?? "-" }
        return "plan \(fmt(planSeconds)) s objective \(fmt(outcome.plan.solver.objective)) bound \(fmt(outcome.plan.solver.bound)); "
            + "full search\(useStart ? " from the plan" : ""): \(r.termination), \(r.nodes) nodes, \(fmt(monotonicSeconds() - t1)) s, "
            + "objective \(fmt(r.solution?.objective)) bound \(fmt(r.bestBound))"
    }
}
