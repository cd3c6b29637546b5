import TidsplanCore

/// Runs start only in weeks that leave room for their follow-up survey. The application promises a
/// survey 3–6 months after each training; a run whose last meeting comes later than the window's
/// start before the project's last working day could never get one. So a start week is allowed
/// only when the latest day its last meeting can fall on, plus the window's first month, is on or
/// before that day.
///
/// Not a verified rule but a placement choice: where it would leave a run group no start week at
/// all (a course whose window or leaders are all late), the group is not restricted, so the course
/// still runs and the shortfalls name the missing survey. Frozen runs keep their weeks (RunPlacement
/// lifts the bound to the frozen count).
enum FollowUpFit {
    /// The start weeks group g may use so that its surveys fit, or nil when the group is not restricted (no
    /// survey window, or no fitting week where a run could start anyway). Weeks only get later, so the
    /// fitting ones are the earliest.
    static func allowedStarts(_ b: WeekModelBuilder, _ g: Int) -> Set<Int>? {
        guard let window = b.scenario.rules.followUpWindow, let lastDay = FollowUpDate.lastWorkingDay(b.grid.calendar) else {
            return nil
        }
        let fitting = (0..<b.grid.weeks.count).prefix { fits(b, g, startWeek: $0, window: window, lastDay: lastDay) }
        guard fitting.contains(where: { couldStart(b, g, startWeek: $0) }) else { return nil }
        return Set(fitting)
    }

    /// The run's last meeting, on the last working day of its week at the latest, leaves the window's start inside the project.
    static func fits(_ b: WeekModelBuilder, _ g: Int, startWeek s: Int, window: FollowUpWindow, lastDay: Day) -> Bool {
        guard let v = b.meetingWeeks(g, startWeek: s).last, v < b.grid.weeks.count else { return false }
        let week = b.grid.weeks[v]
        let latest = week.workingDays.last ?? week.monday.adding(days: 6)
        return latest.adding(months: window.from) <= lastDay
    }

    /// The other bounds of `RunPlacement` let a run of group g start in week s.
    static func couldStart(_ b: WeekModelBuilder, _ g: Int, startWeek s: Int) -> Bool {
        let weeks = b.grid.weeks.count
        let mw = b.meetingWeeks(g, startWeek: s)
        guard b.groups[g].maxRuns > 0, mw.allSatisfy({ $0 < weeks }) else { return false }
        guard (b.forbidden[b.groups[g].key]?[s] ?? 0) < 1 else { return false }
        return mw.allSatisfy { RunPlacement.days(b, g, week: $0) > 0 }
    }
}
