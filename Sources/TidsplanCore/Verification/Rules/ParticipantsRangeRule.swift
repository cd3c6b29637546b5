/// `participants-range`: a session has between the course's `minParticipants` and `maxParticipants`
/// participants, and no more than its venue holds. Reserved places (participants from outside the
/// municipalities) count. A session whose attendance was recorded is not held to the minimum.
enum ParticipantsRangeRule: PlanRule {
    static let id = "participants-range"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions {
            func report(_ text: Bilingual) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id], message: VerificationText.session(s) + " " + text))
            }
            let n = s.headCount
            if let course = c.course(s.course) {
                // Attendance the register recorded is a fact, not a plan: fewer may have come than the minimum.
                if n < course.minParticipants && !s.isRecorded {
                    report(Bilingual("har \(n) deltagare; kursen \(course.id) behöver minst \(course.minParticipants)", "has \(n) participant(s); course \(course.id) needs at least \(course.minParticipants)"))
                }
                if n > course.maxParticipants {
                    report(Bilingual("har \(n) deltagare; kursen \(course.id) tar högst \(course.maxParticipants)", "has \(n) participants; course \(course.id) takes at most \(course.maxParticipants)"))
                }
            }
            if let venue = c.venue(s.venue), n > venue.capacity {
                report(Bilingual("har \(n) deltagare; \(venue.name) rymmer \(venue.capacity)", "has \(n) participants; \(venue.name) holds \(venue.capacity)"))
            }
        }
        return found
    }
}
