import LinearModel
import TidsplanCore

/// For a prerequisite A of course B: in each county part, A is finished (more than the gap earlier)
/// before B starts there, and no municipality's target group sends more people to B than it sent to A.
///
/// Cumulative form, as measured fastest for GLPK: `aActive[w]` is 1 while some A meeting serving the part
/// is still to come in week w or later; `bStarted[w]` is 1 once some B run serving it has started.
/// Then `bStarted[w] + aActive[w - gap] <= 1`: B's first week is at least gap + 1 weeks after A's last,
/// so at least 7·gap days lie between them whatever the weekdays. Both stay continuous: integral starts force them.
enum Prerequisites: ConstraintFamily {
    static let id = "prerequisite"
    static let explanation = "A prerequisite course is finished in a county part before the next course starts there, and only persons of a target group who took it go on."
    static let verifierRules = ["prerequisite"]

    static func apply(to b: WeekModelBuilder) {
        let weeks = b.grid.weeks.count
        for course in b.scenario.courses {
            for pre in course.prerequisites {
                for part in b.scenario.countyParts {
                    let aGroups = b.groupsServing(countyPart: part, course: pre.course)
                    let bGroups = b.groupsServing(countyPart: part, course: course.id)
                    guard !aGroups.isEmpty, !bGroups.isEmpty else { continue }
                    let tag = "\(pre.course)_\(course.id)_\(Slug.make(part))"
                    let aActive = (0..<weeks).map { b.model.addVariable("aact_\(tag)_w\($0)", lower: 0, upper: 1) }
                    let bStarted = (0..<weeks).map { b.model.addVariable("bstart_\(tag)_w\($0)", lower: 0, upper: 1) }
                    for w in 0..<(weeks - 1) {
                        b.model.addConstraint("aact_mono_\(tag)_w\(w)", [Term(aActive[w + 1], 1), Term(aActive[w], -1)], upper: 0)
                        b.model.addConstraint("bstart_mono_\(tag)_w\(w)", [Term(bStarted[w], 1), Term(bStarted[w + 1], -1)], upper: 0)
                    }
                    for g in aGroups {
                        for (s, n) in b.starts[g].sorted(by: { $0.key < $1.key }) {
                            let last = min(weeks - 1, b.meetingWeeks(g, startWeek: s).last ?? s)
                            let ub = b.model[n].upper ?? 1
                            b.model.addConstraint("aact_\(tag)_g\(g)_w\(s)", [Term(n, 1), Term(aActive[last], -ub)], upper: 0)
                        }
                    }
                    for g in bGroups {
                        for (s, n) in b.starts[g].sorted(by: { $0.key < $1.key }) {
                            let ub = b.model[n].upper ?? 1
                            b.model.addConstraint("bstart_\(tag)_g\(g)_w\(s)", [Term(n, 1), Term(bStarted[s], -ub)], upper: 0)
                        }
                    }
                    for w in 0..<weeks {
                        b.tags.tag(b.model.addConstraint("prereq_\(tag)_w\(w)", [Term(bStarted[w], 1), Term(aActive[max(0, w - pre.minGapWeeks)], 1)], upper: 1),
                                   .prerequisiteWeek(course: course.id, prerequisite: pre.course, countyPart: part, week: w))
                    }
                }
                // Only those who took A take B, per target group: all of A in a county part ends before B starts
                // there (above), so counts per group make it hold for every person at every date.
                for m in b.scenario.municipalities {
                    guard let bSeats = b.groupSeats[course.id]?[m.name] else { continue }
                    let frozenA = b.frozenGroupSeats(pre.course, m).byGroup, frozenB = b.frozenGroupSeats(course.id, m).byGroup
                    for (i, xb) in bSeats.sorted(by: { $0.key < $1.key }) {
                        var e: LinearExpression = [Term(xb, 1)]
                        if let xa = b.groupSeat(pre.course, m.name, i) { e.add(xa, -1) }
                        // A frozen past that already broke this (a plan from before groups) stays as it was.
                        let held = max(0, (frozenB[i] ?? 0) - (frozenA[i] ?? 0))
                        b.tags.tag(b.model.addConstraint("prereq_seats_\(pre.course)_\(course.id)_\(Slug.make(m.name))_\(i)", e, upper: Double(held)),
                                   .prerequisiteSeats(course: course.id, prerequisite: pre.course, municipality: m.name, group: i))
                    }
                }
            }
        }
    }
}

/// Sessions the leader has already decided: a run starts in the pinned week (the day is fixed in the day
/// model) and the pinned leader leads a meeting of that course that week.
enum Pinned: ConstraintFamily {
    static let id = "pinned"
    static let explanation = "Sessions already decided keep their date and leader."
    static let verifierRules = ["pinned"]

    /// The pins that concern group g.
    static func pins(_ scenario: Scenario, _ group: RunGroup) -> [PinnedSession] {
        scenario.pinned.filter { p in
            p.course == group.course.id && (group.countyPart == nil || p.countyPart == group.countyPart)
        }
    }

    static func apply(to b: WeekModelBuilder) {
        guard b.replan == nil else { return }  // a re-plan keeps the previous plan's decisions instead
        for g in b.groups.indices {
            let pins = pins(b.scenario, b.groups[g])
            guard !pins.isEmpty else { continue }
            let tag = "\(b.groups[g].course.id)_\(b.groups[g].slug)"
            var perWeek: [Int: Int] = [:]
            for p in pins { if let d = p.date, let w = b.grid.weekIndex(of: d) { perWeek[w, default: 0] += 1 } }
            for (w, k) in perWeek.sorted(by: { $0.key < $1.key }) {
                if let n = b.starts[g][w] { b.model.addConstraint("pin_\(tag)_w\(w)", [Term(n, 1)], lower: Double(k)) }
            }
            b.model.addConstraint("pin_held_\(tag)", b.runs(g), lower: Double(pins.count))
            for p in pins {
                guard let leader = p.leader, b.groups[g].needsLeaderChoice else { continue }
                var e = WeekModelBuilder.zero
                let byWeek = b.leadCount[b.groups[g].course.id]?[leader] ?? [:]
                if let d = p.date, let w = b.grid.weekIndex(of: d) {
                    if let y = byWeek[w] { e.add(y) }
                } else {
                    for (_, y) in byWeek.sorted(by: { $0.key < $1.key }) { e.add(y) }
                }
                b.model.addConstraint("pin_leader_\(tag)_\(Slug.make(leader))", e, lower: 1)
            }
        }
    }
}
