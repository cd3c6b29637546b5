import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// Re-plan facts in plan.json: the commitment changes a plan was made for and the calendar files a
/// session has left. They round-trip, are absent when empty (plans without re-plans keep their bytes),
/// and a scenario with them applied judges quotas by what was committed.
@Suite struct PlanCommitmentTests {
    static func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }

    @Test func commitmentChangesAndFilesLeftRoundTrip() throws {
        var plan = SamplePlan.plan
        #expect(!PlanJSONWriter.encode(plan).contains("commitmentChanges"))
        #expect(!PlanJSONWriter.encode(plan).contains("cancelledIn"))
        plan.commitmentChanges = [
            CommitmentChange(municipality: "Aneby", kind: .withdrawal, from: Self.day("2025-03-04")),
            CommitmentChange(municipality: "Jönköping", kind: .reduction, from: Self.day("2025-03-04"), quotaHours: 1000),
            CommitmentChange(municipality: "Värnamo", kind: .compensation, from: Self.day("2025-03-04"), quotaHours: 650),
        ]
        plan.sessions[1].cancelledIn = CalendarFiles(leaders: ["Erik Öst"], municipalities: ["Aneby"], venues: ["werket"])
        let text = PlanJSONWriter.encode(plan)
        let back = try PlanJSONReader.decode(text, file: "plan.json")
        #expect(back == plan)
        #expect(PlanJSONWriter.encode(back) == text)
    }

    @Test func aWithdrawalWithAQuotaIsRefused() {
        let text = PlanJSONWriter.encode(SamplePlan.plan).replacingOccurrences(
            of: "\"solver\":", with: "\"commitmentChanges\": [{\"municipality\": \"Aneby\", \"kind\": \"withdrawal\", \"from\": \"2025-03-04\", \"quotaHours\": 3}],\n  \"solver\":")
        #expect(throws: PlanReadError.self) { try PlanJSONReader.decode(text, file: "plan.json") }
    }

    /// Compensation raises the target, never the ceiling: that stays the committed quota plus the tolerance.
    @Test func compensationKeepsTheCommittedCeiling() throws {
        let scenario = SamplePlan.scenario.applying([
            CommitmentChange(municipality: "Aneby", kind: .withdrawal, from: Self.day("2024-06-01")),
            CommitmentChange(municipality: "Värnamo", kind: .compensation, from: Self.day("2024-06-01"), quotaHours: 650),
            CommitmentChange(municipality: "Jönköping", kind: .reduction, from: Self.day("2024-06-01"), quotaHours: 1000),
        ])
        let värnamo = try #require(scenario.municipality("Värnamo"))
        #expect(värnamo.effectiveQuotaHours == 650)
        #expect(värnamo.committedQuotaHours == värnamo.quotaHours)
        #expect(värnamo.quotaCeilingHours(tolerance: 0.05) == max(Double(värnamo.quotaHours) * 1.05, 650))
        #expect(scenario.municipality("Jönköping")?.committedQuotaHours == 1000)
        #expect(scenario.municipality("Aneby")?.withdrawal == Self.day("2024-06-01"))
        // An earlier withdrawal wins; applying the same changes twice changes nothing.
        #expect(scenario.applying(scenario.commitmentChanges) == scenario)
        #expect(scenario.applying([CommitmentChange(municipality: "Aneby", kind: .withdrawal, from: Self.day("2025-01-01"))])
                    .municipality("Aneby")?.withdrawal == Self.day("2024-06-01"))
    }
}

/// Given only the previous plan, the writer keeps an event in every file it has left, cancelled there:
/// the old leader's, the old venue's and the municipality's that lost its seats; the new files show it as it is.
@Suite struct CalendarFilesLeftTests {
    @Test func aSessionThatLeftAFileStaysThereCancelled() throws {
        var changed = SamplePlan.plan
        let i = try #require(changed.sessions.firstIndex { $0.id == "MI-sodra-vatterbygden-1" })
        let before = changed.sessions[i]
        changed.sessions[i].leaders = ["Anna Åberg"]
        changed.sessions[i].venue = "hotell-hogland"
        changed.sessions[i].seats = changed.sessions[i].seats.filter { $0.key != "Jönköping" }
        changed.sessions[i].sequence += 1
        let files = ICalTestSupport.files(changed, previous: SamplePlan.plan, now: ICalTestSupport.later)
        func status(_ path: String) throws -> String? {
            let uid = ICalTestSupport.uid("MI-sodra-vatterbygden-1", file: path)
            let event = ICalTestSupport.events(try #require(files[path], "\(path) is missing"))[uid]
            return event?.components(separatedBy: "\r\n").first { $0.hasPrefix("STATUS:") }
        }
        #expect(before.leaders == ["Erik Öst"] && before.venue == "werket" && (before.seats["Jönköping"] ?? 0) > 0)
        #expect(try status("calendars/leaders/erik-ost.ics") == "STATUS:CANCELLED")
        #expect(try status("calendars/venues/werket.ics") == "STATUS:CANCELLED")
        #expect(try status("calendars/municipalities/jonkoping.ics") == "STATUS:CANCELLED")
        #expect(try status("calendars/leaders/anna-aberg.ics") == "STATUS:CONFIRMED")
        #expect(try status("calendars/venues/hotell-hogland.ics") == "STATUS:CONFIRMED")
        #expect(try status("calendars/all.ics") == "STATUS:CONFIRMED")
    }
}
