import TidsplanCore
import TidsplanIO

/// `tidsplan verify`: the plan against every hard rule, no solver involved.
public enum VerifyJob {
    public static func run(scenarioPath: String, planPath: String, previousPath: String?, asOf: Day?, lang: Language = .sv,
                           console: Console) -> Int32 {
        let sv = lang == .sv
        do {
            let loaded = try ScenarioInput.load(scenarioPath, console: console, lang: lang)
            let plan = try PlanInput.load(planPath, for: loaded, lang: lang)
            let previous = try previousPath.map { try PlanInput.load($0, lang: lang) }
            // Judged against the commitments it was made for: withdrawals, reductions and compensation it records.
            let scenario = loaded.applying(plan.commitmentChanges)
            let violations = PlanVerifier.verify(plan: plan, scenario: scenario, previous: previous, asOf: asOf)
            let training = plan.activeSessions.filter { $0.kind == .training }.count
            if violations.isEmpty {
                let past = previous == nil ? "" : (sv ? ", och det förflutna till och med \(asOf?.iso ?? "") är oförändrat"
                                                      : ", and the past up to \(asOf?.iso ?? "") is unchanged")
                console.out(sv ? "\(planPath): OK: \(training) utbildningstillfällen följer alla \(PlanVerifier.ruleIDs.count) regler\(past)."
                               : "\(planPath): OK: \(training) training sessions keep all \(PlanVerifier.ruleIDs.count) rules\(past).")
                return 0
            }
            for v in violations { console.out("[\(v.rule)] \(v.message(lang))") }
            let rules = Set(violations.map(\.rule)).count
            console.out(sv ? "\(planPath): \(violations.count) \(violations.count == 1 ? "regelbrott" : "regelbrott") mot \(rules) \(rules == 1 ? "regel" : "regler")"
                           : "\(planPath): \(violations.count) violation(s) of \(rules) rule(s)")
            return 1
        } catch {
            _ = JobFailure.report(error, lang: lang, console: console)
            return 2
        }
    }
}

/// `tidsplan export`: re-render outputs from a plan.json. A plan that breaks a hard rule is not published
/// (calendars would send people to a Saturday session or a venue that does not exist) unless `force`,
/// and then the report says it is unverified.
public enum ExportCommandJob {
    public static func run(scenarioPath: String, planPath: String, outDir: String?, dialect: CSVDialect, lang: Language,
                           previousPath: String?, force: Bool = false, console: Console) -> Int32 {
        do {
            let loaded = try ScenarioInput.load(scenarioPath, console: console, lang: lang)
            let plan = try PlanInput.load(planPath, for: loaded, lang: lang)
            let previous = try previousPath.map { try PlanInput.load($0, lang: lang) }
            // Judged against the commitments it was made for: withdrawals, reductions and compensation it records.
            let scenario = loaded.applying(plan.commitmentChanges)
            let dir = outDir ?? "output/\(scenario.project.id)"
            let sv = lang == .sv
            // A plan.json from a solve that found nothing (status error, infeasible, not-solved) is no plan to publish.
            guard plan.solver.status.hasPlan || force else {
                console.err(sv ? "fel: \(planPath) har lösarstatus \"\(plan.solver.status.rawValue)\": lösaren hittade ingen plan, så det finns inget att publicera. Inget skrevs."
                               : "error: \(planPath) has solver status \"\(plan.solver.status.rawValue)\": the solver found no plan, so there is nothing to publish. Nothing was written.")
                return 3
            }
            let violations = PlanVerifier.verify(plan: plan, scenario: scenario, previous: previous,
                                                 asOf: previous == nil ? nil : plan.asOf)
            if !violations.isEmpty && !force {
                console.err((sv ? "fel: \(planPath) bryter mot \(violations.count) regel/regler och publiceras inte:"
                                : "error: \(planPath) breaks \(violations.count) rule(s) and is not published:"))
                for v in violations.prefix(50) { console.err("  - [\(v.rule)] \(v.message(lang))") }
                if violations.count > 50 { console.err("  … " + (sv ? "och \(violations.count - 50) till" : "and \(violations.count - 50) more")) }
                console.err(sv ? "Inget skrevs (\(dir) är oförändrad). Rätta planen, eller använd --force för att ändå skriva den, märkt som overifierad."
                               : "Nothing was written (\(dir) is unchanged). Correct the plan, or use --force to write it anyway, marked as unverified.")
                return 3
            }
            let now = Clock.icalNow()
            var options = ExportOptions(csvDialect: dialect, lang: lang, now: now, previous: previous,
                                        extraSections: violations.isEmpty ? [] : [unverifiedSection(violations, lang: lang)])
            // The plan was published already (beside it, or in the folder about to be replaced): continue that.
            options.published = PublishedCalendars.series(of: plan, planPath: planPath, fallbackFolder: dir,
                                                          scenario: scenario, now: now)
            let files = ExportJob.render(scenario: scenario, plan: plan, options: options)
            try AtomicOutput.replace(directory: dir, with: files)
            console.out(sv ? "Skrev \(files.count) filer till \(dir)/" : "Wrote \(files.count) files to \(dir)/")
            if !violations.isEmpty {
                console.err(sv ? "varning: planen bryter mot \(violations.count) regel/regler; skriven med --force och märkt som overifierad i rapporten"
                               : "warning: the plan breaks \(violations.count) rule(s); written with --force and marked as unverified in the report")
            }
            return 0
        } catch {
            return JobFailure.report(error, lang: lang, console: console)
        }
    }
}

extension ExportCommandJob {
    /// The report section of a plan exported with `--force` despite its violations.
    static func unverifiedSection(_ violations: [Violation], lang: Language) -> ReportSection {
        let sv = lang == .sv
        let e = HTMLText.escape
        var html = "<p class=\"status bad\">" + e(sv ? "OVERIFIERAD: planen bryter mot \(violations.count) regel/regler och skrevs ändå (--force). Lita inte på den."
                                                 : "UNVERIFIED: the plan breaks \(violations.count) rule(s) and was written anyway (--force). Do not rely on it.") + "</p>\n<ul>\n"
        for v in violations { html += "<li>[" + e(v.rule) + "] " + e(v.message(lang)) + "</li>\n" }
        return ReportSection(title: sv ? "Overifierad plan" : "Unverified plan", html: html + "</ul>\n")
    }
}

/// `tidsplan calendar`: the working calendar as CSV.
public enum CalendarCommandJob {
    public static func run(scenarioPath: String, from: Day?, to: Day?, leader: String? = nil, lang: Language = .sv,
                           console: Console) -> Int32 {
        do {
            let scenario = try ScenarioInput.load(scenarioPath, console: console, lang: lang)
            if let leader, scenario.staffMember(leader) == nil && scenario.trainer(leader) == nil {
                let all = scenario.staff.map(\.name) + scenario.trainers.map(\.name)
                let names = all.map { "\"\($0)\"" }.joined(separator: ", ")
                let mean = NameMatching.didYouMean(leader, among: all).map { "; " + $0.text(lang) } ?? ""
                throw JobError(lang == .sv ? "okänd ledare \"\(leader)\"\(mean) Scenariots ledare: \(names)"
                                           : "unknown leader \"\(leader)\"\(mean) The scenario's leaders: \(names)")
            }
            console.out(CalendarJob.csv(scenario: scenario, from: from, to: to, leader: leader, lang: lang), terminator: "")
            return 0
        } catch {
            return JobFailure.report(error, lang: lang, console: console)
        }
    }
}
