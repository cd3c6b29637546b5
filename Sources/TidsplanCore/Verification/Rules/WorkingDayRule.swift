/// `working-day`: training happens on working days of the scenario calendar, inside the project period,
/// on or after `trainingFrom` (after the start-up phase) and inside the course's window.
enum WorkingDayRule: PlanRule {
    static let id = "working-day"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        let project = c.scenario.project
        for s in c.sessions {
            func report(_ text: Bilingual) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id], message: VerificationText.session(s) + " " + text))
            }
            if !project.period.contains(s.date) {
                report(Bilingual("ligger utanför projektperioden \(project.period.from.iso) till \(project.period.to.iso)", "is outside the project period \(project.period.from.iso) to \(project.period.to.iso)"))
            } else {
                if s.date < project.trainingFrom {
                    report(Bilingual("ligger före utbildningsstarten \(project.trainingFrom.iso) (uppstartsfasen)", "is before training starts on \(project.trainingFrom.iso) (start-up phase)"))
                }
                let reason = c.calendar.reason(s.date)
                if !reason.isWorking {
                    found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                        message: Bilingual("\(s.id) den \(s.date.iso) (\(reason.words.sv)) är ingen arbetsdag", "\(s.id) on \(s.date.iso) (\(reason.words.en)) is not a working day")))
                }
            }
            if let window = c.course(s.course)?.window, !window.contains(s.date) {
                report(Bilingual("ligger utanför fönstret för kursen \(s.course), \(window.from.iso) till \(window.to.iso)", "is outside course \(s.course)'s window \(window.from.iso) to \(window.to.iso)"))
            }
        }
        return found
    }
}
