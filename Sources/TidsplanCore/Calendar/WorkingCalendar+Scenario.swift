/// The scenario's working calendar: which days of the project period training may be held, and
/// on which of those each leader is available.
///
/// Everything is computed once in `init` (one entry per day of the period, and per leader), so the
/// look-ups the planner makes thousands of times are array reads.
///
/// Precedence when several reasons apply: outside the period, then a public holiday (a Saturday
/// midsommardagen says "midsommardagen", not "weekend"), then weekend, then a blackout, then a
/// closed day. For a leader, the day's own reason comes first, then the leader's named absence,
/// then employment/contract, then the trainer's weekdays.
public struct WorkingCalendar: Sendable {
    public let period: DateRange
    /// No training before this day (start-up phase); `reason` ignores it, `isTrainingDay` does not.
    public let trainingFrom: Day
    /// `reasons[d.ordinal - period.from.ordinal]`.
    private let reasons: [DayReason]
    /// Ordinals of the working days, ascending.
    private let workingOrdinals: [Int]
    /// Per leader (staff and external trainers), one reason per day of the period.
    private let leaderReasons: [String: [DayReason]]

    public init(scenario: Scenario) {
        period = scenario.project.period
        trainingFrom = scenario.project.trainingFrom
        let days = period.days
        guard let first = days.first, let last = days.last else {
            reasons = []; workingOrdinals = []; leaderReasons = [:]
            return
        }

        var holidayNames: [Int: String] = [:]
        for year in first.year...last.year {
            for h in SwedishHolidays.holidays(in: year, deFacto: scenario.calendar.deFactoHolidays) {
                // Two holidays on one date: name both.
                holidayNames[h.day.ordinal] = holidayNames[h.day.ordinal].map { $0 + " / " + h.name } ?? h.name
            }
        }

        var base: [DayReason] = []
        base.reserveCapacity(days.count)
        for d in days {
            if let name = holidayNames[d.ordinal] {
                base.append(.holiday(name))
            } else if d.weekday.isWeekend {
                base.append(.weekend)
            } else if let b = scenario.calendar.blackouts.first(where: { $0.range.contains(d) }) {
                base.append(.blackout(b.name))
            } else if let b = scenario.calendar.extraClosedDays.first(where: { $0.range.contains(d) }) {
                base.append(.blackout(b.name))
            } else {
                base.append(.working)
            }
        }
        reasons = base
        workingOrdinals = zip(days, base).filter { $0.1 == .working }.map { $0.0.ordinal }

        var perLeader: [String: [DayReason]] = [:]
        for s in scenario.staff where perLeader[s.name] == nil {
            perLeader[s.name] = zip(days, base).map { d, r in
                guard r == .working else { return r }
                if let a = s.absences.first(where: { $0.range.contains(d) }) { return .absence(a.name) }
                if s.share(on: d) <= 0 { return .absence("not employed") }
                return .working
            }
        }
        for t in scenario.trainers where perLeader[t.name] == nil {
            perLeader[t.name] = zip(days, base).map { d, r in
                guard r == .working else { return r }
                if let a = t.absences.first(where: { $0.range.contains(d) }) { return .absence(a.name) }
                if !t.available.isEmpty && !t.available.contains(where: { $0.contains(d) }) {
                    return .absence("outside contract")
                }
                let weekdayOK = t.weekdays.isEmpty ? !d.weekday.isWeekend : t.weekdays.contains(d.weekday)
                if !weekdayOK { return .absence("not available on \(d.weekday.rawValue)s") }
                return .working
            }
        }
        leaderReasons = perLeader
    }

    private func index(_ day: Day) -> Int? {
        let i = day.ordinal - period.from.ordinal
        return i >= 0 && i < reasons.count ? i : nil
    }

    /// Why `day` is (not) a working day for the project as a whole.
    public func reason(_ day: Day) -> DayReason {
        guard let i = index(day) else { return .outsidePeriod }
        return reasons[i]
    }

    public func isWorkingDay(_ day: Day) -> Bool { reason(day) == .working }

    /// A working day on or after `trainingFrom`: a day training may be held at all.
    public func isTrainingDay(_ day: Day) -> Bool { day >= trainingFrom && isWorkingDay(day) }

    /// Why `day` is (not) a working day for one leader (staff member or external trainer).
    /// An unknown name gets the project's reason.
    public func reason(_ day: Day, leader: String) -> DayReason {
        guard let i = index(day) else { return .outsidePeriod }
        return leaderReasons[leader]?[i] ?? reasons[i]
    }

    public func isWorkingDay(_ day: Day, leader: String) -> Bool { reason(day, leader: leader) == .working }

    /// The project's working days inside `range` (and inside the period), ascending.
    public func workingDays(in range: DateRange) -> [Day] {
        let lo = lowerBound(range.from.ordinal)
        let hi = lowerBound(range.to.ordinal + 1)
        guard lo < hi else { return [] }
        return workingOrdinals[lo..<hi].map(Day.init(ordinal:))
    }

    /// Number of the project's working days inside `range`, without building the list.
    public func workingDayCount(in range: DateRange) -> Int {
        max(0, lowerBound(range.to.ordinal + 1) - lowerBound(range.from.ordinal))
    }

    /// The days inside `range` one leader can work, ascending.
    public func workingDays(in range: DateRange, leader: String) -> [Day] {
        workingDays(in: range).filter { isWorkingDay($0, leader: leader) }
    }

    /// Every working day of the period, ascending.
    public var allWorkingDays: [Day] { workingOrdinals.map(Day.init(ordinal:)) }

    /// First index in `workingOrdinals` whose ordinal is ≥ `ordinal`.
    private func lowerBound(_ ordinal: Int) -> Int {
        var lo = 0, hi = workingOrdinals.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if workingOrdinals[mid] < ordinal { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
