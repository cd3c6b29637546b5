import LinearModel
import TidsplanCore

/// `after:` — in each county part, course B starts only once some run of course A serving the part has
/// finished, at least the gap earlier. Unlike a prerequisite, nobody has to take both.
///
/// Cumulative form, as in `Prerequisites`: `aDone[w] <= aDone[w-1] + (A runs serving the part whose last
/// meeting falls in week w)`, so `aDone[w] > 0` only once a whole number of A runs, hence one, has finished by
/// week w. `aAny >= n/ub` for every A start column (a column is 0 or its upper bound, so this forces aAny = 1
/// as soon as A runs in the part at all). Every B start column n in week w then obeys
/// `n <= ub·(aDone[w - gap - 1] + 1 - aAny)`: with A held, B's first week is at least gap + 1 weeks after the
/// end of A's first finished run (7·gap days whatever the weekdays); with no A, B is free and A's own shortfall
/// is what gets reported. The indicators stay continuous: integral start columns force them.
///
/// Never infeasible on its own: a B column can always stay at 0. Columns that must be positive are exempt:
/// runs already held in a re-plan (frozen, lower bound > 0; the past is what it was) and pinned weeks (the
/// leader decided them). The verifier exempts the same sessions.
enum CourseOrder: ConstraintFamily {
    static let id = "course-order"
    static let explanation = "A course the application gives first is held in a county part before the course that follows it starts there."
    static let verifierRules = ["course-order"]

    static func apply(to b: WeekModelBuilder) {
        let weeks = b.grid.weeks.count
        for course in b.scenario.courses {
            for earlier in course.after where earlier.course != course.id {
                for part in b.scenario.countyParts {
                    let aGroups = b.groupsServing(countyPart: part, course: earlier.course)
                    let bGroups = b.groupsServing(countyPart: part, course: course.id)
                    guard !aGroups.isEmpty, !bGroups.isEmpty else { continue }
                    let tag = "\(earlier.course)_\(course.id)_\(Slug.make(part))"
                    let aAny = b.model.addVariable("order_any_\(tag)", lower: 0, upper: 1)
                    var endingIn: [Int: LinearExpression] = [:]
                    for g in aGroups {
                        for (s, n) in b.starts[g].sorted(by: { $0.key < $1.key }) {
                            let ub = b.model[n].upper ?? 1
                            b.model.addConstraint("order_any_\(tag)_g\(g)_w\(s)", [Term(n, 1), Term(aAny, -ub)], upper: 0)
                            let last = min(weeks - 1, b.meetingWeeks(g, startWeek: s).last ?? s)
                            endingIn[last, default: WeekModelBuilder.zero].add(n)
                        }
                    }
                    // aDone[w], for the weeks up to the last one any B column reads.
                    let lastRead = bGroups.flatMap { b.starts[$0].keys }.max().map { $0 - earlier.minGapWeeks - 1 } ?? -1
                    var aDone: [VariableID] = []
                    for w in 0..<max(0, min(weeks, lastRead + 1)) {
                        let done = b.model.addVariable("order_done_\(tag)_w\(w)", lower: 0, upper: 1)
                        var e: LinearExpression = [Term(done, 1)]
                        if w > 0 { e.add(aDone[w - 1], -1) }
                        if let ending = endingIn[w] { e.add(ending, times: -1) }
                        b.model.addConstraint("order_done_\(tag)_w\(w)", e, upper: 0)
                        aDone.append(done)
                    }
                    for g in bGroups {
                        let pinned = pinnedWeeks(b, g)
                        for (s, n) in b.starts[g].sorted(by: { $0.key < $1.key }) {
                            guard (b.model[n].lower ?? 0) == 0, !pinned.contains(s) else { continue }
                            let ub = b.model[n].upper ?? 1
                            var e: LinearExpression = [Term(n, 1), Term(aAny, ub)]
                            let read = s - earlier.minGapWeeks - 1
                            if read >= 0, read < aDone.count { e.add(aDone[read], -ub) }
                            b.model.addConstraint("order_\(tag)_g\(g)_w\(s)", e, upper: ub)
                        }
                    }
                }
            }
        }
    }

    /// Weeks in which the leader pinned a session of group g (a first plan only; a re-plan ignores pins).
    static func pinnedWeeks(_ b: WeekModelBuilder, _ g: Int) -> Set<Int> {
        guard b.replan == nil else { return [] }
        return Set(Pinned.pins(b.scenario, b.groups[g]).compactMap { p in p.date.flatMap { b.grid.weekIndex(of: $0) } })
    }
}

/// `aheadOf:` — a managers' course starts before, or at the latest alongside, its staff's courses: in each
/// county part, every run of it serving the part starts less than `slackWeeks` weeks after the first week
/// a listed course starts there (the week model cannot order days inside a week, so it keeps a week's margin
/// and the verifier's "at most 7·slackWeeks days later" holds whatever the weekdays).
///
/// Cumulative form: `staffStarted[w]` is monotone and at least n/ub for every listed start column in week w,
/// so it is 1 from the first staff start on; every managers' start column n in week w obeys
/// `n + ub·staffStarted[w - slack] <= ub`. Continuous indicators, forced by integral starts.
///
/// Only runs not yet held take part: in a re-plan, staff runs already frozen do not hold back a managers'
/// run that is still to come (late is better than never; what the past did is not re-judged), and frozen
/// or pinned managers' runs are exempt. So the managers' columns can always stay at 0: never infeasible.
enum ManagersAhead: ConstraintFamily {
    static let id = "managers-ahead"
    static let explanation = "The managers' course starts before, or at the latest alongside, their staff's training in each county part."
    static let verifierRules = ["managers-ahead"]

    static func apply(to b: WeekModelBuilder) {
        let weeks = b.grid.weeks.count
        for course in b.scenario.courses {
            guard let ahead = course.aheadOf else { continue }
            let listed = Set(ahead.courses).subtracting([course.id]).sorted()
            guard !listed.isEmpty else { continue }
            for part in b.scenario.countyParts {
                let mGroups = b.groupsServing(countyPart: part, course: course.id)
                let sGroups = listed.flatMap { b.groupsServing(countyPart: part, course: $0) }
                guard !mGroups.isEmpty, !sGroups.isEmpty else { continue }
                var startingIn: [Int: [(VariableID, Double)]] = [:]
                for g in sGroups {
                    for (s, n) in b.starts[g].sorted(by: { $0.key < $1.key }) where (b.model[n].lower ?? 0) == 0 {
                        startingIn[s, default: []].append((n, b.model[n].upper ?? 1))
                    }
                }
                guard let firstStart = startingIn.keys.min() else { continue }
                let tag = "\(course.id)_\(Slug.make(part))"
                var started: [Int: VariableID] = [:]
                var previous: VariableID?
                for w in firstStart..<weeks {
                    let v = b.model.addVariable("ahead_staff_\(tag)_w\(w)", lower: 0, upper: 1)
                    if let p = previous { b.model.addConstraint("ahead_mono_\(tag)_w\(w)", [Term(p, 1), Term(v, -1)], upper: 0) }
                    for (i, (n, ub)) in (startingIn[w] ?? []).enumerated() {
                        b.model.addConstraint("ahead_staff_\(tag)_w\(w)_\(i)", [Term(n, 1), Term(v, -ub)], upper: 0)
                    }
                    started[w] = v
                    previous = v
                }
                for g in mGroups {
                    let pinned = CourseOrder.pinnedWeeks(b, g)
                    for (s, n) in b.starts[g].sorted(by: { $0.key < $1.key }) {
                        guard (b.model[n].lower ?? 0) == 0, !pinned.contains(s),
                              let staff = started[s - ahead.slackWeeks] else { continue }
                        let ub = b.model[n].upper ?? 1
                        b.model.addConstraint("ahead_\(tag)_g\(g)_w\(s)", [Term(n, 1), Term(staff, ub)], upper: ub)
                    }
                }
            }
        }
    }
}
