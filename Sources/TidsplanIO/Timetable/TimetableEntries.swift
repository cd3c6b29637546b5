import TidsplanCore

/// What both timetable formats list: the sessions that take place (cancelled ones are left out:
/// a timetable says where to be; the calendars keep cancellations so clients remove them),
/// in canonical order, with the scenario's names looked up.
struct TimetableEntry {
    let session: PlannedSession
    let venueName: String
    /// Municipalities with seats, sorted by name.
    let seated: [(name: String, seats: Int)]

    var isTraining: Bool { session.kind == .training }
    /// Participants × hours: what the session counts for co-financing.
    var participantHours: Double { Double(session.participants) * session.hours }

    static func entries(plan: Plan, scenario: Scenario) -> [TimetableEntry] {
        plan.sessions
            .filter { $0.status == .planned }
            .sorted { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }
            .map { s in
                TimetableEntry(session: s,
                               venueName: s.venue.isEmpty ? "" : (scenario.venue(s.venue)?.name ?? s.venue),
                               seated: s.seats.filter { $0.value > 0 }.sorted { $0.key < $1.key }
                                   .map { (name: $0.key, seats: $0.value) })
            }
    }
}
