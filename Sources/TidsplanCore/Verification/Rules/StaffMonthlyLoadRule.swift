/// `staff-monthly-load`: in each calendar month a staff member's session and preparation days stay
/// within `maxTeachingShare` of the month's working days weighted by their share of full time.
enum StaffMonthlyLoadRule: PlanRule {
    static let id = "staff-monthly-load"
    static let tolerance = 1e-9

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        let rules = c.scenario.rules
        let perSessionDays = 1 + rules.prepDaysPerSessionDay
        for member in c.scenario.staff {
            let byMonth = Dictionary(grouping: c.sessions(ledBy: member.name), by: \.date.monthKey)
            for (month, led) in byMonth.sorted(by: { $0.key < $1.key }) {
                guard let anyDay = led.first?.date, let first = Day(year: anyDay.year, month: anyDay.month, day: 1) else { continue }
                let days = DateRange(from: first, to: first.adding(months: 1).adding(days: -1)).days
                let load = Double(led.count) * perSessionDays
                let limit = rules.maxTeachingShare * c.workingShare(of: member, over: days)
                guard load > limit + tolerance else { continue }
                let ids = led.map(\.id)
                found.append(RuleFinding(date: anyDay, sessionIDs: ids,
                    message: Bilingual("\(member.name) leder \(led.count) \(led.count == 1 ? "tillfälle" : "tillfällen") \(month) (\(VerificationText.list(ids))): \(VerificationText.num(load).sv) dagar med förberedelser, mer än undervisningsandelen tillåter (\(VerificationText.num(limit).sv) dagar)",
                                       "\(member.name) leads \(led.count) session(s) in \(month) (\(VerificationText.list(ids))): \(VerificationText.number(load)) days with preparation, more than the teaching share allows (\(VerificationText.number(limit)) days)")))
            }
        }
        return found
    }
}
