/// `audience`: only municipalities with persons in the course's audience get seats, and over a course
/// (each series run counted once) a municipality seats no more participants than it has in the audience.
enum AudienceRule: PlanRule {
    static let id = "audience"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions {
            guard let course = c.course(s.course) else { continue }
            for (name, seats) in VerificationContext.seated(s) {
                guard let municipality = c.municipality(name) else {
                    found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                        message: Bilingual("\(VerificationText.session(s).sv) har \(seats) platser för \(name), som inte är någon kommun i scenariot",
                                         "\(VerificationText.session(s).en) seats \(seats) from \(name), which is not a municipality of the scenario")))
                    continue
                }
                if municipality.persons(in: course.audience) == 0 {
                    found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                        message: Bilingual("\(VerificationText.session(s).sv) har \(seats) platser för \(name), som inte har någon i målgruppen för kursen \(course.id)",
                                         "\(VerificationText.session(s).en) seats \(seats) from \(name), which has no one in course \(course.id)'s audience")))
                }
            }
        }
        for course in c.scenario.courses {
            let counted = c.countedSessions(course: course.id)
            for (name, participants) in c.participants(course: course.id).sorted(by: { $0.key < $1.key }) {
                guard let municipality = c.municipality(name) else { continue }
                let audience = municipality.persons(in: course.audience)
                // With no one in the audience every session was reported above already.
                guard audience > 0, participants > audience else { continue }
                let involved = counted.filter { ($0.seats[name] ?? 0) > 0 }
                found.append(RuleFinding(date: nil, sessionIDs: involved.map(\.id),
                    message: Bilingual("\(name) har \(participants) deltagare i kursen \(course.id) (\(VerificationText.list(involved.map(\.id)))) men bara \(audience) personer i målgruppen",
                                     "\(name) has \(participants) participants in course \(course.id) (\(VerificationText.list(involved.map(\.id)))) but only \(audience) persons in its audience")))
            }
        }
        return found
    }
}
