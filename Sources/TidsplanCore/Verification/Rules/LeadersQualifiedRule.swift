/// `leaders-qualified`: every session has exactly `leadersPerSession` leaders, each of whom may lead
/// the course (listed in the staff member's or external trainer's `courses`).
enum LeadersQualifiedRule: PlanRule {
    static let id = "leaders-qualified"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions {
            func report(_ text: Bilingual) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id], message: VerificationText.session(s) + " " + text))
            }
            guard let course = c.course(s.course) else {
                report(Bilingual("hör till kursen \(s.course), som scenariot inte har, så ingen får leda det", "is of course \(s.course), which the scenario does not have, so no one may lead it"))
                continue
            }
            if s.leaders.count != course.leadersPerSession {
                report(Bilingual("har \(s.leaders.count) ledare; kursen \(course.id) behöver \(course.leadersPerSession)", "has \(s.leaders.count) leader(s); course \(course.id) needs \(course.leadersPerSession)"))
            }
            var seen: Set<String> = []
            for leader in s.leaders {
                if !seen.insert(leader).inserted {
                    report(Bilingual("anger \(leader) två gånger som ledare", "names \(leader) twice as leader"))
                    continue
                }
                let staff = c.staffMember(leader), trainer = c.trainer(leader)
                if staff == nil && trainer == nil {
                    report(Bilingual("leds av \(leader), som varken är projektpersonal eller extern utbildare", "is led by \(leader), who is neither project staff nor an external trainer"))
                } else if !(staff?.courses.contains(course.id) ?? false) && !(trainer?.courses.contains(course.id) ?? false) {
                    report(Bilingual("leds av \(leader), som inte får leda kursen \(course.id)", "is led by \(leader), who may not lead course \(course.id)"))
                }
            }
        }
        return found
    }
}
