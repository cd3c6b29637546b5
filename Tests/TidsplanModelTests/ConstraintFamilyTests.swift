import Testing
import TidsplanCore
@testable import TidsplanModel

/// One test per constraint family, each on a scenario whose answer is known by hand.
@Suite struct ConstraintFamilyTests {
    @Test func baseScenarioMeetsBothQuotasExactlyWithTwoSessions() throws {
        let s = Small.base()
        let p = try Small.plan(s)
        #expect(p.solver.status == .optimal)
        #expect(Small.training(p).count == 2)
        #expect(p.plannedHours("A") == 60)
        #expect(p.plannedHours("B") == 48)
        #expect(p.shortfalls.isEmpty)
        Small.expectVerified(p, s)
    }

    @Test func workingDaysOnlyOutsideBlackouts() throws {
        var s = Small.base()
        // Only the weeks of 2025-02-10 and 2025-02-17 are open; 2025-02-12 is also closed.
        s.calendar.blackouts = [Blackout(name: "Stängt", range: DateRange(from: Small.day("2025-01-06"), to: Small.day("2025-02-09"))),
                                Blackout(name: "Stängt igen", range: DateRange(from: Small.day("2025-02-22"), to: Small.day("2025-03-28")))]
        s.calendar.extraClosedDays = [Blackout(name: "Konferens", range: DateRange(from: Small.day("2025-02-12"), to: Small.day("2025-02-12")))]
        let p = try Small.plan(s)
        let dates = Small.training(p).map(\.date)
        #expect(dates.count == 2)
        #expect(dates.allSatisfy { $0 >= Small.day("2025-02-10") && $0 <= Small.day("2025-02-21") && $0 != Small.day("2025-02-12") })
        Small.expectVerified(p, s)
    }

    @Test func leaderAbsenceIsRespected() throws {
        var s = Small.base()
        s.staff[0].absences = [Blackout(name: "Semester", range: DateRange(from: Small.day("2025-01-06"), to: Small.day("2025-03-14")))]
        let p = try Small.plan(s)
        #expect(Small.training(p).allSatisfy { $0.date >= Small.day("2025-03-17") })
        #expect(Small.training(p).count == 2)
        Small.expectVerified(p, s)
    }

    @Test func staffWeeklyLoadAllowsOneSessionAWeekAtFortyPercent() throws {
        var s = Small.base()
        // 0.4 × 5 days = 2 days a week; a session day with half a day's preparation costs 1.5.
        s.staff[0].shares = [ShareSpan(range: s.project.period, share: 0.4)]
        let p = try Small.plan(s)
        let weeks = Small.training(p).map { $0.date.monday }
        #expect(weeks.count == 2)
        #expect(Set(weeks).count == 2)
        Small.expectVerified(p, s)
    }

    @Test func staffWithTooSmallShareLeadsNothingAndTheShortfallSaysSo() throws {
        var s = Small.base()
        s.staff[0].shares = [ShareSpan(range: s.project.period, share: 0.2)]  // 1 day a week < 1.5
        let p = try Small.plan(s)
        #expect(Small.training(p).isEmpty)
        let quota = p.shortfalls.filter { $0.kind == "quota" }
        #expect(quota.compactMap(\.subject.municipality).sorted() == ["A", "B"])
        #expect(quota.first { $0.subject.municipality == "A" }?.amount == 60)
        #expect(quota.allSatisfy { $0.reason.contains("cannot be planned") })
        Small.expectVerified(p, s)
    }

    @Test func trainerMaxDaysCapsSessions() throws {
        var s = Small.base()
        s.staff = []
        s.trainers = [ExternalTrainer(name: "Tor", courses: ["C1"], dayRate: 5000, maxDays: 1)]
        let p = try Small.plan(s)
        #expect(Small.training(p).count == 1)
        #expect(p.plannedHours("A") == 30)
        #expect(p.plannedHours("B") == 24)
        Small.expectVerified(p, s)
    }

    @Test func trainerBudgetCapsSessions() throws {
        var s = Small.base()
        s.staff = []
        s.trainers = [ExternalTrainer(name: "Tor", courses: ["C1"], dayRate: 5000)]
        s.budget = Budget(trainersKr: 9999)
        let p = try Small.plan(s)
        #expect(Small.training(p).count == 1)
        Small.expectVerified(p, s)
    }

    @Test func trainerWeekdaysAreRespected() throws {
        var s = Small.base()
        s.staff = []
        s.trainers = [ExternalTrainer(name: "Tor", courses: ["C1"], dayRate: 1000, weekdays: [.thursday])]
        let p = try Small.plan(s)
        #expect(Small.training(p).count == 2)
        #expect(Small.training(p).allSatisfy { $0.date.weekday == .thursday && $0.leaders == ["Tor"] })
        Small.expectVerified(p, s)
    }

    @Test func sessionsBelowTheMinimumAreNotHeld() throws {
        var s = Small.base()
        s.courses = [Small.course("C1", min: 10)]  // at most 5 + 4 = 9 per session
        let p = try Small.plan(s)
        #expect(Small.training(p).isEmpty)
        Small.expectVerified(p, s)
    }

    @Test func prerequisiteIsFinishedBeforeTheNextCourseStarts() throws {
        var s = Small.base()
        var c2 = Small.course("C2")
        c2.prerequisites = [Prerequisite(course: "C1", minGapWeeks: 2)]
        s.courses.append(c2)
        s.staff[0].courses = ["C1", "C2"]
        s.municipalities[0].quotaHours = 120
        s.municipalities[1].quotaHours = 96
        let p = try Small.plan(s)
        let c1 = Small.training(p).filter { $0.course == "C1" }.map(\.date)
        let c2s = Small.training(p).filter { $0.course == "C2" }.map(\.date)
        #expect(c1.count == 2 && c2s.count == 2)
        if let lastC1 = c1.max(), let firstC2 = c2s.min() { #expect(firstC2.ordinal - lastC1.ordinal >= 14) }
        #expect(p.plannedHours("A") == 120)
        Small.expectVerified(p, s)
    }

    @Test func municipalityWeekLimitSpreadsSessions() throws {
        var s = Small.base()
        s.rules.maxTrainingDaysPerWeek = 1
        s.calendar.blackouts = [Blackout(name: "Stängt", range: DateRange(from: Small.day("2025-01-20"), to: Small.day("2025-03-28")))]
        let p = try Small.plan(s)  // two open weeks, one session day each
        let weeks = Small.training(p).map { $0.date.monday }
        #expect(weeks.count == 2 && Set(weeks).count == 2)
        Small.expectVerified(p, s)
    }

    @Test func withdrawnMunicipalityGetsNoSeatsAfterItsDate() throws {
        var s = Small.base()
        s.municipalities[1].withdrawal = Small.day("2025-01-20")
        s.calendar.blackouts = [Blackout(name: "Stängt", range: DateRange(from: Small.day("2025-01-06"), to: Small.day("2025-01-26")))]
        let p = try Small.plan(s)
        #expect(Small.training(p).allSatisfy { ($0.seats["B"] ?? 0) == 0 })
        #expect(p.plannedHours("A") == 60)
        #expect(p.shortfalls.contains { $0.subject.municipality == "B" && $0.reason.contains("withdraws") })
        Small.expectVerified(p, s)
    }

    @Test func seriesKeepsItsCadence() throws {
        var s = Small.base()
        var c = Small.course("C1", hours: 3)
        c.series = Series(meetings: 3, everyWeeks: 2)
        s.courses = [c]
        s.municipalities[0].quotaHours = 45  // 5 persons × 3 meetings × 3 h
        s.municipalities[1].quotaHours = 36
        let p = try Small.plan(s)
        let sessions = Small.training(p)
        #expect(sessions.count == 3)
        let mondays = sessions.sorted { $0.date < $1.date }.map { $0.date.monday.ordinal }
        #expect(zip(mondays, mondays.dropFirst()).allSatisfy { $1 - $0 == 14 })
        #expect(sessions.allSatisfy { $0.series?.of == 3 && $0.seats == sessions[0].seats })
        #expect(p.plannedHours("A") == 45)
        Small.expectVerified(p, s)
    }

    @Test func pinnedSessionKeepsItsDate() throws {
        var s = Small.base()
        s.pinned = [PinnedSession(course: "C1", countyPart: "Norr", date: Small.day("2025-03-05"), leader: "Lea")]
        let p = try Small.plan(s)
        #expect(Small.training(p).contains { $0.date == Small.day("2025-03-05") })
        Small.expectVerified(p, s)
    }

    @Test func quotaCeilingHoldsWithZeroTolerance() throws {
        var s = Small.base()
        s.rules.quotaTolerance = 0
        s.municipalities[0].quotaHours = 50  // 5 seats a session × 6 h: 48 fits, 54 would not
        let p = try Small.plan(s)
        #expect(p.plannedHours("A") <= 50)
        #expect(p.plannedHours("A") == 48)
        Small.expectVerified(p, s)
    }

    @Test func digitalCourseServesEveryCountyPart() throws {
        var s = Small.base()
        s.municipalities[1].countyPart = "Syd"
        s.courses = [Small.course("C1", delivery: .digital)]
        let p = try Small.plan(s)
        #expect(Small.training(p).allSatisfy { $0.venue == "teams" && $0.mode == .digital })
        #expect(p.plannedHours("A") == 60 && p.plannedHours("B") == 48)
        Small.expectVerified(p, s)
    }

    @Test func monthlyTeachingShareLimitsAShortMonth() throws {
        var s = Small.base()
        s.calendar.blackouts = [Blackout(name: "Stängt", range: DateRange(from: Small.day("2025-01-06"), to: Small.day("2025-02-09"))),
                                Blackout(name: "Stängt igen", range: DateRange(from: Small.day("2025-02-15"), to: Small.day("2025-03-28")))]
        // 5 working days × 0.6 = 3 days: two sessions with preparation (2 × 1.5) just fit; at 0.5 only one does.
        s.rules.maxTeachingShare = 0.5
        let p = try Small.plan(s)
        #expect(Small.training(p).count == 1)
        Small.expectVerified(p, s)
    }

    @Test func sameScenarioGivesTheSamePlan() throws {
        let s = Small.base()
        #expect(try Small.plan(s) == Small.plan(s))
    }
}
