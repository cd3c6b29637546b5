/// `quota-ceiling`: a municipality's planned hours (participants × session hours) stay within its quota
/// in force plus the tolerance; a reduced commitment is itself the ceiling.
enum QuotaCeilingRule: PlanRule {
    static let id = "quota-ceiling"
    static let tolerance = 1e-6

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        let tolerance = c.scenario.rules.quotaTolerance
        return c.scenario.municipalities.compactMap { m in
            let attended = c.sessions.filter { ($0.seats[m.name] ?? 0) > 0 }
            let hours = attended.reduce(0.0) { $0 + Double($1.seats[m.name] ?? 0) * $1.hours }
            let quota = m.committedQuotaHours
            let ceiling = m.quotaCeilingHours(tolerance: tolerance)
            guard hours > ceiling + QuotaCeilingRule.tolerance else { return nil }
            let limit = m.hasReducedCommitment ? Bilingual("ett minskat åtagande, alltså också taket", "a reduced commitment, so also the ceiling")
                : Bilingual("högst \(VerificationText.num(ceiling).sv) med toleransen", "at most \(VerificationText.num(ceiling).en) with the tolerance")
            let h = VerificationText.num(hours)
            return RuleFinding(date: nil, sessionIDs: attended.map(\.id),
                message: Bilingual("\(m.name) är planerad för \(h.sv) timmar; kvoten som gäller är \(quota) timmar (\(limit.sv))",
                                   "\(m.name) is planned for \(h.en) hours; its quota in force is \(quota) hours (\(limit.en))"))
        }
    }
}
