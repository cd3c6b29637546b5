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
    static func allows(_ b: WeekModelBuilder, _ g: Int, startWeek s: Int) -> Bool {
        guard let window = b.scenario.rules.followUpWindow, let lastDay = FollowUpDate.lastWorkingDay(b.grid.calendar) else {
            return true
        }
        if fits(b, g, startWeek: s, window: window, lastDay: lastDay) { return true }
        // Restrict only when some fitting week could hold the run otherwise (weeks only get later, so
        // the fitting ones are the earliest).
        var t = 0
        while t < b.grid.weeks.count && fits(b, g, startWeek: t, window: window, lastDay: lastDay) {
            if couldStart(b, g, startWeek: t) { return false }
            t += 1
        }
        return true
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
