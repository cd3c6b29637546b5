/// `prerequisite`: course B with prerequisite A (gap L weeks) starts in a county part only after A is
/// finished there: every B session is at least 7·L days (and at least one day) after every A session
/// serving a county part B serves. A county-part session serves its part; a county-wide or digital
/// session serves the parts whose staff it seats (a plan made by area holds such sessions per area, and
/// one area's course does not hold back another's). And per municipality, B seats no more participants
/// than A; where the plan records target groups (`groupSeats`), per municipality and group and at every
/// date: the persons of a group who have started B are at most those of the group who finished A at least
/// the gap before (only people who took A take B). Runs count with their places (`RunPlaces`): who came,
/// once an attendance register recorded them.
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
                    let weeks = prerequisite.minGapWeeks
                    let gap = weeks == 0 ? Bilingual("före det", "before it")
                        : Bilingual("minst \(weeks) \(weeks == 1 ? "vecka" : "veckor") före det", "at least \(weeks) week(s) before it")
                    let late = VerificationText.sessions(tooLate)
                    found.append(RuleFinding(date: b.date, sessionIDs: [b.id] + tooLate.map(\.id),
                        message: Bilingual("\(VerificationText.session(b).sv) kommer för tidigt: förkunskapskursen \(prerequisite.course) ska vara avslutad \(gap.sv), men \(late.sv) är för samma länsdel",
                                           "\(VerificationText.session(b).en) comes too early: prerequisite \(prerequisite.course) must be finished \(gap.en), but \(late.en) serve(s) the same county part")))
                }
                let inA = places(prerequisite.course, c)
                for (name, inB) in places(course.id, c).sorted(by: { $0.key < $1.key }) {
                    let tookA = inA[name] ?? 0
                    guard inB > tookA else { continue }
                    let involved = c.countedSessions(course: course.id).filter { ($0.seats[name] ?? 0) > 0 }
                    found.append(RuleFinding(date: nil, sessionIDs: involved.map(\.id),
                        message: Bilingual("\(name) har \(inB) deltagare i kursen \(course.id) men bara \(tookA) i förkunskapskursen \(prerequisite.course)",
                                           "\(name) has \(inB) participants in course \(course.id) but only \(tookA) in its prerequisite \(prerequisite.course)")))
                }
                found += perGroup(course.id, prerequisite, c)
            }
        }
        return found
    }

    /// Per municipality and target group, cumulatively: at each B run's start, the group's persons who started
    /// B are at most those who finished A at least the gap (and a day) before. Runs count once; A's run
    /// finishes at its last meeting.
    static func perGroup(_ b: String, _ pre: Prerequisite, _ c: VerificationContext) -> [RuleFinding] {
        let aRuns = runs(pre.course, c), bRuns = runs(b, c)
        // Plans that do not record groups are judged per municipality only (above).
        let recorded = (aRuns + bRuns).allSatisfy { r in r.seats.isEmpty || !r.groups.isEmpty }
        guard recorded, !bRuns.isEmpty else { return [] }
        let gapDays = max(7 * pre.minGapWeeks, 1)
        var groups: Set<GroupRef> = []
        for r in bRuns { for g in r.groups where g.seats > 0 { groups.insert(GroupRef(g)) } }
        var found: [RuleFinding] = []
        for group in groups.sorted() {
            func seats(_ r: Run) -> Int { r.groups.filter { GroupRef($0) == group }.reduce(0) { $0 + $1.seats } }
            for start in Set(bRuns.filter { seats($0) > 0 }.map(\.start)).sorted() {
                let started = bRuns.filter { $0.start <= start }.reduce(0) { $0 + seats($1) }
                let finished = aRuns.filter { start.ordinal - $0.end.ordinal >= gapDays }.reduce(0) { $0 + seats($1) }
                guard started > finished else { continue }
                let ids = bRuns.filter { $0.start <= start && seats($0) > 0 }.flatMap(\.sessionIDs)
                found.append(RuleFinding(date: start, sessionIDs: ids,
                    message: Bilingual("till och med \(start) har \(started) från \(group.area) \(group.role.rawValue) i \(group.municipality) börjat kursen \(b), men bara \(finished) av dem hann avsluta förkunskapskursen \(pre.course)",
                                       "by \(start) \(started) \(group.area) \(group.role.rawValue) from \(group.municipality) have started course \(b), but only \(finished) of them finished its prerequisite \(pre.course) in time")))
                break
            }
        }
        return found
    }

    /// A municipality's target group, as a plan's `groupSeats` name it.
    struct GroupRef: Hashable, Comparable {
        var municipality: String
        var area: String
        var role: Role
        init(_ g: GroupSeats) { municipality = g.municipality; area = g.area; role = g.role }
        static func < (a: Self, b: Self) -> Bool { (a.municipality, a.area, a.role.rawValue) < (b.municipality, b.area, b.role.rawValue) }
    }

    /// One run of a course: its first and last date, its seats and target groups (from its first meeting).
    struct Run {
        var start: Day
        var end: Day
        var seats: [String: Int]
        var groups: [GroupSeats]
        var sessionIDs: [String]
    }

    /// Participants per municipality in a course, each run counted once with its places (`RunPlaces`).
    static func places(_ course: String, _ c: VerificationContext) -> [String: Int] {
        var out: [String: Int] = [:]
        for r in runs(course, c) { for (name, n) in r.seats { out[name, default: 0] += n } }
        return out
    }

    static func runs(_ course: String, _ c: VerificationContext) -> [Run] {
        var byRun: [String: [PlannedSession]] = [:]
        for s in c.sessions where s.course == course { byRun[s.series?.run ?? s.id, default: []].append(s) }
        return byRun.keys.sorted().compactMap { key in
            guard let all = byRun[key], let start = all.map(\.date).min(), let end = all.map(\.date).max() else { return nil }
            return Run(start: start, end: end, seats: RunPlaces.seats(all).filter { $0.value > 0 }, groups: RunPlaces.groupSeats(all),
                       sessionIDs: all.map(\.id).sorted())
        }
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
