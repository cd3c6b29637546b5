import Testing
@testable import TidsplanCore

private func day(_ iso: String) -> Day {
    guard let d = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return d
}

private func range(_ from: String, _ to: String) -> DateRange { DateRange(from: day(from), to: day(to)) }

private func scenario(deFacto: Bool = true) -> Scenario {
    Scenario(
        project: Project(id: "t", name: "T", period: range("2024-01-02", "2026-05-31"), trainingFrom: day("2024-03-01")),
        calendar: CalendarSettings(
            deFactoHolidays: deFacto,
            blackouts: [Blackout(name: "Sommaruppehåll 2024", range: range("2024-06-17", "2024-08-09"))],
            extraClosedDays: [Blackout(name: "Länskonferens", range: range("2025-10-02", "2025-10-02"))]),
        staff: [
            StaffMember(name: "Anna", role: "development-leader",
                        shares: [ShareSpan(range: range("2024-01-02", "2024-06-30"), share: 0.75)],
                        absences: [Blackout(name: "Tjänstledig", range: range("2024-04-08", "2024-04-12"))]),
        ],
        trainers: [
            ExternalTrainer(name: "Bo", courses: ["MI"], dayRate: 5000, weekdays: [.tuesday, .wednesday],
                            available: [range("2024-03-01", "2024-12-31")],
                            absences: [Blackout(name: "Sjuk", range: range("2024-03-05", "2024-03-05"))]),
        ])
}

@Suite("Working calendar built from a scenario")
struct CalendarWorkingCalendarTests {
    let cal = WorkingCalendar(scenario: scenario())

    @Test("Reasons: period, holidays, weekends, blackouts, closed days")
    func reasons() {
        #expect(cal.reason(day("2024-01-01")) == .outsidePeriod)
        #expect(cal.reason(day("2026-06-01")) == .outsidePeriod)
        #expect(cal.reason(day("2024-01-02")) == .working)
        #expect(cal.reason(day("2024-01-06")) == .holiday("trettondedag jul"))  // a Saturday: holiday wins
        #expect(cal.reason(day("2024-01-07")) == .weekend)
        #expect(cal.reason(day("2024-03-29")) == .holiday("långfredagen"))
        #expect(cal.reason(day("2024-05-09")) == .holiday("Kristi himmelsfärdsdag"))
        #expect(cal.reason(day("2024-06-06")) == .holiday("nationaldagen"))
        #expect(cal.reason(day("2024-06-21")) == .holiday("midsommarafton"))
        #expect(cal.reason(day("2024-06-18")) == .blackout("Sommaruppehåll 2024"))
        #expect(cal.reason(day("2024-08-12")) == .working)
        #expect(cal.reason(day("2024-12-24")) == .holiday("julafton"))
        #expect(cal.reason(day("2025-10-02")) == .blackout("Länskonferens"))
        #expect(cal.isWorkingDay(day("2025-10-03")))
        #expect(!cal.isWorkingDay(day("2025-10-02")))
        #expect(cal.reason(day("2024-01-07")).text == "weekend")
    }

    @Test("Without de-facto holidays the eves are working days")
    func noDeFacto() {
        let c = WorkingCalendar(scenario: scenario(deFacto: false))
        #expect(c.reason(day("2024-12-24")) == .working)
        #expect(c.reason(day("2024-12-31")) == .working)
        #expect(c.reason(day("2025-06-20")) == .working)
        #expect(c.reason(day("2024-12-25")) == .holiday("juldagen"))
    }

    @Test("Working days in a range: January 2024 and one week")
    func workingDaysInRange() {
        // January 2024: 23 weekdays, minus 1 Jan (outside period anyway); 6 Jan is a Saturday.
        let jan = cal.workingDays(in: range("2024-01-01", "2024-01-31"))
        #expect(jan.count == 22)
        #expect(jan.first == day("2024-01-02"))
        #expect(jan.last == day("2024-01-31"))
        #expect(cal.workingDayCount(in: range("2024-01-01", "2024-01-31")) == 22)
        // Easter week 2024: Mon 25 – Thu 28 work, Good Friday off.
        #expect(cal.workingDays(in: range("2024-03-25", "2024-03-31")).map(\.iso)
                == ["2024-03-25", "2024-03-26", "2024-03-27", "2024-03-28"])
        #expect(cal.workingDays(in: range("2024-03-31", "2024-03-25")).isEmpty)
        #expect(cal.workingDays(in: range("2030-01-01", "2030-12-31")).isEmpty)
        #expect(cal.allWorkingDays.count == cal.workingDayCount(in: cal.period))
        // Every listed day is a working day and every working day is listed.
        let listed = Set(cal.allWorkingDays)
        for d in cal.period.days { #expect(listed.contains(d) == cal.isWorkingDay(d)) }
    }

    @Test("Training days start at trainingFrom")
    func trainingFrom() {
        #expect(!cal.isTrainingDay(day("2024-02-29")))
        #expect(cal.isTrainingDay(day("2024-03-01")))
    }

    @Test("Staff: absence, share 0 after employment ends")
    func staffReasons() {
        #expect(cal.reason(day("2024-04-09"), leader: "Anna") == .absence("Tjänstledig"))
        #expect(cal.reason(day("2024-04-15"), leader: "Anna") == .working)
        #expect(cal.reason(day("2024-07-01"), leader: "Anna") == .blackout("Sommaruppehåll 2024"))
        #expect(cal.reason(day("2024-09-02"), leader: "Anna") == .absence("not employed"))
        #expect(cal.reason(day("2024-03-29"), leader: "Anna") == .holiday("långfredagen"))
    }

    @Test("Trainer: weekdays, contract, absence")
    func trainerReasons() {
        #expect(cal.reason(day("2024-03-05"), leader: "Bo") == .absence("Sjuk"))
        #expect(cal.reason(day("2024-03-12"), leader: "Bo") == .working)   // Tuesday
        #expect(cal.reason(day("2024-03-13"), leader: "Bo") == .working)   // Wednesday
        #expect(cal.reason(day("2024-03-14"), leader: "Bo") == .absence("not available on thursdays"))
        #expect(cal.reason(day("2024-02-13"), leader: "Bo") == .absence("outside contract"))
        #expect(cal.reason(day("2025-01-14"), leader: "Bo") == .absence("outside contract"))
        #expect(cal.workingDays(in: range("2024-03-04", "2024-03-10"), leader: "Bo") == [day("2024-03-06")])
        // Unknown leaders get the project's calendar.
        #expect(cal.reason(day("2024-03-14"), leader: "Nobody") == .working)
        #expect(cal.reason(day("2027-03-14"), leader: "Bo") == .outsidePeriod)
    }

    @Test("An empty period (from after to) has no working days")
    func emptyPeriod() {
        let s = Scenario(project: Project(id: "x", name: "x", period: range("2024-02-01", "2024-01-01")))
        let c = WorkingCalendar(scenario: s)
        #expect(c.reason(day("2024-01-15")) == .outsidePeriod)
        #expect(c.allWorkingDays.isEmpty)
    }
}
