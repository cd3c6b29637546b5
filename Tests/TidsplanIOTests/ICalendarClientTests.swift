import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// The files as strict validators and real clients see them: the shared `ics-check` tool (also
/// across two published versions) and an import into khal. ics-check is used in addition to the project's own
/// `CalendarUpdateCheck`, never required: its tests are skipped, with the reason shown, where it is not at hand.
@Suite struct ICalendarClientTests {
    static let icsCheckMissing: Comment = "ics-check not found (set TIDSPLAN_ICS_CHECK or put shared/tools/ics-check beside the checkout)"

    @Test(.enabled(if: ICalTestSupport.icsCheckRunnable, icsCheckMissing))
    func icsCheckPassesEveryFile() throws {
        let dir = try ICalTestSupport.temporaryDirectory("ics")
        defer { ICalTestSupport.remove(dir) }
        let files = ICalTestSupport.files()
        try ICalTestSupport.write(files, to: dir)
        let (result, summary) = try ICalTestSupport.icsCheck([dir.path])
        #expect(summary == "\(files.count) passed, 0 failed", "\(result.stdout)\(result.stderr)")
        #expect(result.status == 0)
        // No warnings either (missing calendar names, METHOD without ORGANIZER…).
        #expect(!result.stdout.contains("WARN"), "\(result.stdout)")
    }

    @Test(.enabled(if: ICalTestSupport.icsCheckRunnable, icsCheckMissing))
    func icsCheckPassesHostileNames() throws {
        let dir = try ICalTestSupport.temporaryDirectory("ics-hostile")
        defer { ICalTestSupport.remove(dir) }
        let files = ICalTestSupport.files(HostileSample.plan, scenario: HostileSample.scenario)
        try ICalTestSupport.write(files, to: dir)
        let (result, summary) = try ICalTestSupport.icsCheck([dir.path])
        #expect(summary == "\(files.count) passed, 0 failed", "\(result.stdout)\(result.stderr)")
    }

    /// A re-plan publishes a moved session with a higher SEQUENCE and a cancelled one; subscribers
    /// must see both as updates of the events they have.
    @Test(.enabled(if: ICalTestSupport.icsCheckRunnable, icsCheckMissing))
    func updatesPassAgainstThePreviousSet() throws {
        let dir = try ICalTestSupport.temporaryDirectory("ics-against")
        defer { ICalTestSupport.remove(dir) }
        let old = dir.appendingPathComponent("old"), new = dir.appendingPathComponent("new")
        try ICalTestSupport.write(ICalTestSupport.files(), to: old)
        let published = ICalendarWriter.publish(scenario: SamplePlan.scenario, plan: SamplePlan.plan, previous: nil,
                                                now: ICalTestSupport.now).series

        var changed = SamplePlan.plan
        let moved = try #require(changed.sessions.firstIndex { $0.id == "MI-sodra-vatterbygden-1" })
        changed.sessions[moved].date = try #require(Day(iso: "2024-04-24"))
        changed.sessions[moved].sequence += 1
        let cancelled = try #require(changed.sessions.firstIndex { $0.id == "SE-sodra-vatterbygden-1-2" })
        changed.sessions[cancelled].status = .cancelled
        changed.sessions[cancelled].sequence += 1
        changed.sortSessions()
        let newFiles = ICalTestSupport.files(changed, previous: SamplePlan.plan, now: ICalTestSupport.later, published: published)
        try ICalTestSupport.write(newFiles, to: new)
        #expect(CalendarUpdateCheck.problems(new: newFiles, old: ICalTestSupport.files()) == [])
        let (result, summary) = try ICalTestSupport.icsCheck([new.path, "--against", old.path])
        #expect(summary == "\(newFiles.count) passed, 0 failed", "\(result.stdout)\(result.stderr)")

        // The check has teeth: the same move without a raised SEQUENCE (and no series to continue) fails.
        var careless = changed
        careless.sessions[try #require(careless.sessions.firstIndex { $0.id == "MI-sodra-vatterbygden-1" })].sequence = 0
        let badDir = dir.appendingPathComponent("careless")
        try ICalTestSupport.write(ICalTestSupport.files(careless, now: ICalTestSupport.later), to: badDir)
        let (bad, badSummary) = try ICalTestSupport.icsCheck([badDir.path, "--against", old.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("SEQUENCE stayed 0"), "\(bad.stdout)")
        #expect(!badSummary.hasSuffix(" 0 failed"))
    }

    /// A session that vanished from the plan altogether is still published as cancelled when the
    /// previous plan is given; without it, the validator reports the missing UID.
    @Test(.enabled(if: ICalTestSupport.icsCheckRunnable, icsCheckMissing))
    func removedSessionsStayAsCancelledWithThePreviousPlan() throws {
        let dir = try ICalTestSupport.temporaryDirectory("ics-removed")
        defer { ICalTestSupport.remove(dir) }
        let old = dir.appendingPathComponent("old")
        try ICalTestSupport.write(ICalTestSupport.files(), to: old)
        var shrunk = SamplePlan.plan
        shrunk.sessions.removeAll { $0.id == "MI-ggvv-2" }

        let kept = dir.appendingPathComponent("kept")
        let keptFiles = ICalTestSupport.files(shrunk, previous: SamplePlan.plan, now: ICalTestSupport.later)
        try ICalTestSupport.write(keptFiles, to: kept)
        let (ok, okSummary) = try ICalTestSupport.icsCheck([kept.path, "--against", old.path])
        #expect(okSummary == "\(keptFiles.count) passed, 0 failed", "\(ok.stdout)\(ok.stderr)")

        let lost = dir.appendingPathComponent("lost")
        try ICalTestSupport.write(ICalTestSupport.files(shrunk, now: ICalTestSupport.later), to: lost)
        let (bad, _) = try ICalTestSupport.icsCheck([lost.path, "--against", old.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("MI-ggvv-2@rakna-med-oss.tidsplan.invalid from"), "\(bad.stdout)")
    }

    @Test
    func khalImportsAndListsTheEvents() throws {
        let khal = try #require(ICalTestSupport.khalPath)
        let dir = try ICalTestSupport.temporaryDirectory("khal")
        defer { ICalTestSupport.remove(dir) }
        let calendarFolder = dir.appendingPathComponent("calendar")
        try FileManager.default.createDirectory(at: calendarFolder, withIntermediateDirectories: true)
        let config = dir.appendingPathComponent("khal.conf")
        // The khal configuration both khal tests use (Tests/Fixtures/khal.conf), pointed at this calendar folder.
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let template = try String(contentsOf: repo.appendingPathComponent("Tests/Fixtures/khal.conf"), encoding: .utf8)
        try Data(template.replacingOccurrences(of: "@CALENDAR@", with: calendarFolder.path).utf8).write(to: config)
        let ics = dir.appendingPathComponent("anna-aberg.ics")
        try Data(try #require(ICalTestSupport.files()["calendars/leaders/anna-aberg.ics"]).utf8).write(to: ics)
        // Keep khal's database and any state inside the throwaway folder.
        let env = ["XDG_CONFIG_HOME": dir.appendingPathComponent("config").path,
                   "XDG_DATA_HOME": dir.appendingPathComponent("data").path,
                   "XDG_CACHE_HOME": dir.appendingPathComponent("cache").path,
                   "TZ": "Europe/Stockholm"]
        let imported = try ICalTestSupport.run(khal, ["-c", config.path, "import", "--batch", "-a", "plan", ics.path],
                                               environment: env)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let listed = try ICalTestSupport.run(khal, ["-c", config.path, "list", "2024-01-01", "2026-12-31"],
                                             environment: env)
        #expect(listed.status == 0, "\(listed.stderr)")
        // Local times prove the VTIMEZONE was understood (CEST in May and September).
        #expect(listed.stdout.contains("2024-05-06"), "\(listed.stdout)")
        #expect(listed.stdout.contains("13:00-17:00 Supported Employment | grund (träff 1 av 2)"), "\(listed.stdout)")
        #expect(listed.stdout.contains("13:00-17:00 Supported Employment | grund (träff 2 av 2)"), "\(listed.stdout)")
        #expect(listed.stdout.contains("10:00-11:30 Nätverksträff \"SE | IPS\"; digitalt"), "\(listed.stdout)")
        // One file per UID in khal's folder.
        let stored = try FileManager.default.contentsOfDirectory(atPath: calendarFolder.path)
        #expect(stored.count == 3)
    }
}
