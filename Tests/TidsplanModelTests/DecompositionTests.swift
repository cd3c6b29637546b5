import GLPKBackend
import Testing
import TidsplanCore
@testable import TidsplanModel

/// Planning area by area: how areas are cut, which leaders an area gets, and that what one area takes
/// (a leader's days, the budget) is not used again by the next.
@Suite struct DecompositionTests {
    static func municipality(_ name: String, _ part: String, persons: Int, quota: Int = 0) -> Municipality {
        Municipality(name: name, countyPart: part, groups: [PersonGroup(area: "EB", role: .staff, persons: persons)],
                     quotaHours: quota, rateKrPerHour: 417)
    }

    @Test func areasPackCountyPartsInNameOrderUpToTheLimit() {
        var s = Small.base()
        s.municipalities = [
            Self.municipality("V1", "Väst", persons: 30), Self.municipality("S1", "Syd", persons: 8),
            Self.municipality("N1", "Norr", persons: 6), Self.municipality("M1", "Mitt", persons: 12),
            Self.municipality("N2", "Norr", persons: 4),
        ]
        let areas = PlanAreas.split(s, maxPersons: 25)
        // Mitt 12 + Norr 10 = 22; Syd would make 30; Väst (30) is larger than the limit and stands alone.
        #expect(areas.map(\.countyParts) == [["Mitt", "Norr"], ["Syd"], ["Väst"]])
        #expect(areas.map(\.persons) == [22, 8, 30])
        #expect(areas[0].municipalities == ["M1", "N1", "N2"])
        #expect(areas.map(\.number) == [1, 2, 3])
        // The file's order does not matter.
        s.municipalities.reverse()
        #expect(PlanAreas.split(s, maxPersons: 25).map(\.countyParts) == areas.map(\.countyParts))
        #expect(PlanAreas.split(s, maxPersons: 1000).count == 1)
    }

    @Test func anAreaGetsTheLeaderWithMostDaysLeftAndTheNextAreaTheOther() {
        var s = Small.base()
        s.trainers = [ExternalTrainer(name: "Tor", courses: ["C1"], dayRate: 5000, maxDays: 10),
                      ExternalTrainer(name: "Ulla", courses: ["C1"], dayRate: 5000, maxDays: 8)]
        s.staff[0].courses = []
        let share = LeaderShare(scenario: s)
        #expect(share.choose(course: s.courses[0], commitments: .none) == ["Tor"])
        // Tor has led three days elsewhere: 7 left against Ulla's 8.
        let led = (0..<3).map { i in
            PlannedSession(id: "x\(i)", kind: .training, course: "C1", title: "x", date: Small.day("2025-01-07").adding(days: 7 * i),
                           start: Small.time("09:00"), end: Small.time("15:00"), hours: 6, venue: "sal", mode: .physical,
                           leaders: ["Tor"], frozen: false, status: .planned, seats: ["A": 5], countyPart: "Norr")
        }
        let taken = Commitments(sessions: led, scenario: s)
        #expect(taken.daysLed("Tor") == 3)
        #expect(taken.trainerFeesKr == 15_000)
        #expect(share.choose(course: s.courses[0], commitments: taken) == ["Ulla"])
        // The area's scenario lists the course only for the chosen leader.
        let area = PlanAreas.split(s).first
        let sub = area.map { PlanAreas.scenario(for: $0, of: s, leaders: share, commitments: taken) }
        #expect(sub?.leaders(for: "C1") == ["Ulla"])
    }

    /// Two county parts, one trainer who works Tuesdays only and is under contract for four weeks: four
    /// Tuesdays, and each municipality needs two sessions. The second area must take the two Tuesdays the
    /// first left; planned as if alone it would pick the same ones (a double booking the verifier rejects).
    static func sharedTrainer() -> Scenario {
        var s = Small.base()
        s.municipalities[1].countyPart = "Syd"
        s.venues.append(Venue(id: "sydsal", name: "Södra salen", town: "Söderby", countyPart: "Syd", capacity: 20, mode: .physical))
        s.staff[0].courses = []
        s.trainers = [ExternalTrainer(name: "Tor", courses: ["C1"], dayRate: 5000, weekdays: [.tuesday],
                                      available: [DateRange(from: Small.day("2025-01-06"), to: Small.day("2025-02-02"))])]
        return s
    }

    static func planByArea(_ s: Scenario, maxPersons: Int, replan: ReplanContext? = nil,
                           decompose: Decompose = .on) throws -> PlanOutcome {
        var o = PlannerOptions(timeLimit: 60, relativeGap: 0)
        o.decompose = decompose
        o.maxAreaPersons = maxPersons
        return try Planner.plan(scenario: s, backend: GLPKBackend(), options: o, replan: replan)
    }

    @Test func aLeadersDaysTakenByOneAreaAreLeftToTheNext() throws {
        let s = Self.sharedTrainer()
        let out = try Self.planByArea(s, maxPersons: 10)
        #expect(out.statistics.areas == 2)
        #expect(out.plan.solver.areas == 2)
        #expect(out.plan.solver.gap == nil, "no bound for the whole is claimed")
        let days = Small.training(out.plan).map(\.date)
        #expect(days.count == 4)
        #expect(Set(days).count == 4, "Tor leads four sessions on four different Tuesdays")
        #expect(out.plan.municipalities.map(\.plannedHours) == [60, 48])
        Small.expectVerified(out.plan, s)
    }

    @Test func theSecondAreaStopsAtTheBudgetTheFirstLeft() throws {
        var s = Self.sharedTrainer()
        s.trainers[0].available = []
        s.budget.trainersKr = 15_000  // three of the four session days
        let out = try Self.planByArea(s, maxPersons: 10)
        #expect(Small.training(out.plan).count == 3)
        #expect(out.plan.municipalities.map(\.plannedHours).reduce(0, +) < 108)
        #expect(out.plan.shortfalls.contains { $0.kind == "quota" })
        Small.expectVerified(out.plan, s)
    }

    @Test func areaPlansAreRepeatableAndTheirIdsDistinct() throws {
        var s = Self.sharedTrainer()
        s.trainers[0].available = []
        var hp = Small.course("HP", hours: 3, min: 2, max: 30, delivery: .digital)
        hp.attendance = .all
        s.courses.append(hp)
        s.staff[0].courses = ["HP"]
        let first = try Self.planByArea(s, maxPersons: 10).plan
        let second = try Self.planByArea(s, maxPersons: 10).plan
        #expect(first == second)
        let ids = first.sessions.map(\.id)
        #expect(Set(ids).count == ids.count)
        // Each area holds its own digital sessions, named after the area (two each: half of a
        // municipality's staff may be away on one day).
        let digital = Small.training(first).filter { $0.course == "HP" }.map(\.id).sorted()
        #expect(digital == ["HP-digital-norr-1", "HP-digital-norr-2", "HP-digital-syd-1", "HP-digital-syd-2"])
        Small.expectVerified(first, s)
    }

    /// The random scenarios of `PropertyTests`, planned one county part at a time: the whole plan keeps
    /// every rule, checked by the independent verifier.
    @Test(arguments: 0..<8)
    func randomScenariosPlannedByAreaKeepEveryRule(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        let s = PropertyTests.randomScenario(&rng)
        let out = try Self.planByArea(s, maxPersons: 1)
        #expect(out.statistics.areas == Set(s.municipalities.map(\.countyPart)).count)
        #expect(!Small.training(out.plan).isEmpty)
        Small.expectVerified(out.plan, s)
    }

    /// Random scenarios planned by area, then re-planned by area after a random municipality withdraws:
    /// the past is kept, the whole plan keeps every rule, and calendars see cancellations, not vanishings.
    @Test(arguments: 0..<6)
    func randomWithdrawalsReplannedByAreaKeepThePast(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(200 + seed))
        var s = PropertyTests.randomScenario(&rng)
        let first = try Self.planByArea(s, maxPersons: 1).plan
        let asOf = Small.day("2025-01-06").adding(days: Int.random(in: 14...60, using: &rng))
        let leaving = s.municipalities[Int.random(in: 0..<s.municipalities.count, using: &rng)].name
        if let i = s.municipalities.firstIndex(where: { $0.name == leaving }) { s.municipalities[i].withdrawal = asOf.adding(days: 1) }
        let out = try Self.planByArea(s, maxPersons: 1, replan: ReplanContext(previous: first, asOf: asOf))
        let second = out.plan
        #expect(out.statistics.areas == Set(s.municipalities.map(\.countyPart)).count, "re-planned by area, as the plan was made")
        Small.expectVerified(second, s, previous: first, asOf: asOf)
        #expect(second.activeSessions.allSatisfy { $0.date <= asOf || ($0.seats[leaving] ?? 0) == 0 })
        for old in first.sessions {
            let new = try #require(second.session(old.id), "\(old.id) vanished instead of being cancelled")
            if old.date <= asOf { #expect(new.date == old.date && new.seats == old.seats && new.leaders == old.leaders && new.frozen) }
        }
    }

    /// One room, two areas, a county-wide course that must run within two weeks, on Tuesdays or Wednesdays:
    /// each area needs a session a week there (one run of a group starts a week), with its own leader. The
    /// second area must take the days the first left in the room; planned as if alone, its model is the
    /// first's and picks the same days (a double booking the verifier rejects).
    @Test func aRoomsDaysTakenByOneAreaAreLeftToTheNext() throws {
        var s = Self.sharedTrainer()
        s.trainers = [ExternalTrainer(name: "Tor", courses: ["C1"], dayRate: 5000, weekdays: [.tuesday, .wednesday]),
                      ExternalTrainer(name: "Tove", courses: ["C1"], dayRate: 5000, weekdays: [.tuesday, .wednesday])]
        s.courses[0].delivery = .county
        s.courses[0].venues = ["sal"]
        s.courses[0].window = DateRange(from: Small.day("2025-01-13"), to: Small.day("2025-01-24"))
        let out = try Self.planByArea(s, maxPersons: 10)
        let sessions = Small.training(out.plan)
        #expect(sessions.count == 4)
        #expect(Set(sessions.map(\.date)).count == 4, "four sessions in the one room on four different days")
        #expect(Set(sessions.flatMap(\.leaders)) == ["Tor", "Tove"], "each area got its own leader")
        #expect(out.plan.municipalities.map(\.plannedHours) == [60, 48])
        Small.expectVerified(out.plan, s)
    }

    /// A fixed event keeps its leader from training that day: Tor has four Tuesdays and a network meeting
    /// on one of them, so three sessions, none on that day (before, a plan put training on such days).
    @Test func aLeaderAtAFixedEventTrainsNobodyThatDay() throws {
        var s = Self.sharedTrainer()
        let meeting = Small.day("2025-01-14")
        s.fixedEvents = [FixedEvent(id: "natverk", title: "Nätverk", kind: .network, date: meeting,
                                    start: Small.time("13:00"), end: Small.time("15:00"), leaders: ["Tor"])]
        for decompose in [Decompose.off, .on] {
            let plan = try Self.planByArea(s, maxPersons: 10, decompose: decompose).plan
            let days = Small.training(plan).map(\.date)
            #expect(days.count == 3 && !days.contains(meeting), "\(decompose): \(days.map(\.iso))")
            Small.expectVerified(plan, s)
        }
    }
}
