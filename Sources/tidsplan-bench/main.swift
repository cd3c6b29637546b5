import Foundation
import GLPKBackend
import LinearModel
import Tidsplan
import TidsplanCore
import TidsplanIO
import TidsplanModel

// Benchmarks for scripts/bench (release build): model size, timed runs, the week model alone, MPS export.
//   tidsplan-bench stats SCENARIO
//   tidsplan-bench solve SCENARIO [--time-limit S]
//   tidsplan-bench time SCENARIO [--time-limit S] [--out DIR]   load, build, plan, write, verify: one JSON line
//   tidsplan-bench glpk-full SCENARIO [--time-limit S]          the whole week model in one GLPK solve: one JSON line
//   tidsplan-bench export SCENARIO OUT.mps                      the week model as free MPS
//   tidsplan-bench root SCENARIO [--nodes N]                    the full week model's root (N nodes, default 2), no presolve
//   tidsplan-bench prove SCENARIO [--nodes N] [--no-start] [--branching RULE]   the plan, then the full model from it
// `solve` and `root` take --cuts LIST (the week model's own cut families, comma-separated, or none) and
// --cut-level N (deepest node that gets them); `solve` also --cuts-in-search (the week search passes without presolve too)
// and --restricted-branching RULE (the restricted pass's branching, e.g. pseudocostAveraged) or --search-branching RULE
// (every pass that asks for GLPK's pseudocost branching); see RestrictedBranching.swift.
let usage = """
usage: tidsplan-bench stats SCENARIO
       tidsplan-bench solve SCENARIO [--time-limit S]
       tidsplan-bench time SCENARIO [--time-limit S] [--out DIR]
       tidsplan-bench glpk-full SCENARIO [--time-limit S]
       tidsplan-bench export SCENARIO OUT.mps
       tidsplan-bench root SCENARIO [--nodes N]
       tidsplan-bench prove SCENARIO [--nodes N] [--no-start] [--branching RULE]
       (solve and root: [--cuts LIST|none] [--cut-level N]; solve: [--cuts-in-search] [--restricted-branching RULE | --search-branching RULE])
"""

let args = Array(CommandLine.arguments.dropFirst())
guard args.count >= 2 else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}

/// `--name VALUE` from the arguments after the scenario.
func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

let timeLimit: Double
if let text = option("--time-limit") {
    guard let t = Double(text), t > 0 else {
        FileHandle.standardError.write(Data("--time-limit takes seconds, e.g. 60\n".utf8))
        exit(2)
    }
    timeLimit = t
} else {
    timeLimit = 60
}

var cutFamilies = WeekCutFamily.kept
if let text = option("--cuts") {
    guard let families = WeekCutFamily.parse(text) else {
        FileHandle.standardError.write(Data("--cuts takes \(WeekCutFamily.allCases.map(\.rawValue).joined(separator: ", ")) or none\n".utf8))
        exit(2)
    }
    cutFamilies = families
}
let cutLevel = option("--cut-level").flatMap(Int.init) ?? 0

let t0 = monotonicSeconds()
let loaded = ScenarioLoader.load(path: args[1])
let loadSeconds = monotonicSeconds() - t0
guard let scenario = loaded.scenario else {
    for d in loaded.diagnostics { FileHandle.standardError.write(Data((d.rendered + "\n").utf8)) }
    exit(1)
}

do {
    switch args[0] {
    case "stats":
        let t1 = monotonicSeconds()
        let model = Planner.weekModel(scenario: scenario)
        print("built in \(String(format: "%.2f", monotonicSeconds() - t1)) s: \(model.variables.count) columns, \(model.constraints.count) rows")
        var byPrefix: [String: Int] = [:]
        for v in model.variables { byPrefix[String(v.name.prefix { $0 != "_" }), default: 0] += 1 }
        print("columns:", byPrefix.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        var rows: [String: Int] = [:]
        var nz: [String: Int] = [:]
        for c in model.constraints {
            let k = String(c.name.prefix { $0 != "_" })
            rows[k, default: 0] += 1
            nz[k, default: 0] += c.terms.count
        }
        print("rows:", rows.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key)=\($0.value)/nz\(nz[$0.key] ?? 0)" }.joined(separator: " "))
    case "solve":
        let start = monotonicSeconds()
        var options = PlannerOptions(timeLimit: timeLimit, log: { FileHandle.standardError.write(Data($0.utf8)) })
        options.cutFamilies = cutFamilies
        options.cutMaxLevel = cutLevel
        options.cutsInWeekSearch = args.contains("--cuts-in-search")
        if let e = option("--effort").flatMap(Double.init) { options.effort = e }
        if args.contains("--no-bound") { options.proveBound = false }
        var backend: any SolverBackend = GLPKBackend()
        for flag in ["--restricted-branching", "--search-branching"] {
            guard let text = option(flag) else { continue }
            guard let rule = SolveOptions.Branching(rawValue: text) else {
                FileHandle.standardError.write(Data("\(flag) takes firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudocost or pseudocostAveraged\n".utf8))
                exit(2)
            }
            backend = RestrictedBranchingBackend(inner: GLPKBackend(), branching: rule, everywhere: flag == "--search-branching")
        }
        let outcome = try Planner.plan(scenario: scenario, backend: backend, options: options,
                                       clock: { monotonicSeconds() - start })
        print(outcome.plan.solver, outcome.statistics)
    case "root":
        let (model, separator) = Planner.weekModelWithCuts(scenario: scenario, families: cutFamilies, maxLevel: cutLevel)
        var o = SolveOptions(timeLimit: timeLimit, relativeGap: 0.001, presolve: false, branching: .mostFractional,
                             nodeLimit: option("--nodes").flatMap(Int.init) ?? 2, integralObjective: true)
        o.cutSeparator = separator
        let r = try GLPKBackend().solve(model, options: o, progress: nil)
        let cuts = r.cuts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        print("root: \(r.termination), \(r.nodes) nodes, \(String(format: "%.1f", r.seconds)) s, objective \(r.solution.map { String($0.objective) } ?? "-"), bound \(r.bestBound.map { String($0) } ?? "-"), own cuts: \(cuts.isEmpty ? "none" : cuts)")
    case "prove":
        let rule = option("--branching").flatMap(SolveOptions.Branching.init(rawValue:)) ?? .pseudocost
        print(try ProveFromPlan.run(scenario: scenario, timeLimit: timeLimit, nodes: option("--nodes").flatMap(Int.init) ?? 2_000,
                                    start: !args.contains("--no-start"), branching: rule, families: cutFamilies))
    case "time":
        print(try BenchTiming.timed(scenario: scenario, loadSeconds: loadSeconds, timeLimit: timeLimit,
                                    outDir: option("--out")).line)
    case "glpk-full":
        print(try BenchTiming.fullWeekModel(scenario: scenario, timeLimit: timeLimit).line)
    case "export":
        guard args.count >= 3 else { FileHandle.standardError.write(Data((usage + "\n").utf8)); exit(2) }
        let model = Planner.weekModel(scenario: scenario)
        try GLPKBackend().export(model, format: .freeMPS).write(toFile: args[2], atomically: true, encoding: .utf8)
    default:
        FileHandle.standardError.write(Data("unknown mode \(args[0])\n\(usage)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
