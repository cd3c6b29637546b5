import GLPKBackend
import Testing
import TidsplanCore
@testable import TidsplanModel

/// A small deterministic generator (no clock, no system randomness), so failures replay.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random small scenarios, planned and checked by the independent verifier; random withdrawals re-planned
/// and checked for the frozen past and the calendar rules.
@Suite struct PropertyTests {
    /// Three to five municipalities in one or two county parts, one or two courses (one digital, one a
    /// series with a prerequisite now and then), staff with random shares, random blackouts.
    static func randomScenario(_ rng: inout SeededGenerator) -> Scenario {
        var s = Small.base()
        let parts = ["Norr", "Syd"]
        s.municipalities = (0..<Int.random(in: 3...5, using: &rng)).map { i in
            let persons = Int.random(in: 6...16, using: &rng)
            return Municipality(name: "M\(i)", countyPart: parts[i % (Bool.random(using: &rng) ? 1 : 2)],
                                groups: [PersonGroup(area: "EB", role: .staff, persons: persons)],
                                quotaHours: 6 * Int.random(in: persons / 2...persons, using: &rng), rateKrPerHour: 417)
        }
        s.venues.append(Venue(id: "sydsal", name: "Södra salen", town: "Söderby", countyPart: "Syd", capacity: 20, mode: .physical))
        var c1 = Small.course("C1", min: 4, max: 16)
        c1.delivery = Bool.random(using: &rng) ? .countyPart : .digital
        var c2 = Small.course("C2", hours: 3, min: 4, max: 20)
        if Bool.random(using: &rng) { c2.series = Series(meetings: 2, everyWeeks: Int.random(in: 1...2, using: &rng)) }
        if Bool.random(using: &rng) { c2.prerequisites = [Prerequisite(course: "C1", minGapWeeks: Int.random(in: 0...1, using: &rng))] }
        s.courses = [c1, c2]
        s.staff[0].courses = ["C1", "C2"]
        s.staff[0].shares = [ShareSpan(range: s.project.period, share: [0.5, 0.75, 1.0].randomElement(using: &rng) ?? 1)]
        let start = Int.random(in: 0...6, using: &rng) * 7
        s.calendar.blackouts = [Blackout(name: "Lov", range: DateRange(from: Small.day("2025-01-06").adding(days: start),
                                                                       to: Small.day("2025-01-06").adding(days: start + 6)))]
        s.rules.maxShareAwayPerDay = 0.5
        return s
    }

    @Test(arguments: 0..<8)
    func randomScenariosPlanIntoVerifiedPlans(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        let s = Self.randomScenario(&rng)
        let p = try Small.plan(s)
        #expect(p.solver.status.hasPlan)
        #expect(!Small.training(p).isEmpty, "a random scenario should plan something")
        Small.expectVerified(p, s)
    }

    @Test(arguments: 0..<8)
    func randomWithdrawalsKeepThePastAndTheCalendarRules(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(100 + seed))
        var s = Self.randomScenario(&rng)
        let first = try Small.plan(s)
        #expect(!Small.training(first).isEmpty)
        let asOf = Small.day("2025-01-06").adding(days: Int.random(in: 14...60, using: &rng))
        let leaving = s.municipalities[Int.random(in: 0..<s.municipalities.count, using: &rng)].name
        if let i = s.municipalities.firstIndex(where: { $0.name == leaving }) { s.municipalities[i].withdrawal = asOf.adding(days: 1) }
        let second = try Small.plan(s, replan: ReplanContext(previous: first, asOf: asOf))

        // Independent check, frozen past included.
        Small.expectVerified(second, s, previous: first, asOf: asOf)
        // The withdrawn municipality sits nowhere after the date.
        #expect(second.activeSessions.allSatisfy { $0.date <= asOf || ($0.seats[leaving] ?? 0) == 0 })
        // Calendar rules: every session of the old plan is still there (cancelled if gone), and a session
        // that changed in a way a calendar shows has a higher SEQUENCE.
        for old in first.sessions {
            let new = try #require(second.session(old.id), "\(old.id) vanished instead of being cancelled")
            if old.date <= asOf {
                #expect(new.date == old.date && new.seats == old.seats && new.leaders == old.leaders && new.frozen)
            }
            if PlanDiff.nextSequence(previous: old, current: new) > old.sequence || new.status != old.status {
                #expect(new.sequence > old.sequence, "\(old.id) changed without a higher SEQUENCE")
            } else {
                #expect(new.sequence == old.sequence)
            }
        }
    }
}
