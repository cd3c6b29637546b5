import TidsplanCore

/// What sessions planned elsewhere (earlier areas of a decomposed plan) already take from the shared
/// resources: leaders' days, rooms' days and the budget. The week and day models subtract it, so the
/// areas together keep every rule a single model would. Also the days fixed events (steering groups,
/// networks) keep their leaders and rooms busy: no training is planned for them on those days.
struct Commitments: Sendable {
    /// Dates each leader already leads a session on.
    private(set) var leaderDays: [String: Set<Day>] = [:]
    /// Dates each physical room is already booked on.
    private(set) var venueDays: [String: Set<Day>] = [:]
    private(set) var trainerFeesKr = 0
    private(set) var travelKr = 0
    private(set) var premisesKr = 0
    /// Days leaders and rooms are at a fixed event: not free for training, but not session days either.
    private(set) var eventLeaderDays: [String: Set<Day>] = [:]
    private(set) var eventVenueDays: [String: Set<Day>] = [:]

    static let none = Commitments()

    init() {}

    init(sessions: [PlannedSession], scenario: Scenario) {
        add(sessions, scenario: scenario)
    }

    /// Takes the planned training sessions of `sessions` into account (costs as the verifier counts them).
    mutating func add(_ sessions: [PlannedSession], scenario: Scenario) {
        for s in sessions where s.kind == .training && s.status == .planned {
            for p in Set(s.leaders) {
                leaderDays[p, default: []].insert(s.date)
                if let t = scenario.trainer(p) { trainerFeesKr += t.dayRate; travelKr += t.travelPerDay }
            }
            if let v = scenario.venue(s.venue) {
                premisesKr += v.costPerDay
                if v.mode == .physical { venueDays[v.id, default: []].insert(s.date) }
            }
        }
    }

    /// Keeps the days of `events` free of training for their leaders and physical rooms.
    mutating func block(_ events: [FixedEvent], scenario: Scenario) {
        for e in events {
            for p in e.leaders { eventLeaderDays[p, default: []].insert(e.date) }
            if let v = e.venue.flatMap(scenario.venue), v.mode == .physical { eventVenueDays[v.id, default: []].insert(e.date) }
        }
    }

    func leaderIsBusy(_ p: String, on d: Day) -> Bool {
        (leaderDays[p]?.contains(d) ?? false) || (eventLeaderDays[p]?.contains(d) ?? false)
    }
    func venueIsBusy(_ id: String, on d: Day) -> Bool {
        (venueDays[id]?.contains(d) ?? false) || (eventVenueDays[id]?.contains(d) ?? false)
    }

    /// Days among `days` a fixed event keeps `p` from training.
    func eventDays(_ p: String, among days: [Day]) -> Int { Self.count(days, in: eventLeaderDays[p]) }

    /// Session days `p` already leads, in all.
    func daysLed(_ p: String) -> Int { leaderDays[p]?.count ?? 0 }

    /// Session days `p` already leads among `days`.
    func daysLed(_ p: String, among days: [Day]) -> Int { Self.count(days, in: leaderDays[p]) }

    /// Days among `days` the room is booked, by sessions or fixed events.
    func venueDaysBooked(_ id: String, among days: [Day]) -> Int {
        days.reduce(0) { $0 + (venueIsBusy(id, on: $1) ? 1 : 0) }
    }

    private static func count(_ days: [Day], in taken: Set<Day>?) -> Int {
        guard let taken else { return 0 }
        return days.reduce(0) { $0 + (taken.contains($1) ? 1 : 0) }
    }
}
