import TidsplanCore

/// A group of neighbouring county parts planned as one model when the scenario is too large for one.
public struct PlanArea: Sendable, Equatable {
    /// 1-based, in the order the areas are planned.
    public let number: Int
    public let countyParts: [String]
    public let municipalities: [String]
    public let persons: Int

    public var name: String { countyParts.joined(separator: ", ") }
    /// Put in the ids of the area's county-wide and digital runs; from a county part's name, so it does
    /// not change when the file is reordered.
    var scope: String { Slug.make(countyParts.first ?? "area-\(number)") }
}

/// How a large scenario is cut into areas, and what each area's model sees.
///
/// Municipalities never cross areas, so every rule about a municipality (quota, attendance, days a week,
/// share away) is settled inside its area. What areas share (leaders, rooms, budget) is handed on: each
/// area is planned after the previous ones with what they took subtracted (`Commitments`).
public enum PlanAreas {
    /// Most persons in one area: about the size of "Räkna med oss!" (307 persons), which the single
    /// model plans well on this kind of machine; larger models find no plan within minutes.
    public static let maxPersons = 350

    /// County parts in name order (so the areas do not depend on the file's order), packed into areas
    /// of at most `maxPersons` (a larger county part is an area of its own).
    public static func split(_ scenario: Scenario, maxPersons: Int = maxPersons) -> [PlanArea] {
        var persons: [String: Int] = [:]
        var members: [String: [String]] = [:]
        for m in scenario.municipalities {
            persons[m.countyPart, default: 0] += m.persons
            members[m.countyPart, default: []].append(m.name)
        }
        var areas: [PlanArea] = []
        var parts: [String] = []
        var count = 0
        func close() {
            guard !parts.isEmpty else { return }
            areas.append(PlanArea(number: areas.count + 1, countyParts: parts,
                                  municipalities: parts.flatMap { members[$0] ?? [] }, persons: count))
            parts = []; count = 0
        }
        for part in scenario.countyParts.sorted() {
            let p = persons[part] ?? 0
            if !parts.isEmpty && count + p > maxPersons { close() }
            parts.append(part); count += p
        }
        close()
        return areas
    }

    /// The area a training session of a plan made by area belongs to: its county part's, or its seats'
    /// (county-wide and digital sessions seat one area's staff only), or the area named in its id.
    /// Nil when it spans areas (a plan made in one model) or matches none.
    static func owner(of s: PlannedSession, in areas: [PlanArea]) -> Int? {
        if !s.countyPart.isEmpty { return areas.firstIndex { $0.countyParts.contains(s.countyPart) } }
        let seated = Set(s.seats.keys)
        if !seated.isEmpty {
            let owners = areas.indices.filter { !seated.isDisjoint(with: areas[$0].municipalities) }
            return owners.count == 1 && seated.isSubset(of: areas[owners[0]].municipalities) ? owners[0] : nil
        }
        let run = s.series?.run ?? s.id
        return areas.firstIndex { a in ["-digital-\(a.scope)-", "-lan-\(a.scope)-"].contains { run.contains($0) } }
    }

    /// The scenario an area's model sees: its municipalities and pinned sessions, every room, budget and
    /// fixed event (commitments take off what earlier areas used; only the area plan's training sessions are
    /// kept, events are added once to the whole plan), and for each course the leaders `LeaderShare` gives
    /// this area.
    static func scenario(for area: PlanArea, of s: Scenario, leaders: LeaderShare, commitments: Commitments,
                         previous: [PlannedSession] = []) -> Scenario {
        var sub = s
        let names = Set(area.municipalities)
        sub.municipalities = s.municipalities.filter { names.contains($0.name) }
        sub.pinned = s.pinned.filter { p in
            p.countyPart.map { area.countyParts.contains($0) } ?? (area.number == 1)
        }
        var keep: [String: Set<String>] = [:]  // course → leaders kept
        for course in s.courses {
            // Pinned leaders, and (re-planning) whoever led the area's sessions before, stay possible.
            let pinnedLeaders = sub.pinned.filter { $0.course == course.id }.compactMap(\.leader)
            let before = previous.filter { $0.course == course.id }.flatMap(\.leaders)
            keep[course.id] = Set(leaders.choose(course: course, commitments: commitments) + pinnedLeaders + before)
        }
        for i in sub.staff.indices {
            let name = sub.staff[i].name
            sub.staff[i].courses.removeAll { !(keep[$0]?.contains(name) ?? true) }
        }
        for i in sub.trainers.indices {
            let name = sub.trainers[i].name
            sub.trainers[i].courses.removeAll { !(keep[$0]?.contains(name) ?? true) }
        }
        return sub
    }
}

/// Which of a course's leaders an area gets. Giving each area one leader per seat to fill (instead of
/// letting its model choose among all) keeps the model small: the leader-choice columns are most of an
/// area's model on a national scenario. The leader with the most session days left inside the course's
/// window, relative to how many courses they lead, is chosen, so successive areas spread the work over
/// everyone qualified. "Left" counts what earlier areas took: a trainer's contract days and free days, a
/// staff member's teaching share month by month (the monthly cap is what runs out first).
struct LeaderShare: Sendable {
    /// Each leader's working days from the start of training to the end of the period, with their share
    /// of full time that day (1 for external trainers).
    let workingDays: [String: [(day: Day, share: Double)]]
    /// How many courses each leader may lead.
    let courseCount: [String: Int]
    /// Cost of a session day led by each leader (0 for project staff).
    let dayCost: [String: Int]
    let scenario: Scenario

    init(scenario: Scenario) {
        self.scenario = scenario
        let calendar = WorkingCalendar(scenario: scenario)
        let period = scenario.project.period
        var days: [Day] = []
        var d = max(period.from, scenario.project.trainingFrom)
        while d <= period.to { if calendar.isWorkingDay(d) { days.append(d) }; d = d.adding(days: 1) }
        var working: [String: [(day: Day, share: Double)]] = [:]
        var cost: [String: Int] = [:]
        for s in scenario.staff {
            working[s.name] = days.filter { calendar.reason($0, leader: s.name).isWorking }.map { ($0, s.share(on: $0)) }
            cost[s.name] = 0
        }
        for t in scenario.trainers {
            working[t.name] = days.filter { calendar.reason($0, leader: t.name).isWorking }.map { ($0, 1.0) }
            cost[t.name] = t.dayRate + t.travelPerDay
        }
        self.workingDays = working
        self.dayCost = cost
        var courses: [String: Int] = [:]
        for c in scenario.courses { for p in scenario.leaders(for: c.id) { courses[p, default: 0] += 1 } }
        self.courseCount = courses
    }

    /// Session days `p` could still lead inside `window`, after `commitments`.
    func daysLeft(_ p: String, window: DateRange?, commitments: Commitments) -> Double {
        let days = (workingDays[p] ?? []).filter { window?.contains($0.day) ?? true }
        if scenario.staffMember(p) != nil {
            let load = 1 + scenario.rules.prepDaysPerSessionDay
            var byMonth: [String: (share: Double, led: Int)] = [:]
            for (d, share) in days {
                byMonth[d.monthKey, default: (0, 0)].share += share
                if commitments.leaderIsBusy(p, on: d) { byMonth[d.monthKey, default: (0, 0)].led += 1 }
            }
            return byMonth.values.reduce(0.0) { $0 + max(0, scenario.rules.maxTeachingShare * $1.share - load * Double($1.led)) / load }
        }
        let free = Double(days.filter { !commitments.leaderIsBusy(p, on: $0.day) }.count)
        guard let maxDays = scenario.trainer(p)?.maxDays else { return free }
        return min(free, Double(max(0, maxDays - commitments.daysLed(p))))
    }

    /// The leaders an area gets for `course`: as many as a session needs, most days left per course first,
    /// then the cheaper, then by name. Everyone when there is no choice.
    func choose(course: Course, commitments: Commitments) -> [String] {
        let pool = scenario.leaders(for: course.id)
        guard pool.count > course.leadersPerSession else { return pool }
        var left: [String: Double] = [:]
        for p in pool {
            left[p] = daysLeft(p, window: course.window, commitments: commitments) / Double(max(1, courseCount[p] ?? 1))
        }
        let ranked = pool.sorted { a, b in
            let la = left[a] ?? 0, lb = left[b] ?? 0
            if abs(la - lb) > 1e-9 { return la > lb }
            if dayCost[a] != dayCost[b] { return (dayCost[a] ?? 0) < (dayCost[b] ?? 0) }
            return a < b
        }
        return Array(ranked.prefix(course.leadersPerSession))
    }
}
