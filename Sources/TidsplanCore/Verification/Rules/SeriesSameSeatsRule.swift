/// `series-same-seats`: every meeting of a series run has the same seats (a series keeps its group).
enum SeriesSameSeatsRule: PlanRule {
    static let id = "series-same-seats"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        let inRuns = c.sessions.filter { $0.series != nil }
        let runs = Dictionary(grouping: inRuns) { $0.series?.run ?? "" }
        return runs.sorted { $0.key < $1.key }.compactMap { run, meetings in
            let seatSets = Set(meetings.map { VerificationText.seats($0) })
            guard seatSets.count > 1, let first = meetings.first else { return nil }
            let detail = meetings.map { "meeting \($0.series?.meeting ?? 0) \($0.id) on \($0.date.iso): \(VerificationText.seats($0))" }
            return RuleFinding(date: first.date, sessionIDs: meetings.map(\.id),
                message: "Series run \(run) does not keep its group: \(detail.joined(separator: "; "))")
        }
    }
}
