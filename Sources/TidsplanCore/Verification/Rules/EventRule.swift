/// `events`: fixed events and follow-up surveys keep their own rules. A fixed event stays on the date and
/// times the scenario gives it (unless held before the plan's as-of: that is history); an event or survey
/// not on its scenario date is on a working day of the project; and from a municipality's withdrawal date
/// on, no event or survey invites it.
enum EventRule: PlanRule {
    static let id = "events"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        let fixed = Dictionary(c.scenario.fixedEvents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let period = c.scenario.project.period
        for s in c.plan.sessions where s.kind == .event && s.status == .planned {
            func report(_ text: Bilingual) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id], message: VerificationText.session(s) + " " + text))
            }
            let held = c.plan.asOf.map { s.date <= $0 } ?? false
            let event = fixed[s.id]
            if let e = event, !held, s.date != e.date || s.start != e.start || s.end != e.end {
                report(Bilingual("(\(s.start)–\(s.end)) ligger inte där scenariot har den: \(e.date.iso) \(e.start)–\(e.end)",
                                  "(\(s.start)–\(s.end)) is not where the scenario puts it: \(e.date.iso) \(e.start)–\(e.end)"))
            }
            // The scenario may hold an event on a day of its choosing (check warns); anywhere else it is a working day.
            if event?.date != s.date, !held {
                if !period.contains(s.date) {
                    report(Bilingual("ligger utanför projektperioden \(period.from.iso) till \(period.to.iso)", "is outside the project period \(period.from.iso) to \(period.to.iso)"))
                } else if case let reason = c.calendar.reason(s.date), !reason.isWorking {
                    report(Bilingual("(\(reason.words.sv)) är ingen arbetsdag", "(\(reason.words.en)) is not a working day"))
                }
            }
            for name in s.attendingMunicipalities.sorted() {
                guard let withdrawal = c.municipality(name)?.withdrawal, s.date >= withdrawal else { continue }
                report(Bilingual("bjuder in \(name), som trädde ut från \(withdrawal.iso)", "invites \(name), which withdrew from \(withdrawal.iso)"))
            }
        }
        return found
    }
}
