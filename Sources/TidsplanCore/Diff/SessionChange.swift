/// What happened to one session id between two published plans.
public struct SessionChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Planned in both plans, with nothing in `changes`.
        case unchanged
        /// Planned in both plans, with at least one change.
        case changed
        /// Planned before; now cancelled or gone.
        case cancelled
        /// Planned now; before absent or cancelled.
        case new
    }

    /// One aspect that changed for a session planned in both plans.
    public enum Change: Sendable, Equatable {
        /// Date or time moved.
        case moved(from: Slot, to: Slot)
        case leaders(from: [String], to: [String])
        case venue(from: String, to: String)
        /// Seats per municipality (municipalities with seats only).
        case seats(from: [String: Int], to: [String: Int])
        /// Municipalities invited without seats (fixed events, follow-up surveys).
        case attending(from: [String], to: [String])
        /// Title, mode or course: anything else a calendar shows.
        case details
    }

    /// When a session is held.
    public struct Slot: Sendable, Equatable {
        public var date: Day
        public var start: ClockTime
        public var end: ClockTime
        public init(date: Day, start: ClockTime, end: ClockTime) { self.date = date; self.start = start; self.end = end }
        init(_ s: PlannedSession) { self.init(date: s.date, start: s.start, end: s.end) }
        /// "2024-03-05 09:00–16:00"
        public var text: String { "\(date.iso) \(start.text)–\(end.text)" }
    }

    public var id: String
    public var kind: Kind
    /// Set for `changed`, in the order moved, leaders, venue, seats; empty otherwise.
    public var changes: [Change]
    /// The session in the previous plan (nil when new and absent before).
    public var previous: PlannedSession?
    /// The session in the current plan (nil when cancelled by removal).
    public var current: PlannedSession?

    public init(id: String, kind: Kind, changes: [Change], previous: PlannedSession?, current: PlannedSession?) {
        self.id = id; self.kind = kind; self.changes = changes; self.previous = previous; self.current = current
    }

    public var isMoved: Bool { changes.contains { if case .moved = $0 { return true } else { return false } } }
    public var isLeaderChanged: Bool { changes.contains { if case .leaders = $0 { return true } else { return false } } }
    public var isVenueChanged: Bool { changes.contains { if case .venue = $0 { return true } else { return false } } }
    public var isSeatsChanged: Bool { changes.contains { if case .seats = $0 { return true } else { return false } } }

    /// The version to describe the session by: the current one, or the previous one when it is gone.
    public var session: PlannedSession? { current ?? previous }

    /// Leaders concerned: before and after, sorted (a leader who lost the session wants to know too).
    public var leadersConcerned: [String] {
        Set((previous?.leaders ?? []) + (current?.leaders ?? [])).sorted()
    }

    /// Municipalities concerned: with seats or attending, before and after, sorted.
    public var municipalitiesConcerned: [String] {
        Set((previous?.municipalityNames ?? []) + (current?.municipalityNames ?? [])).sorted()
    }

    /// Seats without zero entries (a zero says nothing and must not count as a change).
    static func seatedOnly(_ s: PlannedSession) -> [String: Int] { s.seats.filter { $0.value != 0 } }

    /// The changes between two planned versions of a session.
    static func changes(from a: PlannedSession, to b: PlannedSession) -> [Change] {
        var out: [Change] = []
        if a.date != b.date || a.start != b.start || a.end != b.end { out.append(.moved(from: Slot(a), to: Slot(b))) }
        if a.leaders != b.leaders { out.append(.leaders(from: a.leaders, to: b.leaders)) }
        if a.venue != b.venue { out.append(.venue(from: a.venue, to: b.venue)) }
        let seatsA = seatedOnly(a), seatsB = seatedOnly(b)
        if seatsA != seatsB { out.append(.seats(from: seatsA, to: seatsB)) }
        if a.attendingMunicipalities != b.attendingMunicipalities {
            out.append(.attending(from: a.attendingMunicipalities, to: b.attendingMunicipalities))
        }
        if a.title != b.title || a.mode != b.mode || a.course != b.course { out.append(.details) }
        return out
    }
}
