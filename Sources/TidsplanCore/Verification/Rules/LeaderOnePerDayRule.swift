/// `leader-one-per-day`: nobody leads two sessions on the same date.
enum LeaderOnePerDayRule: PlanRule {
    static let id = "leader-one-per-day"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for leader in c.leaderNames {
            let byDate = Dictionary(grouping: c.sessions(ledBy: leader), by: \.date)
            for (date, led) in byDate.sorted(by: { $0.key < $1.key }) where led.count > 1 {
                let ids = led.map(\.id)
                found.append(RuleFinding(date: date, sessionIDs: ids,
                    message: "\(leader) leads \(led.count) sessions on \(date.iso): \(VerificationText.list(ids))"))
            }
        }
        return found
    }
}
