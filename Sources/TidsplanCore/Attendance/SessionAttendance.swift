/// What the attendance register says happened to a held training session. Once recorded, the session's
/// `seats` and `groupSeats` hold who came (hours, kronor, prerequisites and re-plans count them), and this
/// keeps what the plan had booked beside it, so one plan.json tells both.
public struct SessionAttendance: Sendable, Equatable {
    /// The places the plan had booked per target group before the register.
    public var booked: [GroupSeats]
    /// The day the plan had the session on, when it was held on another (`date` is the day it was held).
    public var plannedDate: Day?
    /// Earlier recorded figures a later register replaced (`--correct`), in words, oldest first.
    public var corrections: [String]
    public init(booked: [GroupSeats], plannedDate: Day? = nil, corrections: [String] = []) {
        self.booked = booked; self.plannedDate = plannedDate; self.corrections = corrections
    }

    /// Places booked for a municipality.
    public func booked(_ municipality: String) -> Int {
        booked.filter { $0.municipality == municipality }.reduce(0) { $0 + $1.seats }
    }
}

extension PlannedSession {
    /// Places the plan booked per group: the register's record of them, or the plan's own.
    public var bookedGroupSeats: [GroupSeats] { attendance?.booked ?? groupSeats }

    /// Places the plan booked for a municipality (seats when the session has no record).
    public func booked(_ municipality: String) -> Int {
        attendance.map { $0.booked(municipality) } ?? (seats[municipality] ?? 0)
    }

    /// Whether the register recorded what happened to this session.
    public var isRecorded: Bool { attendance != nil }
}

extension Plan {
    /// Training hours the plan booked for a municipality: planned sessions' seats, and for sessions the register
    /// recorded (held, cancelled or moved) the places booked before it. What the plan in force promised, whoever came.
    public func bookedHours(_ municipality: String) -> Double {
        sessions.filter { $0.kind == .training && ($0.status == .planned || $0.isRecorded) }
            .reduce(0) { $0 + Double($1.booked(municipality)) * $1.hours }
    }

    /// Training hours per municipality the register recorded as attended on or before `day` (sessions
    /// without a record count as planned), and how many held sessions lack a record.
    public func heldHours(through day: Day) -> (hours: [String: Double], unrecorded: Int) {
        var hours: [String: Double] = [:]
        var unrecorded = 0
        for s in sessions where s.kind == .training && s.date <= day {
            if s.status == .planned { for (m, n) in s.seats { hours[m, default: 0] += Double(n) * s.hours } }
            if !s.isRecorded && s.status == .planned { unrecorded += 1 }
        }
        return (hours, unrecorded)
    }
}

/// The places a run counts with (persons trained, for prerequisites and the planner's held runs), from its
/// meetings in the plan: its first meeting's seats. Once the register has recorded every one of its
/// meetings, those are who came; while a meeting has no record (the run is under way), the run keeps the
/// places booked: those who missed a meeting are still in the group.
public enum RunPlaces {
    public static func groupSeats(_ meetings: [PlannedSession]) -> [GroupSeats] {
        guard let first = firstMeeting(meetings) else { return [] }
        return isRecorded(meetings) ? first.groupSeats : first.bookedGroupSeats
    }

    public static func seats(_ meetings: [PlannedSession]) -> [String: Int] {
        guard let first = firstMeeting(meetings) else { return [:] }
        guard !isRecorded(meetings), first.attendance != nil else { return first.seats }
        var out: [String: Int] = [:]
        for name in first.seats.keys { out[name] = first.booked(name) }
        return out
    }

    /// Every meeting recorded (a run no register touched counts as planned either way).
    static func isRecorded(_ meetings: [PlannedSession]) -> Bool { meetings.allSatisfy(\.isRecorded) }

    static func firstMeeting(_ meetings: [PlannedSession]) -> PlannedSession? {
        meetings.min { ($0.series?.meeting ?? 1, $0.date, $0.id) < ($1.series?.meeting ?? 1, $1.date, $1.id) }
    }
}
