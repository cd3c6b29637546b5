/// `trainer-max-days`: an external trainer leads no more sessions than the contract's `maxDays`.
enum TrainerMaxDaysRule: PlanRule {
    static let id = "trainer-max-days"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        c.scenario.trainers.compactMap { trainer in
            guard let maxDays = trainer.maxDays else { return nil }
            let led = c.sessions(ledBy: trainer.name)
            guard led.count > maxDays else { return nil }
            return RuleFinding(date: nil, sessionIDs: led.map(\.id),
                message: Bilingual("\(trainer.name) leder \(led.count) tillfällen (\(led.first?.date.iso ?? "") till \(led.last?.date.iso ?? "")); avtalet tillåter högst \(maxDays) dagar",
                                   "\(trainer.name) leads \(led.count) sessions (\(led.first?.date.iso ?? "") to \(led.last?.date.iso ?? "")); the contract allows at most \(maxDays) days"))
        }
    }
}
