import Foundation
import GLPKBackend
import LinearModel
import Tidsplan
import TidsplanCore
import TidsplanIO
import TidsplanModel

// Benchmarks: build, solve and write times for scenarios; model export for other solvers.
// Usage: tidsplan-bench stats SCENARIO | solve SCENARIO [--time-limit S] | export SCENARIO OUT.mps
let args = Array(CommandLine.arguments.dropFirst())
guard args.count >= 2 else {
    print("usage: tidsplan-bench stats|solve|export SCENARIO [...]")
    exit(2)
}
let loaded = ScenarioLoader.load(path: args[1])
guard let scenario = loaded.scenario else {
    for d in loaded.diagnostics { print(d.rendered) }
    exit(1)
}
switch args[0] {
case "stats":
    let t0 = monotonicSeconds()
    let model = Planner.weekModel(scenario: scenario)
    print("built in \(String(format: "%.2f", monotonicSeconds() - t0)) s: \(model.variables.count) columns, \(model.constraints.count) rows")
    var byPrefix: [String: Int] = [:]
    for v in model.variables { byPrefix[String(v.name.prefix { $0 != "_" }), default: 0] += 1 }
    print("columns:", byPrefix.sorted { $0.value > $1.value }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    var rows: [String: Int] = [:]
    var nz: [String: Int] = [:]
    for c in model.constraints { let k = String(c.name.prefix { $0 != "_" }); rows[k, default: 0] += 1; nz[k, default: 0] += c.terms.count }
    print("rows:", rows.sorted { $0.value > $1.value }.map { "\($0.key)=\($0.value)/nz\(nz[$0.key] ?? 0)" }.joined(separator: " "))
case "solve":
    let limit = args.count > 3 ? Double(args[3]) ?? 60 : 60
    let t0 = monotonicSeconds()
    let outcome = try Planner.plan(scenario: scenario, backend: GLPKBackend(),
                                   options: PlannerOptions(timeLimit: limit, log: { FileHandle.standardError.write(Data($0.utf8)) }),
                                   clock: { monotonicSeconds() - t0 })
    print(outcome.plan.solver, outcome.statistics)
case "export":
    let model = Planner.weekModel(scenario: scenario)
    try GLPKBackend().export(model, format: .freeMPS).write(toFile: args[2], atomically: true, encoding: .utf8)
default:
    print("unknown mode \(args[0])")
    exit(2)
}
