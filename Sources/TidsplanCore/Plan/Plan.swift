/// A plan: what `tidsplan plan` decides and writes as plan.json (the stable contract other tools read).
public struct Plan: Sendable, Equatable {
    public var scenario: String
    public var period: DateRange
    public var solver: SolverSummary
    /// Training sessions and fixed events, sorted by date, start, id.
    public var sessions: [PlannedSession]
    public var municipalities: [MunicipalityHours]
    public var shortfalls: [Shortfall]
    /// Re-plans: the date up to which the previous plan was frozen.
    public var asOf: Day?
    /// Withdrawals, reductions and compensation the plan was made for (carried into later re-plans).
    public var commitmentChanges: [CommitmentChange] = []
    /// What the calendars published from this plan said (nil: a plan not yet published, or written before
    /// plan.json carried it).
    public var calendarSeries: CalendarSeries?

    public init(scenario: String, period: DateRange, solver: SolverSummary, sessions: [PlannedSession],
                municipalities: [MunicipalityHours], shortfalls: [Shortfall], asOf: Day? = nil) {
        self.scenario = scenario; self.period = period; self.solver = solver; self.sessions = sessions
        self.municipalities = municipalities; self.shortfalls = shortfalls; self.asOf = asOf
    }

    public var trainingSessions: [PlannedSession] { sessions.filter { $0.kind == .training } }
    public var activeSessions: [PlannedSession] { sessions.filter { $0.status == .planned } }
    public func session(_ id: String) -> PlannedSession? { sessions.first { $0.id == id } }

    /// Participants × hours per municipality over planned training sessions.
    public func plannedHours(_ municipality: String) -> Double {
        activeSessions.filter { $0.kind == .training }
            .reduce(0) { $0 + Double($1.seats[municipality] ?? 0) * $1.hours }
    }

    /// Puts sessions in their canonical order (date, start, id) so output is stable.
    public mutating func sortSessions() {
        sessions.sort { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }
    }
}

public struct SolverSummary: Sendable, Equatable {
    public var name: String
    public var version: String
    public var status: SolverStatus
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    /// How many areas the plan was made in, one after another, when the scenario was too large for one
    /// model (nil: one model). Such a plan has no bound for the whole.
    public var areas: Int?
    /// Why this run's search ended before proving optimality (nil: it did not, or the plan was read from a
    /// file). Not written to plan.json, so not part of equality: a plan read back is the same plan.
    public var searchEnd: SearchEnd?
    public init(name: String, version: String, status: SolverStatus, objective: Double? = nil, bound: Double? = nil,
                gap: Double? = nil, areas: Int? = nil, searchEnd: SearchEnd? = nil) {
        self.name = name; self.version = version; self.status = status; self.objective = objective
        self.bound = bound; self.gap = gap; self.areas = areas; self.searchEnd = searchEnd
    }

    /// The gap left by a search that stopped at its tolerance (`--gap`): `optimal`, yet a better plan may exist, by at
    /// most this fraction. nil when the plan is proven the best (gap 0) or not optimal at all.
    public var optimalWithinTolerance: Double? {
        guard status == .optimal, let gap, gap > 1e-9 else { return nil }
        return gap
    }

    public static func == (a: SolverSummary, b: SolverSummary) -> Bool {
        a.name == b.name && a.version == b.version && a.status == b.status && a.objective == b.objective
            && a.bound == b.bound && a.gap == b.gap && a.areas == b.areas
    }
}

/// The solver status in plan.json; the raw values are the file's words.
public enum SolverStatus: String, Sendable, Equatable, CaseIterable {
    case optimal
    case feasible
    /// A plan, found before the time limit ended the search (older plans; now `feasible` with a `SearchEnd`).
    case timeLimit = "time-limit"
    /// A plan, found before the search was stopped (older plans; now `feasible` with a `SearchEnd`).
    case stopped
    case infeasible
    case error
    case notSolved = "not-solved"

    /// Whether the plan holds a solution (sessions the solver placed), whatever ended the search.
    public var hasPlan: Bool {
        switch self {
        case .optimal, .feasible, .timeLimit, .stopped: return true
        case .infeasible, .error, .notSolved: return false
        }
    }
}

/// What ended a search short of a proven optimum (or without any plan).
public enum SearchEnd: Sendable, Equatable {
    case timeLimit
    case memoryLimit
    /// The node budget of the search phases ran out.
    case nodeBudget
    /// Ctrl-C, SIGTERM or a caller's progress handler.
    case interrupted
    /// The solver failed; the text is its own.
    case solverError(String)
    /// No plan can keep every rule.
    case infeasible
    /// The sessions frozen from the previous plan break the scenario's rules (the words name them).
    case infeasibleFrozenPast([String])
}

public enum SessionStatus: String, Sendable, Equatable, Codable { case planned, cancelled }

public enum SessionKind: String, Sendable, Equatable, Codable {
    /// Optimised training (counts for co-financing).
    case training
    /// A fixed event from the scenario or a generated follow-up survey (not optimised, no hours).
    case event
}

public struct PlannedSession: Sendable, Equatable {
    /// Stable id: from course, county part and ordinal (or the fixed event's id); never from date or row order.
    public var id: String
    public var kind: SessionKind
    /// Course id for training; the event kind's raw value for events.
    public var course: String
    public var title: String
    public var date: Day
    public var start: ClockTime
    public var end: ClockTime
    /// Hours counted per participant (0 for events).
    public var hours: Double
    /// Venue id ("" when none).
    public var venue: String
    public var mode: DeliveryMode
    public var leaders: [String]
    public var frozen: Bool
    public var status: SessionStatus
    /// Participants per municipality name.
    public var seats: [String: Int]
    /// For series: which run and which meeting (1-based).
    public var series: SeriesPosition?
    /// County part the session serves ("" for county-wide and digital).
    public var countyPart: String
    /// iCalendar SEQUENCE: raised each time the session changes between published plans.
    public var sequence: Int
    /// Municipalities whose calendars get an event with no seats (fixed events).
    public var attendingMunicipalities: [String]
    /// The seats split by municipality, area and role (sums to `seats` per municipality); empty for events.
    public var groupSeats: [GroupSeats] = []
    /// Places for participants from outside the municipalities (no quota), counted in the session's size.
    public var reserved: [ReservedSeats] = []
    /// Calendar files this session has left: they keep it as cancelled (see `CalendarFiles`).
    public var cancelledIn = CalendarFiles()
    /// What the attendance register recorded (nil: not recorded; the session counts as planned).
    public var attendance: SessionAttendance?

    public init(id: String, kind: SessionKind = .training, course: String, title: String, date: Day,
                start: ClockTime, end: ClockTime, hours: Double, venue: String, mode: DeliveryMode,
                leaders: [String], frozen: Bool = false, status: SessionStatus = .planned, seats: [String: Int] = [:],
                series: SeriesPosition? = nil, countyPart: String = "", sequence: Int = 0,
                attendingMunicipalities: [String] = []) {
        self.id = id; self.kind = kind; self.course = course; self.title = title; self.date = date
        self.start = start; self.end = end; self.hours = hours; self.venue = venue; self.mode = mode
        self.leaders = leaders; self.frozen = frozen; self.status = status; self.seats = seats
        self.series = series; self.countyPart = countyPart; self.sequence = sequence
        self.attendingMunicipalities = attendingMunicipalities
    }

    /// Municipal participants (the ones whose hours count for co-financing).
    public var participants: Int { seats.values.reduce(0, +) }
    /// Everyone in the room: municipal participants and reserved places.
    public var headCount: Int { participants + reserved.reduce(0) { $0 + $1.seats } }
    /// Municipalities concerned: those with seats, then those attending without seats.
    public var municipalityNames: [String] {
        let seated = seats.filter { $0.value > 0 }.keys.sorted()
        return seated + attendingMunicipalities.filter { !seated.contains($0) }
    }
}

public struct SeriesPosition: Sendable, Equatable, Codable {
    /// Id shared by every meeting of one run of the series.
    public var run: String
    public var meeting: Int
    public var of: Int
    public init(run: String, meeting: Int, of: Int) { self.run = run; self.meeting = meeting; self.of = of }
}

public struct MunicipalityHours: Sendable, Equatable {
    public var name: String
    public var quotaHours: Int
    public var plannedHours: Double
    public var rateKrPerHour: Int
    public init(name: String, quotaHours: Int, plannedHours: Double, rateKrPerHour: Int) {
        self.name = name; self.quotaHours = quotaHours; self.plannedHours = plannedHours; self.rateKrPerHour = rateKrPerHour
    }
    public var cofinancingKr: Double { plannedHours * Double(rateKrPerHour) }
}

/// Something the plan could not do, in business terms.
public struct Shortfall: Sendable, Equatable {
    /// `quota`, `attendance`, `session`, `budget`…
    public var kind: String
    /// Who or what falls short: a municipality, a course, a target group… as typed fields.
    public var subject: ShortfallSubject
    public var amount: Double
    /// `hours`, `persons`, `sessions`, `kr`.
    public var unit: String
    /// Plain words: why, and what would help.
    public var reason: String
    /// The cause as a typed fact with its numbers (render with `ShortfallSentence`); nil for older plans.
    public var cause: ShortfallCause?
    public init(kind: String, subject: ShortfallSubject, amount: Double, unit: String, reason: String, cause: ShortfallCause? = nil) {
        self.kind = kind; self.subject = subject; self.amount = amount; self.unit = unit; self.reason = reason
        self.cause = cause
    }
}

extension PlannedSession {
    /// A survey (a generated follow-up or the scenario's own survey event) goes out on a day; nobody attends
    /// it at a time, so timetables show the day, not its clock times, and calendars an all-day event.
    public var isSentNotAttended: Bool { kind == .event && course == EventKind.survey.rawValue }
}
