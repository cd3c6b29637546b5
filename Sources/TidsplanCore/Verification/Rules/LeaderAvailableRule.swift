/// `leader-available`: staff lead only on days with a share of full time above 0 and no absence;
/// external trainers only on their weekdays, inside a contract range, and not absent.
enum LeaderAvailableRule: PlanRule {
    static let id = "leader-available"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions {
            func report(_ text: Bilingual) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id], message: VerificationText.session(s) + " " + text))
            }
            for leader in Set(s.leaders).sorted() {
                if let member = c.staffMember(leader) {
                    if member.share(on: s.date) <= 0 {
                        report(Bilingual("leds av \(leader), som inte har någon arbetstid den dagen (tjänsteandel 0)", "is led by \(leader), who has no working time that day (share of full time 0)"))
                    }
                    if let absence = member.absences.first(where: { $0.range.contains(s.date) }) {
                        report(Bilingual("leds av \(leader), som är borta den dagen (\(absence.name))", "is led by \(leader), who is away that day (\(absence.name))"))
                    }
                } else if let trainer = c.trainer(leader) {
                    let weekdays = trainer.weekdays.isEmpty ? Weekday.allCases.filter { !$0.isWeekend } : trainer.weekdays
                    if !weekdays.contains(s.date.weekday) {
                        report(Bilingual("leds av \(leader), som inte arbetar på \(s.date.weekday.swedish)ar", "is led by \(leader), who does not work on a \(s.date.weekday.english)"))
                    }
                    if !trainer.available.isEmpty && !trainer.available.contains(where: { $0.contains(s.date) }) {
                        report(Bilingual("leds av \(leader), som inte har avtal den dagen", "is led by \(leader), who is not under contract that day"))
                    }
                    if let absence = trainer.absences.first(where: { $0.range.contains(s.date) }) {
                        report(Bilingual("leds av \(leader), som är borta den dagen (\(absence.name))", "is led by \(leader), who is away that day (\(absence.name))"))
                    }
                }
                // An unknown leader is reported by leaders-qualified.
            }
        }
        return found
    }
}
