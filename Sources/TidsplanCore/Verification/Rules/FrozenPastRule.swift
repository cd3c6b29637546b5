/// `frozen-past`: when re-planning, what has been held stays as it was. Every session of the previous
/// plan dated on or before the as-of date is still there with the same id, date, times, leaders,
/// venue, seats and status and is marked frozen; and nothing else is dated on or before as-of.
/// Unlike the other rules this one looks at every session, fixed events and cancelled ones included.
/// A session whose attendance was recorded since the previous plan may differ in date, seats and status.
enum FrozenPastRule: PlanRule {
    static let id = "frozen-past"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        guard let previous = c.previous, let asOf = c.asOf else { return [] }
        var found: [RuleFinding] = []
        let before = Dictionary(previous.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Dictionary(c.plan.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for old in previous.sessions where old.date <= asOf {
            guard let new = now[old.id] else {
                found.append(RuleFinding(date: old.date, sessionIDs: [old.id],
                    message: Bilingual("\(VerificationText.session(old).sv) ligger på eller före \(asOf.iso) men saknas i planen",
                                     "\(VerificationText.session(old).en) is on or before \(asOf.iso) but is missing from the plan")))
                continue
            }
            // An attendance register recorded after the previous plan may change seats, day and status: what
            // happened replaces what was planned (`SessionAttendance` keeps the booking).
            let recorded = new.attendance != nil && new.attendance != old.attendance
            let changes = differences(old, new).filter { !recorded || !attendanceFields.contains(String($0.en.prefix { $0 != " " })) }
            if !changes.isEmpty {
                found.append(RuleFinding(date: old.date, sessionIDs: [old.id],
                    message: Bilingual("\(VerificationText.session(old).sv) ligger på eller före \(asOf.iso) men har ändrats: \(changes.map(\.sv).joined(separator: "; "))",
                                     "\(VerificationText.session(old).en) is on or before \(asOf.iso) but was changed: \(changes.map(\.en).joined(separator: "; "))")))
            }
            if !new.frozen {
                found.append(RuleFinding(date: old.date, sessionIDs: [old.id],
                    message: Bilingual("\(VerificationText.session(old).sv) ligger på eller före \(asOf.iso) men är inte markerat som låst (frozen)",
                                     "\(VerificationText.session(old).en) is on or before \(asOf.iso) but is not marked frozen")))
            }
        }
        // Anything dated on or before as-of that the previous plan did not have there is new in the past
        // (a new session, or one moved into the frozen past).
        for s in c.plan.sessions where s.date <= asOf {
            if let old = before[s.id], old.date <= asOf { continue }
            found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                message: Bilingual("\(VerificationText.session(s).sv) är nytt men daterat på eller före \(asOf.iso)",
                                 "\(VerificationText.session(s).en) is new but dated on or before \(asOf.iso)")))
        }
        return found
    }

    /// The fields an attendance register sets.
    static let attendanceFields: Set<String> = ["date", "seats", "status"]

    /// The frozen fields that differ, by their plan.json names ("date 2024-03-05 → 2024-03-06").
    static func differences(_ a: PlannedSession, _ b: PlannedSession) -> [Bilingual] {
        var out: [Bilingual] = []
        func note(_ field: String, _ same: Bool, _ x: String, _ y: String) { if !same { out.append(Bilingual(same: "\(field) \(x) → \(y)")) } }
        func note(_ field: String, _ same: Bool, _ x: Bilingual, _ y: Bilingual) {
            if !same { out.append(Bilingual("\(field) \(x.sv) → \(y.sv)", "\(field) \(x.en) → \(y.en)")) }
        }
        note("date", a.date == b.date, a.date.iso, b.date.iso)
        note("start", a.start == b.start, a.start.text, b.start.text)
        note("end", a.end == b.end, a.end.text, b.end.text)
        note("leaders", a.leaders == b.leaders, a.leaders.joined(separator: ", "), b.leaders.joined(separator: ", "))
        note("venue", a.venue == b.venue, a.venue, b.venue)
        note("seats", a.seats.filter { $0.value != 0 } == b.seats.filter { $0.value != 0 },
             VerificationText.seats(a), VerificationText.seats(b))
        note("status", a.status == b.status, a.status.rawValue, b.status.rawValue)
        return out
    }
}
