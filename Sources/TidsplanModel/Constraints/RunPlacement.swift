import LinearModel
import TidsplanCore

/// Runs start only in weeks where every meeting can fall on a working day after the start-up phase,
/// inside the course window and the period, with enough qualified leaders available; no more runs start
/// in a week than there are such days, and no more are held than the group needs.
/// Runs already held (re-planning) stay in their weeks.
enum RunPlacement: ConstraintFamily {
    static let id = "working-day"
    static let explanation = "Training happens on working days after the start-up phase, inside the course's window, when its leaders are available."
    static let verifierRules = ["working-day", "series-cadence", "delivery", "follow-up-window", "frozen-past"]

    /// Days in week v on which a meeting of group g can be held with some qualified leader set.
    static func days(_ b: WeekModelBuilder, _ g: Int, week v: Int) -> Int {
        let group = b.groups[g]
        if group.needsLeaderChoice {
            let perLeader = group.leaderPool.map {
                Set(b.grid.sessionDays(week: v, course: group.course, leaders: [$0], scenario: b.scenario, notBefore: b.notBefore))
            }
            guard perLeader.filter({ !$0.isEmpty }).count >= group.course.leadersPerSession else { return 0 }
            return perLeader.reduce(Set<Day>()) { $0.union($1) }.count
        }
        return b.grid.sessionDays(week: v, course: group.course, leaders: group.leaderPool, scenario: b.scenario,
                                  notBefore: b.notBefore).count
    }

    static func apply(to b: WeekModelBuilder) {
        let weeks = b.grid.weeks.count
        for g in b.groups.indices {
            let group = b.groups[g]
            var frozenAt: [Int: Int] = [:]
            for r in b.frozenRuns(g) { frozenAt[r.startWeek, default: 0] += 1 }
            let surveyFits = FollowUpFit.allowedStarts(b, g)
            for s in 0..<weeks {
                let mw = b.meetingWeeks(g, startWeek: s)
                var ub = 0
                if mw.allSatisfy({ $0 < weeks }) {
                    // At most one run of a group starts in a week. A model choice, not a rule: spreading a
                    // course's runs suits the municipalities, and binaries suit GLPK far better than counts
                    // (on "Räkna med oss!": 1.9 % gap in 60 s against 10 % with counts).
                    ub = min(1, group.maxRuns, mw.map { days(b, g, week: $0) }.min() ?? 0)
                    ub -= b.forbidden[group.key]?[s] ?? 0
                    if let surveyFits, !surveyFits.contains(s) { ub = 0 }
                }
                let lb = frozenAt[s] ?? 0
                ub = max(ub, lb)
                guard ub > 0 else { continue }
                b.starts[g][s] = b.model.addVariable("n_\(group.course.id)_\(group.slug)_w\(s)", kind: .integer,
                                                     lower: Double(lb), upper: Double(ub))
            }
            // R_g: the group's run count, bounded by the most runs worth holding (the former runs_max row).
            let held = b.runs(g)
            let startable = held.terms.reduce(0.0) { $0 + (b.model[$1.variable].upper ?? 0) }
            let r = b.model.addVariable("R_\(group.course.id)_\(group.slug)", kind: .integer,
                                        lower: Double(b.frozenRuns(g).count),
                                        upper: min(startable, Double(max(group.maxRuns, b.frozenRuns(g).count))))
            var link = held; link.add(r, -1)
            b.model.addConstraint("runs_\(group.course.id)_\(group.slug)", link, lower: 0, upper: 0)
            b.runCount[g] = r
            var frozenSeats: [String: Int] = [:]
            for r in b.frozenRuns(g) { for (m, n) in r.seats { frozenSeats[m, default: 0] += n } }
            var names = group.seatCaps.map(\.municipality)
            for m in frozenSeats.keys.sorted() where !names.contains(m) { names.append(m) }
            for m in names {
                let eligible = group.seatCaps.first { $0.municipality == m }?.eligible ?? 0
                let lo = frozenSeats[m] ?? 0
                let z = b.model.addVariable("z_\(group.course.id)_\(group.slug)_\(Slug.make(m))", kind: .integer,
                                            lower: Double(lo), upper: Double(max(lo, eligible)))
                b.seats[g][m] = z
                b.seatLike.append(z)
            }
        }
    }
}

/// Every session is led by as many qualified leaders as the course needs. Where more people could lead a
/// course, the model counts the meetings each leads per week (who leads which session is settled after).
enum LeaderAssignment: ConstraintFamily {
    static let id = "leaders-qualified"
    static let explanation = "Every session is led by as many qualified leaders as the course needs, each available that week."
    static let verifierRules = ["leaders-qualified", "leader-available"]

    static func apply(to b: WeekModelBuilder) {
        let weeks = b.grid.weeks.count
        for course in b.scenario.courses {
            let gs = b.groups(ofCourse: course.id).filter { b.groups[$0].needsLeaderChoice }
            guard let first = gs.first else { continue }
            let pool = b.groups[first].leaderPool
            // Meetings already led (frozen), per leader and week.
            var frozen: [String: [Int: Int]] = [:]
            for g in gs {
                for r in b.frozenRuns(g) {
                    for j in 1...b.groups[g].meetings {
                        for p in r.leaders[j] ?? [] { frozen[p, default: [:]][r.startWeek + (j - 1) * b.groups[g].everyWeeks, default: 0] += 1 }
                    }
                }
            }
            for v in 0..<weeks {
                let meetings = b.meetingsIn(week: v, groups: gs)
                guard !meetings.terms.isEmpty else { continue }
                var sum = WeekModelBuilder.zero
                for p in pool {
                    let days = b.grid.sessionDays(week: v, course: course, leaders: [p], scenario: b.scenario, notBefore: b.notBefore).count
                    let lo = frozen[p]?[v] ?? 0
                    guard max(days, lo) > 0 else { continue }
                    let y = b.model.addVariable("y_\(course.id)_\(Slug.make(p))_w\(v)", kind: .integer, lower: Double(lo), upper: Double(max(days, lo)))
                    b.leadCount[course.id, default: [:]][p, default: [:]][v] = y
                    sum.add(y)
                    if course.leadersPerSession > 1 {
                        var once = meetings; once.add(y, -1)
                        b.model.addConstraint("lead_once_\(course.id)_\(Slug.make(p))_w\(v)", once, lower: 0)
                    }
                }
                sum.add(meetings, times: -Double(course.leadersPerSession))
                b.model.addConstraint("leaders_\(course.id)_w\(v)", sum, lower: 0, upper: 0)
            }
        }
    }
}
