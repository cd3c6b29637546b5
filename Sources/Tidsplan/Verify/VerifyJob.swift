import TidsplanCore
import TidsplanIO

/// `tidsplan verify`: the plan against every hard rule, no solver involved.
public enum VerifyJob {
    public static func run(scenarioPath: String, planPath: String, previousPath: String?, asOf: Day?, console: Console) -> Int32 {
        do {
            let scenario = try ScenarioInput.load(scenarioPath, console: console)
            let plan = try PlanInput.load(planPath)
            let previous = try previousPath.map { try PlanInput.load($0) }
            guard plan.scenario == scenario.project.id else {
                throw JobError("\(planPath) is a plan for scenario \"\(plan.scenario)\", not \"\(scenario.project.id)\"")
            }
            let violations = PlanVerifier.verify(plan: plan, scenario: scenario, previous: previous, asOf: asOf)
            let training = plan.activeSessions.filter { $0.kind == .training }.count
            if violations.isEmpty {
                console.out("\(planPath): OK: \(training) training sessions keep all \(PlanVerifier.ruleIDs.count) rules\(previous == nil ? "" : ", and the past up to \(asOf?.iso ?? "") is unchanged").")
                return 0
            }
            for v in violations { console.out("[\(v.rule)] \(v.message)") }
            console.out("\(planPath): \(violations.count) violation(s) of \(Set(violations.map(\.rule)).count) rule(s)")
            return 1
        } catch {
            console.err("error: \(error)")
            return 2
        }
    }
}

/// `tidsplan export`: re-render outputs from a plan.json.
public enum ExportCommandJob {
    public static func run(scenarioPath: String, planPath: String, outDir: String?, dialect: CSVDialect, lang: Language,
                           previousPath: String?, console: Console) -> Int32 {
        do {
            let scenario = try ScenarioInput.load(scenarioPath, console: console)
            let plan = try PlanInput.load(planPath)
            let previous = try previousPath.map { try PlanInput.load($0) }
            guard plan.scenario == scenario.project.id else {
                throw JobError("\(planPath) is a plan for scenario \"\(plan.scenario)\", not \"\(scenario.project.id)\"")
            }
            let dir = outDir ?? "output/\(scenario.project.id)"
            let files = ExportJob.render(scenario: scenario, plan: plan, options: ExportOptions(
                csvDialect: dialect, lang: lang, now: Clock.icalNow(), previous: previous))
            try AtomicOutput.replace(directory: dir, with: files)
            console.out(lang == .sv ? "Skrev \(files.count) filer till \(dir)/" : "Wrote \(files.count) files to \(dir)/")
            return 0
        } catch {
            console.err("error: \(error)")
            return 1
        }
    }
}

/// `tidsplan calendar`: the working calendar as CSV.
public enum CalendarCommandJob {
    public static func run(scenarioPath: String, from: Day?, to: Day?, leader: String? = nil, console: Console) -> Int32 {
        do {
            let scenario = try ScenarioInput.load(scenarioPath, console: console)
            if let leader, scenario.staffMember(leader) == nil && scenario.trainer(leader) == nil {
                let names = scenario.staff.map(\.name) + scenario.trainers.map(\.name)
                throw JobError("unknown leader \"\(leader)\"; the scenario's leaders are: \(names.joined(separator: ", "))")
            }
            console.out(CalendarJob.csv(scenario: scenario, from: from, to: to, leader: leader), terminator: "")
            return 0
        } catch {
            console.err("error: \(error)")
            return 1
        }
    }
}
