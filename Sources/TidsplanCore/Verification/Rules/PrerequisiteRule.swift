/// `prerequisite`: course B with prerequisite A (gap L weeks) starts in a county part only after A is
/// finished there: every B session is at least 7·L days (and at least one day) after every A session
/// serving the same county part. A's county-wide and digital sessions serve every part; a county-wide
/// or digital B session is served by every A session. And per municipality, B seats no more
/// participants than A (only people who took A take B).
enum PrerequisiteRule: PlanRule {
    static let id = "prerequisite"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for course in c.scenario.courses {
            let bSessions = c.sessions.filter { $0.course == course.id }
            for prerequisite in course.prerequisites {
                let aSessions = c.sessions.filter { $0.course == prerequisite.course }
                let minimumGap = max(7 * prerequisite.minGapWeeks, 1)
                for b in bSessions {
                    let tooLate = aSessions.filter { a in
                        serves(a, b, c) && b.date.ordinal - a.date.ordinal < minimumGap
                    }
                    guard !tooLate.isEmpty else { continue }
                    let gap = prerequisite.minGapWeeks == 0 ? "before it" : "at least \(prerequisite.minGapWeeks) week(s) before it"
                    found.append(RuleFinding(date: b.date, sessionIDs: [b.id] + tooLate.map(\.id),
                        message: "\(VerificationText.session(b)) comes too early: prerequisite \(prerequisite.course) must be"
                            + " finished \(gap), but \(VerificationText.list(tooLate.map(VerificationText.session))) serve(s) the same county part"))
                }
                let inA = c.participants(course: prerequisite.course)
                for (name, inB) in c.participants(course: course.id).sorted(by: { $0.key < $1.key }) {
                    let tookA = inA[name] ?? 0
                    guard inB > tookA else { continue }
                    let involved = c.countedSessions(course: course.id).filter { ($0.seats[name] ?? 0) > 0 }
                    found.append(RuleFinding(date: nil, sessionIDs: involved.map(\.id),
                        message: "\(name) has \(inB) participants in course \(course.id) but only \(tookA) in its"
                            + " prerequisite \(prerequisite.course)"))
                }
            }
        }
        return found
    }

    /// Does A session `a` serve the county part of B session `b`?
    static func serves(_ a: PlannedSession, _ b: PlannedSession, _ c: VerificationContext) -> Bool {
        c.servesWholeCounty(b) || c.servesWholeCounty(a) || a.countyPart == b.countyPart
    }
}
