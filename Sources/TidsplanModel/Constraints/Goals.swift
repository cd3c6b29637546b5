import LinearModel
import TidsplanCore

/// Each municipality's planned hours should reach its quota (its co-financing) and may exceed it only
/// within the tolerance. Falling short is allowed but costly, so the model is never infeasible and the
/// shortfall is the explanation.
enum QuotaGoal: ConstraintFamily {
    static let id = "quota-ceiling"
    static let explanation = "Each municipality's hours come as close to its quota as possible, and never exceed it by more than the tolerance (a reduced commitment not at all; in a re-plan, not above the plan in force unless its commitment rose)."
    static let verifierRules = ["quota-ceiling"]

    static func apply(to b: WeekModelBuilder) {
        let w = b.scenario.weights
        let integral = b.groups.allSatisfy { $0.course.hoursPerParticipant == $0.course.hoursPerParticipant.rounded() }
        for m in b.scenario.municipalities {
            var h = WeekModelBuilder.zero
            var frozenHours = 0.0
            for g in b.groups.indices {
                guard let z = b.seats[g][m.name] else { continue }
                let perSeat = b.groups[g].course.hoursPerParticipant
                h.add(z, perSeat)
                frozenHours += Double(b.frozenRuns(g).reduce(0) { $0 + ($1.seats[m.name] ?? 0) }) * perSeat
            }
            guard !h.terms.isEmpty else { continue }
            let attended = b.attendedHoursCorrection(m.name)
            h.constant += attended
            frozenHours += attended
            let quota = Double(m.effectiveQuotaHours)
            var ceiling = max(m.quotaCeilingHours(tolerance: b.scenario.rules.quotaTolerance), frozenHours)
            // A re-plan raises nobody's hours above the plan in force without a raised commitment.
            if let cap = b.replan?.hoursCap(m) { ceiling = min(ceiling, max(cap, frozenHours)) }
            let tag = Slug.make(m.name)
            let row = b.model.addConstraint("quota_ceiling_\(tag)", h, upper: (ceiling + 1e-6).rounded(.down))
            b.tags.tag(row, .quotaCeiling(municipality: m.name))
            let kind: VariableKind = integral ? .integer : .continuous
            let short = b.model.addVariable("short_\(tag)", kind: kind, lower: 0)
            let excess = b.model.addVariable("excess_\(tag)", kind: kind, lower: 0)
            b.seatLike += [short, excess]
            b.tags.tag(short, .quotaShort(municipality: m.name))
            var low = h; low.add(short)
            b.model.addConstraint("quota_short_\(tag)", low, lower: quota)
            var high = h; high.add(excess, -1)
            b.model.addConstraint("quota_excess_\(tag)", high, upper: quota)
            b.objective.add(short, Double(w.quotaShortfallPerHour))
            b.objective.add(excess, Double(w.quotaExcessPerHour))
        }
    }
}

/// Courses that a target group asked for (everyone, a number, or a share): each person of the group left
/// without a place costs. Per group, so one group's surplus never hides another's shortfall.
enum AttendanceGoal: ConstraintFamily {
    static let id = "attendance"
    static let explanation = "Every target group gets the places it asked for, as far as capacity allows."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    /// Persons of `m` asked for in all (none once it has withdrawn).
    static func required(_ course: Course, _ m: Municipality) -> Int {
        guard m.withdrawal == nil else { return 0 }
        return TargetGroupDemand.askedPersons(course, m)
    }

    static func apply(to b: WeekModelBuilder) {
        for course in b.scenario.courses {
            for m in b.scenario.municipalities where m.withdrawal == nil {
                guard let asked = TargetGroupDemand.asked(course, m) else { continue }
                for (i, need) in asked.sorted(by: { $0.key < $1.key }) where need > 0 {
                    let group = m.groups[i]
                    let tag = "\(course.id)_\(Slug.make(m.name))_\(Slug.make(group.area))_\(group.role.rawValue)_\(i)"
                    let short = b.model.addVariable("att_short_\(tag)", kind: .integer, lower: 0, upper: Double(need))
                    b.seatLike.append(short)
                    b.tags.tag(short, .attendanceShort(course: course.id, municipality: m.name, group: i))
                    var e: LinearExpression = [Term(short, 1)]
                    if let x = b.groupSeat(course.id, m.name, i) { e.add(x) }
                    b.tags.tag(b.model.addConstraint("attendance_\(tag)", e, lower: Double(need)),
                               .attendance(course: course.id, municipality: m.name, group: i))
                    b.objective.add(short, Double(b.scenario.weights.attendanceShortfallPerPerson))
                }
            }
        }
    }
}

/// Money spent (trainer fees, travel, premises, per thousand kr) and sessions held: fewer, fuller,
/// joint sessions save trainer days.
enum CostGoal: ConstraintFamily {
    static let id = "cost"
    static let explanation = "Fewer, fuller sessions and lower costs are preferred."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    static func apply(to b: WeekModelBuilder) {
        let w = b.scenario.weights
        for g in b.groups.indices {
            let perMeeting = w.perSession + w.costPerThousandKr * thousands(b.groups[g].venue.costPerDay)
            b.objective.add(b.runs(g), times: Double(b.groups[g].meetings * perMeeting))
        }
        for t in b.scenario.trainers {
            let k = w.costPerThousandKr * thousands(t.dayRate + t.travelPerDay)
            guard k > 0 else { continue }
            b.objective.add(TrainerContracts.daysLed(b, t.name), times: Double(k))
        }
    }

    /// Whole thousands, rounded, so objective coefficients stay integral.
    static func thousands(_ kr: Int) -> Int { Int((Double(kr) / 1000).rounded()) }
}

/// Seats in a physical session held in another county part mean travel.
enum TravelGoal: ConstraintFamily {
    static let id = "travel"
    static let explanation = "Staff travel to another county part only when it pays off."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    static func apply(to b: WeekModelBuilder) {
        let weight = Double(b.scenario.weights.travelPerSeat)
        guard weight > 0 else { return }
        for g in b.groups.indices where b.groups[g].venue.mode == .physical {
            for (m, z) in b.seats[g] where b.scenario.municipality(m)?.countyPart != b.groups[g].venue.countyPart {
                b.objective.add(z, weight)
            }
        }
    }
}

/// Sessions are spread over the months: the busiest month's sessions per four working weeks is penalised.
enum EvennessGoal: ConstraintFamily {
    static let id = "evenness"
    static let explanation = "Training is spread evenly over the months, so co-financing grows steadily."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    static func apply(to b: WeekModelBuilder) {
        let weight = Double(b.scenario.weights.evennessPerSession)
        guard weight > 0 else { return }
        let peak = b.model.addVariable("peak_sessions_per_4_weeks", kind: .integer, lower: 0)
        let all = Array(b.groups.indices)
        for month in b.grid.months {
            let ws = b.grid.weeks.indices.filter {
                b.grid.weeks[$0].mainMonth == month && b.grid.weeks[$0].workingDays.contains { $0 >= b.scenario.project.trainingFrom }
            }
            guard !ws.isEmpty else { continue }
            var e = WeekModelBuilder.zero
            for v in ws { e.add(b.meetingsIn(week: v, groups: all), times: 4) }
            guard !e.terms.isEmpty else { continue }
            e.add(peak, -Double(ws.count))
            b.model.addConstraint("evenness_\(month)", e, upper: 0)
        }
        b.objective.add(peak, weight)
    }
}

/// When re-planning, every moved, cancelled or new run costs, so the new plan changes as little as it can.
/// Per group: `kept[s]` runs stay in the week they had, the rest of the previous runs move or are cancelled.
enum ReplanStability: ConstraintFamily {
    static let id = "replan-stability"
    static let explanation = "A re-plan changes as few sessions as possible."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    static func apply(to b: WeekModelBuilder) {
        guard b.replan != nil else { return }
        let w = b.scenario.weights
        for g in b.groups.indices {
            let tag = "\(b.groups[g].course.id)_\(b.groups[g].slug)"
            let open = b.previous(g).filter { !$0.frozen }
            let frozen = b.frozenRuns(g).count
            // held (not frozen) = runs - frozen; cancelled >= open - held; new >= held - open
            let cancelled = b.model.addVariable("cancelled_\(tag)", kind: .integer, lower: 0)
            let new = b.model.addVariable("new_\(tag)", kind: .integer, lower: 0)
            var c = b.runs(g); c.add(cancelled)
            b.model.addConstraint("cancelled_\(tag)", c, lower: Double(open.count + frozen))
            var n = b.runs(g); n.add(new, -1)
            b.model.addConstraint("new_\(tag)", n, upper: Double(open.count + frozen))
            b.objective.add(cancelled, Double(w.changeCancelled))
            b.objective.add(new, Double(w.changeNew))
            seatStability(b, g, tag: tag)
            guard !open.isEmpty else { continue }
            // moved = open - cancelled - kept
            b.objective.constant += Double(w.changeMoved * open.count)
            b.objective.add(cancelled, -Double(w.changeMoved))
            var byWeek: [Int: Int] = [:]
            for r in open { byWeek[r.startWeek, default: 0] += 1 }
            let frozenAt = Dictionary(grouping: b.frozenRuns(g), by: \.startWeek).mapValues(\.count)
            for (s, k) in byWeek.sorted(by: { $0.key < $1.key }) {
                guard let x = b.starts[g][s] else { continue }
                let kept = b.model.addVariable("kept_\(tag)_w\(s)", kind: .integer, lower: 0, upper: Double(k))
                b.model.addConstraint("kept_\(tag)_w\(s)", [Term(kept, 1), Term(x, -1)], upper: -Double(frozenAt[s] ?? 0))
                b.objective.add(kept, -Double(w.changeMoved))
            }
        }
    }

    /// Each municipality's seats in the group stay what the previous plan gave it, as far as the rest allows:
    /// |z − previous| costs `changeSeat` a seat. Without this, a withdrawal reshuffles places everywhere.
    static func seatStability(_ b: WeekModelBuilder, _ g: Int, tag: String) {
        let cost = Double(b.scenario.weights.changeSeat)
        guard cost > 0 else { return }
        var before: [String: Int] = [:]
        for r in b.previous(g) { for (m, n) in r.seats { before[m, default: 0] += n } }
        for (m, z) in b.seats[g].sorted(by: { $0.key < $1.key }) {
            let p = Double(before[m] ?? 0)
            let d = b.model.addVariable("seatchange_\(tag)_\(Slug.make(m))", kind: .integer, lower: 0)
            b.model.addConstraint("seatchange_up_\(tag)_\(Slug.make(m))", [Term(d, 1), Term(z, -1)], lower: -p)
            b.model.addConstraint("seatchange_down_\(tag)_\(Slug.make(m))", [Term(d, 1), Term(z, 1)], lower: p)
            b.objective.add(d, cost)
            b.seatLike.append(d)
        }
    }
}
