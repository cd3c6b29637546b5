/// `leader-one-per-day`: nobody leads two sessions on the same date, nor a session on a date they lead a
/// fixed event of the scenario (a steering group, a network). Sessions already held (frozen) are what they
/// were and are not checked against events.
enum LeaderOnePerDayRule: PlanRule {
    static let id = "leader-one-per-day"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions where !s.frozen {
            for leader in Set(s.leaders).sorted() {
                for e in c.scenario.fixedEvents where e.date == s.date && e.leaders.contains(leader) {
                    found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                        message: Bilingual("\(leader) leder \(s.id) den \(s.date.iso) men är på \(e.title) (\(e.id)) samma dag",
                                         "\(leader) leads \(s.id) on \(s.date.iso) but is at \(e.title) (\(e.id)) that day")))
                }
            }
        }
        for leader in c.leaderNames {
            let byDate = Dictionary(grouping: c.sessions(ledBy: leader), by: \.date)
            for (date, led) in byDate.sorted(by: { $0.key < $1.key }) where led.count > 1 {
                let ids = led.map(\.id)
                found.append(RuleFinding(date: date, sessionIDs: ids,
                    message: Bilingual("\(leader) leder \(led.count) tillfällen den \(date.iso): \(VerificationText.list(ids))",
                                     "\(leader) leads \(led.count) sessions on \(date.iso): \(VerificationText.list(ids))")))
            }
        }
        return found
    }
}
