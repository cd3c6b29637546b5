import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

private func day(_ iso: String) -> Day {
    guard let d = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return d
}

@Suite("Scenario loader: what a valid file becomes")
struct ScenarioLoaderTests {
    @Test("The fixture loads with no diagnostics, every field as written")
    func validFixture() throws {
        let result = ScenarioFixtures.load(ScenarioFixtures.valid)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let s = try #require(result.scenario)

        #expect(s.project.id == "test-2024")
        #expect(s.project.name == "Testprojekt")
        #expect(s.project.owner == "Region Test")
        #expect(s.project.period == DateRange(from: day("2024-01-02"), to: day("2025-12-31")))
        #expect(s.project.trainingFrom == day("2024-03-01"))
        #expect(s.project.uidDomain == "test.tidsplan.invalid")
        #expect(s.project.stated == StatedTotals(hours: 300, persons: 20, cofinancingKr: 125_100))

        #expect(s.calendar.deFactoHolidays)
        #expect(s.calendar.blackouts == [Blackout(name: "Sommaruppehåll 2024", range: DateRange(from: day("2024-06-17"), to: day("2024-08-09")))])
        #expect(s.calendar.extraClosedDays == [Blackout(name: "Länskonferens", range: DateRange(from: day("2025-10-02"), to: day("2025-10-02")))])

        #expect(s.rules.maxShareAwayPerDay == 0.5)
        #expect(s.rules.prepDaysPerSessionDay == 0.5)        // default
        #expect(s.budget == Budget(trainersKr: 100_000, travelKr: 20_000, premisesKr: 50_000))
        #expect(s.weights == ObjectiveWeights())               // section omitted: all defaults

        #expect(s.municipalities.map(\.name) == ["Jönköping", "Eksjö"])
        #expect(s.municipalities[1].groups == [PersonGroup(area: "EB", role: .staff, persons: 6), PersonGroup(area: "AME", role: .staff, persons: 4)])
        #expect(s.municipalities[0].hoursEach == 15)
        #expect(s.municipalities[0].rateKrPerHour == 417)

        #expect(s.venues.map(\.id) == ["werket", "eksjo", "digitalt"])
        #expect(s.venues[2].mode == .digital)
        #expect(s.venues[2].countyPart == nil)
        #expect(s.venues[0].costPerDay == 3000)

        #expect(s.staff[0].shares == [ShareSpan(range: DateRange(from: day("2024-01-02"), to: day("2025-12-31")), share: 1.0)])
        #expect(s.staff[0].absences.map(\.name) == ["Semester"])
        #expect(s.trainers[0].weekdays == [.tuesday, .wednesday, .thursday])
        #expect(s.trainers[0].maxDays == 20)
        #expect(s.trainers[0].travelPerDay == 800)

        let hp = try #require(s.course("HP")), mi = try #require(s.course("MI"))
        #expect(hp.audience == [Audience()])                   // omitted: everyone
        #expect(hp.attendance == .all)
        #expect(hp.delivery == .digital)
        #expect(hp.leadersPerSession == 1)
        #expect(mi.start == ClockTime(minutes: 540))           // unquoted 09:00
        #expect(mi.end == ClockTime(minutes: 960))
        #expect(mi.audience == [Audience(area: "EB"), Audience(area: "AME", role: .staff)])
        #expect(mi.prerequisites == [Prerequisite(course: "HP", minGapWeeks: 2)])
        #expect(mi.series == Series(meetings: 2, everyWeeks: 2))
        #expect(mi.window == DateRange(from: day("2024-03-01"), to: day("2025-06-30")))
        #expect(mi.minParticipants == 6 && mi.maxParticipants == 20)

        #expect(s.fixedEvents.first?.kind == .steeringGroup)
        #expect(s.fixedEvents.first?.municipalities == ["Jönköping", "Eksjö"])
        #expect(s.pinned == [PinnedSession(course: "HP", date: day("2024-03-12"), leader: "Utvecklingsledare")])
    }

    @Test("Times: quoted, unquoted, one-digit hour, Swedish 09.00")
    func times() throws {
        for (written, minutes) in [("\"08:30\"", 510), ("08:30", 510), ("8:30", 510), ("\"8.30\"", 510), ("'13:15'", 795)] {
            let text = ScenarioFixtures.replacing("start: \"09:00\"\n    end: \"12:00\"", with: "start: \(written)\n    end: \"14:00\"")
            let s = try #require(ScenarioFixtures.load(text).scenario, "\(written)")
            #expect(s.course("HP")?.start == ClockTime(minutes: minutes), "\(written)")
        }
    }

    @Test("Numbers with digit grouping, whole numbers written 150.0, yes/no booleans")
    func numberForms() throws {
        var text = ScenarioFixtures.replacing("budget: {trainersKr: 100000,", with: "budget: {trainersKr: 100_000,")
        text = text.replacingOccurrences(of: "travelKr: 20000", with: "travelKr: \"20 000\"")
        text = text.replacingOccurrences(of: "quotaHours: 150\n    persons:\n      - {area: EB, role: staff, persons: 8}",
                                         with: "quotaHours: 150.0\n    persons:\n      - {area: EB, role: staff, persons: 8}")
        text = text.replacingOccurrences(of: "deFactoHolidays: true", with: "deFactoHolidays: no")
        let s = try #require(ScenarioFixtures.load(text).scenario)
        #expect(s.budget.trainersKr == 100_000)
        #expect(s.budget.travelKr == 20_000)
        #expect(s.municipalities[0].quotaHours == 150)
        #expect(!s.calendar.deFactoHolidays)
    }

    @Test("Shorthands: a bare audience area, a bare prerequisite id, one weekday, perMunicipality attendance")
    func shorthands() throws {
        var text = ScenarioFixtures.replacing("audience: [{area: EB}, {area: AME, role: staff}]", with: "audience: [EB, {area: AME}]")
        text = text.replacingOccurrences(of: "prerequisites: [{course: HP, minGapWeeks: 2}]", with: "prerequisites: HP")
        text = text.replacingOccurrences(of: "weekdays: [tuesday, wednesday, thursday]", with: "weekdays: onsdag")
        text = text.replacingOccurrences(of: "attendance: asNeeded", with: "attendance: {perMunicipality: {Jönköping: 4, Eksjö: 2}}")
        let result = ScenarioFixtures.load(text)
        let s = try #require(result.scenario, "\(result.diagnostics.map(\.rendered))")
        let mi = try #require(s.course("MI"))
        #expect(mi.audience == [Audience(area: "EB"), Audience(area: "AME")])
        #expect(mi.prerequisites == [Prerequisite(course: "HP", minGapWeeks: 0)])
        #expect(mi.attendance == .perMunicipality(["Jönköping": 4, "Eksjö": 2]))
        #expect(s.trainers[0].weekdays == [.wednesday])
    }

    @Test("A byte-order mark and Windows line endings are fine")
    func bomAndCRLF() throws {
        let text = "\u{FEFF}" + ScenarioFixtures.valid.replacingOccurrences(of: "\n", with: "\r\n")
        let result = ScenarioFixtures.load(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.scenario?.municipalities.count == 2)
    }

    @Test("Warnings alone keep the scenario")
    func warningsKeepScenario() {
        let text = ScenarioFixtures.replacing("stated: {hours: 300,", with: "stated: {hours: 5992,")
        let result = ScenarioFixtures.load(text)
        #expect(result.errors.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.scenario != nil)
    }

    @Test("Diagnostics render as FILE:LINE:COLUMN: severity: message, with an indented hint, in either language")
    func rendering() {
        let d = Diagnostic(.error, file: "s.yaml", line: 3, column: 7, Bilingual("okänd kurs \"X\"", "unknown course \"X\""),
                           hint: Bilingual("kända kurser: \"MI\"", "known: \"MI\""))
        #expect(d.rendered(.en) == "s.yaml:3:7: error: unknown course \"X\"\n    hint: known: \"MI\"")
        #expect(d.rendered(.sv) == "s.yaml:3:7: fel: okänd kurs \"X\"\n    tips: kända kurser: \"MI\"")
        let w = Diagnostic(.warning, file: "s.yaml", line: 1, column: 1, Bilingual("v", "w"))
        #expect(w.rendered(.en) == "s.yaml:1:1: warning: w" && w.rendered(.sv) == "s.yaml:1:1: varning: v")
        let sorted = Diagnostic.sortedByPosition([
            Diagnostic(.warning, file: "f", line: 9, column: 1, Bilingual(same: "c")), Diagnostic(.error, file: "f", line: 2, column: 5, Bilingual(same: "b")),
            Diagnostic(.error, file: "f", line: 2, column: 1, Bilingual(same: "a")), Diagnostic(.error, file: "f", line: 9, column: 1, Bilingual(same: "d")),
        ])
        #expect(sorted.map { $0.message } == ["a", "b", "c", "d"])
    }
}
