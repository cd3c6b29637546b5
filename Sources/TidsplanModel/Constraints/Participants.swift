import LinearModel
import TidsplanCore

/// Held runs have between the course's minimum and maximum participants, no more than the room takes,
/// and no more from one municipality than may be away on one day.
enum SessionSize: ConstraintFamily {
    static let id = "participants-range"
    static let explanation = "Sessions are neither smaller than the course's minimum nor bigger than its maximum or the room."
    static let verifierRules = ["participants-range", "municipality-share-away"]

    static func apply(to b: WeekModelBuilder) {
        for g in b.groups.indices {
            let group = b.groups[g]
            let tag = "\(group.course.id)_\(group.slug)"
            // Runs already held keep their seats; the bounds apply to the runs still to come.
            let frozen = b.frozenRuns(g)
            let k = Double(frozen.count)
            var frozenSeats: [String: Int] = [:]
            for r in frozen { for (m, n) in r.seats { frozenSeats[m, default: 0] += n } }
            let f = Double(frozenSeats.values.reduce(0, +))
            var upper = b.seatSum(g); upper.add(b.runs(g), times: -Double(group.maxParticipants))
            b.tags.tag(b.model.addConstraint("size_max_\(tag)", upper, upper: f - k * Double(group.maxParticipants)), .sessionSizeMax(groupKey: group.key))
            var lower = b.seatSum(g); lower.add(b.runs(g), times: -Double(group.minSeats))
            b.tags.tag(b.model.addConstraint("size_min_\(tag)", lower, lower: f - k * Double(group.minSeats)), .sessionSizeMin(groupKey: group.key))
            for (m, cap, _) in group.seatCaps {
                guard let z = b.seats[g][m] else { continue }
                var e: LinearExpression = [Term(z, 1)]
                e.add(b.runs(g), times: -Double(cap))
                b.tags.tag(b.model.addConstraint("size_muni_\(tag)_\(Slug.make(m))", e, upper: Double(frozenSeats[m] ?? 0) - k * Double(cap)),
                           .seatsOneMunicipality(groupKey: group.key, municipality: m))
            }
        }
    }
}

/// Places belong to the target groups that asked for them (the mapping): per course, municipality and
/// group (area × role) a column x of places over all runs, at most what the group asked plus the tolerance
/// (every person in the audience for a course taken as needed), at least what it already attended; the
/// seats of the municipality's runs add up to its groups' places. A group that asked for nothing gets no
/// column, so no place, and nobody takes a course twice.
enum Audience: ConstraintFamily {
    static let id = "audience"
    static let explanation = "Places go to the target groups that asked for them, never more than asked beyond the tolerance, and nobody takes the same course twice."
    static let verifierRules = ["audience", "group-seats"]

    static func apply(to b: WeekModelBuilder) {
        let tolerance = b.scenario.rules.attendanceTolerance
        for course in b.scenario.courses {
            let gs = b.groups(ofCourse: course.id)
            guard !gs.isEmpty else { continue }
            for m in b.scenario.municipalities {
                var link = WeekModelBuilder.zero
                for g in gs { if let z = b.seats[g][m.name] { link.add(z) } }
                guard !link.terms.isEmpty else { continue }
                let allowance = TargetGroupDemand.allowance(course, m, tolerance: tolerance)
                let frozen = b.frozenGroupSeats(course.id, m)
                let tag = "\(course.id)_\(Slug.make(m.name))"
                for i in Set(allowance.keys).union(frozen.byGroup.keys).sorted() {
                    let lo = frozen.byGroup[i] ?? 0
                    let hi = max(lo, allowance[i] ?? 0)
                    guard hi > 0 else { continue }
                    let group = m.groups[i]
                    let x = b.model.addVariable("x_\(tag)_\(Slug.make(group.area))_\(group.role.rawValue)_\(i)", kind: .integer,
                                                lower: Double(lo), upper: Double(hi))
                    b.groupSeats[course.id, default: [:]][m.name, default: [:]][i] = x
                    b.seatLike.append(x)
                    b.tags.tag(x, .groupSeats(course: course.id, municipality: m.name, group: i))
                    link.add(x, -1)
                }
                // Seats a previous plan held without recording their group stay where they are.
                let fixed = Double(frozen.unattributed)
                b.tags.tag(b.model.addConstraint("audience_\(tag)", link, lower: fixed, upper: fixed), .audience(course: course.id, municipality: m.name))
            }
        }
    }
}

/// A municipality that withdraws gets no seats in runs that reach its withdrawal date.
enum Withdrawal: ConstraintFamily {
    static let id = "withdrawal"
    static let explanation = "A withdrawn municipality is not planned into anything on or after its withdrawal date."
    static let verifierRules = ["withdrawal"]

    static func apply(to b: WeekModelBuilder) {
        for m in b.scenario.municipalities {
            guard let out = m.withdrawal else { continue }
            for g in b.groups.indices {
                guard let z = b.seats[g][m.name] else { continue }
                let frozen = b.frozenRuns(g).reduce(0) { $0 + ($1.seats[m.name] ?? 0) }
                // Seats held already, plus a full share in each run still to come that ends before the withdrawal.
                let cap = Double(b.groups[g].cap(m.name))
                var e: LinearExpression = [Term(z, 1)]
                var frozenBefore = 0
                for (s, n) in b.starts[g] {
                    let before = b.meetingWeeks(g, startWeek: s).allSatisfy { v in
                        v < b.grid.weeks.count && b.grid.weeks[v].monday.adding(days: 6) < out
                    }
                    guard before else { continue }
                    e.add(n, -cap)
                    frozenBefore += b.frozenRuns(g).filter { $0.startWeek == s }.count
                }
                b.tags.tag(b.model.addConstraint("withdrawn_\(b.groups[g].course.id)_\(b.groups[g].slug)_\(Slug.make(m.name))", e,
                                                 upper: Double(frozen) - cap * Double(frozenBefore)),
                           .withdrawn(groupKey: b.groups[g].key, municipality: m.name))
            }
        }
    }
}
