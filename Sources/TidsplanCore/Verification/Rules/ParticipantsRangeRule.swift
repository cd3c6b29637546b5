/// `participants-range`: a session has between the course's `minParticipants` and `maxParticipants`
/// participants, and no more than its venue holds. Reserved places (participants from outside the
/// municipalities) count. A session whose attendance was recorded is not held to the minimum.
enum ParticipantsRangeRule: PlanRule {
    static let id = "participants-range"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions {
            func report(_ text: String) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id], message: "\(VerificationText.session(s)) \(text)"))
            }
            let n = s.headCount
            if let course = c.course(s.course) {
                // Attendance the register recorded is a fact, not a plan: fewer may have come than the minimum.
                if n < course.minParticipants && !s.isRecorded {
                    report("has \(n) participant(s); course \(course.id) needs at least \(course.minParticipants)")
                }
                if n > course.maxParticipants {
                    report("has \(n) participants; course \(course.id) takes at most \(course.maxParticipants)")
                }
            }
            if let venue = c.venue(s.venue), n > venue.capacity {
                report("has \(n) participants; \(venue.name) holds \(venue.capacity)")
            }
        }
        return found
    }
}
