/// `course-order`: for course B with `after: [{course: A, minGapWeeks: L}]`, in each county part where some
/// A session serves: every B session serving the part comes at least 7·L days (and at least one day) after
/// the last session of the first A run to finish there. An A session serves its county part, or every part
/// when it is county-wide or digital (held for the whole county); a B session serves its county part, or
/// for a county-wide or digital one the parts whose staff it seats (as for prerequisites). Nobody has to
/// take both. Sessions already held (frozen) or pinned by the leader were decided before and are not checked.
enum CourseOrderRule: PlanRule {
    static let id = "course-order"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for course in c.scenario.courses {
            let bSessions = c.sessions.filter { $0.course == course.id && !$0.frozen && !isPinned($0, c) }
            guard !bSessions.isEmpty else { continue }
            for earlier in course.after where earlier.course != course.id {
                let aSessions = c.sessions.filter { $0.course == earlier.course }
                let gap = max(7 * earlier.minGapWeeks, 1)
                for part in c.scenario.countyParts.sorted() {
                    let serving = aSessions.filter { c.servesWholeCounty($0) || $0.countyPart == part }
                    guard let firstFinished = firstFinishedRun(serving) else { continue }
                    for b in bSessions where PrerequisiteRule.parts(b, c).contains(part) {
                        guard b.date.ordinal - firstFinished.date.ordinal < gap else { continue }
                        let need = earlier.minGapWeeks == 0 ? Bilingual("efter att", "after")
                            : Bilingual("minst \(earlier.minGapWeeks) \(earlier.minGapWeeks == 1 ? "vecka" : "veckor") efter att", "at least \(earlier.minGapWeeks) week(s) after")
                        found.append(RuleFinding(date: b.date, sessionIDs: [b.id, firstFinished.id],
                            message: Bilingual("\(VerificationText.session(b).sv) kommer för tidigt i \(part): kursen \(course.id) börjar \(need.sv) en omgång av \(earlier.course) avslutats där, och den första som avslutas slutar med \(VerificationText.session(firstFinished).sv)",
                                              "\(VerificationText.session(b).en) comes too early in \(part): course \(course.id) starts \(need.en) a run of \(earlier.course) has finished there, and the first to finish ends with \(VerificationText.session(firstFinished).en)")))
                    }
                }
            }
        }
        return found
    }

    /// The last session of the run that finishes first (a session outside a series is a run of its own).
    static func firstFinishedRun(_ sessions: [PlannedSession]) -> PlannedSession? {
        let runs = Dictionary(grouping: sessions) { $0.series?.run ?? $0.id }
        return runs.values.compactMap { run in run.max { ($0.date, $0.id) < ($1.date, $1.id) } }
            .min { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// A session the leader pinned: a pin with this course, county part and date.
    static func isPinned(_ s: PlannedSession, _ c: VerificationContext) -> Bool {
        c.scenario.pinned.contains { p in
            p.course == s.course && p.date == s.date && (p.countyPart.map { $0 == s.countyPart } ?? true)
        }
    }
}
