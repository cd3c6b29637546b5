import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// A small scenario that is complete and consistent: it loads with no diagnostics at all.
/// Tests take it and change one line (see `replacing`), so line numbers stay easy to read.
enum ScenarioFixtures {
    static let valid = """
    project:
      id: test-2024
      name: "Testprojekt"
      owner: "Region Test"
      period: {from: 2024-01-02, to: 2025-12-31}
      timeZone: Europe/Stockholm
      trainingFrom: 2024-03-01
      uidDomain: test.tidsplan.invalid
      stated: {hours: 300, persons: 20, cofinancingKr: 125100}

    calendar:
      deFactoHolidays: true
      blackouts:
        - {name: "Sommaruppehåll 2024", from: 2024-06-17, to: 2024-08-09}
      closedDays:
        - {name: "Länskonferens", date: 2025-10-02}

    rules:
      maxTrainingDaysPerWeek: 2
      maxShareAwayPerDay: 0.5
      quotaTolerance: 0.05

    budget: {trainersKr: 100000, travelKr: 20000, premisesKr: 50000}

    municipalities:
      - name: Jönköping
        countyPart: Södra Vätterbygden
        rateKrPerHour: 417
        hoursEach: 15
        quotaHours: 150
        persons:
          - {area: EB, role: staff, persons: 8}
          - {area: EB, role: manager, persons: 2}
      - name: Eksjö
        countyPart: Höglandet
        rateKrPerHour: 417
        hoursEach: 15
        quotaHours: 150
        persons:
          - {area: EB, role: staff, persons: 6}
          - {area: AME, role: staff, persons: 4}

    venues:
      - {id: werket, name: "Werket", town: Jönköping, countyPart: "Södra Vätterbygden", capacity: 40, mode: physical, costPerDay: 3000}
      - {id: eksjo, name: "Stadshuset", town: Eksjö, countyPart: Höglandet, capacity: 30, mode: physical, costPerDay: 2000}
      - {id: digitalt, name: "Teams", mode: digital, capacity: 100, costPerDay: 0}

    staff:
      - name: "Utvecklingsledare"
        role: development-leader
        shares: [{from: 2024-01-02, to: 2025-12-31, share: 1.0}]
        courses: [MI, HP]
        absences: [{name: Semester, from: 2024-07-01, to: 2024-07-26}]

    trainers:
      - name: "MI-utbildare"
        organisation: "Leverantör AB"
        courses: [MI]
        dayRate: 5000
        travelPerDay: 800
        weekdays: [tuesday, wednesday, thursday]
        available: [{from: 2024-03-01, to: 2025-11-30}]
        maxDays: 20

    courses:
      - id: HP
        name: "Horisontella principer"
        hours: 3
        start: "09:00"
        end: "12:00"
        attendance: all
        participants: {min: 5, max: 30}
        delivery: digital
      - id: MI
        name: "Motiverande samtal"
        hours: 6
        start: 09:00
        end: "16:00"
        audience: [{area: EB}, {area: AME, role: staff}]
        attendance: asNeeded
        participants: {min: 6, max: 20}
        delivery: countyPart
        prerequisites: [{course: HP, minGapWeeks: 2}]
        series: {meetings: 2, everyWeeks: 2}
        window: {from: 2024-03-01, to: 2025-06-30}

    fixedEvents:
      - id: styrgrupp-2024-03
        title: "Styrgruppsmöte"
        kind: steering-group
        date: 2024-03-20
        start: "13:00"
        end: "15:00"
        venue: werket
        leaders: ["Utvecklingsledare"]
        municipalities: [Jönköping, Eksjö]

    pinned:
      - {course: HP, date: 2024-03-12, leader: "Utvecklingsledare"}

    """

    /// `valid` with the first occurrence of `old` replaced (the test fails if it is not there).
    static func replacing(_ old: String, with new: String) -> String {
        guard let r = valid.range(of: old) else {
            Issue.record("fixture does not contain \(old)")
            return valid
        }
        return valid.replacingCharacters(in: r, with: new)
    }

    /// The 1-based line of the first line of `valid` containing `needle`.
    static func line(of needle: String, in text: String = valid) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let i = lines.firstIndex(where: { $0.contains(needle) }) else {
            Issue.record("fixture has no line containing \(needle)")
            return 0
        }
        return i + 1
    }

    static func load(_ text: String) -> ScenarioLoadResult { ScenarioLoader.load(text: text, file: "t.yaml") }
}
