import TidsplanCore

/// Says what the plan could not do and why, as typed causes with numbers (`ShortfallCause`), read from
/// the rows that bind in the week model's elastic solution (`WeekEvidence`, typed tags) and from the
/// scenario's own arithmetic (`CourseReach`). `reason` holds the English sentence; renderers use `cause`.
struct ShortfallExplainer {
    let scenario: Scenario
    let grid: TimeGrid
    let groups: [RunGroup]
    let plan: Plan
    let replan: ReplanContext?
    /// The week model's solution; nil for the assembled plan of a decomposed run (areas had their own).
    var evidence: WeekEvidence? = nil
    var gaps: [CandidateGap] = []

    func shortfalls(unplacedRuns: [String]) -> [Shortfall] {
        var out: [Shortfall] = []
        for m in scenario.municipalities {
            let planned = plan.plannedHours(m.name)
            let quota = Double(m.effectiveQuotaHours)
            let missing = quota - planned
            // Inside the tolerance the scenario states for the quota, the quota is met (docs/rules.md,
            // "What counts as a shortfall"): the tolerance counts below the target as it does above.
            guard missing >= 0.5, missing > Self.quotaBand(m, scenario) else { continue }
            out.append(make("quota", .municipality(m.name), Planner.rounded(missing), "hours",
                            "\(m.name): \(format(missing)) of \(m.effectiveQuotaHours) hours cannot be planned", quotaCause(m)))
        }
        for course in scenario.courses {
            if let need = course.runs { out += runShortfalls(course, need) }
            for m in scenario.municipalities {
                let need = AttendanceGoal.required(course, m)
                guard need > 0 else { continue }
                // Per target group: one group's extra places do not make up for another's missing ones, and
                // each group short is named.
                let placed = AreaSeats.placesByGroup(plan.trainingSessions, course: course.id, m)
                let asked = TargetGroupDemand.asked(course, m) ?? [:]
                let short = asked.keys.sorted().filter { (placed[$0] ?? 0) < (asked[$0] ?? 0) }
                guard !short.isEmpty else { continue }
                let cause = attendanceCause(course, m)
                for g in short {
                    let group = m.groups[g], n = asked[g] ?? 0, missing = n - (placed[g] ?? 0)
                    out.append(make("attendance", ShortfallSubject(course: course.id, municipality: m.name, area: group.area, role: group.role),
                                    Double(missing), "persons",
                                    "\(course.name): \(missing) of \(n) \(group.area) \(group.role.rawValue) from \(m.name) get no place", cause))
                }
            }
        }
        let byArea = AreaSeats.hours(plan, scenario)
        for (t, target) in scenario.coverage.enumerated() {
            let got = byArea.filter { target.matches(PersonGroup(area: $0.key.area, role: $0.key.role, persons: 0)) }.values.reduce(0, +)
            guard target.minHours - got >= 0.5 else { continue }
            out.append(make("coverage", ShortfallSubject(area: target.area, role: target.role), Planner.rounded(target.minHours - got), "hours",
                            "\(target.label): \(format(got)) of \(format(target.minHours)) hours planned", coverageCause(t, target)))
        }
        out += lateFollowUps()
        for gap in gaps {
            // The gap's group: "" for the whole course, "county" for its county-wide runs, else a county part.
            let subject = gap.group == "county" ? ShortfallSubject(course: gap.course, countyWide: true)
                : ShortfallSubject(course: gap.course, countyPart: gap.group.isEmpty ? nil : gap.group)
            out.append(Shortfall(kind: "course", subject: subject, amount: 0, unit: "sessions",
                                 reason: gap.cause.map { ShortfallSentence.render($0, .en, courseName: courseName) } ?? gap.reason,
                                 cause: gap.cause))
        }
        for run in unplacedRuns {
            let cause = ShortfallCause.noDayForRun(run: run)
            out.append(Shortfall(kind: "session", subject: ShortfallSubject(run: run), amount: 1, unit: "sessions",
                                 reason: ShortfallSentence.render(cause, .en, courseName: courseName), cause: cause))
        }
        return out
    }

    func make(_ kind: String, _ subject: ShortfallSubject, _ amount: Double, _ unit: String, _ what: String, _ cause: ShortfallCause) -> Shortfall {
        Shortfall(kind: kind, subject: subject, amount: amount, unit: unit,
                  reason: "\(what): \(ShortfallSentence.render(cause, .en, courseName: courseName))", cause: cause)
    }

    func courseName(_ id: String) -> String { scenario.course(id)?.name ?? id }

    /// Hours below its target a municipality may be planned and still have met its quota: less than one place
    /// in the shortest course its groups may take (hours come in whole places, so a smaller difference is the
    /// rounding of places, not training missing), and never more than the scenario's `quotaTolerance` of the
    /// target. Anything larger is co-financing the municipality does not get: a shortfall.
    static func quotaBand(_ m: Municipality, _ scenario: Scenario) -> Double {
        let open = scenario.courses.filter { c in m.groups.contains { g in c.audience.contains { $0.matches(g) } } }
        guard let place = (open.isEmpty ? scenario.courses : open).map({ $0.hours * Double($0.meetings) }).min() else { return 0 }
        return min(Double(m.effectiveQuotaHours) * scenario.rules.quotaTolerance, place - 1e-6)
    }

    /// Runs whose follow-up window has no working day left in the project: no survey, one line per course.
    func lateFollowUps() -> [Shortfall] {
        guard let window = scenario.rules.followUpWindow, let months = scenario.rules.followUpPreferredMonths,
              let lastDay = FollowUpDate.lastWorkingDay(grid.calendar) else { return [] }
        var out: [Shortfall] = []
        for course in scenario.courses {
            let last = FollowUpSurvey.lastMeetings(plan.trainingSessions, course: course.id)
            let late = last.keys.sorted().compactMap { run -> (String, Day)? in
                guard let l = last[run], FollowUpDate.sent(after: l, window: window, preferredMonths: months,
                                                           period: scenario.project.period, calendar: grid.calendar) == nil else { return nil }
                return (run, l.adding(months: window.from))
            }
            guard !late.isEmpty else { continue }
            out.append(make("followUp", .course(course.id), Double(late.count), "surveys", "Follow-up survey",
                            .followUpWindowAfterEnd(course: course.id, runs: late.map(\.0), opens: late.map(\.1), lastWorkingDay: lastDay)))
        }
        return out
    }

    // MARK: Runs

    func runsHeld(_ course: String, countyPart: String?) -> Int {
        Set(plan.trainingSessions.filter { $0.course == course && $0.status == .planned
            && (countyPart == nil || $0.countyPart == countyPart) }.map { $0.series?.run ?? $0.id }).count
    }

    func runShortfalls(_ course: Course, _ need: RunRequirement) -> [Shortfall] {
        var out: [Shortfall] = []
        if need.perCountyPart > 0, course.delivery == .countyPart {
            for part in scenario.countyParts {
                let held = runsHeld(course.id, countyPart: part)
                guard held < need.perCountyPart else { continue }
                out.append(make("runs", ShortfallSubject(course: course.id, countyPart: part), Double(need.perCountyPart - held), "runs",
                                "\(course.name) in \(part): \(held) of \(need.perCountyPart) runs", courseCause(course, part: part, forRuns: true)))
            }
        }
        let held = runsHeld(course.id, countyPart: nil)
        if held < need.min {
            out.append(make("runs", .course(course.id), Double(need.min - held), "runs", "\(course.name): \(held) of \(need.min) runs",
                            courseCause(course, part: nil, forRuns: true)))
        }
        return out
    }

    func participants(_ course: String, _ m: String) -> Int {
        plan.trainingSessions.filter { $0.course == course && $0.status == .planned && ($0.series?.meeting ?? 1) == 1 }
            .reduce(0) { $0 + ($1.seats[m] ?? 0) }
    }

    // MARK: Causes

    func quotaCause(_ m: Municipality) -> ShortfallCause {
        if let out = m.withdrawal { return .withdrawn(municipality: m.name, on: out) }
        var possible = 0.0
        for course in scenario.courses where groups.contains(where: { $0.course.id == course.id && $0.seatCaps.contains { $0.municipality == m.name } }) {
            possible += Double(m.persons(in: course.audience)) * course.hoursPerParticipant
        }
        if possible + 0.5 < Double(m.effectiveQuotaHours) {
            return .coursesOnOfferTooFew(municipality: m.name, persons: m.persons, possibleHours: possible, quotaHours: m.effectiveQuotaHours)
        }
        // Hours come in steps of a course's hours per person: the next step would cross the ceiling.
        let open = scenario.courses.filter { c in
            m.persons(in: c.audience) > participants(c.id, m.name)
                && groups.contains { $0.course.id == c.id && $0.seatCaps.contains { $0.municipality == m.name } }
        }
        if let step = open.map(\.hoursPerParticipant).min() {
            let planned = plan.plannedHours(m.name)
            let ceiling = CourseReach.ceiling(m, scenario)
            let slack = evidence?.slack(.quotaCeiling(municipality: m.name)) ?? (ceiling - planned)
            if slack < step - 1e-6 {
                return .quotaStep(municipality: m.name, plannedHours: planned, stepHours: step, ceilingHours: ceiling,
                                  quotaHours: m.effectiveQuotaHours)
            }
        }
        // The first course it could take more of whose limit is a rule, not a weight.
        for course in scenario.courses where m.persons(in: course.audience) > participants(course.id, m.name) {
            let cause = courseCause(course, part: course.delivery == .countyPart ? m.countyPart : nil)
            if cause.noRuleBinds { continue }
            return cause
        }
        return unexplained(goal: "quotaShortfallPerHour", weight: scenario.weights.quotaShortfallPerHour, competing: "costPerThousandKr, perSession")
    }

    func attendanceCause(_ course: Course, _ m: Municipality) -> ShortfallCause {
        if let out = m.withdrawal { return .withdrawn(municipality: m.name, on: out) }
        let slack = evidence?.slack(.quotaCeiling(municipality: m.name)) ?? (CourseReach.ceiling(m, scenario) - plan.plannedHours(m.name))
        if slack < course.hoursPerParticipant - 1e-6 {
            let needs = CourseReach.requiredHours(m, scenario)
            let need = needs.reduce(0) { $0 + $1.hours }
            let allowed = CourseReach.ceiling(m, scenario)
            // After a re-plan (or when the courses alone would fit) the ceiling is filled by what was already
            // attended and planned: say so, in hours left, rather than "raise the quota by a negative amount".
            if replan != nil || need <= allowed {
                let attended = replan.map { r in
                    plan.trainingSessions.filter { $0.status == .planned && $0.date <= r.asOf }
                        .reduce(0.0) { $0 + Double($1.seats[m.name] ?? 0) * $1.hours }
                } ?? 0
                return .quotaUsed(municipality: m.name, attendedHours: attended, plannedHours: plan.plannedHours(m.name),
                                  allowedHours: allowed, missingHours: missingRequiredHours(m))
            }
            let drop = CourseReach.courseToDrop(needs, over: need - allowed) ?? (course.id, course.hoursPerParticipant)
            return .quotaCeiling(municipality: m.name, neededHours: need, allowedHours: allowed, dropCourse: drop.course,
                                 dropCourseHours: drop.hours)
        }
        let cause = courseCause(course, part: course.delivery == .countyPart ? m.countyPart : nil)
        if cause.noRuleBinds {
            return unexplained(goal: "attendanceShortfallPerPerson", weight: scenario.weights.attendanceShortfallPerPerson,
                               competing: "quotaExcessPerHour, perSession, costPerThousandKr")
        }
        return cause
    }

    /// Hours the places still missing in `m`'s required courses would add (per target group, as the shortfalls count them).
    func missingRequiredHours(_ m: Municipality) -> Double {
        scenario.courses.reduce(0.0) { sum, course in
            let need = AttendanceGoal.required(course, m)
            guard need > 0 else { return sum }
            let placed = AreaSeats.placesByGroup(plan.trainingSessions, course: course.id, m)
            let got = (TargetGroupDemand.asked(course, m) ?? [:]).reduce(0) { $0 + min($1.value, placed[$1.key] ?? 0) }
            return sum + Double(max(0, need - got)) * course.hoursPerParticipant
        }
    }

    func coverageCause(_ t: Int, _ target: CoverageTarget) -> ShortfallCause {
        // The courses open to the area, most hours per person first: the first one held back by a rule.
        let courses = scenario.courses.filter { c in
            scenario.municipalities.contains { m in m.groups.contains { g in target.matches(g) && c.audience.contains { $0.matches(g) } } }
        }
        for course in courses.sorted(by: { $0.hoursPerParticipant > $1.hoursPerParticipant }) {
            let cause = courseCause(course, part: nil)
            if cause.noRuleBinds { continue }
            return cause
        }
        return unexplained(goal: "coverageShortfallPerHour", weight: scenario.weights.coverageShortfallPerHour,
                           competing: "quotaExcessPerHour, perSession, costPerThousandKr")
    }

    /// Why a course (in one county part, or anywhere) runs less than asked.
    func courseCause(_ course: Course, part: String?, forRuns: Bool = false) -> ShortfallCause {
        let pool = scenario.leaders(for: course.id)
        if pool.isEmpty { return .noLeader(course: course.id) }
        if let gap = gaps.first(where: { $0.course == course.id && (part == nil || $0.group == part) }), let cause = gap.cause {
            return cause
        }
        // Persons still without a place in the course, against the smallest session of one more run (for runs
        // asked of the course this says nothing: the runs held could have been smaller).
        let members = scenario.municipalities.filter { $0.withdrawal == nil && (part == nil || $0.countyPart == part) }
        let left = members.reduce(0) { $0 + max(0, $1.persons(in: course.audience) - participants(course.id, $1.name)) }
        if !forRuns, left < course.minParticipants {
            return .tooFewForMinimumSize(course: course.id, countyPart: part ?? "", eligible: left, minimum: course.minParticipants)
        }
        let window = CourseReach.window(course, scenario)
        if pool.allSatisfy({ CourseReach.leaderDays(course, leader: $0, scenario, grid.calendar) == 0 }) {
            return .noLeaderDaysInWindow(course: course.id, leaders: pool, window: window)
        }
        let openWeeks = grid.weeks.filter { $0.workingDays.contains { window.contains($0) } }.count
        let asked = part == nil ? (course.runs?.min ?? 0) : (course.runs?.perCountyPart ?? 0)
        let groupsOfCourse = part == nil ? groups.filter { $0.course.id == course.id }.count : 1
        if groupsOfCourse <= 1, asked > openWeeks { return .windowTooShort(course: course.id, weeks: openWeeks, runsAsked: asked) }
        if let cause = managersAheadCause(course, part: part) { return cause }
        if let e = evidence {
            let weeks = grid.weeks.indices.filter { grid.weeks[$0].workingDays.contains { window.contains($0) } }
            // Every leader is held back: trainers by their contract days, staff by their time.
            var trainerBound: String?
            var staffBound: (String, Int)?
            let allBound = pool.allSatisfy { p in
                if let t = scenario.trainer(p) {
                    if let s = e.slack(.trainerMaxDays(trainer: p)), s < 1 { trainerBound = trainerBound ?? t.name; return true }
                    return CourseReach.leaderDays(course, leader: p, scenario, grid.calendar) == 0
                }
                let months = Set(weeks.flatMap { grid.weeks[$0].months })
                let load = 1 + scenario.rules.prepDaysPerSessionDay
                let full = months.filter { (e.slack(.staffMonth(leader: p, month: $0)) ?? .infinity) < load }.count
                if !months.isEmpty, full * 2 >= months.count {
                    if staffBound == nil { staffBound = (p, Int((Double(full) / Double(months.count) * 100).rounded())) }
                    return true
                }
                return false
            }
            if allBound, let t = trainerBound, let max = scenario.trainer(t)?.maxDays {
                return .trainerDaysUsed(trainer: t, course: course.id, maxDays: max)
            }
            if allBound, let (p, pct) = staffBound { return .leaderTimeFull(leader: p, course: course.id, percentUsed: pct) }
            let cheapest = pool.compactMap { scenario.trainer($0)?.dayRate }.filter { $0 > 0 }.min()
            if let rate = cheapest, pool.allSatisfy({ scenario.trainer($0) != nil }),
               let slack = e.slack(.budget(line: .trainers)), slack < Double(rate), let cap = scenario.budget.trainersKr {
                return .budgetUsed(line: "trainers", capKr: cap, spentKr: Int((Double(cap) - slack).rounded()))
            }
            let parts = part.map { [$0] } ?? scenario.countyParts
            for p in parts {
                let rows = weeks.compactMap { e.slack(.countyPartWeek(countyPart: p, week: $0)) }
                let full = rows.filter { $0 < 1 }.count
                if !rows.isEmpty, full * 2 >= rows.count {
                    return .trainingDaysPerWeek(countyPart: p, maxDays: scenario.rules.maxTrainingDaysPerWeek, fullWeeks: full)
                }
            }
        }
        if let cause = orderCause(course, part: part) { return cause }
        return unexplained(goal: "missingRunPerRun", weight: scenario.weights.missingRunPerRun, competing: "perSession, costPerThousandKr")
    }

    /// The application's order holds the course back: in a county part the earlier course (`after`) finished
    /// its first run there so late that the course's runs no longer fit before its window closes.
    func orderCause(_ course: Course, part: String?) -> ShortfallCause? {
        let window = CourseReach.window(course, scenario)
        let meetings = max(1, course.meetings)
        // The last day a run can start and still hold all its meetings inside the window.
        let lastStart = window.to.adding(days: -7 * (meetings - 1) * max(1, course.series?.everyWeeks ?? 1))
        for earlier in course.after {
            for p in part.map({ [$0] }) ?? scenario.countyParts {
                let runsThere = plan.trainingSessions.filter {
                    $0.course == earlier.course && $0.status == .planned && ($0.countyPart == nil || $0.countyPart == p)
                }
                guard let firstEnd = FollowUpSurvey.lastMeetings(runsThere).values.min() else { continue }
                // The week model starts the course at least gap + 1 weeks after that week (see `CourseOrder`).
                let earliest = firstEnd.monday.adding(days: 7 * (earlier.minGapWeeks + 1))
                if earliest > lastStart {
                    return .orderLeavesNoTime(course: course.id, after: earlier.course, countyPart: p, earliestStart: earliest, windowEnd: window.to)
                }
            }
        }
        return nil
    }

    /// `aheadOf` holds the course back: in a county part the staff's training started so early that the
    /// managers' course, which the week model lets start at most `slackWeeks − 1` weeks after that week (see
    /// `ManagersAhead`), cannot be held by then: its window opens, or its leaders' first day comes, later.
    func managersAheadCause(_ course: Course, part: String?) -> ShortfallCause? {
        guard let ahead = course.aheadOf else { return nil }
        let listed = Set(ahead.courses).subtracting([course.id])
        let window = CourseReach.window(course, scenario)
        guard !listed.isEmpty, window.from <= window.to,
              let earliest = scenario.leaders(for: course.id).compactMap({ grid.calendar.workingDays(in: window, leader: $0).first }).min()
        else { return nil }
        for p in part.map({ [$0] }) ?? scenario.countyParts {
            func serves(_ s: PlannedSession) -> Bool { s.status == .planned && (s.countyPart == p || s.countyPart.isEmpty) }
            // Staff runs already held do not hold the managers back (the model leaves them out, as the verifier does).
            guard !plan.trainingSessions.contains(where: { $0.course == course.id && serves($0) }),
                  let first = plan.trainingSessions.filter({ listed.contains($0.course) && !$0.frozen && serves($0) })
                      .min(by: { ($0.date, $0.course) < ($1.date, $1.course) }) else { continue }
            let latest = first.date.monday.adding(days: 7 * ahead.slackWeeks - 1)
            if earliest > latest {
                return .managersAheadLeavesNoTime(course: course.id, staffCourse: first.course, countyPart: p, staffStart: first.date,
                                                  latestStart: latest, earliestStart: earliest)
            }
        }
        return nil
    }

    /// No rule binds: the solver stopped early (when its gap says so), or the weights chose.
    func unexplained(goal: String, weight: Int, competing: String) -> ShortfallCause {
        if let gap = plan.solver.gap, gap > 0.005 {
            let percent = (gap * 1000 - 1e-9).rounded(.up) / 10  // up: it is said as "within … of the best possible"
            // Only a clock or an interrupt cut the search short; its own fixed budget gives the same plan however long it may run.
            switch plan.solver.searchEnd {
            case .timeLimit?, .interrupted?: return .searchStopped(gapPercent: percent)
            default: return .searchEnded(gapPercent: percent)
            }
        }
        return .outweighed(goal: goal, weight: weight, competing: competing)
    }

    func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String((x * 10).rounded() / 10)
    }
}

extension ShortfallCause {
    /// The solver's choice (or its early stop), not a rule of the scenario.
    var noRuleBinds: Bool {
        switch self {
        case .outweighed, .searchStopped, .searchEnded: true
        default: false
        }
    }
}
