/// `staff-weekly-load`: in each ISO week a staff member's session days plus preparation days fit in
/// the week's working days weighted by their share of full time.
enum StaffWeeklyLoadRule: PlanRule {
    static let id = "staff-weekly-load"
    /// Guards only against floating-point round-off in the sum of shares.
    static let tolerance = 1e-9

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        let perSessionDays = 1 + c.scenario.rules.prepDaysPerSessionDay
        for member in c.scenario.staff {
            let byMonday = Dictionary(grouping: c.sessions(ledBy: member.name), by: \.date.monday)
            for (monday, led) in byMonday.sorted(by: { $0.key < $1.key }) {
                let load = Double(led.count) * perSessionDays
                let capacity = c.workingShare(of: member, over: (0..<7).map { monday.adding(days: $0) })
                guard load > capacity + tolerance else { continue }
                let ids = led.map(\.id)
                found.append(RuleFinding(date: led.first?.date, sessionIDs: ids,
                    message: Bilingual("\(member.name) leder \(led.count) \(led.count == 1 ? "tillfälle" : "tillfällen") vecka \(VerificationText.week(monday.isoWeek)) (\(VerificationText.list(ids))): \(VerificationText.num(load).sv) dagar med förberedelser, men bara \(VerificationText.num(capacity).sv) arbetsdagar den veckan",
                                       "\(member.name) leads \(led.count) session(s) in week \(VerificationText.week(monday.isoWeek)) (\(VerificationText.list(ids))): \(VerificationText.number(load)) days with preparation, but only \(VerificationText.number(capacity)) working days that week")))
            }
        }
        return found
    }
}
