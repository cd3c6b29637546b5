import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// What the calendar files contain for the sample plan: golden bytes, which file gets which event,
/// UIDs, cancellations, and hostile names.
@Suite struct ICalendarWriterTests {
    let files = ICalTestSupport.files()

    @Test func goldenFilesForTheSamplePlan() throws {
        assertGolden(try #require(files["calendars/all.ics"]), named: "ics-all.ics")
        assertGolden(try #require(files["calendars/leaders/erik-ost.ics"]), named: "ics-leader-erik-ost.ics")
        assertGolden(try #require(files["calendars/municipalities/varnamo.ics"]), named: "ics-municipality-varnamo.ics")
        assertGolden(try #require(files["calendars/venues/werket.ics"]), named: "ics-venue-werket.ics")
        let english = ICalTestSupport.files(lang: .en)
        assertGolden(try #require(english["calendars/all.ics"]), named: "ics-all-en.ics")
    }

    @Test func oneFilePerLeaderMunicipalityAndVenue() {
        let paths = ICalendarWriter.calendars(scenario: SamplePlan.scenario, plan: SamplePlan.plan, previous: nil,
                                              now: ICalTestSupport.now).map(\.path)
        #expect(paths == [
            "calendars/all.ics",
            "calendars/leaders/anna-aberg.ics",
            "calendars/leaders/erik-ost.ics",
            "calendars/leaders/konsult-lind.ics",
            "calendars/leaders/projektledare.ics",
            "calendars/municipalities/aneby.ics",
            "calendars/municipalities/jonkoping.ics",
            "calendars/municipalities/varnamo.ics",
            "calendars/venues/digitalt.ics",
            "calendars/venues/hotell-hogland.ics",
            "calendars/venues/stadshuset-varnamo.ics",
            "calendars/venues/werket.ics",
        ])
    }

    @Test func eachCalendarHoldsItsOwnEvents() throws {
        func ids(_ path: String) throws -> Set<String> {
            Set(ICalTestSupport.events(try #require(files[path])).keys.map { ICalTestSupport.sessionID($0, file: path) })
        }
        #expect(try ids("calendars/all.ics").count == SamplePlan.plan.sessions.count)
        #expect(try ids("calendars/leaders/erik-ost.ics")
                == ["MI-hoglandet-1", "MI-sodra-vatterbygden-1", "MI-ggvv-1", "MI-ggvv-2"])
        // Fixed events go to those who attend them.
        #expect(try ids("calendars/leaders/projektledare.ics") == ["styrgrupp-2024-03"])
        // "When its staff are away": sessions with its seats (the cancelled one too) + events it attends.
        #expect(try ids("calendars/municipalities/varnamo.ics")
                == ["styrgrupp-2024-03", "HP-1", "MI-ggvv-1", "MI-ggvv-2", "natverk-se-ips-2024-09"])
        #expect(try ids("calendars/municipalities/aneby.ics")
                == ["styrgrupp-2024-03", "HP-1", "MI-hoglandet-1", "uppfoljning-MI-hoglandet"])
        #expect(try ids("calendars/venues/werket.ics")
                == ["styrgrupp-2024-03", "MI-sodra-vatterbygden-1", "SE-sodra-vatterbygden-1-1",
                    "SE-sodra-vatterbygden-1-2"])
    }

    @Test func everyFileHasTheRequiredFrame() throws {
        for (path, text) in files {
            let (lines, onlyCRLF) = ICalTestSupport.physicalLines(text)
            #expect(onlyCRLF, "\(path) has a bare LF")
            #expect(lines.allSatisfy { $0.count <= 75 }, "\(path) has a line over 75 octets")
            let logical = ICalFormat.unfold(text).components(separatedBy: "\r\n")
            #expect(logical.first == "BEGIN:VCALENDAR")
            #expect(logical.dropLast().last == "END:VCALENDAR")
            for required in ["VERSION:2.0", "PRODID:" + ICalendarWriter.productID(.sv), "CALSCALE:GREGORIAN",
                             "X-WR-TIMEZONE:Europe/Stockholm", "BEGIN:VTIMEZONE", "TZID:Europe/Stockholm",
                             "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"] {
                #expect(logical.filter { $0 == required }.count == 1, "\(path) lacks exactly one \(required)")
            }
            #expect(logical.contains { $0.hasPrefix("NAME:Räkna med oss! (exempel): ") })
            #expect(logical.contains { $0.hasPrefix("X-WR-CALNAME:Räkna med oss! (exempel): ") })
            #expect(!logical.contains { $0.hasPrefix("METHOD") }, "\(path) has a METHOD (it would need ORGANIZER)")
        }
    }

    @Test func eventsCarryStableUIDsTimesAndStatus() throws {
        let all = ICalTestSupport.events(try #require(files["calendars/all.ics"]))
        let hp = try #require(all[ICalTestSupport.uid("HP-1")])
        for line in ["DTSTAMP:20240410T080000Z", "LAST-MODIFIED:20240410T080000Z", "SEQUENCE:0",
                     "DTSTART;TZID=Europe/Stockholm:20240409T090000", "DTEND;TZID=Europe/Stockholm:20240409T113000",
                     "SUMMARY:Horisontella principer", "LOCATION:Digitalt (Teams)", "STATUS:CONFIRMED", "TRANSP:OPAQUE",
                     #"DESCRIPTION:Kurs: Horisontella principer\nLedare: Konsult Lind\nDeltagare: 22 (Aneby 4\, Jönköping 12\, Värnamo 6)\nLänk: https://example.invalid/teams/rakna-med-oss"#] {
            #expect(hp.contains(line + "\r\n"), "HP-1 lacks \(line)")
        }
        let cancelled = try #require(all[ICalTestSupport.uid("MI-ggvv-1")])
        #expect(cancelled.contains(#"SUMMARY:INSTÄLLT: MI\, grund "steg 1""# + "\r\n"))
        #expect(cancelled.contains("STATUS:CANCELLED\r\n"))
        #expect(cancelled.contains("TRANSP:TRANSPARENT\r\n"))
        #expect(cancelled.contains("SEQUENCE:1\r\n"))
        let series = try #require(all[ICalTestSupport.uid("SE-sodra-vatterbygden-1-2")])
        #expect(series.contains("SUMMARY:Supported Employment | grund (träff 2 av 2)\r\n"))
        // The town is left out when the venue's name already says it.
        let ggvv = try #require(all[ICalTestSupport.uid("MI-ggvv-2")])
        #expect(ggvv.contains(#"LOCATION:Stadshuset\, Värnamo"# + "\r\n"))
        // An event with no venue has no LOCATION.
        let survey = try #require(all[ICalTestSupport.uid("uppfoljning-MI-hoglandet")])
        #expect(!survey.contains("LOCATION"))

        let english = ICalTestSupport.events(try #require(ICalTestSupport.files(lang: .en)["calendars/all.ics"]))
        #expect(try #require(english[ICalTestSupport.uid("MI-ggvv-1")])
            .contains(#"SUMMARY:CANCELLED: MI\, grund "steg 1""# + "\r\n"))
    }

    /// A survey is sent, not attended: a whole-day event (DATE values, DTEND the next day) that blocks no
    /// time, while a training session keeps its hours and blocks them.
    @Test func surveysAreAllDayAndTransparent() throws {
        let all = ICalTestSupport.events(try #require(files["calendars/all.ics"]))
        let survey = try #require(all[ICalTestSupport.uid("uppfoljning-MI-hoglandet")])
        #expect(survey.contains("DTSTART;VALUE=DATE:20241015\r\n"))
        #expect(survey.contains("DTEND;VALUE=DATE:20241016\r\n"))
        #expect(survey.contains("TRANSP:TRANSPARENT\r\n"))
        #expect(!survey.contains("TZID") && !survey.contains("T090000"))
        #expect(survey.contains("STATUS:CONFIRMED\r\n"))
        let training = try #require(all[ICalTestSupport.uid("MI-hoglandet-1")])
        #expect(training.contains("DTSTART;TZID=Europe/Stockholm:20240416T090000\r\n"))
        #expect(training.contains("TRANSP:OPAQUE\r\n"))
        // A month's end: DTEND rolls over into the next month and year.
        var plan = SamplePlan.plan
        let i = try #require(plan.sessions.firstIndex { $0.id == "uppfoljning-MI-hoglandet" })
        plan.sessions[i].date = try #require(Day(iso: "2024-12-31"))
        let moved = ICalTestSupport.events(try #require(ICalTestSupport.files(plan)["calendars/all.ics"]))
        let late = try #require(moved[ICalTestSupport.uid("uppfoljning-MI-hoglandet")])
        #expect(late.contains("DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n"))
    }

    @Test func uidDependsOnTheSessionIdOnly() throws {
        var moved = SamplePlan.plan
        let i = try #require(moved.sessions.firstIndex { $0.id == "MI-hoglandet-1" })
        moved.sessions[i].date = try #require(Day(iso: "2024-05-14"))
        moved.sessions[i].venue = "werket"
        moved.sessions[i].leaders = ["Anna Åberg"]
        moved.sessions[i].sequence = 1
        moved.sortSessions()
        let events = ICalTestSupport.events(try #require(ICalTestSupport.files(moved)["calendars/all.ics"]))
        let event = try #require(events[ICalTestSupport.uid("MI-hoglandet-1")])
        #expect(event.contains("DTSTART;TZID=Europe/Stockholm:20240514T090000\r\n"))
        #expect(event.contains("SEQUENCE:1\r\n"))
        #expect(Set(events.keys) == Set(SamplePlan.plan.sessions.map { ICalTestSupport.uid($0.id) }))
    }

    /// Every file that shows a session has its own copy (its own UID), saying the same as all.ics.
    @Test func aSessionLooksTheSameInEveryFile() throws {
        let all = try #require(files["calendars/all.ics"])
        func withoutUID(_ event: String) -> String {
            event.components(separatedBy: "\r\n").filter { !$0.hasPrefix("UID:") }.joined(separator: "\r\n")
        }
        // A municipality's copy names its own participants in the title; otherwise the same.
        let own = [SamplePlan.aneby: 4, SamplePlan.jonkoping: 12, SamplePlan.varnamo: 6]
        let reference = withoutUID(try #require(ICalTestSupport.events(all)[ICalTestSupport.uid("HP-1")]))
        var seen = 0
        for (path, text) in files {
            guard var event = ICalTestSupport.events(text)[ICalTestSupport.uid("HP-1", file: path)] else { continue }
            if path.hasPrefix("calendars/municipalities/") {
                let name = try #require(own.first { SafeFileName.make($0.key) + ".ics" == path.split(separator: "/").last.map(String.init) })
                let titled = "SUMMARY:Horisontella principer – \(name.value) deltagare\r\n"
                #expect(event.contains(titled), "\(path): \(event)")
                event = event.replacingOccurrences(of: titled, with: "SUMMARY:Horisontella principer\r\n")
            }
            #expect(withoutUID(event) == reference, "HP-1 differs in \(path)")
            seen += 1
        }
        // all, Konsult Lind, three municipalities, the digital room.
        #expect(seen == 6)
    }

    @Test func sessionsGoneFromThePreviousPlanAreCancelled() throws {
        var previous = SamplePlan.plan
        previous.sessions.append(PlannedSession(
            id: "MI-hoglandet-2", course: "MI", title: "MI, grund \"steg 1\"",
            date: try #require(Day(iso: "2024-10-08")), start: try #require(ClockTime(text: "09:00")),
            end: try #require(ClockTime(text: "16:00")), hours: 6, venue: "hotell-hogland", mode: .physical,
            leaders: ["Erik Öst"], seats: [SamplePlan.aneby: 6], countyPart: "Höglandet", sequence: 2))
        let files = ICalTestSupport.files(previous: previous, now: ICalTestSupport.later)
        for path in ["calendars/all.ics", "calendars/leaders/erik-ost.ics", "calendars/municipalities/aneby.ics",
                     "calendars/venues/hotell-hogland.ics"] {
            let events = ICalTestSupport.events(try #require(files[path]))
            let gone = try #require(events[ICalTestSupport.uid("MI-hoglandet-2", file: path)], "missing in \(path)")
            #expect(gone.contains("STATUS:CANCELLED\r\n"))
            #expect(gone.contains("SEQUENCE:3\r\n"))
            #expect(gone.contains("SUMMARY:INSTÄLLT: "))
        }
        // Sessions the plan still has are written from the plan, untouched.
        let all = ICalTestSupport.events(try #require(files["calendars/all.ics"]))
        #expect(try #require(all[ICalTestSupport.uid("MI-ggvv-1")]).contains("SEQUENCE:1\r\n"))
        #expect(all.count == SamplePlan.plan.sessions.count + 1)
    }

    @Test func sameInputSameBytes() {
        let again = ICalTestSupport.files()
        #expect(again == files)
    }

    @Test func hostileNamesAreEscapedAndPathsStaySafe() throws {
        let files = ICalTestSupport.files(HostileSample.plan, scenario: HostileSample.scenario)
        for path in files.keys {
            #expect(path.range(of: #"^calendars/(all|(leaders|municipalities|venues)/[a-z0-9-]+)\.ics$"#,
                               options: .regularExpression) != nil, "unsafe path \(path)")
        }
        #expect(files["calendars/leaders/eva-q-berg-script-alert-1-script-x.ics"] != nil)
        #expect(files["calendars/municipalities/aneby-drop-x-b.ics"] != nil)
        let all = try #require(files["calendars/all.ics"])
        let logical = ICalFormat.unfold(all).components(separatedBy: "\r\n")
        let mi = try #require(ICalTestSupport.events(all)[ICalTestSupport.uid("MI-hoglandet-1")])
        #expect(mi.contains(#"SUMMARY:MI\, grund \\ "steg 1"\; <u>del</u>\nrad två"# + "\r\n"))
        #expect(mi.contains(#"Ledare: Eva "Q" Berg\, <script>alert(1)</script>\; ..\\x\n"#))
        #expect(mi.contains(#"Deltagare: 8 (../Aneby\;\nDROP\, "x" & <b> 8)"#))
        let styrgrupp = try #require(ICalTestSupport.events(all)[ICalTestSupport.uid("styrgrupp-2024-03")])
        #expect(styrgrupp.contains(#"LOCATION:Sal "A"\, 2 tr\; <i>Werket</i>\, Jönköping"# + "\r\n"))
        #expect(logical.contains(#"X-WR-CALNAME:Räkna & "oss" <b>!</b> 'sv': alla tillfällen"#))
        // No value smuggled a line break in: every logical line is a property or a BEGIN/END.
        for line in logical.dropLast() {
            #expect(line.range(of: #"^[A-Z-]+[;:]"#, options: .regularExpression) != nil, "stray line \(line)")
        }
    }
}
