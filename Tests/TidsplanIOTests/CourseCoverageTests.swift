import Testing
import TidsplanCore
@testable import TidsplanIO

/// Promised versus planned per course (courses.csv, the report's section) on the sample plan.
@Suite struct CourseCoverageTests {
    /// The sample scenario with a fourth course nobody leads, required of every EB manager.
    static var scenario: Scenario {
        var s = SamplePlan.scenario
        s.courses.append(Course(id: "LC", name: "Lärcirkel för chefer", hours: 3, start: SamplePlan.time("09:00"),
                                end: SamplePlan.time("12:00"), audience: [Audience(area: "EB", role: .manager)], attendance: .all))
        return s
    }

    @Test func coursesThatGotNothingComeFirstAndPersonsCountOnce() throws {
        let rows = CourseCoverage.all(scenario: Self.scenario, plan: SamplePlan.plan)
        #expect(rows.map(\.courseID) == ["LC", "HP", "MI", "SE"])
        let lc = rows[0]
        #expect(lc.status == .nothing && lc.runs == 0 && lc.placed == 0)
        // Every EB manager is asked for: Aneby 2, Jönköping 10, Värnamo 2.
        #expect(lc.asked == 14)
        #expect(lc.municipalities.map(\.asked) == [2, 10, 2])
        #expect(lc.areas.map(\.name) == ["EB"] && lc.areas[0].asked == 14 && !lc.areasEstimated)
        #expect(lc.followUp == .noCourse)
        // The SE series: two meetings of one run with 10 persons from Jönköping, counted once.
        let se = try #require(rows.first { $0.courseID == "SE" })
        #expect(se.runs == 1 && se.sessions == 2 && se.placed == 10 && se.hours == 80)
        #expect(se.status == .held && se.asked == nil)
        #expect(se.areas.map(\.name) == ["AME"] && se.areas[0].placed == 10)
        // Follow-up four months after 20 May 2024 is in the period, but the sample plan has no survey for SE.
        #expect(se.followUp == .missing(SamplePlan.day("2024-09-20")))
        // MI's cancelled session does not count.
        let mi = try #require(rows.first { $0.courseID == "MI" })
        #expect(mi.runs == 3 && mi.placed == 40)
    }

    @Test func hoursPerAreaAddUpToThePlannedHours() {
        let rows = CourseCoverage.all(scenario: Self.scenario, plan: SamplePlan.plan)
        let (hours, estimated) = CourseCoverage.hoursByArea(rows)
        // HP 22 persons × 2.5 h (≈EB 15, AME 7), MI 40 × 6 h (≈EB 29, AME 11), SE 10 AME × 8 h: 375 h in all.
        #expect(hours.map(\.area) == ["EB", "AME"])
        let eb: Double = 15 * 2.5 + 29 * 6, ame: Double = 7 * 2.5 + 11 * 6 + 80
        #expect(hours.map(\.hours) == [eb, ame])
        let planned: Double = SamplePlan.plan.municipalities.reduce(0.0) { $0 + $1.plannedHours }
        #expect(eb + ame == planned)
        #expect(estimated)
    }

    /// A municipality's places all go to one area while another area of it asked for some: short, not "as asked".
    @Test func anAreaWithFewerPlacesThanAskedIsShort() {
        var mi = CourseCoverage(courseID: "MI", name: "MI", runs: 1, runsAsked: nil, sessions: 1, placed: 28, asked: 28, hours: 6,
                                municipalities: [.init(name: "Aneby", placed: 28, asked: 28)],
                                areas: [.init(name: "EB", placed: 28, asked: 17), .init(name: "Vux", placed: 0, asked: 11)],
                                areasEstimated: false, followUp: .notAsked)
        #expect(mi.status == .short)
        // Estimated areas (no split recorded in the plan) prove nothing either way.
        mi.areasEstimated = true
        #expect(mi.status == .met)
    }

    @Test func placesSplitOverAreasAddUp() {
        #expect(CourseCoverage.apportion(5, [("EB", 3), ("AME", 1)]).map { $0.1 } == [4, 1])
        #expect(CourseCoverage.apportion(3, [("EB", 1), ("AME", 1), ("Vux", 1)]).map { $0.1 } == [1, 1, 1])
        #expect(CourseCoverage.apportion(1, [("EB", 1), ("AME", 1)]).map { $0.1 } == [1, 0])
        #expect(CourseCoverage.apportion(0, [("EB", 1)]).isEmpty)
    }

    @Test func courseRowsThenAreasThenMunicipalitiesInTheRunsLanguage() {
        let sv = CoursesCSV.text(scenario: Self.scenario, plan: SamplePlan.plan, lang: .sv, dialect: .excelSwedish)
        #expect(sv.hasPrefix("\u{FEFF}kurs_id;kurs;nivå;namn;läge;omgångar;"))
        #expect(sv.contains("\r\nLC;Lärcirkel för chefer;kurs;Lärcirkel för chefer;hålls inte;0;;0;0;14;0;–\r\n"))
        #expect(sv.contains("\r\nSE;Supported Employment | grund;kurs;Supported Employment | grund;hålls;1;;2;10;;80;saknas i planen (2024-09-20)\r\n"))
        let en = CoursesCSV.text(scenario: Self.scenario, plan: SamplePlan.plan, lang: .en, dialect: .rfc4180)
        #expect(en.hasPrefix("course_id,course,level,name,status,runs,"))
        #expect(en.contains("\r\nLC,Lärcirkel för chefer,municipality,Jönköping,,,,,0,10,,\r\n"))
    }
}
