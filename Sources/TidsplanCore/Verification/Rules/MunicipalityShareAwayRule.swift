/// `municipality-share-away`: on any date at most `maxShareAwayPerDay` of a municipality's persons are
/// away on training.
enum MunicipalityShareAwayRule: PlanRule {
    static let id = "municipality-share-away"
    /// Guards only against round-off in share × persons (0.29 × 100 is 28.999…96 in binary).
    static let tolerance = 1e-9

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        let share = c.scenario.rules.maxShareAwayPerDay
        for name in c.seatedMunicipalityNames {
            guard let municipality = c.municipality(name) else { continue }  // audience reports it
            let limit = share * Double(municipality.persons)
            let attended = c.sessions.filter { ($0.seats[name] ?? 0) > 0 }
            for (date, sameDay) in Dictionary(grouping: attended, by: \.date).sorted(by: { $0.key < $1.key }) {
                let away = sameDay.reduce(0) { $0 + ($1.seats[name] ?? 0) }
                guard Double(away) > limit + tolerance else { continue }
                found.append(RuleFinding(date: date, sessionIDs: sameDay.map(\.id),
                    message: Bilingual("\(name) har \(away) personer borta på utbildning den \(date.iso) (\(VerificationText.list(sameDay.map(\.id)))); högst \(VerificationText.num(limit).sv) av \(municipality.persons) får vara borta",
                                       "\(name) has \(away) persons away on training on \(date.iso) (\(VerificationText.list(sameDay.map(\.id)))); at most \(VerificationText.number(limit)) of \(municipality.persons) may be away")))
            }
        }
        return found
    }
}
