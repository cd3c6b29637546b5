import Testing
@testable import TidsplanCore

/// Plan diffs between two published plans, built on `VerificationFixture`'s plan.
@Suite struct DiffPlanTests {
    typealias F = VerificationFixture

    static func changing(_ plan: Plan, _ id: String, _ change: (inout PlannedSession) -> Void) -> Plan {
        var p = plan
        for i in p.sessions.indices where p.sessions[i].id == id { change(&p.sessions[i]) }
        return p
    }

    @Test func identicalPlansAreUnchanged() {
        let diff = PlanDiff.between(previous: F.plan(), current: F.plan())
        #expect(diff.sessions.map(\.id) == ["HP-1", "MI-hoglandet-1", "SER-hoglandet-1-1", "SER-hoglandet-1-2"])
        #expect(diff.sessions.allSatisfy { $0.kind == .unchanged && $0.changes.isEmpty })
        #expect(diff.counts.unchanged == 4)
        #expect(diff.counts.total == 0)
        #expect(!diff.hasChanges)
        #expect(diff.byLeader == [PlanDiff.Group(name: "Anna", sessionIDs: ["HP-1", "SER-hoglandet-1-1", "SER-hoglandet-1-2"]),
                                  PlanDiff.Group(name: "Bo", sessionIDs: ["MI-hoglandet-1"])])
        #expect(diff.byMunicipality.map(\.name) == ["Aneby", "Eksjö", "Habo"])
        #expect(diff.byMunicipality.last?.sessionIDs == ["HP-1"])
        #expect(diff.changes(concerningLeader: "Anna").isEmpty)
        #expect(diff.municipalities.map(\.name) == ["Aneby", "Eksjö", "Habo"])
        #expect(diff.municipalities.allSatisfy { $0.hoursChange == 0 && $0.krChange == 0 })
    }

    @Test func movedSession() throws {
        let current = Self.changing(F.plan(), "MI-hoglandet-1") { $0.date = F.day("2024-03-26"); $0.start = F.time("10:00") }
        let diff = PlanDiff.between(previous: F.plan(), current: current)
        let mi = try #require(diff.change("MI-hoglandet-1"))
        #expect(mi.kind == .changed)
        #expect(mi.changes == [.moved(
            from: .init(date: F.day("2024-03-19"), start: F.time("09:00"), end: F.time("16:00")),
            to: .init(date: F.day("2024-03-26"), start: F.time("10:00"), end: F.time("16:00")))])
        #expect(mi.isMoved && !mi.isLeaderChanged && !mi.isVenueChanged && !mi.isSeatsChanged)
        #expect(diff.counts.changed == 1 && diff.counts.moved == 1 && diff.counts.unchanged == 3)
        // A move costs no hours.
        #expect(diff.municipalities.allSatisfy { $0.hoursChange == 0 })
        #expect(diff.changes(concerningLeader: "Bo").map(\.id) == ["MI-hoglandet-1"])
        #expect(diff.changes(concerningLeader: "Anna").isEmpty)
        #expect(diff.changes(concerningMunicipality: "Aneby").map(\.id) == ["MI-hoglandet-1"])
        #expect(diff.changes(concerningMunicipality: "Habo").isEmpty)
    }

    @Test func leaderVenueAndSeatsChanged() throws {
        var current = Self.changing(F.plan(), "HP-1") { $0.leaders = ["Bo"] }
        current = Self.changing(current, "MI-hoglandet-1") { $0.venue = "werket"; $0.seats = ["Aneby": 3, "Eksjö": 5] }
        let diff = PlanDiff.between(previous: F.plan(), current: current)
        let hp = try #require(diff.change("HP-1"))
        #expect(hp.changes == [.leaders(from: ["Anna"], to: ["Bo"])])
        let mi = try #require(diff.change("MI-hoglandet-1"))
        #expect(mi.changes == [.venue(from: "eksjo-sal", to: "werket"),
                               .seats(from: ["Aneby": 5, "Eksjö": 5], to: ["Aneby": 3, "Eksjö": 5])])
        #expect(diff.counts.changed == 2 && diff.counts.leaderChanged == 1 && diff.counts.venueChanged == 1
                && diff.counts.seatsChanged == 1 && diff.counts.moved == 0)
        // Both the old and the new leader hear about HP-1.
        #expect(diff.byLeader == [PlanDiff.Group(name: "Anna", sessionIDs: ["HP-1", "SER-hoglandet-1-1", "SER-hoglandet-1-2"]),
                                  PlanDiff.Group(name: "Bo", sessionIDs: ["HP-1", "MI-hoglandet-1"])])
        #expect(diff.changes(concerningLeader: "Bo").map(\.id) == ["HP-1", "MI-hoglandet-1"])
        #expect(diff.changes(concerningMunicipality: "Habo").map(\.id) == ["HP-1"])
        #expect(diff.changes(concerningLeader: "Anna").map(\.id) == ["HP-1"])
    }

    @Test func hoursAndKronorPerMunicipality() throws {
        // Aneby loses 2 MI seats of 6 hours: 12 hours, 12 × 417 = 5 004 kr.
        let current = Self.changing(F.plan(), "MI-hoglandet-1") { $0.seats = ["Aneby": 3, "Eksjö": 5] }
        let diff = PlanDiff.between(previous: F.plan(), current: current)
        let aneby = try #require(diff.municipalities.first { $0.name == "Aneby" })
        #expect(aneby.hoursBefore == 69 && aneby.hoursAfter == 57 && aneby.hoursChange == -12)
        #expect(aneby.krBefore == 28773 && aneby.krAfter == 23769 && aneby.krChange == -5004)
        let eksjo = try #require(diff.municipalities.first { $0.name == "Eksjö" })
        #expect(eksjo.hoursChange == 0 && eksjo.krChange == 0)
    }

    @Test func cancelledByStatusOrRemoval() throws {
        let byStatus = Self.changing(F.plan(), "HP-1") { $0.status = .cancelled }
        let removed = F.plan(F.plan().sessions.filter { $0.id != "HP-1" })
        for current in [byStatus, removed] {
            let diff = PlanDiff.between(previous: F.plan(), current: current)
            let hp = try #require(diff.change("HP-1"))
            #expect(hp.kind == .cancelled)
            #expect(hp.previous?.date == F.day("2024-03-05"))
            #expect(diff.counts.cancelled == 1 && diff.counts.unchanged == 3)
            // Every HP participant's hours go: 5 × 3 = 15 hours, 6 255 kr each.
            #expect(diff.municipalities.map(\.hoursChange) == [-15, -15, -15])
            #expect(diff.municipalities.map(\.krChange) == [-6255, -6255, -6255])
            #expect(diff.changes(concerningMunicipality: "Habo").map(\.id) == ["HP-1"])
            #expect(diff.changes(concerningLeader: "Anna").map(\.id) == ["HP-1"])
            #expect(diff.byLeader.first == PlanDiff.Group(name: "Anna", sessionIDs: ["HP-1", "SER-hoglandet-1-1", "SER-hoglandet-1-2"]))
        }
        // Cancelled before and still cancelled: nothing to report.
        let diff = PlanDiff.between(previous: byStatus, current: removed)
        #expect(diff.change("HP-1") == nil)
        #expect(!diff.hasChanges)
    }

    @Test func newSessions() throws {
        let extra = F.hp("HP-2", on: "2024-03-06", seats: ["Habo": 4])
        let diff = PlanDiff.between(previous: F.plan(), current: F.plan(adding: [extra]))
        #expect(diff.change("HP-2")?.kind == .new)
        #expect(diff.counts.new == 1 && diff.counts.unchanged == 4)
        #expect(diff.sessions.map(\.id) == ["HP-1", "HP-2", "MI-hoglandet-1", "SER-hoglandet-1-1", "SER-hoglandet-1-2"])
        #expect(diff.municipalities.first { $0.name == "Habo" }?.hoursChange == 12)
        #expect(diff.byMunicipality.last == PlanDiff.Group(name: "Habo", sessionIDs: ["HP-1", "HP-2"]))
        #expect(diff.changes(concerningMunicipality: "Habo").map(\.id) == ["HP-2"])
        // Cancelled before, planned again: new.
        let reinstated = PlanDiff.between(previous: Self.changing(F.plan(), "HP-1") { $0.status = .cancelled }, current: F.plan())
        #expect(reinstated.change("HP-1")?.kind == .new)
    }

    @Test func zeroSeatEntriesAreNoChange() {
        let current = Self.changing(F.plan(), "HP-1") { $0.seats["Gnosjö"] = 0 }
        #expect(!PlanDiff.between(previous: F.plan(), current: current).hasChanges)
    }

    @Test func sequenceRisesOnlyForWhatACalendarShows() {
        var base = F.hp()
        base.sequence = 3
        #expect(PlanDiff.nextSequence(previous: nil, current: base) == 0)
        #expect(PlanDiff.nextSequence(previous: base, current: base) == 3)
        let shown: [(inout PlannedSession) -> Void] = [
            { $0.date = F.day("2024-03-06") }, { $0.start = F.time("10:00") }, { $0.end = F.time("13:00") },
            { $0.venue = "werket" }, { $0.leaders = ["Bo"] }, { $0.status = .cancelled }, { $0.title = "HP (ny)" },
            { $0.seats["Aneby"] = 4 },
        ]
        for change in shown {
            var current = base
            change(&current)
            #expect(PlanDiff.nextSequence(previous: base, current: current) == 4)
        }
        // Not shown in a calendar: counted hours, a zero seat entry, the frozen flag.
        var quiet = base
        quiet.hours = 2.5
        quiet.seats["Gnosjö"] = 0
        quiet.frozen = true
        #expect(PlanDiff.nextSequence(previous: base, current: quiet) == 3)
    }
}

@Suite struct CalendarSequenceAttendanceTests {
    /// A follow-up survey whose attending municipalities change shows a different DESCRIPTION in the
    /// calendars, so it must get a higher SEQUENCE (found by ics-check --against after a withdrawal).
    @Test func attendingMunicipalitiesChangeRaisesTheSequence() throws {
        let day = try #require(Day(iso: "2025-05-05"))
        let start = try #require(ClockTime(text: "09:00")), end = try #require(ClockTime(text: "09:30"))
        let before = PlannedSession(id: "uppfoljning-MI", kind: .event, course: "survey", title: "Uppföljning", date: day,
                                    start: start, end: end, hours: 0, venue: "", mode: .digital, leaders: [],
                                    sequence: 2, attendingMunicipalities: ["Aneby", "Mullsjö"])
        var after = before
        after.attendingMunicipalities = ["Aneby"]
        #expect(PlanDiff.nextSequence(previous: before, current: after) == 3)
        #expect(PlanDiff.nextSequence(previous: before, current: before) == 2)
    }
}
