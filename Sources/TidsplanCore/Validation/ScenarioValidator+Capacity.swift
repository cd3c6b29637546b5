/// Demand against capacity in plain arithmetic, before any solver runs: can the courses give each
/// municipality its quota at all, do the trainers' contracts and budget cover the sessions that
/// required attendance implies, do the rooms fit the groups. All warnings: the planner will show
/// the shortfall, the leader should hear of it first.
extension ScenarioIssueCollector {
    mutating func checkCapacity() {
        checkQuotasReachable()
        checkTrainerDays()
        checkVenueSizes()
    }

    /// Courses someone may lead; the others cannot contribute anything.
    var teachableCourses: [Course] { s.courses.filter { !s.leaders(for: $0.id).isEmpty } }

    /// Upper bound on a municipality's hours: each eligible person attends every course once.
    mutating func checkQuotasReachable() {
        let courses = teachableCourses
        for (i, m) in s.municipalities.enumerated() where m.effectiveQuotaHours > 0 {
            let bound = courses.reduce(0.0) { $0 + Double(m.persons(in: $1.audience)) * $1.hoursPerParticipant }
            if bound < Double(m.effectiveQuotaHours) {
                warning("municipalities[\(i)].quotaHours",
                        Bilingual("\(m.name): även om alla i målgrupperna gick alla kurser skulle de få \(Self.numSv(bound)) timmar, mindre än kvoten på \(m.effectiveQuotaHours)", "\(m.name): even if every eligible person took every course, they would get \(Self.num(bound)) hours, less than the quota of \(m.effectiveQuotaHours)"),
                        hint: Bilingual("lägg till kurser eller personer i kursernas målgrupper, eller sänk kvoten", "add courses or persons in the courses' audiences, or lower the quota"))
            }
        }
    }

    /// Persons a course must reach (attendance `all` or a number per municipality), by county part.
    func requiredPersons(_ c: Course) -> [String: Int] {
        var byPart: [String: Int] = [:]
        for m in s.municipalities {
            let n = TargetGroupDemand.askedPersons(c, m)
            if n > 0 { byPart[m.countyPart, default: 0] += n }
        }
        return byPart
    }

    /// Fewest leader-days the required participants imply (full sessions, every meeting).
    func leaderDaysNeeded(_ c: Course) -> Int {
        guard c.maxParticipants > 0 else { return 0 }
        let byPart = requiredPersons(c)
        let sessions: Int
        if c.delivery == .countyPart {
            sessions = byPart.values.reduce(0) { $0 + ($1 + c.maxParticipants - 1) / c.maxParticipants }
        } else {
            let total = byPart.values.reduce(0, +)
            sessions = (total + c.maxParticipants - 1) / c.maxParticipants
        }
        return sessions * c.meetings * max(1, c.leadersPerSession)
    }

    mutating func checkTrainerDays() {
        var externalCost = 0.0
        var costCourses: [String] = []
        for (i, c) in s.courses.enumerated() {
            let needed = leaderDaysNeeded(c)
            guard needed > 0 else { continue }
            let staff = s.staff.filter { $0.courses.contains(c.id) }
            let trainers = s.trainers.filter { $0.courses.contains(c.id) }
            guard staff.isEmpty, !trainers.isEmpty else { continue }
            let caps = trainers.compactMap(\.maxDays)
            if caps.count == trainers.count {
                let available = caps.reduce(0, +)
                if available < needed {
                    warning("courses[\(i)].id", Bilingual("kursen \(c.id) behöver minst \(needed) utbildardagar för sina obligatoriska deltagare, men utbildarnas maxDays blir sammanlagt \(available)", "course \(c.id) needs at least \(needed) trainer days for its required participants, but its trainers' maxDays add up to \(available)"),
                            hint: Bilingual("höj maxDays, lägg till en utbildare eller kräv färre deltagare", "raise maxDays, add a trainer, or require fewer participants"))
                }
            }
            let cheapest = trainers.map(\.dayRate).min() ?? 0
            externalCost += Double(needed) * Double(cheapest)
            costCourses.append(c.id)
        }
        if let cap = s.budget.trainersKr, externalCost > Double(cap) {
            warning("budget.trainersKr", Bilingual("de obligatoriska tillfällena av \(costCourses.joined(separator: ", ")) kostar minst \(Self.numSv(externalCost)) kr i arvoden, mer än budgeten för utbildare på \(cap) kr", "the required sessions of \(costCourses.joined(separator: ", ")) cost at least \(Self.num(externalCost)) kr in trainer fees, more than the trainers' budget of \(cap) kr"),
                    hint: Bilingual("även med den billigaste utbildaren och fulla tillfällen", "even at the cheapest trainer and full sessions"))
        }
    }

    mutating func checkVenueSizes() {
        for (i, c) in s.courses.enumerated() where c.maxParticipants > 0 {
            let candidates: [Venue]
            if !c.venues.isEmpty {
                candidates = c.venues.compactMap { s.venue($0) }
            } else {
                let mode: DeliveryMode = c.delivery == .digital ? .digital : .physical
                candidates = s.venues.filter { $0.mode == mode }
            }
            guard let largest = candidates.map(\.capacity).max() else { continue }
            if largest < c.minParticipants {
                warning("courses[\(i)].participants.min", Bilingual("kursen \(c.id): ingen lokal rymmer \(c.minParticipants) deltagare (den största: \(largest))", "course \(c.id): no venue holds \(c.minParticipants) participants (largest: \(largest))"),
                        hint: Bilingual("inget tillfälle av kursen kan planeras", "no session of this course can be planned"))
            } else if largest < c.maxParticipants {
                warning("courses[\(i)].participants.max", Bilingual("kursen \(c.id): tillfällena kan ha högst \(largest) deltagare (den största lokalen), inte \(c.maxParticipants)", "course \(c.id): sessions can have at most \(largest) participants (the largest venue), not \(c.maxParticipants)"))
            }
        }
    }
}
