import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// The sample plan with places per target group, as plans made now record them, and an as-of after the
/// spring sessions.
enum AttendanceSample {
    static let plan: Plan = {
        var p = SamplePlan.plan
        for i in p.sessions.indices where p.sessions[i].kind == .training {
            var groups: [GroupSeats] = []
            for (m, n) in p.sessions[i].seats.sorted(by: { $0.key < $1.key }) {
                let staff = n - n / 4
                groups.append(GroupSeats(municipality: m, area: "EB", role: .staff, seats: staff))
                if n - staff > 0 { groups.append(GroupSeats(municipality: m, area: "AME", role: .staff, seats: n - staff)) }
            }
            p.sessions[i].groupSeats = groups
        }
        return p
    }()
    static let asOf = SamplePlan.day("2024-05-31")

    static func register(_ csv: String) throws -> AttendanceRegister {
        switch AttendanceCSV.read(csv, file: "r.csv", lang: .en) {
        case .success(let r): return r
        case .failure(let f): throw f
        }
    }

    static func problems(_ csv: String, plan: Plan = plan, correct: Bool = false) throws -> [String] {
        let r = try register(csv)
        return AttendanceBook.problems(r, plan: plan, scenario: SamplePlan.scenario,
                                       options: .init(asOf: asOf, correct: correct, lang: .en)).map(\.description)
    }

    static func apply(_ csv: String, to plan: Plan = plan, correct: Bool = false) throws -> Plan {
        try AttendanceBook.apply(try register(csv), to: plan, scenario: SamplePlan.scenario,
                                 options: .init(asOf: asOf, correct: correct, lang: .en)).get()
    }

    static let header = "session,municipality,group,attended,status,held_on\n"
}

@Suite struct CSVReaderTests {
    @Test func quotesSeparatorsAndLineNumbers() throws {
        let text = "a,\"b,c\",\"d\"\"e\"\r\n\r\nx,\"two\nlines\",'-1\ny,z,\n"
        let records = try CSVReader.records(text).get()
        #expect(records.map(\.line) == [1, 3, 5])
        #expect(records[0].cells == ["a", "b,c", "d\"e"])
        #expect(records[1].cells == ["x", "two\nlines", "-1"])
        #expect(records[2].cells == ["y", "z", ""])
    }

    @Test func swedishExcelDialect() throws {
        let records = try CSVReader.records("\u{FEFF}pass;kommun;deltog\r\nHP-1;Jönköping;\"3,5\"\r\n").get()
        #expect(records.map(\.cells) == [["pass", "kommun", "deltog"], ["HP-1", "Jönköping", "3,5"]])
    }

    @Test func anUnclosedQuoteNamesItsLine() {
        guard case .failure(let e) = CSVReader.records("a,b\nc,\"d\ne\n") else { Issue.record("read an unclosed quote"); return }
        #expect(e.line == 2)
    }
}

@Suite struct AttendanceCSVTests {
    @Test func theTemplateReadsBackAsPlanned() throws {
        for (dialect, lang) in [(CSVDialect.rfc4180, Language.en), (.excelSwedish, .sv)] {
            let text = AttendanceCSV.template(AttendanceSample.plan, from: SamplePlan.day("2024-04-01"), to: AttendanceSample.asOf,
                                              dialect: dialect, lang: lang)
            let register = try AttendanceCSV.read(text, file: "t.csv", lang: lang).get()
            // HP-1 (3 municipalities, 2 groups each but Aneby's 4 → 3 + 1), MI-hoglandet-1, MI-sodra-vatterbygden-1, SE × 2.
            #expect(register.rows.count == 6 + 2 + 2 + 2 + 2)
            let recorded = try AttendanceBook.apply(register, to: AttendanceSample.plan, scenario: SamplePlan.scenario,
                                                    options: .init(asOf: AttendanceSample.asOf, lang: lang)).get()
            for s in recorded.sessions where s.kind == .training && s.date <= AttendanceSample.asOf && s.status == .planned {
                let before = try #require(AttendanceSample.plan.session(s.id))
                #expect(s.seats == before.seats && s.groupSeats == before.groupSeats, "\(s.id) changed as planned")
                #expect(s.attendance?.booked == before.groupSeats)
            }
            #expect(recorded.session("MI-ggvv-1")?.attendance == nil, "a session cancelled in the plan is not in the template")
        }
    }

    @Test func badCellsAreNamedByLineAndColumn() {
        let text = "session,municipality,group,attended,status,held_on,colour\n"
            + "HP-1,Aneby,EB/staff,three,held,,\n"
            + "HP-1,Aneby,AME/staff,1,snowed in,,\n"
            + "HP-1,Jönköping,EB/staff,2,moved,2024-13-01,\n"
        guard case .failure(let f) = AttendanceCSV.read(text, file: "r.csv", lang: .en) else { Issue.record("read"); return }
        #expect(f.problems.map(\.description) == ["r.csv:1: error: colour: unknown column \"colour\" (known: session, date, start, course, municipality, group, booked, attended, status, held_on, note)"])
        guard case .failure(let g) = AttendanceCSV.read(text.replacingOccurrences(of: ",colour", with: ""), file: "r.csv", lang: .en) else {
            Issue.record("read"); return
        }
        #expect(g.problems.map(\.description) == [
            "r.csv:2: error: attended: \"three\" is not a number of persons (a whole number, 0 or more)",
            "r.csv:3: error: status: unknown status \"snowed in\" (held, cancelled or moved)",
            "r.csv:4: error: held_on: \"2024-13-01\" is not a date (YYYY-MM-DD)",
        ])
        guard case .failure(let h) = AttendanceCSV.read("session,group\n", file: "r.csv", lang: .sv) else { Issue.record("read"); return }
        #expect(h.problems.map(\.description) == ["r.csv:1: error: kommun: kolumnen kommun saknas",
                                                  "r.csv:1: error: deltog: kolumnen deltog saknas",
                                                  "r.csv:1: error: status: kolumnen status saknas"])
    }
}

@Suite struct AttendanceBookTests {
    @Test func whatHappenedReplacesWhatWasPlanned() throws {
        let p = try AttendanceSample.apply(AttendanceSample.header
            + "HP-1,Jönköping,EB/staff,6,held,\n"
            + "MI-hoglandet-1,Aneby,EB/staff,0,cancelled,\n"
            + "MI-hoglandet-1,Aneby,AME/staff,0,cancelled,\n"
            + "MI-sodra-vatterbygden-1,Jönköping,EB/staff,15,moved,2024-04-24\n"
            + "SE-sodra-vatterbygden-1-2,Jönköping,EB/staff,4,held,\n")
        let hp = try #require(p.session("HP-1"))
        #expect(hp.seats["Jönköping"] == 6 + 3, "EB staff 6 of 9, AME staff 3 as planned (no row)")
        #expect(hp.booked("Jönköping") == 12)
        #expect(p.session("MI-hoglandet-1")?.status == .cancelled)
        #expect(p.session("MI-hoglandet-1")?.sequence == 1, "a calendar shows the cancellation")
        let moved = try #require(p.session("MI-sodra-vatterbygden-1"))
        #expect(moved.date == SamplePlan.day("2024-04-24") && moved.attendance?.plannedDate == SamplePlan.day("2024-04-17"))
        #expect(p.session("SE-sodra-vatterbygden-1-2")?.seats["Jönköping"] == 4 + 2)
        #expect(p.session("SE-sodra-vatterbygden-1-1")?.attendance == nil)
        // Hours: Jönköping loses 3×2.5 (HP) + 4×4 (SE meeting 2), MI only moved; Aneby 8×6 (MI cancelled).
        let hours = Dictionary(p.municipalities.map { ($0.name, $0.plannedHours) }, uniquingKeysWith: { a, _ in a })
        #expect(hours["Jönköping"] == 206.5)
        #expect(hours["Aneby"] == 10)
        #expect(PlanVerifier.verify(plan: p, scenario: SamplePlan.scenario).filter { $0.rule == "participants-range" || $0.rule == "series-same-seats" }.isEmpty)
        // plan.json keeps it: written and read back, the same plan.
        let back = try PlanJSONReader.decode(PlanJSONWriter.encode(p), file: "plan.json")
        #expect(back == p)
    }

    @Test func everyBadRowIsNamed() throws {
        let problems = try AttendanceSample.problems(AttendanceSample.header
            + "HP-2,Aneby,EB/staff,1,held,\n"                                      // 2 unknown session
            + "HP-1,Anebyy,EB/staff,1,held,\n"                                     // 3 unknown municipality
            + "HP-1,Aneby,EB/manager,1,held,\n"                                    // 4 booked none
            + "HP-1,Aneby,Vux/staff,1,held,\n"                                     // 5 no such group
            + "HP-1,Jönköping,EB/staff,60,held,\n"                                 // 6 more than the group has
            + "HP-1,Jönköping,AME/staff,4,held,\n"                                 // 7 more than booked
            + "HP-1,Jönköping,AME/staff,3,held,\n"                                 // 8 duplicate of 7
            + "HP-1,Värnamo,EB/staff,3,cancelled,\n"                               // 9 disagrees with 6
            + "MI-ggvv-2,Värnamo,EB/staff,3,held,\n"                               // 10 future
            + "SE-sodra-vatterbygden-1-1,Jönköping,EB/staff,0,cancelled,\n"        // 11 series meeting cancelled
            + "MI-hoglandet-1,Aneby,EB/staff,6,moved,2024-04-20\n"                 // 12 a Saturday
            + "MI-sodra-vatterbygden-1,Jönköping,EB/staff,6,moved,2024-06-20\n"    // 13 after as-of
            + "MI-sodra-vatterbygden-1-x,Jönköping,EB/staff,6,held,2024-04-18\n")  // 14 unknown (did you mean)
        #expect(problems == [
            "r.csv:2: error: session: unknown session \"HP-2\": the plan has no training session with that id; did you mean \"HP-1\"?",
            "r.csv:3: error: municipality: unknown municipality \"Anebyy\"; did you mean \"Aneby\"?",
            "r.csv:4: error: attended: 1 attended, but the plan booked only 0 places for the group in HP-1",
            "r.csv:5: error: group: Aneby has no target group \"Vux/staff\" (write AREA/role; its groups: EB/staff, AME/staff, EB/manager)",
            "r.csv:6: error: attended: 60 attended, but Jönköping has only 50 persons in EB/staff",
            "r.csv:7: error: attended: 4 attended, but the plan booked only 3 places for the group in HP-1",
            "r.csv:8: error: session: the same session, municipality and group are already on line 7",
            "r.csv:9: error: status: the session's status or date differs from line 4: every row of a session says the same about it",
            "r.csv:10: error: session: MI-ggvv-2 on 2024-09-10 is after 2024-05-31 and has not been held yet: no attendance can be recorded for it",
            "r.csv:11: error: status: SE-sodra-vatterbygden-1-1 is a meeting of a series: a series goes on, so record it as held with 0 attended (or as moved)",
            "r.csv:12: error: held_on: 2024-04-20 is not a working day in the project's calendar",
            "r.csv:13: error: held_on: 2024-06-20 is after 2024-05-31: a session moved ahead has not been held yet; leave the row out and it is re-planned",
            "r.csv:14: error: session: unknown session \"MI-sodra-vatterbygden-1-x\": the plan has no training session with that id; did you mean \"MI-sodra-vatterbygden-1\"?",
        ])
    }

    @Test func aMoveOntoABusyLeaderIsRefused() throws {
        // Erik Öst leads MI-sodra-vatterbygden-1 on 2024-04-17: MI-hoglandet-1 cannot have moved there.
        let problems = try AttendanceSample.problems(AttendanceSample.header + "MI-hoglandet-1,Aneby,EB/staff,6,moved,2024-04-17\n")
        #expect(problems == ["r.csv:2: error: held_on: Erik Öst leads MI-sodra-vatterbygden-1 on 2024-04-17: nobody leads two sessions a day; check the day"])
    }

    @Test func aWithdrawnMunicipalityCannotHaveAttended() throws {
        var plan = AttendanceSample.plan
        plan.commitmentChanges = [CommitmentChange(municipality: "Aneby", kind: .withdrawal, from: SamplePlan.day("2024-04-12"))]
        let problems = try AttendanceSample.problems(AttendanceSample.header + "MI-hoglandet-1,Aneby,EB/staff,2,held,\n", plan: plan)
        #expect(problems == ["r.csv:2: error: municipality: Aneby withdrew from the project on 2024-04-12 and cannot have attended on 2024-04-16"])
    }

    @Test func anEarlierRecordIsChangedOnlyWithCorrect() throws {
        let first = try AttendanceSample.apply(AttendanceSample.header + "HP-1,Aneby,EB/staff,2,held,\n")
        // The same figures again are no contradiction.
        #expect(try AttendanceSample.problems(AttendanceSample.header + "HP-1,Aneby,EB/staff,2,held,\n", plan: first).isEmpty)
        let changed = AttendanceSample.header + "HP-1,Aneby,EB/staff,3,held,\n"
        #expect(try AttendanceSample.problems(changed, plan: first) == [
            "r.csv:2: error: attended: contradicts what an earlier register recorded (HP-1 Aneby EB/staff: 2 → 3); give --correct if this is a correction",
        ])
        let corrected = try AttendanceSample.apply(changed, to: first, correct: true)
        #expect(corrected.session("HP-1")?.seats["Aneby"] == 3 + 1)
        #expect(corrected.session("HP-1")?.attendance?.corrections == ["HP-1 Aneby EB/staff: 2 → 3"])
        #expect(corrected.session("HP-1")?.attendance?.booked == AttendanceSample.plan.session("HP-1")?.groupSeats)
    }
}

@Suite struct FollowUpWriterTests {
    static let recorded: Plan = {
        (try? AttendanceSample.apply(AttendanceSample.header + "HP-1,Jönköping,EB/staff,6,held,\n"
            + "MI-hoglandet-1,Aneby,EB/staff,4,held,\n")) ?? AttendanceSample.plan
    }()
    static let month = FollowUpFigures.Month(year: 2024, month: 4)

    @Test func figuresForAMonth() throws {
        let f = FollowUpFigures.make(plan: Self.recorded, scenario: SamplePlan.scenario, month: Self.month)
        let aneby = try #require(f.municipalities.first { $0.name == "Aneby" })
        // Planned in April: HP 4×2.5 + MI 8×6 = 58; attended: HP 4×2.5 + MI (4 + 2)×6 = 46.
        #expect(aneby.months.first { $0.month == Self.month }?.plannedHours == 58)
        #expect(aneby.attendedToDate == 46 && aneby.plannedToDate == 58)
        #expect(aneby.forecast == 46 && aneby.fallingBehind && aneby.shortOfQuota == 150 - 46)
        let mi = try #require(f.courses.first { $0.course == "MI" })
        // MI-ggvv-1 was cancelled by the plan, not by the register: it was never booked.
        #expect(mi.bookedToDate == 8 + 20 && mi.attendedToDate == 6 + 20 && mi.cancelledToDate == 0)
        #expect(f.unrecorded == 1, "MI-sodra-vatterbygden-1 was held in April without a record")
        let csv = FollowUpWriter.csv(f, dialect: .excelSwedish, lang: .sv)
        #expect(csv.contains("\r\nAneby;2024-04;58;46;24186;19182;58;46;19182;150;0,79;46;19182;ja\r\n"), "\(csv)")
    }

    /// The follow-up page draws in headless Chromium like the report: a non-blank page, the names and the
    /// chart, and no console messages.
    @Test func rendersInHeadlessChromium() throws {
        let browser = try #require(ReportChromiumTests.chromium)
        let dir = try ICalTestSupport.temporaryDirectory("follow-up")
        defer { ICalTestSupport.remove(dir) }
        let page = dir.appendingPathComponent("follow-up.html")
        let html = FollowUpWriter.html(FollowUpFigures.make(plan: Self.recorded, scenario: SamplePlan.scenario, month: Self.month), lang: .sv)
        try Data(html.utf8).write(to: page)
        let common = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                      "--user-data-dir=" + dir.appendingPathComponent("profile").path, "--enable-logging=stderr", "--v=0"]
        let timeout = ICalTestSupport.executable("timeout")
        func browse(_ args: [String]) throws -> ICalTestSupport.ProcessResult {
            let full = common + args + [page.absoluteString]
            if let timeout { return try ICalTestSupport.run(timeout, ["20", browser] + full) }
            return try ICalTestSupport.run(browser, full)
        }
        let shot = dir.appendingPathComponent("follow-up.png")
        let screenshot = try browse(["--screenshot=" + shot.path, "--window-size=1280,1200", "--hide-scrollbars"])
        #expect(screenshot.status == 0, "\(screenshot.stderr)")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(png.count > 20_000, "screenshot is only \(png.count) bytes: is the page blank?")
        let dom = try browse(["--dump-dom"])
        #expect(dom.status == 0, "\(dom.stderr)")
        for text in ["Aneby", "Jönköping", "Värnamo", "Timmar per kommun mot kvot", "Faller efter", "<svg", "bar-attended"] {
            #expect(dom.stdout.contains(text), "rendered page lacks \(text)")
        }
        for output in [screenshot.stderr, dom.stderr] {
            let console = output.split(separator: "\n").filter { $0.contains(":CONSOLE") }
            #expect(console.isEmpty, "console messages: \(console)")
        }
    }
}
