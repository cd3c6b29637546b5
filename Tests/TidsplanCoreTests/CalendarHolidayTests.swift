import Testing
@testable import TidsplanCore

private func day(_ iso: String) -> Day {
    guard let d = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return d
}

private func holiday(_ name: String, _ year: Int, deFacto: Bool = true) -> [Day] {
    SwedishHolidays.holidays(in: year, deFacto: deFacto).filter { $0.name == name }.map(\.day)
}

@Suite("Swedish public holidays")
struct CalendarHolidayTests {
    @Test("Easter Sunday 2020–2030 (published dates)", arguments: [
        (2020, "2020-04-12"), (2021, "2021-04-04"), (2022, "2022-04-17"), (2023, "2023-04-09"),
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2028, "2028-04-16"), (2029, "2029-04-01"), (2030, "2030-04-21"),
    ])
    func easter(year: Int, iso: String) {
        #expect(SwedishHolidays.easterSunday(year: year) == day(iso))
        #expect(holiday("påskdagen", year) == [day(iso)])
        #expect(holiday("långfredagen", year) == [day(iso).adding(days: -2)])
        #expect(holiday("annandag påsk", year) == [day(iso).adding(days: 1)])
        #expect(holiday("Kristi himmelsfärdsdag", year) == [day(iso).adding(days: 39)])
        #expect(holiday("pingstdagen", year) == [day(iso).adding(days: 49)])
        #expect(day(iso).weekday == .sunday)
    }

    @Test("Easter in far-off years (1818 earliest-ish, 2038 latest-ish)")
    func easterExtremes() {
        #expect(SwedishHolidays.easterSunday(year: 1818) == day("1818-03-22"))
        #expect(SwedishHolidays.easterSunday(year: 2038) == day("2038-04-25"))
        #expect(SwedishHolidays.easterSunday(year: 2285) == day("2285-03-22"))
    }

    @Test("Midsommardagen is the Saturday 20–26 June")
    func midsummer() {
        #expect(holiday("midsommardagen", 2024) == [day("2024-06-22")])
        #expect(holiday("midsommardagen", 2025) == [day("2025-06-21")])
        #expect(holiday("midsommardagen", 2026) == [day("2026-06-20")])
        #expect(holiday("midsommarafton", 2024) == [day("2024-06-21")])
        for year in 2020...2030 {
            let d = holiday("midsommardagen", year)
            #expect(d.count == 1)
            #expect(d.first?.weekday == .saturday)
            #expect(d.first.map { $0.month == 6 && (20...26).contains($0.day) } == true)
        }
    }

    @Test("Alla helgons dag is the Saturday 31 Oct – 6 Nov")
    func allSaints() {
        #expect(holiday("alla helgons dag", 2024) == [day("2024-11-02")])
        #expect(holiday("alla helgons dag", 2025) == [day("2025-11-01")])
        #expect(holiday("alla helgons dag", 2020) == [day("2020-10-31")])
        #expect(holiday("alla helgons dag", 2026) == [day("2026-10-31")])
    }

    @Test("Kristi himmelsfärdsdag on known dates")
    func ascension() {
        #expect(holiday("Kristi himmelsfärdsdag", 2024) == [day("2024-05-09")])
        #expect(holiday("Kristi himmelsfärdsdag", 2025) == [day("2025-05-29")])
        #expect(day("2025-05-29").weekday == .thursday)
    }

    @Test("The full list for 2024, with and without de-facto eves")
    func fullList2024() {
        let statutory = SwedishHolidays.holidays(in: 2024, deFacto: false).map { "\($0.day.iso) \($0.name)" }
        #expect(statutory == [
            "2024-01-01 nyårsdagen", "2024-01-06 trettondedag jul", "2024-03-29 långfredagen",
            "2024-03-31 påskdagen", "2024-04-01 annandag påsk", "2024-05-01 första maj",
            "2024-05-09 Kristi himmelsfärdsdag", "2024-05-19 pingstdagen", "2024-06-06 nationaldagen",
            "2024-06-22 midsommardagen", "2024-11-02 alla helgons dag", "2024-12-25 juldagen",
            "2024-12-26 annandag jul",
        ])
        let all = SwedishHolidays.holidays(in: 2024, deFacto: true).map { "\($0.day.iso) \($0.name)" }
        #expect(Set(all).subtracting(statutory) == [
            "2024-03-30 påskafton", "2024-06-21 midsommarafton", "2024-12-24 julafton", "2024-12-31 nyårsafton",
        ])
        #expect(all == all.sorted())
    }

    @Test("Första maj and Kristi himmelsfärdsdag coincide in 2008: both are listed")
    func coinciding() {
        let may1 = SwedishHolidays.holidays(in: 2008, deFacto: false).filter { $0.day == day("2008-05-01") }
        #expect(may1.map(\.name) == ["första maj", "Kristi himmelsfärdsdag"])
    }

    @Test("Years the Gregorian rule does not cover give no holidays")
    func outOfRange() {
        #expect(SwedishHolidays.holidays(in: 1200, deFacto: true).isEmpty)
        #expect(SwedishHolidays.holidays(in: 10_000, deFacto: true).isEmpty)
    }
}

@Suite("Day arithmetic, weekdays and ISO weeks")
struct CalendarDayTests {
    @Test func weekdays() {
        #expect(day("1970-01-01").weekday == .thursday)
        #expect(day("2024-01-02").weekday == .tuesday)
        #expect(day("2026-05-31").weekday == .sunday)
        #expect(day("2000-02-29").weekday == .tuesday)
    }

    @Test func arithmetic() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2023-02-28").adding(days: 1) == day("2023-03-01"))
        #expect(day("2024-12-31").adding(days: 1) == day("2025-01-01"))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
        #expect(day("2026-05-31").ordinal - day("2024-01-02").ordinal == 880)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-13-01") == nil)
        #expect(Day(iso: "24-01-01") == nil)
    }

    @Test("ISO weeks around year ends")
    func isoWeeks() {
        #expect(day("2024-01-01").isoWeek == (2024, 1))
        #expect(day("2024-12-30").isoWeek == (2025, 1))
        #expect(day("2021-01-03").isoWeek == (2020, 53))
        #expect(day("2026-01-01").isoWeek == (2026, 1))
        #expect(day("2027-01-01").isoWeek == (2026, 53))
        #expect(day("2024-06-21").isoWeek == (2024, 25))
        #expect(day("2024-06-21").monday == day("2024-06-17"))
    }
}
