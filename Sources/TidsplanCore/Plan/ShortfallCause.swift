/// Why the plan falls short, as a typed fact with its numbers, read from the model (which rows bind in
/// the elastic solution) or from the scenario. `ShortfallSentence` turns it into Swedish or English.
public enum ShortfallCause: Sendable, Equatable {
    /// The municipality's required courses need more hours than its quota and tolerance allow.
    case quotaCeiling(municipality: String, neededHours: Double, allowedHours: Double, dropCourse: String, dropCourseHours: Double)
    /// A re-plan: the hours already attended and those planned fill the municipality's ceiling, so the places
    /// still missing in its required courses (`missingHours`) do not fit.
    case quotaUsed(municipality: String, attendedHours: Double, plannedHours: Double, allowedHours: Double, missingHours: Double)
    /// One more person in the shortest course still open would take the municipality above its quota ceiling.
    case quotaStep(municipality: String, plannedHours: Double, stepHours: Double, ceilingHours: Double, quotaHours: Int)
    /// Nobody in the scenario may lead the course.
    case noLeader(course: String)
    /// The course's leaders have no working day inside its window (their contracts, shares or absences).
    case noLeaderDaysInWindow(course: String, leaders: [String], window: DateRange)
    /// The course window has fewer weeks than the runs asked for (at most one run of a course starts a week).
    case windowTooShort(course: String, weeks: Int, runsAsked: Int)
    /// A trainer has used every contract day.
    case trainerDaysUsed(trainer: String, course: String, maxDays: Int)
    /// A staff member's teaching time (share × teaching share) is used up.
    case leaderTimeFull(leader: String, course: String, percentUsed: Int)
    /// Fewer persons may attend than the course's minimum group size.
    case tooFewForMinimumSize(course: String, countyPart: String, eligible: Int, minimum: Int)
    /// A budget line is spent.
    case budgetUsed(line: String, capKr: Int, spentKr: Int)
    /// The municipality has left the project.
    case withdrawn(municipality: String, on: Day)
    /// Even every eligible person in every course on offer gives fewer hours than the quota.
    case coursesOnOfferTooFew(municipality: String, persons: Int, possibleHours: Double, quotaHours: Int)
    /// The days-a-week rule is full for the county part in the weeks the course can run.
    case trainingDaysPerWeek(countyPart: String, maxDays: Int, fullWeeks: Int)
    /// The run's meetings found no day that suits its leaders, room and the municipalities' limits.
    case noDayForRun(run: String)
    /// A course's follow-up survey falls due after the project ends; it is sent on the period's last working day.
    /// (Plans made before surveys went per run; still read and worded.)
    case followUpAfterEnd(course: String, due: Day, sentOn: Day)
    /// The application's order (`after`): in the county part, the course may start only once a run of the
    /// earlier course has finished there, and that leaves no room before the course's window closes.
    case orderLeavesNoTime(course: String, after: String, countyPart: String, earliestStart: Day, windowEnd: Day)
    /// `aheadOf`: in the county part the staff's course (`staffCourse`) started on `staffStart`, so the
    /// managers' course had to start by `latestStart`; it can be held from `earliestStart` at the earliest
    /// (its window and its leaders' days), which is later.
    case managersAheadLeavesNoTime(course: String, staffCourse: String, countyPart: String, staffStart: Day, latestStart: Day, earliestStart: Day)
    /// Runs of a course whose follow-up window opens (on `opens`, one day per run) after the project's
    /// last working day: they get no survey.
    case followUpWindowAfterEnd(course: String, runs: [String], opens: [Day], lastWorkingDay: Day)
    /// No rule binds, but the solver stopped before proving its plan best (within `gapPercent` % of the bound).
    case searchStopped(gapPercent: Double)
    /// No rule binds; the search ended on its fixed amount of work (not the clock) within `gapPercent` % of
    /// the bound, so more time would give the same plan.
    case searchEnded(gapPercent: Double)
    /// No rule binds: the goal lost against others by the weights (each unit costs more than it saves).
    case outweighed(goal: String, weight: Int, competing: String)
    /// A plan made by area: `area` got nothing new planned, because the time limit ran out before it (`why`
    /// "timeLimit"), the search was stopped ("stopped") or the solver found no plan for it ("noPlan");
    /// `keptSessions` of a previous plan stay as they were. Its municipalities' shortfalls carry this cause.
    case areaNotPlanned(area: String, why: String, keptSessions: Int)

    /// A stable type name (plan.json's `cause.type`).
    public var type: String {
        switch self {
        case .quotaCeiling: "quotaCeiling"
        case .quotaUsed: "quotaUsed"
        case .quotaStep: "quotaStep"
        case .noLeader: "noLeader"
        case .noLeaderDaysInWindow: "noLeaderDaysInWindow"
        case .windowTooShort: "windowTooShort"
        case .trainerDaysUsed: "trainerDaysUsed"
        case .leaderTimeFull: "leaderTimeFull"
        case .tooFewForMinimumSize: "tooFewForMinimumSize"
        case .budgetUsed: "budgetUsed"
        case .withdrawn: "withdrawn"
        case .coursesOnOfferTooFew: "coursesOnOfferTooFew"
        case .trainingDaysPerWeek: "trainingDaysPerWeek"
        case .noDayForRun: "noDayForRun"
        case .followUpAfterEnd: "followUpAfterEnd"
        case .orderLeavesNoTime: "orderLeavesNoTime"
        case .managersAheadLeavesNoTime: "managersAheadLeavesNoTime"
        case .followUpWindowAfterEnd: "followUpWindowAfterEnd"
        case .searchStopped: "searchStopped"
        case .searchEnded: "searchEnded"
        case .outweighed: "outweighed"
        case .areaNotPlanned: "areaNotPlanned"
        }
    }
}

/// One field of a cause as stored in plan.json.
public enum CauseValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case texts([String])
}

extension ShortfallCause {
    /// The fields in a fixed order, for plan.json.
    public var fields: [(String, CauseValue)] {
        switch self {
        case let .quotaCeiling(m, need, allowed, course, courseHours):
            [("municipality", .text(m)), ("neededHours", .number(need)), ("allowedHours", .number(allowed)),
             ("dropCourse", .text(course)), ("dropCourseHours", .number(courseHours))]
        case let .quotaUsed(m, attended, planned, allowed, missing):
            [("municipality", .text(m)), ("attendedHours", .number(attended)), ("plannedHours", .number(planned)),
             ("allowedHours", .number(allowed)), ("missingHours", .number(missing))]
        case let .quotaStep(m, planned, step, ceiling, quota):
            [("municipality", .text(m)), ("plannedHours", .number(planned)), ("stepHours", .number(step)),
             ("ceilingHours", .number(ceiling)), ("quotaHours", .number(Double(quota)))]
        case let .noLeader(c): [("course", .text(c))]
        case let .noLeaderDaysInWindow(c, leaders, w):
            [("course", .text(c)), ("leaders", .texts(leaders)), ("from", .text(w.from.iso)), ("to", .text(w.to.iso))]
        case let .windowTooShort(c, w, n): [("course", .text(c)), ("weeks", .number(Double(w))), ("runsAsked", .number(Double(n)))]
        case let .trainerDaysUsed(t, c, n): [("trainer", .text(t)), ("course", .text(c)), ("maxDays", .number(Double(n)))]
        case let .leaderTimeFull(p, c, pct): [("leader", .text(p)), ("course", .text(c)), ("percentUsed", .number(Double(pct)))]
        case let .tooFewForMinimumSize(c, part, n, min):
            [("course", .text(c)), ("countyPart", .text(part)), ("eligible", .number(Double(n))), ("minimum", .number(Double(min)))]
        case let .budgetUsed(line, cap, spent): [("line", .text(line)), ("capKr", .number(Double(cap))), ("spentKr", .number(Double(spent)))]
        case let .withdrawn(m, d): [("municipality", .text(m)), ("on", .text(d.iso))]
        case let .coursesOnOfferTooFew(m, p, h, q):
            [("municipality", .text(m)), ("persons", .number(Double(p))), ("possibleHours", .number(h)), ("quotaHours", .number(Double(q)))]
        case let .trainingDaysPerWeek(part, n, weeks):
            [("countyPart", .text(part)), ("maxDays", .number(Double(n))), ("fullWeeks", .number(Double(weeks)))]
        case let .noDayForRun(r): [("run", .text(r))]
        case let .followUpAfterEnd(c, due, sent): [("course", .text(c)), ("due", .text(due.iso)), ("sentOn", .text(sent.iso))]
        case let .orderLeavesNoTime(c, a, p, start, end):
            [("course", .text(c)), ("after", .text(a)), ("countyPart", .text(p)), ("earliestStart", .text(start.iso)), ("windowEnd", .text(end.iso))]
        case let .managersAheadLeavesNoTime(c, staff, p, staffStart, latest, earliest):
            [("course", .text(c)), ("staffCourse", .text(staff)), ("countyPart", .text(p)), ("staffStart", .text(staffStart.iso)),
             ("latestStart", .text(latest.iso)), ("earliestStart", .text(earliest.iso))]
        case let .followUpWindowAfterEnd(c, runs, opens, last):
            [("course", .text(c)), ("runs", .texts(runs)), ("opens", .texts(opens.map(\.iso))), ("lastWorkingDay", .text(last.iso))]
        case let .searchStopped(gap): [("gapPercent", .number(gap))]
        case let .searchEnded(gap): [("gapPercent", .number(gap))]
        case let .outweighed(goal, w, competing): [("goal", .text(goal)), ("weight", .number(Double(w))), ("competing", .text(competing))]
        case let .areaNotPlanned(a, why, kept): [("area", .text(a)), ("why", .text(why)), ("keptSessions", .number(Double(kept)))]
        }
    }

    /// Rebuilds a cause from plan.json; nil for an unknown type or a missing field.
    public init?(type: String, fields: [String: CauseValue]) {
        func t(_ k: String) -> String? { if case .text(let s)? = fields[k] { return s }; return nil }
        func n(_ k: String) -> Double? { if case .number(let x)? = fields[k] { return x }; return nil }
        func i(_ k: String) -> Int? { n(k).map { Int($0.rounded()) } }
        func d(_ k: String) -> Day? { t(k).flatMap(Day.init(iso:)) }
        switch type {
        case "quotaCeiling":
            guard let m = t("municipality"), let a = n("neededHours"), let b = n("allowedHours"), let c = t("dropCourse"),
                  let h = n("dropCourseHours") else { return nil }
            self = .quotaCeiling(municipality: m, neededHours: a, allowedHours: b, dropCourse: c, dropCourseHours: h)
        case "quotaUsed":
            guard let m = t("municipality"), let a = n("attendedHours"), let p = n("plannedHours"), let l = n("allowedHours"),
                  let x = n("missingHours") else { return nil }
            self = .quotaUsed(municipality: m, attendedHours: a, plannedHours: p, allowedHours: l, missingHours: x)
        case "quotaStep":
            guard let m = t("municipality"), let p = n("plannedHours"), let st = n("stepHours"), let c = n("ceilingHours"),
                  let q = i("quotaHours") else { return nil }
            self = .quotaStep(municipality: m, plannedHours: p, stepHours: st, ceilingHours: c, quotaHours: q)
        case "noLeader": guard let c = t("course") else { return nil }; self = .noLeader(course: c)
        case "noLeaderDaysInWindow":
            guard let c = t("course"), case .texts(let ls)? = fields["leaders"], let f = d("from"), let to = d("to") else { return nil }
            self = .noLeaderDaysInWindow(course: c, leaders: ls, window: DateRange(from: f, to: to))
        case "windowTooShort":
            guard let c = t("course"), let w = i("weeks"), let n = i("runsAsked") else { return nil }
            self = .windowTooShort(course: c, weeks: w, runsAsked: n)
        case "trainerDaysUsed":
            guard let p = t("trainer"), let c = t("course"), let x = i("maxDays") else { return nil }
            self = .trainerDaysUsed(trainer: p, course: c, maxDays: x)
        case "leaderTimeFull":
            guard let p = t("leader"), let c = t("course"), let x = i("percentUsed") else { return nil }
            self = .leaderTimeFull(leader: p, course: c, percentUsed: x)
        case "tooFewForMinimumSize":
            guard let c = t("course"), let p = t("countyPart"), let e = i("eligible"), let m = i("minimum") else { return nil }
            self = .tooFewForMinimumSize(course: c, countyPart: p, eligible: e, minimum: m)
        case "budgetUsed":
            guard let l = t("line"), let c = i("capKr"), let s = i("spentKr") else { return nil }
            self = .budgetUsed(line: l, capKr: c, spentKr: s)
        case "withdrawn": guard let m = t("municipality"), let x = d("on") else { return nil }; self = .withdrawn(municipality: m, on: x)
        case "coursesOnOfferTooFew":
            guard let m = t("municipality"), let p = i("persons"), let h = n("possibleHours"), let q = i("quotaHours") else { return nil }
            self = .coursesOnOfferTooFew(municipality: m, persons: p, possibleHours: h, quotaHours: q)
        case "trainingDaysPerWeek":
            guard let p = t("countyPart"), let x = i("maxDays"), let w = i("fullWeeks") else { return nil }
            self = .trainingDaysPerWeek(countyPart: p, maxDays: x, fullWeeks: w)
        case "noDayForRun": guard let r = t("run") else { return nil }; self = .noDayForRun(run: r)
        case "followUpAfterEnd":
            guard let c = t("course"), let due = d("due"), let sent = d("sentOn") else { return nil }
            self = .followUpAfterEnd(course: c, due: due, sentOn: sent)
        case "orderLeavesNoTime":
            guard let c = t("course"), let a = t("after"), let p = t("countyPart"), let start = d("earliestStart"),
                  let end = d("windowEnd") else { return nil }
            self = .orderLeavesNoTime(course: c, after: a, countyPart: p, earliestStart: start, windowEnd: end)
        case "managersAheadLeavesNoTime":
            guard let c = t("course"), let staff = t("staffCourse"), let p = t("countyPart"), let start = d("staffStart"),
                  let latest = d("latestStart"), let earliest = d("earliestStart") else { return nil }
            self = .managersAheadLeavesNoTime(course: c, staffCourse: staff, countyPart: p, staffStart: start, latestStart: latest,
                                              earliestStart: earliest)
        case "followUpWindowAfterEnd":
            guard let c = t("course"), case .texts(let runs)? = fields["runs"], case .texts(let isos)? = fields["opens"],
                  let last = d("lastWorkingDay") else { return nil }
            let opens = isos.compactMap(Day.init(iso:))
            guard opens.count == isos.count, opens.count == runs.count else { return nil }
            self = .followUpWindowAfterEnd(course: c, runs: runs, opens: opens, lastWorkingDay: last)
        case "searchStopped": guard let g = n("gapPercent") else { return nil }; self = .searchStopped(gapPercent: g)
        case "searchEnded": guard let g = n("gapPercent") else { return nil }; self = .searchEnded(gapPercent: g)
        case "outweighed":
            guard let g = t("goal"), let w = i("weight"), let c = t("competing") else { return nil }
            self = .outweighed(goal: g, weight: w, competing: c)
        case "areaNotPlanned":
            guard let a = t("area"), let why = t("why"), let kept = i("keptSessions") else { return nil }
            self = .areaNotPlanned(area: a, why: why, keptSessions: kept)
        default: return nil
        }
    }
}
