import TidsplanCore

/// The project period cut into ISO weeks. The first model decides in which week each run starts
/// (weeks keep the model small enough for GLPK); the second picks the day inside that week.
struct TimeGrid: Sendable {
    struct Week: Sendable {
        let index: Int
        let monday: Day
        /// Working days of the scenario calendar in this week, inside the period (not the start-up phase check).
        let workingDays: [Day]
        /// Calendar months (`YYYY-MM`) this week touches, counting working days only.
        let months: [String]
        /// The month its Thursday falls in (ISO rule), for evenness.
        let mainMonth: String
    }

    let weeks: [Week]
    let calendar: WorkingCalendar
    let months: [String]
    /// Leaders' days and rooms already taken by earlier areas of a decomposed plan.
    let commitments: Commitments
    private let weekIndexByMonday: [Int: Int]

    init(scenario: Scenario, calendar: WorkingCalendar, commitments: Commitments = .none) {
        self.calendar = calendar
        self.commitments = commitments
        let period = scenario.project.period
        var weeks: [Week] = []
        var index: [Int: Int] = [:]
        var monday = period.from.monday
        var months: [String] = []
        while monday <= period.to {
            let days = (0..<5).map { monday.adding(days: $0) }.filter { period.contains($0) && calendar.isWorkingDay($0) }
            var ms: [String] = []
            for d in days where !ms.contains(d.monthKey) { ms.append(d.monthKey) }
            for m in ms where !months.contains(m) { months.append(m) }
            index[monday.ordinal] = weeks.count
            weeks.append(Week(index: weeks.count, monday: monday, workingDays: days, months: ms,
                              mainMonth: monday.adding(days: 3).monthKey))
            monday = monday.adding(days: 7)
        }
        self.weeks = weeks
        self.weekIndexByMonday = index
        self.months = months
    }

    func weekIndex(of day: Day) -> Int? { weekIndexByMonday[day.monday.ordinal] }

    /// Days in week `w` on which a session of `course` may be led by every one of `leaders`.
    func sessionDays(week w: Int, course: Course, leaders: [String], scenario: Scenario, notBefore: Day?) -> [Day] {
        guard weeks.indices.contains(w) else { return [] }
        return weeks[w].workingDays.filter { d in
            d >= scenario.project.trainingFrom
                && (course.window?.contains(d) ?? true)
                && (notBefore.map { d > $0 } ?? true)
                && leaders.allSatisfy { calendar.reason(d, leader: $0).isWorking && !commitments.leaderIsBusy($0, on: d) }
        }
    }
}
