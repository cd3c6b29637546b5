import Foundation
import TidsplanCore
import TidsplanIO
import TidsplanModel

/// The short text `tidsplan plan` prints: status in words, hours against quota, trainer days and cost
/// against budget, courses promised but not held, shortfalls, solve time. Words in `SummaryWords`.
enum PlanSummary {
    static func text(plan: Plan, scenario: Scenario, statistics: PlanStatistics, previous: Plan?, scratchChanges: Int? = nil,
                     violations: [Violation], outDir: String, files: [OutputFile], lang: Language = .sv) -> String {
        let w = SummaryWords(lang: lang)
        var lines: [String] = []
        lines.append("\(scenario.project.name) (\(scenario.project.id)), \(scenario.project.period.from.iso) – \(scenario.project.period.to.iso)")
        lines.append(w.status(statusWords(plan.solver, w), seconds: num(statistics.seconds, lang), solver: "\(plan.solver.name) \(plan.solver.version)",
                              columns: statistics.weekModelColumns, rounds: statistics.rounds))
        let training = plan.activeSessions.filter { $0.kind == .training }
        lines.append(w.sessions(training: training.count, events: plan.sessions.filter { $0.kind == .event }.count))
        lines.append("")
        lines.append(w.hoursHeading)
        let width = max(12, (plan.municipalities.map(\.name.count).max() ?? 0) + 2)
        var totalPlanned = 0.0, totalQuota = 0
        for m in plan.municipalities {
            totalPlanned += m.plannedHours; totalQuota += m.quotaHours
            let pct = m.quotaHours > 0 ? Int((m.plannedHours / Double(m.quotaHours) * 100).rounded()) : 0
            let note = scenario.municipality(m.name).map { w.commitmentNote($0) }.map { $0.isEmpty ? "" : "  " + $0 } ?? ""
            lines.append("  \(pad(m.name, width))\(pad(num(m.plannedHours, lang), 7, left: true)) / \(pad(num(Double(m.quotaHours), lang), 5, left: true))  \(pad("\(pct) %", 6, left: true))  \(pad(num(m.cofinancingKr, lang), 10, left: true)) kr\(note)")
        }
        lines.append("  \(pad(w.total, width))\(pad(num(totalPlanned, lang), 7, left: true)) / \(pad(num(Double(totalQuota), lang), 5, left: true))")
        lines.append("")
        lines.append(contentsOf: spending(plan: plan, scenario: scenario, w))
        lines.append("")
        let courses = CourseCoverage.all(scenario: scenario, plan: plan)
        let notHeld = courses.filter { $0.status == .nothing }.map(\.name)
        let partly = courses.filter { $0.status == .short }.count
        lines.append(w.courses(total: courses.count, notHeld: notHeld, partly: partly))
        let (areaHours, estimated) = CourseCoverage.hoursByArea(courses)
        if !areaHours.isEmpty {
            lines.append(CourseWords(lang: lang).areaHours(areaHours.map { $0.area + " " + num($0.hours.rounded(), lang) }, estimated: estimated))
        }
        let shortfallWords = ShortfallWords(lang: lang)
        if plan.shortfalls.isEmpty {
            lines.append(w.noShortfalls)
        } else {
            lines.append(w.shortfallsHeading)
            for s in plan.shortfalls {
                lines.append("  - " + shortfallWords.sentence(s, scenario: scenario) { num($0, lang) })
            }
        }
        if let previous {
            let diff = PlanDiff.between(previous: previous, current: plan)
            lines.append("")
            lines.append(w.changes(total: diff.counts.total, changed: diff.counts.changed, cancelled: diff.counts.cancelled,
                                   new: diff.counts.new, unchanged: diff.counts.unchanged))
            if let scratchChanges { lines.append(w.scratch(scratchChanges)) }
        }
        lines.append("")
        if violations.isEmpty {
            lines.append(w.verified)
        } else {
            lines.append(w.verificationFailed(violations.count))
            for v in violations.prefix(20) { lines.append("  - [\(v.rule)] \(v.message(lang))") }
        }
        let calendars = files.filter { $0.path.hasPrefix("calendars/") }.count
        lines.append(w.wrote(outDir, calendars: calendars))
        return lines.joined(separator: "\n")
    }

    static func statusWords(_ s: SolverSummary, _ w: SummaryWords) -> String {
        switch s.status {
        case .optimal:
            if let gap = s.optimalWithinTolerance { return w.optimalWithinTolerance(NumberText.gapPercent(gap, lang: w.lang)) }
            return w.optimal
        case .feasible, .timeLimit, .stopped:
            if let areas = s.areas, areas > 1, s.gap == nil {
                return s.searchEnd == .timeLimit ? w.byAreasCut(areas) : w.byAreas(areas)
            }
            guard let proven = s.gap else { return w.noBound }
            return w.withinGap(NumberText.gapPercent(proven, lang: w.lang))
        case .notSolved: return w.notSolved
        case .infeasible: return w.lang == .sv ? "ingen plan kan följa alla regler" : "no plan can keep every rule"
        case .error: return w.lang == .sv ? "fel i lösaren" : "solver error"
        }
    }

    static func spending(plan: Plan, scenario: Scenario, _ w: SummaryWords) -> [String] {
        var days = 0, fees = 0, travel = 0, premises = 0
        for s in plan.activeSessions where s.kind == .training {
            for p in s.leaders { if let t = scenario.trainer(p) { days += 1; fees += t.dayRate; travel += t.travelPerDay } }
            premises += scenario.venue(s.venue)?.costPerDay ?? 0
        }
        func line(_ label: String, _ used: Int, _ cap: Int?) -> String {
            "  \(pad(label, 22))\(pad(num(Double(used), w.lang), 10, left: true)) kr"
                + (cap.map { " " + w.ofBudget(num(Double($0), w.lang), left: num(Double($0 - used), w.lang)) } ?? "")
        }
        return [w.budgetHeading(days: days),
                line(w.trainerFees, fees, scenario.budget.trainersKr),
                line(w.trainerTravel, travel, scenario.budget.travelKr),
                line(w.premises, premises, scenario.budget.premisesKr)]
    }

    /// One decimal at most, thousands grouped: `1 290`, `2,5` (sv) / `1,290`, `2.5` (en).
    static func num(_ x: Double, _ lang: Language = .sv) -> String { NumberText.human(x, lang: lang, decimals: 1) }

    static func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return left ? fill + s : s + fill
    }
}

/// Every word of the console summary of `plan` and `replan`, in Swedish (default) or English.
struct SummaryWords {
    let lang: Language
    private var sv: Bool { lang == .sv }

    func status(_ words: String, seconds: String, solver: String, columns: Int, rounds: Int) -> String {
        sv ? "Läge: \(words); löst på \(seconds) s med \(solver) (\(columns) kolumner, \(rounds) \(rounds == 1 ? "omgång" : "omgångar"))"
           : "Status: \(words); solved in \(seconds) s with \(solver) (\(columns) columns, \(rounds) round\(rounds == 1 ? "" : "s"))"
    }
    var optimal: String { sv ? "optimal (den bästa möjliga planen med scenariots vikter)" : "optimal (the best possible plan under the scenario's weights)" }
    /// Stopped at the tolerance (`--gap`): not "the best possible", which a better plan within it would contradict.
    func optimalWithinTolerance(_ percent: String) -> String {
        sv ? "optimal inom sökningens tolerans (--gap): ingen annan plan kan vara mer än \(percent) bättre"
           : "optimal within the search's tolerance (--gap): no other plan can be more than \(percent) better"
    }
    func byAreas(_ n: Int) -> String {
        sv ? "en plan gjord i \(n) områden efter varandra (för stor för en modell; ingen gräns för helheten)"
           : "a plan made in \(n) areas one after another (too large for one model; no bound for the whole)"
    }
    func byAreasCut(_ n: Int) -> String {
        sv ? "en plan gjord i \(n) områden efter varandra, men tidsgränsen tog slut innan alla var färdigplanerade (se brister)"
           : "a plan made in \(n) areas one after another, but the time limit ran out before all of them were planned in full (see shortfalls)"
    }
    func withinGap(_ percent: String) -> String {
        sv ? "ingen annan plan kan vara mer än \(percent) bättre (sökningen slutade tidigt)"
           : "no other plan can be more than \(percent) better (the search ended early)"
    }
    var noBound: String {
        sv ? "en plan som följer alla regler; ingen gräns hann visas före tidsgränsen" : "a plan that keeps every rule; no bound was proven before the time limit"
    }
    var notSolved: String { sv ? "ingen plan hittades inom gränserna" : "no plan found within the limits" }
    func sessions(training: Int, events: Int) -> String {
        sv ? "Tillfällen: \(training) utbildningstillfällen, \(events) fasta händelser och uppföljningar"
           : "Sessions: \(training) training sessions, \(events) fixed events and follow-ups"
    }
    var hoursHeading: String { sv ? "Timmar per kommun (planerat / kvot):" : "Hours per municipality (planned / quota):" }
    func withdrawn(_ d: Day) -> String { sv ? "utträder från \(d.iso)" : "withdrawn from \(d.iso)" }
    /// What the hours table says beside a municipality whose commitment changed ("" when it did not).
    func commitmentNote(_ m: Municipality) -> String {
        if let d = m.withdrawal { return withdrawn(d) }
        let h = { (x: Int) in PlanSummary.num(Double(x), lang) }
        if let r = m.reductions.filter({ !$0.compensation }).max(by: { $0.from < $1.from }) {
            return sv ? "åtagandet sänkt till \(h(r.quotaHours)) h från \(r.from.iso) (tak)"
                      : "commitment lowered to \(h(r.quotaHours)) h from \(r.from.iso) (a ceiling)"
        }
        if let r = m.reductions.filter(\.compensation).max(by: { $0.from < $1.from }) {
            let extra = r.quotaHours - m.quotaHours
            return sv ? "kompensation: planeras mot \(h(r.quotaHours)) h (+\(h(extra))) från \(r.from.iso)"
                      : "compensation: planned towards \(h(r.quotaHours)) h (+\(h(extra))) from \(r.from.iso)"
        }
        return ""
    }
    var total: String { sv ? "Totalt" : "Total" }
    func budgetHeading(days: Int) -> String { sv ? "Budget (externa utbildare: \(days) dagar):" : "Budget (external trainers: \(days) days):" }
    var trainerFees: String { sv ? "utbildararvoden" : "trainer fees" }
    var trainerTravel: String { sv ? "utbildarnas resor" : "trainer travel" }
    var premises: String { sv ? "lokaler" : "premises" }
    func ofBudget(_ cap: String, left: String) -> String { sv ? "av \(cap) kr (\(left) kr kvar)" : "of \(cap) kr (\(left) kr left)" }
    func courses(total: Int, notHeld: [String], partly: Int) -> String {
        if notHeld.isEmpty && partly == 0 { return sv ? "Kurser: alla \(total) hålls som scenariot begär" : "Courses: all \(total) run as the scenario asks" }
        if notHeld.isEmpty {
            return sv ? "Kurser: alla \(total) hålls, \(partly) bara delvis (se courses.csv)" : "Courses: all \(total) run, \(partly) only partly (see courses.csv)"
        }
        let list = ": " + notHeld.joined(separator: "; ")
        return sv ? "Kurser: \(notHeld.count) av \(total) hålls inte alls\(list); \(partly) bara delvis (se courses.csv)"
                  : "Courses: \(notHeld.count) of \(total) not held at all\(list); \(partly) only partly (see courses.csv)"
    }
    var noShortfalls: String { sv ? "Brister: inga" : "Shortfalls: none" }
    var shortfallsHeading: String { sv ? "Brister:" : "Shortfalls:" }
    func changes(total: Int, changed: Int, cancelled: Int, new: Int, unchanged: Int) -> String {
        sv ? "Ändringar mot förra planen: \(total) tillfällen ändrade (\(changed) flyttade eller ändrade, \(cancelled) inställda, \(new) nya), \(unchanged) oförändrade; se changes.md"
           : "Changes against the previous plan: \(total) session(s) changed (\(changed) moved or altered, \(cancelled) cancelled, \(new) new), \(unchanged) unchanged; see changes.md"
    }
    func scratch(_ n: Int) -> String {
        sv ? "Att planera om från början skulle i stället ändra \(n) tillfällen." : "Planning from scratch instead would change \(n) session(s)."
    }
    var verified: String { sv ? "Kontrollerad: planen följer alla hårda regler (tidsplan verify)." : "Verified: the plan keeps every hard rule (tidsplan verify)." }
    func verificationFailed(_ n: Int) -> String {
        sv ? "KONTROLLEN MISSLYCKADES: \(n) regelbrott:" : "VERIFICATION FAILED: \(n) rule violation(s):"
    }
    func wrote(_ dir: String, calendars: Int) -> String {
        sv ? "Skrev \(dir)/: plan.json, timetable.csv, timetable.md, courses.csv, report.html, \(calendars) kalenderfiler"
           : "Wrote \(dir)/: plan.json, timetable.csv, timetable.md, courses.csv, report.html, \(calendars) calendar files"
    }
    func planningByArea(municipalities: Int, areas: Int, persons: Int) -> String {
        sv ? "Planerar \(municipalities) kommuner i \(areas) områden om högst \(persons) personer, ett i taget."
           : "Planning \(municipalities) municipalities in \(areas) areas of at most \(persons) persons, one after another."
    }
    var replanInOneModel: String {
        sv ? "Obs: den förra planen gjordes i en enda modell, så omplaneringen görs också så; för ett så här stort scenario kan det ta lång tid."
           : "Note: the previous plan was made in one model, so the re-plan is too; on a scenario this large that can take long."
    }
}

/// Run facts that vary from run to run (so they are kept out of plan.json): time, model size, rounds.
enum RunSummary {
    static func json(_ s: PlanStatistics, request: PlanRequest) -> String {
        """
        {
          "seconds": \(String(format: "%.3f", s.seconds)),
          "termination": "\(String(describing: s.termination).replacingOccurrences(of: "\"", with: "'"))",
          "weekModel": {"columns": \(s.weekModelColumns), "rows": \(s.weekModelRows)},
          "dayModel": {"columns": \(s.dayModelColumns)},
          "rounds": \(s.rounds),
          "phases": [\(s.phases.map { "\"\($0.replacingOccurrences(of: "\"", with: "'"))\"" }.joined(separator: ", "))],
          "nodes": \(s.nodes),
          "timeLimit": \(request.timeLimit.flatMap { $0.isFinite ? String($0) : nil } ?? "null"),
          "gap": \(request.gap)
        }

        """
    }
}
