/// `municipality-days-per-week`: a municipality's staff are on training on at most
/// `maxTrainingDaysPerWeek` distinct dates of an ISO week.
enum MunicipalityDaysPerWeekRule: PlanRule {
    static let id = "municipality-days-per-week"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        let maxDays = c.scenario.rules.maxTrainingDaysPerWeek
        for name in c.seatedMunicipalityNames {
            let attended = c.sessions.filter { ($0.seats[name] ?? 0) > 0 }
            for (monday, week) in Dictionary(grouping: attended, by: \.date.monday).sorted(by: { $0.key < $1.key }) {
                let dates = Set(week.map(\.date)).sorted()
                guard dates.count > maxDays else { continue }
                found.append(RuleFinding(date: dates.first, sessionIDs: week.map(\.id),
                    message: Bilingual("\(name) har utbildning \(dates.count) dagar vecka \(VerificationText.week(monday.isoWeek)) (\(VerificationText.sessions(week).sv)); högst \(maxDays) tillåts",
                                       "\(name) has training on \(dates.count) days in week \(VerificationText.week(monday.isoWeek)) (\(VerificationText.sessions(week).en)); at most \(maxDays) allowed")))
            }
        }
        return found
    }
}
