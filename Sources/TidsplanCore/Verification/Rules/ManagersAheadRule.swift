/// `managers-ahead`: for a (managers') course with `aheadOf: {courses, slackWeeks: L}`, per municipality: its
/// first session of the course is no more than 7·L days after its first session of any listed course (both
/// counted where it has seats; checked only when both exist). A first session already held (frozen) or pinned
/// was decided before and is not checked.
enum ManagersAheadRule: PlanRule {
    static let id = "managers-ahead"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for course in c.scenario.courses {
            guard let ahead = course.aheadOf else { continue }
            let listed = Set(ahead.courses).subtracting([course.id])
            for name in c.seatedMunicipalityNames {
                let seated = c.sessions.filter { ($0.seats[name] ?? 0) > 0 }
                guard let managers = seated.first(where: { $0.course == course.id }),
                      let staff = seated.first(where: { listed.contains($0.course) }),
                      !managers.frozen, !staff.frozen, !CourseOrderRule.isPinned(managers, c),
                      managers.date.ordinal - staff.date.ordinal > 7 * ahead.slackWeeks else { continue }
                found.append(RuleFinding(date: managers.date, sessionIDs: [managers.id, staff.id],
                    message: Bilingual("\(name)s chefer börjar kursen \(course.id) först med \(VerificationText.session(managers).sv), mer än \(ahead.slackWeeks) \(ahead.slackWeeks == 1 ? "vecka" : "veckor") efter att personalen började med \(VerificationText.session(staff).sv)",
                                     "\(name)'s managers first meet in course \(course.id) with \(VerificationText.session(managers).en), more than \(ahead.slackWeeks) week(s) after its staff started with \(VerificationText.session(staff).en)")))
            }
        }
        return found
    }
}
