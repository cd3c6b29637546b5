/// `withdrawal`: a municipality gets no seats in sessions on or after its withdrawal date.
enum WithdrawalRule: PlanRule {
    static let id = "withdrawal"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions {
            for (name, seats) in VerificationContext.seated(s) {
                guard let withdrawal = c.municipality(name)?.withdrawal, s.date >= withdrawal else { continue }
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                    message: Bilingual("\(VerificationText.session(s).sv) har \(seats) platser för \(name), som trädde ut från \(withdrawal.iso)",
                                       "\(VerificationText.session(s).en) seats \(seats) from \(name), which withdrew from \(withdrawal.iso)")))
            }
        }
        return found
    }
}
