import TidsplanCore

/// Promised versus planned, per course: runs and sessions held, persons placed per municipality and
/// per operational area (EB, AME, Vux…) against what the scenario asks for, and the follow-up survey.
/// Persons are counted as persons: a series meeting's seats count once, at its first meeting.
public struct CourseCoverage: Sendable, Equatable {
    public enum Status: Int, Sendable, Comparable {
        /// The course has no planned session at all.
        case nothing = 0
        /// It runs, but fewer persons or runs than asked.
        case short = 1
        /// It runs and the scenario asks for nothing particular (taken as needed).
        case held = 2
        /// It runs with every person and run asked for.
        case met = 3
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
        /// Courses that got nothing first, then short ones; the rest together.
        var rank: Int { min(rawValue, 2) }
    }

    /// Placed against asked for one municipality or area; `asked` nil when the course is taken as needed.
    public struct Count: Sendable, Equatable {
        public var name: String
        public var placed: Int
        public var asked: Int?
        public var isShort: Bool { placed < (asked ?? 0) }
    }

    /// Places of one municipality's target group (area × role) against what it asked for.
    public struct GroupCount: Sendable, Equatable {
        public var municipality: String
        public var area: String
        public var role: Role
        public var placed: Int
        public var asked: Int
    }

    public enum FollowUp: Sendable, Equatable {
        /// The scenario asks for none.
        case notAsked
        /// No session, so nothing to follow up.
        case noCourse
        case planned(Day)
        /// The survey would fall after the project ends (on this day).
        case afterProjectEnd(Day)
        /// Due on this day, but the plan has no survey for the course.
        case missing(Day)
        /// Due after the project ends, so sent earlier, on its last days.
        case sentBeforeEnd(sent: Day, due: Day)
        /// One survey per run: the planned surveys' dates (ascending), runs whose window opens after the
        /// project's last working day, and runs whose survey is missing from the plan for another reason.
        case perRun(dates: [Day], afterProjectEnd: Int, missing: Int)
    }

    public var courseID: String
    public var name: String
    public var runs: Int
    /// Runs the scenario asks for at least (nil: not stated).
    public var runsAsked: Int?
    public var sessions: Int
    public var placed: Int
    public var asked: Int?
    public var hours: Double
    public var municipalities: [Count]
    public var areas: [Count]
    /// Area figures split a municipality's seats over several areas in proportion to persons
    /// (plan.json does not say which area a seat is for).
    public var areasEstimated: Bool
    /// Target groups that got fewer places than they asked for (from the plan's `groupSeats`).
    public var groupsShort: [GroupCount] = []
    public var followUp: FollowUp

    public var status: Status {
        if runs == 0 { return .nothing }
        if runs < (runsAsked ?? 0) || placed < (asked ?? 0) || municipalities.contains(where: \.isShort) { return .short }
        // An area that got fewer places than it asked for (measured, not estimated) is short too, even when its
        // municipalities' totals are met by staff of another area.
        if !areasEstimated && areas.contains(where: \.isShort) { return .short }
        if !groupsShort.isEmpty { return .short }
        return asked == nil && runsAsked == nil ? .held : .met
    }

    /// Every course of the scenario (then any the plan alone knows), courses with nothing first, then short
    /// ones, each group in scenario order.
    public static func all(scenario: Scenario, plan: Plan) -> [CourseCoverage] {
        let training = plan.sessions.filter { $0.kind == .training && $0.status == .planned }
        var courses = scenario.courses
        for s in training where !courses.contains(where: { $0.id == s.course }) {
            courses.append(Course(id: s.course, name: s.title, hours: s.hours, start: s.start, end: s.end, audience: []))
        }
        let rows = courses.map { c in measure(c, sessions: training.filter { $0.course == c.id }, scenario: scenario, plan: plan) }
        return rows.enumerated().sorted { ($0.element.status.rank, $0.offset) < ($1.element.status.rank, $1.offset) }.map(\.element)
    }

    /// Participant hours per operational area over all courses (areas in first-seen order), and whether
    /// any figure rests on a split in proportion to persons. A course's hours go to its areas by persons placed.
    public static func hoursByArea(_ rows: [CourseCoverage]) -> (hours: [(area: String, hours: Double)], estimated: Bool) {
        var out: [(area: String, hours: Double)] = []
        for c in rows where c.placed > 0 {
            for a in c.areas {
                let h = Double(a.placed) * c.hours / Double(c.placed)
                if let i = out.firstIndex(where: { $0.area == a.name }) { out[i].hours += h } else { out.append((a.name, h)) }
            }
        }
        return (out, rows.contains { $0.areasEstimated && $0.placed > 0 })
    }

    /// Runs the scenario asks a course to have (`runs: {min, perCountyPart}`), nil when it states none.
    static func runsAsked(_ course: Course, scenario: Scenario) -> Int? {
        guard let need = course.runs else { return nil }
        let perPart = course.delivery == .countyPart ? need.perCountyPart * scenario.countyParts.count : 0
        let asked = max(need.min, perPart)
        return asked > 0 ? asked : nil
    }

    /// Persons a municipality is asked to send (nil: as needed).
    static func asked(_ course: Course, _ m: Municipality) -> Int? {
        guard m.withdrawal == nil, let asked = TargetGroupDemand.asked(course, m) else { return nil }
        if case .perMunicipality(let n) = course.attendance, n[m.name] == nil { return nil }
        return asked.values.reduce(0, +)
    }

    static func measure(_ course: Course, sessions: [PlannedSession], scenario: Scenario, plan: Plan) -> CourseCoverage {
        let firsts = sessions.filter { ($0.series?.meeting ?? 1) == 1 }
        var placedBy: [String: Int] = [:]
        for s in firsts { for (m, n) in s.seats where n > 0 { placedBy[m, default: 0] += n } }
        var municipalities: [Count] = []
        var areaPlaced: [String: Int] = [:], areaAsked: [String: Int] = [:]
        var anyAsked = false, estimated = false
        var shortGroups: [GroupCount] = []
        for m in scenario.municipalities {
            let placed = placedBy[m.name] ?? 0
            let want = asked(course, m)
            if want != nil { anyAsked = true }
            guard placed > 0 || (want ?? 0) > 0 else { continue }
            municipalities.append(Count(name: m.name, placed: placed, asked: want))
            let split = areaShares(course, m)
            let exact = recordedAreaSeats(firsts, m.name)
            if let exact {
                for (area, n) in exact { areaPlaced[area, default: 0] += n }
            } else {
                if split.count > 1 { estimated = true }
                for (area, n) in apportion(placed, split) { areaPlaced[area, default: 0] += n }
            }
            // What each target group asked for (the mapping), against its places where the plan records them.
            if want != nil, let byGroup = TargetGroupDemand.asked(course, m) {
                let got = AreaSeats.placesByGroup(firsts, course: course.id, m)
                for (i, n) in byGroup.sorted(by: { $0.key < $1.key }) {
                    let g = m.groups[i]
                    areaAsked[g.area, default: 0] += n
                    let p = got[i] ?? 0
                    if exact != nil && p < n { shortGroups.append(GroupCount(municipality: m.name, area: g.area, role: g.role, placed: p, asked: n)) }
                }
            }
        }
        for (m, n) in placedBy where scenario.municipality(m) == nil {
            municipalities.append(Count(name: m, placed: n, asked: nil))
        }
        var areaNames: [String] = []
        for m in scenario.municipalities {
            for g in m.groups where course.audience.contains(where: { $0.matches(g) }) && !areaNames.contains(g.area) {
                areaNames.append(g.area)
            }
        }
        let areas = areaNames.map { Count(name: $0, placed: areaPlaced[$0] ?? 0, asked: anyAsked ? (areaAsked[$0] ?? 0) : nil) }
        let placed = municipalities.reduce(0) { $0 + $1.placed }
        let asked = anyAsked ? municipalities.reduce(0) { $0 + ($1.asked ?? 0) } : nil
        let runs = Set(sessions.map { $0.series?.run ?? $0.id }).count
        let hours = sessions.reduce(0.0) { $0 + Double($1.participants) * $1.hours }
        var row = CourseCoverage(courseID: course.id, name: course.name, runs: runs, runsAsked: runsAsked(course, scenario: scenario),
                                 sessions: sessions.count, placed: placed, asked: asked, hours: hours,
                                 municipalities: municipalities, areas: areas, areasEstimated: estimated,
                                 followUp: followUp(course, sessions: sessions, scenario: scenario, plan: plan))
        row.groupsShort = shortGroups
        return row
    }

    /// Seats by area as plan.json records them (`groupSeats`), nil for plans that do not.
    static func recordedAreaSeats(_ sessions: [PlannedSession], _ municipality: String) -> [String: Int]? {
        let seated = sessions.filter { ($0.seats[municipality] ?? 0) > 0 }
        guard !seated.isEmpty, seated.allSatisfy({ !$0.groupSeats.isEmpty }) else { return nil }
        var out: [String: Int] = [:]
        for s in seated { for g in s.groupSeats where g.municipality == municipality { out[g.area, default: 0] += g.seats } }
        return out
    }

    /// The areas of a municipality's persons in the course's audience, with how many persons each (for
    /// persons asked for, and for places when the plan does not record areas).
    static func areaShares(_ course: Course, _ m: Municipality) -> [(area: String, persons: Int)] {
        var out: [(area: String, persons: Int)] = []
        for g in m.groups where course.audience.contains(where: { $0.matches(g) }) {
            if let i = out.firstIndex(where: { $0.area == g.area }) { out[i].persons += g.persons }
            else { out.append((g.area, g.persons)) }
        }
        return out
    }

    /// `total` split in proportion to `shares` by largest remainder (ties to the earlier area), so the
    /// parts add up to the total.
    static func apportion(_ total: Int, _ shares: [(area: String, persons: Int)]) -> [(String, Int)] {
        let sum = shares.reduce(0) { $0 + $1.persons }
        guard total > 0, sum > 0 else { return [] }
        var parts = shares.map { ($0.area, total * $0.persons / sum, (total * $0.persons) % sum) }
        var left = total - parts.reduce(0) { $0 + $1.1 }
        for i in parts.indices.sorted(by: { (parts[$1].2, $0) < (parts[$0].2, $1) }) where left > 0 {
            parts[i].1 += 1
            left -= 1
        }
        return parts.map { ($0.0, $0.1) }
    }

    static func followUp(_ course: Course, sessions: [PlannedSession], scenario: Scenario, plan: Plan) -> FollowUp {
        guard let window = scenario.rules.followUpWindow, let months = scenario.rules.followUpPreferredMonths else { return .notAsked }
        guard let last = sessions.map(\.date).max() else { return .noCourse }
        let surveys = plan.sessions.filter { FollowUpSurvey.isSurvey($0) && $0.status == .planned }
        // A plan from before surveys went per run: one survey per course, named after the course.
        if let survey = surveys.first(where: { $0.id == FollowUpSurvey.id(run: course.id) }) {
            let due = last.adding(months: months)
            return due > scenario.project.period.to ? .sentBeforeEnd(sent: survey.date, due: due) : .planned(survey.date)
        }
        let byID = Dictionary(surveys.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lastByRun = FollowUpSurvey.lastMeetings(sessions)
        let calendar = WorkingCalendar(scenario: scenario)
        var dates: [Day] = []
        var afterEnd = 0, missing = 0
        for run in lastByRun.keys.sorted() {
            if let survey = byID[FollowUpSurvey.id(run: run)] {
                dates.append(survey.date)
            } else if let l = lastByRun[run], FollowUpDate.sent(after: l, window: window, preferredMonths: months,
                                                               period: scenario.project.period, calendar: calendar) == nil {
                afterEnd += 1
            } else {
                missing += 1
            }
        }
        return .perRun(dates: dates.sorted(), afterProjectEnd: afterEnd, missing: missing)
    }
}
