import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// Per-file UIDs, the series carried in plan.json, names that keep their files, and the move from
/// calendars published with one UID per session in every file.
@Suite struct ICalendarSeriesTests {
    typealias Support = ICalTestSupport
    static let domain = SamplePlan.scenario.project.uidDomain

    /// Publishes `plan` against `published`, returning files (path → text) and the series.
    static func publish(_ plan: Plan, previous: Plan? = nil, published: CalendarSeries = CalendarSeries(),
                        now: ICalTimestamp = Support.now, lang: Language = .sv,
                        scenario: Scenario = SamplePlan.scenario) -> (files: [String: String], series: CalendarSeries) {
        let out = ICalendarWriter.publish(scenario: scenario, plan: plan, previous: previous, now: now, lang: lang, published: published)
        return (Dictionary(uniqueKeysWithValues: out.files.map { ($0.path, $0.text) }), out.series)
    }

    /// The sample plan after Värnamo withdrew: it loses its seats in MI-ggvv-2 (held all the same, for
    /// Jönköping) and its invitation to the network meeting.
    static var withoutVarnamo: Plan {
        var p = SamplePlan.plan
        let previous = SamplePlan.plan
        for i in p.sessions.indices {
            let before = previous.sessions[i]
            if p.sessions[i].id == "MI-ggvv-2" { p.sessions[i].seats = [SamplePlan.jonkoping: 12] }
            if p.sessions[i].id == "natverk-se-ips-2024-09" { p.sessions[i].attendingMunicipalities = [SamplePlan.jonkoping] }
            p.sessions[i].sequence = PlanDiff.nextSequence(previous: before, current: p.sessions[i])
            p.sessions[i].cancelledIn = p.sessions[i].filesLeft(since: before)
        }
        return p
    }

    @Test func everyFileHasUIDsOfItsOwn() throws {
        let (files, _) = Self.publish(SamplePlan.plan)
        var owner: [String: String] = [:]
        for (path, text) in files {
            for e in CalendarUpdateCheck.events(text) {
                #expect(owner[e.uid] == nil, "\(e.uid) is in \(owner[e.uid] ?? "") and \(path)")
                owner[e.uid] = path
            }
        }
        let erik = Set(CalendarUpdateCheck.events(try #require(files["calendars/leaders/erik-ost.ics"])).map(\.uid))
        #expect(erik.contains("MI-hoglandet-1.leaders.erik-ost@\(Self.domain)"))
        let all = Set(CalendarUpdateCheck.events(try #require(files["calendars/all.ics"])).map(\.uid))
        #expect(all.contains("MI-hoglandet-1@\(Self.domain)"))
        #expect(CalendarUpdateCheck.conflicts(files).isEmpty)
    }

    /// Värnamo withdraws: its file keeps the sessions it had, cancelled, while the leader's and the venue's
    /// files keep them confirmed; nothing contradicts, and every file merged shows every held session confirmed.
    @Test func aMunicipalityWithdrawsWithoutConflicts() throws {
        let first = Self.publish(SamplePlan.plan)
        let second = Self.publish(Self.withoutVarnamo, previous: SamplePlan.plan, published: first.series, now: Support.later)
        #expect(CalendarUpdateCheck.problems(new: second.files, old: first.files) == [])
        let varnamo = Dictionary(uniqueKeysWithValues: CalendarUpdateCheck.events(try #require(second.files["calendars/municipalities/varnamo.ics"])).map { ($0.uid, $0) })
        let left = try #require(varnamo["MI-ggvv-2.municipalities.varnamo@\(Self.domain)"])
        #expect(left.status == "CANCELLED" && left.summary.hasPrefix("INSTÄLLT: ") && left.sequence == 2)
        let merged = CalendarUpdateCheck.merged(second.files)
        for s in Self.withoutVarnamo.sessions where s.status == .planned {
            let confirmed = merged.values.filter { $0.uid.hasPrefix(s.id + ".") || $0.uid == s.id + "@" + Self.domain }
                .filter { $0.status == "CONFIRMED" }
            #expect(!confirmed.isEmpty, "\(s.id) is held but no file shows it confirmed")
        }
        // Jönköping's own copy of the meeting changed only in who else is invited: it is re-sent (the
        // list is in it), but Värnamo's cancelled copy, once written, is not sent again when others change.
        var later = Self.withoutVarnamo
        let i = try #require(later.sessions.firstIndex { $0.id == "MI-ggvv-2" })
        later.sessions[i].seats = [SamplePlan.jonkoping: 10]
        later.sessions[i].sequence += 1
        let third = Self.publish(later, previous: Self.withoutVarnamo, published: second.series,
                                 now: try #require(ICalTimestamp(text: "20240601T120000Z")))
        #expect(CalendarUpdateCheck.problems(new: third.files, old: second.files) == [])
        let again = CalendarUpdateCheck.events(try #require(third.files["calendars/municipalities/varnamo.ics"]))
            .first { $0.uid == left.uid }
        #expect(again?.sequence == left.sequence && again?.lastModified == left.lastModified)
    }

    @Test func anUnchangedPlanIsNotSentAgain() throws {
        let first = Self.publish(SamplePlan.plan)
        let second = Self.publish(SamplePlan.plan, published: first.series, now: Support.later)
        #expect(CalendarUpdateCheck.problems(new: second.files, old: first.files) == [])
        for (path, text) in second.files {
            #expect(CalendarUpdateCheck.events(text).map(\.lastModified) == CalendarUpdateCheck.events(first.files[path] ?? "").map(\.lastModified))
        }
        #expect(second.series == first.series)
        // Switching language changes what every event says: each is sent again, SEQUENCE raised.
        let english = Self.publish(SamplePlan.plan, published: first.series, now: Support.later, lang: .en)
        #expect(CalendarUpdateCheck.problems(new: english.files, old: first.files) == [])
        #expect(try #require(english.files["calendars/all.ics"]).contains("PRODID:-//Tidsplan//Tidsplan 1.0//EN\r\n"))
        #expect(try #require(first.files["calendars/all.ics"]).contains("PRODID:-//Tidsplan//Tidsplan 1.0//SV\r\n"))
    }

    /// "Arla" joins beside "Ärla", whose file was published as arla.ics: she keeps it, the newcomer gets a suffix.
    @Test func aPublishedNameKeepsItsFile() throws {
        var plan = SamplePlan.plan
        let i = try #require(plan.sessions.firstIndex { $0.id == "MI-hoglandet-1" })
        plan.sessions[i].leaders = ["Ärla"]
        let first = Self.publish(plan)
        #expect(first.files["calendars/leaders/arla.ics"] != nil)
        var next = plan
        let j = try #require(next.sessions.firstIndex { $0.id == "MI-sodra-vatterbygden-1" })
        next.sessions[j].leaders = ["Arla"]
        next.sessions[j].sequence += 1
        next.sessions[j].cancelledIn = next.sessions[j].filesLeft(since: plan.sessions[j])
        let second = Self.publish(next, previous: plan, published: first.series, now: Support.later)
        #expect(second.series.files["calendars/leaders/arla.ics"]?.owner == "Ärla")
        let newcomer = try #require(second.series.files.first { $0.value.owner == "Arla" }?.key)
        #expect(newcomer == "calendars/leaders/arla-\(SafeFileName.hash("Arla")).ics")
        #expect(CalendarUpdateCheck.problems(new: second.files, old: first.files) == [])
        // Without a record, from the files alone: the same.
        let read = PublishedSeries.read(files: first.files, plan: plan, scenario: SamplePlan.scenario)
        #expect(read.files["calendars/leaders/arla.ics"]?.owner == "Ärla")
        #expect(Self.publish(next, previous: plan, published: read, now: Support.later).files == second.files)
    }

    /// Calendars as an older Tidsplan published them: every file carried a session under one UID with the very
    /// event all.ics has. Made from a current set by putting all.ics's event in place of each file's own copy.
    static func legacy(_ files: [String: String]) -> [String: String] {
        func parts(_ text: String) -> [String] { ICalFormat.unfold(text).components(separatedBy: "BEGIN:VEVENT\r\n") }
        func uid(_ part: String) -> String {
            part.components(separatedBy: "\r\n").first { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) } ?? ""
        }
        var shared: [String: String] = [:]
        for part in parts(files["calendars/all.ics"] ?? "").dropFirst() {
            shared[uid(part)] = String(part[..<(part.range(of: "END:VEVENT\r\n")?.lowerBound ?? part.endIndex)])
        }
        return files.mapValues { text in
            let split = parts(text)
            return ([split[0]] + split.dropFirst().map { part -> String in
                let old = uid(part)
                let id = old.replacingOccurrences(of: #"\.(leaders|municipalities|venues)\.[a-z0-9-]+@"#, with: "@", options: .regularExpression)
                guard let end = part.range(of: "END:VEVENT\r\n"), let body = shared[id] else { return part }
                return body + String(part[end.lowerBound...])
            }).joined(separator: "BEGIN:VEVENT\r\n")
        }
    }

    /// The move from such calendars: a session that stays in every file keeps its shared UID, unchanged; one
    /// that leaves a file while still held has its shared UID cancelled the same way in every file and goes
    /// on under per-file UIDs. The file-by-file check passes and nothing contradicts.
    @Test func calendarsPublishedWithSharedUIDsMoveOver() throws {
        let old = Self.legacy(Self.publish(SamplePlan.plan).files)
        #expect(!CalendarUpdateCheck.events(old["calendars/leaders/erik-ost.ics"] ?? "").isEmpty)
        let published = PublishedSeries.read(files: old, plan: SamplePlan.plan, scenario: SamplePlan.scenario)
        let new = Self.publish(Self.withoutVarnamo, previous: SamplePlan.plan, published: published, now: Support.later)
        #expect(CalendarUpdateCheck.problems(new: new.files, old: old) == [])
        let shared = "MI-ggvv-2@\(Self.domain)"
        var copies: [String] = []
        for (path, text) in new.files {
            for e in CalendarUpdateCheck.events(text) where e.uid == shared {
                #expect(e.status == "CANCELLED", "\(path)")
                copies.append(path)
            }
        }
        #expect(copies.sorted() == ["calendars/all.ics", "calendars/leaders/erik-ost.ics", "calendars/municipalities/varnamo.ics",
                                    "calendars/venues/stadshuset-varnamo.ics"])
        let erik = CalendarUpdateCheck.events(try #require(new.files["calendars/leaders/erik-ost.ics"]))
        #expect(erik.contains { $0.uid == "MI-ggvv-2.leaders.erik-ost@\(Self.domain)" && $0.status == "CONFIRMED" })
        // Untouched sessions keep their shared UID, not sent again.
        let hp = erik.first { $0.uid == "MI-hoglandet-1@\(Self.domain)" }
        #expect(hp?.status == "CONFIRMED" && hp?.lastModified == Support.now.text)
        let merged = CalendarUpdateCheck.merged(new.files)
        #expect(merged["MI-ggvv-2.all@\(Self.domain)"]?.status == "CONFIRMED")
        // The next publication from the recorded series changes nothing.
        let again = Self.publish(Self.withoutVarnamo, previous: Self.withoutVarnamo, published: new.series,
                                 now: try #require(ICalTimestamp(text: "20240601T120000Z")))
        #expect(again.files.mapValues { $0.replacingOccurrences(of: "DTSTAMP:20240601T120000Z", with: "DTSTAMP:20240502T120000Z") } == new.files)
    }

    /// A plan.json from before it carried the series, with no calendars at hand: the shared UIDs are assumed.
    @Test func aPlanWithoutItsCalendarsIsAssumedToHaveSharedUIDs() throws {
        let assumed = PublishedSeries.assumed(from: SamplePlan.plan, scenario: SamplePlan.scenario, now: Support.now)
        #expect(assumed.files["calendars/leaders/erik-ost.ics"]?.events["MI-hoglandet-1@\(Self.domain)"]?.sequence == 0)
        let new = Self.publish(SamplePlan.plan, previous: SamplePlan.plan, published: assumed, now: Support.later)
        #expect(CalendarUpdateCheck.problems(new: new.files, old: Self.legacy(Self.publish(SamplePlan.plan).files)) == [])
    }

    @Test func theSeriesSurvivesPlanJSON() throws {
        var plan = SamplePlan.plan
        plan.calendarSeries = Self.publish(plan).series
        let text = PlanJSONWriter.encode(plan)
        #expect(text.contains("\"calendarSeries\": ["))
        #expect(try PlanJSONReader.decode(text, file: "plan.json") == plan)
        let broken = text.replacingOccurrences(of: "\"path\": \"calendars/all.ics\"", with: "\"path\": \"../all.ics\"")
        #expect(throws: PlanReadError.self) { try PlanJSONReader.decode(broken, file: "plan.json") }
    }
}
