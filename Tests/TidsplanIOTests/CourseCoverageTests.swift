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
        // The SE run's window (3–6 months after 20 May 2024) is in the period, but the sample plan has no survey for it.
        #expect(se.followUp == .perRun(dates: [], afterProjectEnd: 0, missing: 1))
        // MI's cancelled session does not count.
        let mi = try #require(rows.first { $0.courseID == "MI" })
        #expect(mi.runs == 3 && mi.placed == 40)
    }

    /// One survey per run: the column counts them and gives the first and last date; runs whose window
    /// opens after the project are told apart from surveys simply missing; an older plan's one survey per
    /// course still reads as before.
    @Test func followUpSurveysPerRun() throws {
        var plan = SamplePlan.plan
        let template = try #require(plan.sessions.first { $0.id == "uppfoljning-MI-hoglandet" })
        func survey(_ run: String, _ date: String) -> PlannedSession {
            var s = template
            s.id = "uppfoljning-\(run)"
            s.date = SamplePlan.day(date)
            return s
        }
        // MI's runs end 2024-04-16, 2024-04-17 and 2024-09-10 (the cancelled MI-ggvv-1 is no run).
        plan.sessions += [survey("MI-sodra-vatterbygden-1", "2024-08-19"), survey("MI-hoglandet-1", "2024-08-16")]
        var rows = CourseCoverage.all(scenario: Self.scenario, plan: plan)
        var mi = try #require(rows.first { $0.courseID == "MI" })
        #expect(mi.followUp == .perRun(dates: [SamplePlan.day("2024-08-16"), SamplePlan.day("2024-08-19")], afterProjectEnd: 0, missing: 1))
        let sv = CourseWords(lang: .sv), en = CourseWords(lang: .en)
        #expect(sv.followUp(mi.followUp) == "2 enkäter, 2024-08-16–2024-08-19; 1 saknas i planen")
        #expect(en.followUp(mi.followUp) == "2 surveys, 2024-08-16 to 2024-08-19; 1 not in the plan")
        // A project ending 2024-11-30: MI-ggvv-2's window opens 2024-12-10, after it.
        var short = Self.scenario
        short.project.period.to = SamplePlan.day("2024-11-30")
        rows = CourseCoverage.all(scenario: short, plan: plan)
        mi = try #require(rows.first { $0.courseID == "MI" })
        #expect(mi.followUp == .perRun(dates: [SamplePlan.day("2024-08-16"), SamplePlan.day("2024-08-19")], afterProjectEnd: 1, missing: 0))
        #expect(sv.followUp(mi.followUp) == "2 enkäter, 2024-08-16–2024-08-19; 1 omgång utan: fönstret öppnar efter projektets slut")
        #expect(en.followUp(.perRun(dates: [SamplePlan.day("2024-08-16")], afterProjectEnd: 2, missing: 0))
                == "1 survey, 2024-08-16; 2 runs without: the window opens after the project ends")
        // An older plan: one survey named after the course.
        plan.sessions.append(survey("MI", "2024-10-01"))
        mi = try #require(CourseCoverage.all(scenario: Self.scenario, plan: plan).first { $0.courseID == "MI" })
        #expect(mi.followUp == .planned(SamplePlan.day("2024-10-01")))
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
        #expect(sv.contains("\r\nSE;Supported Employment | grund;kurs;Supported Employment | grund;hålls;1;;2;10;;80;1 saknas i planen\r\n"))
        let en = CoursesCSV.text(scenario: Self.scenario, plan: SamplePlan.plan, lang: .en, dialect: .rfc4180)
        #expect(en.hasPrefix("course_id,course,level,name,status,runs,"))
        #expect(en.contains("\r\nLC,Lärcirkel för chefer,municipality,Jönköping,,,,,0,10,,\r\n"))
    }
}
