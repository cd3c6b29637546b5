import TidsplanCore

/// Says in business terms what the plan could not do, and why.
struct ShortfallExplainer {
    let scenario: Scenario
    let grid: TimeGrid
    let groups: [RunGroup]
    let plan: Plan
    let replan: ReplanContext?

    func shortfalls(gaps: [CandidateGap], unplacedRuns: [String]) -> [Shortfall] {
        var out: [Shortfall] = []
        for m in scenario.municipalities {
            let planned = plan.plannedHours(m.name)
            let quota = Double(m.effectiveQuotaHours)
            let missing = quota - planned
            guard missing >= 0.5 else { continue }
            out.append(Shortfall(kind: "quota", subject: m.name, amount: Planner.rounded(missing), unit: "hours",
                                 reason: "\(m.name): \(format(missing)) of \(m.effectiveQuotaHours) hours cannot be planned: \(quotaReason(m, planned: planned))"))
        }
        for course in scenario.courses {
            for m in scenario.municipalities {
                let need = AttendanceGoal.required(course, m)
                guard need > 0 else { continue }
                let got = participants(course.id, m.name)
                guard got < need else { continue }
                out.append(Shortfall(kind: "attendance", subject: "\(course.id) \(m.name)", amount: Double(need - got), unit: "persons",
                                     reason: "\(course.name): \(need - got) of \(need) persons from \(m.name) get no place: \(courseReason(course))"))
            }
        }
        for gap in gaps {
            out.append(Shortfall(kind: "course", subject: "\(gap.course) \(gap.group)", amount: 0, unit: "sessions",
                                 reason: gap.reason))
        }
        for run in unplacedRuns {
            out.append(Shortfall(kind: "session", subject: run, amount: 1, unit: "sessions",
                                 reason: "\(run) found no day that suits its leaders, room and the municipalities' limits; it is left out"))
        }
        return out
    }

    func participants(_ course: String, _ m: String) -> Int {
        plan.trainingSessions.filter { $0.course == course && $0.status == .planned && ($0.series?.meeting ?? 1) == 1 }
            .reduce(0) { $0 + ($1.seats[m] ?? 0) }
    }

    func quotaReason(_ m: Municipality, planned: Double) -> String {
        if let out = m.withdrawal {
            return "it withdraws on \(out.iso), so only what is held before then counts"
        }
        // What the courses on offer could give its staff at most.
        var possible = 0.0
        for course in scenario.courses where groups.contains(where: { $0.course.id == course.id && $0.seatCaps.contains { $0.municipality == m.name } }) {
            possible += Double(m.persons(in: course.audience)) * course.hoursPerParticipant
        }
        if possible + 0.5 < Double(m.effectiveQuotaHours) {
            return "its \(m.persons) persons can take at most \(format(possible)) hours of the courses on offer to their areas; add courses for them or lower the quota"
        }
        if let reason = budgetReason() { return reason }
        if let reason = busiestLeader(for: m) { return reason }
        let prerequisites = scenario.courses.contains { !$0.prerequisites.isEmpty } ? " and the prerequisites" : ""
        return "the rules (at most \(scenario.rules.maxTrainingDaysPerWeek) training days a week, at most \(Int(scenario.rules.maxShareAwayPerDay * 100)) % of its staff away a day)\(prerequisites) leave no more room"
    }

    func courseReason(_ course: Course) -> String {
        if let reason = budgetReason() { return reason }
        let leaders = scenario.leaders(for: course.id)
        let loads = leaders.map { ($0, utilisation($0)) }.sorted { $0.1 > $1.1 }
        if let (p, u) = loads.first, u >= 0.85 {
            return "\(p), who leads it, has \(Int((u * 100).rounded())) % of the available days in use"
        }
        return "sessions are limited by the weekly and daily rules and the minimum group size (\(course.minParticipants))"
    }

    func budgetReason() -> String? {
        guard let cap = scenario.budget.trainersKr, cap > 0 else { return nil }
        var spent = 0
        for s in plan.activeSessions where s.kind == .training {
            for p in s.leaders { spent += scenario.trainer(p)?.dayRate ?? 0 }
        }
        guard Double(spent) >= 0.97 * Double(cap) else { return nil }
        return "the training budget (\(cap) kr) is used up (\(spent) kr planned)"
    }

    /// The leader of a course this municipality could attend more of, whose time is most used.
    func busiestLeader(for m: Municipality) -> String? {
        var best: (String, String, Double)?
        for course in scenario.courses where m.persons(in: course.audience) > participants(course.id, m.name) {
            for p in scenario.leaders(for: course.id) {
                let u = utilisation(p)
                if u >= 0.85, u > (best?.2 ?? 0) { best = (p, course.name, u) }
            }
        }
        guard let (p, course, u) = best else { return nil }
        if let t = scenario.trainer(p), let maxDays = t.maxDays, daysLed(p) >= maxDays {
            return "\(p) (\(course)) has used all \(maxDays) contract days"
        }
        return "\(p), who leads \(course), has \(Int((u * 100).rounded())) % of the available days in use"
    }

    func daysLed(_ p: String) -> Int { plan.activeSessions.filter { $0.kind == .training && $0.leaders.contains(p) }.count }

    /// Days led (with preparation for staff) over the days available from the start of training.
    func utilisation(_ p: String) -> Double {
        let from = replan.map { $0.asOf.adding(days: 1) } ?? scenario.project.trainingFrom
        let days = grid.weeks.flatMap(\.workingDays).filter { $0 >= from && grid.calendar.reason($0, leader: p).isWorking }
        if let t = scenario.trainer(p) {
            let cap = Double(min(days.count, t.maxDays ?? Int.max))
            return cap > 0 ? Double(daysLed(p)) / cap : 1
        }
        guard let staff = scenario.staffMember(p) else { return 0 }
        let cap = scenario.rules.maxTeachingShare * days.reduce(0.0) { $0 + staff.share(on: $1) }
        let used = Double(plan.activeSessions.filter { $0.kind == .training && $0.leaders.contains(p) && $0.date >= from }.count)
            * (1 + scenario.rules.prepDaysPerSessionDay)
        return cap > 0 ? used / cap : 1
    }

    func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10)
    }
}
