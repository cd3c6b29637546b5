/// `series-same-seats`: every meeting of a series run has the same seats (a series keeps its group),
/// except that a municipality that has withdrawn by a meeting's date no longer takes part in it. Meetings
/// whose attendance was recorded are left out: they say who came.
enum SeriesSameSeatsRule: PlanRule {
    static let id = "series-same-seats"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        // Who came to a meeting (recorded attendance) may differ from meeting to meeting; the plan may not.
        let inRuns = c.sessions.filter { $0.series != nil && !$0.isRecorded }
        let runs = Dictionary(grouping: inRuns) { $0.series?.run ?? "" }
        return runs.sorted { $0.key < $1.key }.compactMap { run, meetings in
            // Compare what every meeting would have had with the municipalities still in the project.
            let seatSets = Set(meetings.map { m in
                VerificationText.seats(remaining(m, after: meetings.map(\.date).max() ?? m.date, c.scenario))
            })
            guard seatSets.count > 1, let first = meetings.first else { return nil }
            let sv = meetings.map { "träff \($0.series?.meeting ?? 0) \($0.id) den \($0.date.iso): \(VerificationText.seats($0).sv)" }
            let en = meetings.map { "meeting \($0.series?.meeting ?? 0) \($0.id) on \($0.date.iso): \(VerificationText.seats($0).en)" }
            return RuleFinding(date: first.date, sessionIDs: meetings.map(\.id),
                message: Bilingual("Serieomgången \(run) behåller inte sin grupp: \(sv.joined(separator: "; "))",
                                   "Series run \(run) does not keep its group: \(en.joined(separator: "; "))"))
        }
    }

    /// The session with the seats of municipalities that withdraw on or before `day` removed.
    static func remaining(_ s: PlannedSession, after day: Day, _ scenario: Scenario) -> PlannedSession {
        var copy = s
        copy.seats = s.seats.filter { name, _ in scenario.municipality(name)?.withdrawal.map { $0 > day } ?? true }
        return copy
    }
}
