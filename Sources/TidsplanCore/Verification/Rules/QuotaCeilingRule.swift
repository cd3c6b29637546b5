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
            let limit = m.hasReducedCommitment ? "a reduced commitment, so also the ceiling"
                : "at most \(VerificationText.number(ceiling)) with the tolerance"
            return RuleFinding(date: nil, sessionIDs: attended.map(\.id),
                message: "\(m.name) is planned for \(VerificationText.number(hours)) hours; its quota in force is"
                    + " \(quota) hours (\(limit))")
        }
    }
}
