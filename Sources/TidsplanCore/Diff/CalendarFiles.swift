/// The calendar files a session appears in: per leader, per municipality, per venue (all.ics has every
/// session). A subscriber keeps whatever a file once showed, so a session that leaves a file must stay in
/// it as cancelled, in every later version: `PlannedSession.cancelledIn` remembers those files.
public struct CalendarFiles: Sendable, Equatable {
    public var leaders: [String]
    public var municipalities: [String]
    public var venues: [String]

    public init(leaders: [String] = [], municipalities: [String] = [], venues: [String] = []) {
        self.leaders = leaders.uniqueSorted; self.municipalities = municipalities.uniqueSorted
        self.venues = venues.uniqueSorted
    }

    public var isEmpty: Bool { leaders.isEmpty && municipalities.isEmpty && venues.isEmpty }

    public func union(_ o: CalendarFiles) -> CalendarFiles {
        CalendarFiles(leaders: leaders + o.leaders, municipalities: municipalities + o.municipalities,
                      venues: venues + o.venues)
    }

    public func subtracting(_ o: CalendarFiles) -> CalendarFiles {
        CalendarFiles(leaders: leaders.filter { !o.leaders.contains($0) },
                      municipalities: municipalities.filter { !o.municipalities.contains($0) },
                      venues: venues.filter { !o.venues.contains($0) })
    }
}

extension PlannedSession {
    /// The files that show this session as it is (confirmed or, when cancelled, cancelled).
    public var calendarFiles: CalendarFiles {
        CalendarFiles(leaders: leaders, municipalities: municipalityNames, venues: venue.isEmpty ? [] : [venue])
    }

    /// The files that showed `previous` (or kept it as cancelled) and do not show this version: there it
    /// must stay, cancelled.
    public func filesLeft(since previous: PlannedSession?) -> CalendarFiles {
        guard let previous else { return cancelledIn.subtracting(calendarFiles) }
        return previous.calendarFiles.union(previous.cancelledIn).union(cancelledIn).subtracting(calendarFiles)
    }
}

extension Array where Element == String {
    fileprivate var uniqueSorted: [String] { Set(self).sorted() }
}
