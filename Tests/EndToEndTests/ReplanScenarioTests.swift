import Foundation
import Testing

/// Re-plans as a project leader meets them, on `scenarios/tests/replan-county.yaml` (a two-meeting MI
/// series, network meetings and follow-up surveys the municipalities are invited to). One base plan is
/// shared by every test. Each re-plan must: pass `tidsplan verify`, change nothing on or before its
/// as-of date, give a withdrawn municipality no seat and no invitation after its date, and pass
/// `ics-check NEW/calendars --against OLD/calendars` file by file.
@Suite struct ReplanScenarioTests {
    static let scenario = TidsplanCLI.packageFile("scenarios/tests/replan-county.yaml")
    /// Calendar time stamps: the base plan's, and a later one for re-plans (LAST-MODIFIED must move forward).
    static let baseNow = ["TIDSPLAN_NOW": "20250101T080000Z"]
    static let replanNow = ["TIDSPLAN_NOW": "20250301T080000Z"]

    /// The base plan, made once: `<folder>/v1`.
    static let base: Result<TempFolder, BaseFailed> = {
        do {
            let folder = try TempFolder("replan-base")
            let r = try TidsplanCLI.run(["plan", scenario, "--out", "v1", "--quiet"], cwd: folder.path, environment: baseNow)
            return r.status == 0 && r.endedCleanly ? .success(folder) : .failure(BaseFailed(description: r.transcript))
        } catch { return .failure(BaseFailed(description: "\(error)")) }
    }()
    struct BaseFailed: Error, CustomStringConvertible { let description: String }

    /// A fresh work folder holding a copy of the base plan's output in `v1/`.
    func workWithBase() throws -> TempFolder {
        let base = try Self.base.get()
        let work = try TempFolder("replan")
        try FileManager.default.copyItem(atPath: base.file("v1"), toPath: work.file("v1"))
        return work
    }

    /// `tidsplan replan` from `old` into `new`; expected to succeed.
    @discardableResult
    func replan(_ work: TempFolder, from old: String, into new: String, asOf: String, _ options: [String],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let r = try TidsplanCLI.run(["replan", Self.scenario, "--previous", old + "/plan.json", "--as-of", asOf,
                                     "--out", new, "--quiet", "--no-scratch-comparison"] + options,
                                    cwd: work.path, environment: Self.replanNow)
        #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)", sourceLocation: sourceLocation)
        return r
    }

    /// The four promises of a re-plan. `withdrawn`: municipality → the first day it no longer takes part.
    func expectTrustworthy(_ work: TempFolder, old: String, new: String, asOf: String, withdrawn: [String: String],
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        let verify = try TidsplanCLI.run(["verify", Self.scenario, new + "/plan.json", "--previous", old + "/plan.json",
                                          "--as-of", asOf], cwd: work.path)
        #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)", sourceLocation: sourceLocation)

        let before = try PlanFile(work.file(old + "/plan.json")), after = try PlanFile(work.file(new + "/plan.json"))
        func byID(_ p: PlanFile) -> [String: JSONValue] {
            Dictionary(p.sessions.map { ($0["id"]?.string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let newByID = byID(after)
        for s in before.sessions where (s["date"]?.string ?? "") <= asOf {
            let id = s["id"]?.string ?? ""
            let kept = try #require(newByID[id], "\(id) (on or before \(asOf)) is gone", sourceLocation: sourceLocation)
            #expect(kept.removing("frozen") == s.removing("frozen"), "\(id) changed:\n\(s.text)\n\(kept.text)",
                    sourceLocation: sourceLocation)
        }
        #expect(after.sessions.filter { ($0["date"]?.string ?? "") <= asOf }.count
                == before.sessions.filter { ($0["date"]?.string ?? "") <= asOf }.count, sourceLocation: sourceLocation)

        for (name, from) in withdrawn {
            let after = after.sessions.filter { ($0["date"]?.string ?? "") >= from && $0["status"]?.string == "planned" }
            let seated = after.filter { ($0["seats"]?[name]?.number ?? 0) > 0 }.compactMap { $0["id"]?.string }
            let invited = after.filter { ($0["attendingMunicipalities"]?.array ?? []).contains { $0.string == name } }
                .compactMap { $0["id"]?.string }
            #expect(seated.isEmpty && invited.isEmpty, "\(name) withdrew from \(from) but is seated in \(seated), invited to \(invited)",
                    sourceLocation: sourceLocation)
        }

        try ICSCheck.expectPasses([work.file(new + "/calendars"), "--against", work.file(old + "/calendars")],
                                  files: ICSCheck.count(in: work.file(new + "/calendars")), sourceLocation: sourceLocation)
    }

    /// The events of one calendar file: UID → STATUS.
    func statuses(_ path: String) -> [String: String] { property("STATUS", in: path) }

    /// UID → the value of one property of each event in a calendar file.
    func property(_ name: String, in path: String) -> [String: String] {
        var out: [String: String] = [:], uid = ""
        for line in (fileText(path) ?? "").replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n") {
            if line.hasPrefix("UID:") { uid = String(line.dropFirst(4)) }
            if line.hasPrefix(name + ":") { out[uid] = String(line.dropFirst(name.count + 1)) }
        }
        return out
    }

    @Test func oneMunicipalityOut() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge"])
        try expectTrustworthy(work, old: "v1", new: "r1", asOf: "2025-03-31", withdrawn: ["Norrköpinge": "2025-04-01"])
        // Its file keeps everything it had, the sessions and meetings after the date as cancelled.
        let old = statuses(work.file("v1/calendars/municipalities/norrkopinge.ics"))
        let new = statuses(work.file("r1/calendars/municipalities/norrkopinge.ics"))
        #expect(Set(new.keys) == Set(old.keys))
        // A training session after the date that seated it in the base plan (taken from that plan, not assumed).
        let base = try PlanFile(work.file("v1/plan.json"))
        let lost = try #require(base.plannedTraining.first {
            ($0["date"]?.string ?? "") > "2025-03-31" && ($0["seats"]?["Norrköpinge"]?.number ?? 0) > 0
        }?["id"]?.string)
        // Its own copies (UIDs of this file's own: `<id>.municipalities.norrkopinge@…`).
        func uid(_ id: String) -> String { id + ".municipalities.norrkopinge@tidsplan.invalid" }
        #expect(new[uid("natverk-2")] == "CANCELLED" && new[uid(lost)] == "CANCELLED", "\(new)")
        #expect(new[uid("natverk-1")] == "CONFIRMED", "\(new)")
        // LAST-MODIFIED moves only for events that changed.
        let before = property("LAST-MODIFIED", in: work.file("v1/calendars/municipalities/norrkopinge.ics"))
        let after = property("LAST-MODIFIED", in: work.file("r1/calendars/municipalities/norrkopinge.ics"))
        #expect(before[uid("natverk-1")] == "20250101T080000Z" && after[uid("natverk-1")] == "20250101T080000Z")
        #expect(after[uid("natverk-2")] == "20250301T080000Z", "\(after)")
        // all.ics keeps the session's own UID; the network meeting is still held there.
        #expect(statuses(work.file("r1/calendars/all.ics"))["natverk-2@tidsplan.invalid"] == "CONFIRMED")
        // The course description and the digital link reach the event; a series meeting is named once.
        let all = (fileText(work.file("r1/calendars/all.ics")) ?? "").replacingOccurrences(of: "\r\n ", with: "")
        #expect(all.contains("Jämställdhet\\, tillgänglighet och icke-diskriminering") && all.contains("URL:https://teams.example.invalid/small-county"))
        #expect(all.contains("SUMMARY:Motiverande samtal (MI)\\, grund (träff 1 av 2)") && !all.contains("(1/2)"))
        // changes.md follows --lang (Swedish by default), with dates, and Åby's section shows no other municipality's seats.
        let changes = fileText(work.file("r1/changes.md")) ?? ""
        #expect(changes.hasPrefix("# Ändringar mot föregående plan"), "\(changes)")
        #expect(changes.contains("- Norrköpinge: deltar inte från 2025-04-01"), "\(changes)")
        #expect(changes.contains("| 2025-04-24 | natverk-2 |"), "the changed network meeting is missing:\n\(changes)")
        let aby = changes.components(separatedBy: "### Åby").dropFirst().first?.components(separatedBy: "###").first ?? ""
        #expect(!aby.isEmpty && !aby.contains("Norrköpinge"), "\(aby)")
    }

    @Test func twoMunicipalitiesOutAtOnce() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge", "--withdraw", "Sörby"])
        try expectTrustworthy(work, old: "v1", new: "r1", asOf: "2025-03-31",
                              withdrawn: ["Norrköpinge": "2025-04-01", "Sörby": "2025-04-01"])
        // In English on request; its calendars, all text changed, still update the Swedish ones (SEQUENCE rises).
        try replan(work, from: "v1", into: "en", asOf: "2025-03-31", ["--withdraw", "Norrköpinge", "--withdraw", "Sörby", "--lang", "en"])
        try expectTrustworthy(work, old: "v1", new: "en", asOf: "2025-03-31",
                              withdrawn: ["Norrköpinge": "2025-04-01", "Sörby": "2025-04-01"])
        let english = fileText(work.file("en/changes.md")) ?? ""
        #expect(english.hasPrefix("# Changes against the previous plan") && english.contains("| date | session | title | what |"), "\(english)")
    }

    /// Södra (Öberga and Sörby) leaves between the two meetings of one of its MI series (the last one whose
    /// meetings fall on different days in the base plan): the second meeting is cancelled, not held with nobody.
    @Test func aWholeCountyPartOutMidSeries() throws {
        let work = try workWithBase()
        let base = try PlanFile(work.file("v1/plan.json"))
        func meetings(_ run: String) -> [String] {
            base.plannedTraining.filter { $0["series"]?["run"]?.string == run }.compactMap { $0["date"]?.string }.sorted()
        }
        let runs = Set(base.plannedTraining.compactMap { $0["series"]?["run"]?.string }.filter { $0.hasPrefix("MI-sodra") })
        let run = try #require(runs.sorted().last { let d = meetings($0); return d.count == 2 && d[0] < d[1] })
        let asOf = meetings(run)[0], from = try #require(Self.dayAfter(asOf))
        try replan(work, from: "v1", into: "r1", asOf: asOf, ["--withdraw", "Öberga", "--withdraw", "Sörby"])
        try expectTrustworthy(work, old: "v1", new: "r1", asOf: asOf, withdrawn: ["Öberga": from, "Sörby": from])
        let plan = try PlanFile(work.file("r1/plan.json"))
        let cut = plan.sessions.filter { $0["series"]?["run"]?.string == run }
        #expect(cut.map { $0["status"]?.string ?? "" } == ["planned", "cancelled"], "\(cut.map(\.text))")
    }

    /// The ISO date after `iso`.
    static func dayAfter(_ iso: String) -> String? {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian); f.timeZone = TimeZone(identifier: "UTC"); f.dateFormat = "yyyy-MM-dd"
        return f.date(from: iso).map { f.string(from: $0.addingTimeInterval(86_400)) }
    }

    /// R1 Norrköpinge out, R2 Öberga reduced, R3 Sörby out: each re-plan remembers the earlier changes.
    @Test func aChainOfThreeReplans() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-03-10", ["--withdraw", "Norrköpinge"])
        try replan(work, from: "r1", into: "r2", asOf: "2025-03-31", ["--reduce", "Öberga=90"])
        try replan(work, from: "r2", into: "r3", asOf: "2025-04-20", ["--withdraw", "Sörby"])
        try expectTrustworthy(work, old: "v1", new: "r1", asOf: "2025-03-10", withdrawn: ["Norrköpinge": "2025-03-11"])
        try expectTrustworthy(work, old: "r1", new: "r2", asOf: "2025-03-31", withdrawn: ["Norrköpinge": "2025-03-11"])
        try expectTrustworthy(work, old: "r2", new: "r3", asOf: "2025-04-20",
                              withdrawn: ["Norrköpinge": "2025-03-11", "Sörby": "2025-04-21"])
        let last = try PlanFile(work.file("r3/plan.json"))
        let recorded = (last.json["commitmentChanges"]?.array ?? []).map {
            "\($0["municipality"]?.string ?? "") \($0["kind"]?.string ?? "") \($0["from"]?.string ?? "")"
        }
        #expect(recorded == ["Norrköpinge withdrawal 2025-03-11", "Öberga reduction 2025-04-01", "Sörby withdrawal 2025-04-21"])
        #expect(last.plannedHours["Öberga"].map { $0 <= 90 } == true, "a reduced commitment is a ceiling: \(last.plannedHours)")
    }

    /// Öberga lowers its commitment to 90 hours. Without --compensate the others keep their quotas; with it
    /// they take over what fits within their own quota plus the tolerance, and the rest is a proposal.
    @Test func aReductionWithAndWithoutCompensation() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "plain", asOf: "2025-03-31", ["--reduce", "Öberga=90"])
        try expectTrustworthy(work, old: "v1", new: "plain", asOf: "2025-03-31", withdrawn: [:])
        let compensated = try replan(work, from: "v1", into: "comp", asOf: "2025-03-31", ["--reduce", "Öberga=90", "--compensate"])
        try expectTrustworthy(work, old: "v1", new: "comp", asOf: "2025-03-31", withdrawn: [:])
        // The hours lost are the plans' own: what Öberga had in the base plan against what it has now.
        let lost = try PlanFile(work.file("v1/plan.json")).plannedHours["Öberga"].map { before in
            Int((before - ((try? PlanFile(work.file("comp/plan.json")).plannedHours["Öberga"]) ?? before)).rounded())
        }
        let says = "Kompensation: \(lost ?? -1) förlorade timmar"
        #expect(compensated.stdout.contains(says), "\(compensated.stdout)")
        #expect((fileText(work.file("comp/changes.md")) ?? "").contains(says))
        let plan = try PlanFile(work.file("comp/plan.json"))
        let kinds = (plan.json["commitmentChanges"]?.array ?? []).compactMap { $0["kind"]?.string }
        #expect(kinds.contains("compensation") && kinds.contains("reduction"), "\(kinds)")

        // A "reduction" above the quota, or below the hours already held, is refused before anything is planned.
        // Åby's hours held by the date, counted from the base plan (a series begun by then counts to its end).
        let held = try ReplanRulesTests.boundHours(PlanFile(work.file("v1/plan.json")), "Åby", asOf: "2025-03-31")
        #expect(held > 10)
        for (reduce, says) in [("Åby=2000", "only lowers a commitment"), ("Åby=10", "already attended \(Int(held)) hours")] {
            let r = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v1/plan.json", "--as-of", "2025-03-31",
                                         "--reduce", reduce, "--out", "refused", "--quiet", "--lang", "en"], cwd: work.path)
            #expect(r.status == 1 && r.endedCleanly && r.stderr.contains(says), "\(r.transcript)")
            #expect(!FileManager.default.fileExists(atPath: work.file("refused")))
        }
    }

    /// Sörby withdraws before any session was held; an --as-of outside the project is refused.
    @Test func aWithdrawalBeforeTheFirstSession() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-02-05", ["--withdraw", "Sörby"])
        try expectTrustworthy(work, old: "v1", new: "r1", asOf: "2025-02-05", withdrawn: ["Sörby": "2025-02-06"])
        for (asOf, says, lang) in [("2025-01-31", "before the project starts", "en"), ("2025-06-02", "after the project's last day", "en"),
                                   ("2025-01-31", "före projektets start", "sv"), ("2025-06-02", "efter projektets sista dag", "sv")] {
            let r = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v1/plan.json", "--as-of", asOf,
                                         "--withdraw", "Sörby", "--out", "refused", "--quiet", "--lang", lang], cwd: work.path)
            #expect(r.status == 1 && r.stderr.contains(says), "\(r.transcript)")
        }
    }

    /// `export --previous` writes the same calendars as the re-plan did (cancelled copies included).
    @Test func exportWithThePreviousPlanKeepsTheCancelledEvents() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge"])
        let r = try TidsplanCLI.run(["export", Self.scenario, "r1/plan.json", "--previous", "v1/plan.json", "--out", "exported"],
                                    cwd: work.path, environment: Self.replanNow)
        #expect(r.status == 0, "\(r.transcript)")
        try ICSCheck.expectPasses([work.file("exported/calendars"), "--against", work.file("v1/calendars")],
                                  files: ICSCheck.count(in: work.file("exported/calendars")))
    }
}

/// A municipal manager imported Norrköpinge's calendar from the base plan, then imports the re-planned
/// one (Norrköpinge withdrew) into the same khal calendar: nothing stale stays confirmed, nothing doubles.
@Suite struct ReplanKhalTests {
    @Test func aMunicipalitysCalendarUpdatesInKhal() throws {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { String($0) + "/khal" }
        let khal = try #require(path.first { FileManager.default.isExecutableFile(atPath: $0) },
                                "khal is missing: install it with scripts/ensure-deps --test")
        let work = try ReplanScenarioTests().workWithBase()
        try ReplanScenarioTests().replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge"])
        let folder = try work.write("khal/calendar/.keep", "")
        let calendar = (folder as NSString).deletingLastPathComponent
        // The khal configuration both khal tests use (Tests/Fixtures/khal.conf), pointed at this calendar folder.
        let template = try #require(fileText(TidsplanCLI.packageFile("Tests/Fixtures/khal.conf")))
        let config = try work.write("khal.conf", template.replacingOccurrences(of: "@CALENDAR@", with: calendar))
        let env = ["XDG_CONFIG_HOME": work.file("config"), "XDG_DATA_HOME": work.file("data"),
                   "XDG_CACHE_HOME": work.file("cache"), "TZ": "Europe/Stockholm"]
        for version in ["v1", "r1"] {
            let r = try ExternalTool.run(khal, ["-c", config, "import", "--batch", "-a", "plan",
                                                work.file("\(version)/calendars/municipalities/norrkopinge.ics")], environment: env)
            #expect(r.status == 0, "\(r.output)")
        }
        let listed = try ExternalTool.run(khal, ["-c", config, "list", "--format", "{start-date} {start-time} {title}",
                                                 "2025-01-01", "2025-12-31"], environment: env)
        #expect(listed.status == 0, "\(listed.output)")
        let lines = listed.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("2025-") }
        #expect(Set(lines).count == lines.count, "duplicates:\n\(listed.output)")
        // After 2025-03-31 Norrköpinge takes part in nothing: every event then says it is cancelled.
        let after = lines.filter { $0 > "2025-04-01" }
        #expect(!after.isEmpty && after.allSatisfy { $0.contains("INSTÄLLT: ") }, "stale confirmed events:\n\(listed.output)")
        // One stored event per UID of the new file, none of them stale.
        let uids = (fileText(work.file("r1/calendars/municipalities/norrkopinge.ics")) ?? "")
            .components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        let stored = try FileManager.default.contentsOfDirectory(atPath: calendar).filter { $0.hasSuffix(".ics") }
        #expect(stored.count == uids.count, "\(stored)")
    }
}

/// Its only state is an immutable path, so the shared base plan's folder can live in a static.
extension TempFolder: @unchecked Sendable {}
