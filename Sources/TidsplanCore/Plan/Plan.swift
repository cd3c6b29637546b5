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
    /// In words: `optimal`, `feasible`, `time-limit`, `stopped`, `infeasible`, `error`, `not-solved`.
    public var status: String
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    /// How many areas the plan was made in, one after another, when the scenario was too large for one
    /// model (nil: one model). Such a plan has no bound for the whole.
    public var areas: Int?
    public init(name: String, version: String, status: String, objective: Double? = nil, bound: Double? = nil,
                gap: Double? = nil, areas: Int? = nil) {
        self.name = name; self.version = version; self.status = status; self.objective = objective
        self.bound = bound; self.gap = gap; self.areas = areas
    }
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

    public var participants: Int { seats.values.reduce(0, +) }
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
    /// Who or what falls short (a municipality, a course).
    public var subject: String
    public var amount: Double
    /// `hours`, `persons`, `sessions`, `kr`.
    public var unit: String
    /// Plain words: why, and what would help.
    public var reason: String
    /// The cause as a typed fact with its numbers (render with `ShortfallSentence`); nil for older plans.
    public var cause: ShortfallCause?
    public init(kind: String, subject: String, amount: Double, unit: String, reason: String, cause: ShortfallCause? = nil) {
        self.kind = kind; self.subject = subject; self.amount = amount; self.unit = unit; self.reason = reason
        self.cause = cause
    }
}
