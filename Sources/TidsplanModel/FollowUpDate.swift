import TidsplanCore

/// When a course's follow-up survey goes out: `months` after its last session, on the next working day;
/// when that is after the project, on the project's last working day after the course (reported as a
/// shortfall), and not at all when no working day is left.
enum FollowUpDate {
    static func due(after last: Day, months: Int, calendar: WorkingCalendar, end: Day) -> Day {
        var day = last.adding(months: months)
        while day <= end && !calendar.isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    static func sent(after last: Day, months: Int, scenario: Scenario, calendar: WorkingCalendar) -> Day? {
        let end = scenario.project.period.to
        let day = due(after: last, months: months, calendar: calendar, end: end)
        if day <= end { return day }
        return calendar.workingDays(in: DateRange(from: last.adding(days: 1), to: end)).last
    }
}
