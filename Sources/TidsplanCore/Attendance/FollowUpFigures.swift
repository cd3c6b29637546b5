/// The monthly follow-up's figures (the application's control loop: co-financing hours are followed up
/// every month and reported to the steering group). "Planned" is what the plan booked: booked places ×
/// hours of every training session by its planned day, cancelled ones included. "Attended" is who came to
/// sessions held up to the end of the reported month: as the register says, or as planned where it says
/// nothing. The forecast adds the planned hours still to come to what has been attended.
public struct FollowUpFigures: Sendable, Equatable {
    public struct Month: Sendable, Equatable, Hashable, Comparable {
        public var year: Int
        public var month: Int
        public init(year: Int, month: Int) { self.year = year; self.month = month }
        public init(_ d: Day) { year = d.year; month = d.month }
        public var text: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
        public var first: Day { Day(year: year, month: month, day: 1) ?? Day(ordinal: 0) }
        public var last: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? first }
        public var next: Month { month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1) }
        public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
    }

    public struct MonthFigures: Sendable, Equatable {
        public var month: Month
        public var plannedHours: Double
        /// Nil after the reported month (not held yet).
        public var attendedHours: Double?
    }

    public struct MunicipalityFigures: Sendable, Equatable {
        public var name: String
        public var rateKrPerHour: Int
        public var quotaHours: Int
        /// Month by month over the project.
        public var months: [MonthFigures]
        /// Up to the end of the reported month.
        public var plannedToDate: Double
        public var attendedToDate: Double
        /// Planned hours after the reported month.
        public var plannedAhead: Double
        public var forecast: Double { attendedToDate + plannedAhead }
        /// Attended over planned up to date (nil when nothing was planned).
        public var attendanceRate: Double? { plannedToDate > 0 ? attendedToDate / plannedToDate : nil }
        /// Hours the forecast falls short of the quota (0 when it reaches it).
        public var shortOfQuota: Double { max(0, Double(quotaHours) - forecast) }
        public var fallingBehind: Bool { shortOfQuota > 0.005 }
        public func kronor(_ hours: Double) -> Double { hours * Double(rateKrPerHour) }
        public var withdrawn: Day?
    }

    public struct CourseFigures: Sendable, Equatable {
        public var course: String
        public var name: String
        /// Places booked and attended (summed over sessions) in the reported month and up to its end.
        public var bookedInMonth: Int
        public var attendedInMonth: Int
        public var bookedToDate: Int
        public var attendedToDate: Int
        public var cancelledToDate: Int
        public var movedToDate: Int
    }

    public var project: String
    public var reported: Month
    public var municipalities: [MunicipalityFigures]
    public var courses: [CourseFigures]
    /// Sessions held up to the reported month's end that no register recorded (counted as planned).
    public var unrecorded: Int

    public static func make(plan: Plan, scenario: Scenario, month: Month) -> FollowUpFigures {
        let s = scenario.applying(plan.commitmentChanges)
        let end = month.last
        var months: [Month] = []
        var m = Month(s.project.period.from)
        while m <= Month(s.project.period.to) { months.append(m); m = m.next }
        let training = plan.sessions.filter { $0.kind == .training && ($0.status == .planned || $0.isRecorded) }
        func plannedDay(_ x: PlannedSession) -> Day { x.attendance?.plannedDate ?? x.date }
        var munis: [MunicipalityFigures] = []
        for mu in s.municipalities {
            var planned: [Month: Double] = [:], attended: [Month: Double] = [:]
            var ahead = 0.0
            for x in training {
                let booked = Double(x.booked(mu.name)) * x.hours
                let pm = Month(plannedDay(x))
                if plannedDay(x) <= end { planned[pm, default: 0] += booked }
                if x.status == .planned {
                    let came = Double(x.seats[mu.name] ?? 0) * x.hours
                    if x.date <= end { attended[Month(x.date), default: 0] += came } else { ahead += came }
                }
            }
            // Planned after the month: booked places of sessions still to come.
            var plannedLater: [Month: Double] = [:]
            for x in training where plannedDay(x) > end && x.status == .planned {
                plannedLater[Month(plannedDay(x)), default: 0] += Double(x.seats[mu.name] ?? 0) * x.hours
            }
            let rows = months.map { mo in
                MonthFigures(month: mo, plannedHours: mo <= month ? (planned[mo] ?? 0) : (plannedLater[mo] ?? 0),
                             attendedHours: mo <= month ? (attended[mo] ?? 0) : nil)
            }
            munis.append(MunicipalityFigures(
                name: mu.name, rateKrPerHour: mu.rateKrPerHour, quotaHours: mu.effectiveQuotaHours, months: rows,
                plannedToDate: planned.values.reduce(0, +), attendedToDate: attended.values.reduce(0, +),
                plannedAhead: ahead, withdrawn: mu.withdrawal))
        }
        var courses: [CourseFigures] = []
        for c in s.courses {
            let mine = training.filter { $0.course == c.id && plannedDay($0) <= end }
            guard !mine.isEmpty else { continue }
            func booked(_ x: PlannedSession) -> Int { x.bookedGroupSeats.isEmpty ? x.participants : x.bookedGroupSeats.reduce(0) { $0 + $1.seats } }
            func came(_ x: PlannedSession) -> Int { x.status == .planned ? x.participants : 0 }
            let inMonth = mine.filter { Month(plannedDay($0)) == month }
            courses.append(CourseFigures(
                course: c.id, name: c.name,
                bookedInMonth: inMonth.reduce(0) { $0 + booked($1) }, attendedInMonth: inMonth.reduce(0) { $0 + came($1) },
                bookedToDate: mine.reduce(0) { $0 + booked($1) }, attendedToDate: mine.reduce(0) { $0 + came($1) },
                cancelledToDate: mine.filter { $0.status == .cancelled }.count,
                movedToDate: mine.filter { $0.attendance?.plannedDate != nil }.count))
        }
        let unrecorded = training.filter { $0.status == .planned && !$0.isRecorded && $0.date <= end }.count
        return FollowUpFigures(project: s.project.name, reported: month, municipalities: munis, courses: courses,
                               unrecorded: unrecorded)
    }
}
