/// `prerequisite`: course B with prerequisite A (gap L weeks) starts in a county part only after A is
/// finished there: every B session is at least 7·L days (and at least one day) after every A session
/// serving a county part B serves. A county-part session serves its part; a county-wide or digital
/// session serves the parts whose staff it seats (a plan made by area holds such sessions per area, and
/// one area's course does not hold back another's). And per municipality, B seats no more participants
/// than A (only people who took A take B).
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

    /// Do A session `a` and B session `b` serve a county part in common?
    static func serves(_ a: PlannedSession, _ b: PlannedSession, _ c: VerificationContext) -> Bool {
        !parts(a, c).isDisjoint(with: parts(b, c))
    }

    /// The county parts a session serves: its own, or for a county-wide or digital one those of the
    /// municipalities it seats.
    static func parts(_ s: PlannedSession, _ c: VerificationContext) -> Set<String> {
        guard c.servesWholeCounty(s) else { return [s.countyPart] }
        return Set(s.seats.filter { $0.value > 0 }.compactMap { c.scenario.municipality($0.key)?.countyPart })
    }
}
