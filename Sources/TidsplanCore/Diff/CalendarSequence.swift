extension PlanDiff {
    /// The iCalendar SEQUENCE for `current`: the previous sequence plus one when anything a calendar
    /// shows has changed (date, start, end, venue, leaders, status, title, seats, municipalities attending, mode, course), else the previous
    /// sequence; 0 for a session that is new. Calendar clients apply an update only when SEQUENCE rose.
    public static func nextSequence(previous: PlannedSession?, current: PlannedSession) -> Int {
        guard let previous else { return 0 }
        return calendarShowsChange(from: previous, to: current) ? previous.sequence + 1 : previous.sequence
    }

    /// Did anything a calendar event shows change between two versions of a session?
    static func calendarShowsChange(from a: PlannedSession, to b: PlannedSession) -> Bool {
        a.date != b.date || a.start != b.start || a.end != b.end || a.venue != b.venue || a.leaders != b.leaders
            || a.status != b.status || a.title != b.title || SessionChange.seatedOnly(a) != SessionChange.seatedOnly(b)
            || a.attendingMunicipalities != b.attendingMunicipalities || a.mode != b.mode || a.course != b.course
    }
}
