/// `pinned`: for each decision already taken, a session of that course (and county part) exists on
/// the pinned date and/or with the pinned leader.
enum PinnedRule: PlanRule {
    static let id = "pinned"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        c.scenario.pinned.compactMap { pin in
            let kept = c.sessions.contains { s in
                s.course == pin.course
                    && (pin.countyPart.map { $0 == s.countyPart } ?? true)
                    && (pin.date.map { $0 == s.date } ?? true)
                    && (pin.leader.map { s.leaders.contains($0) } ?? true)
            }
            guard !kept else { return nil }
            var what = Bilingual("kursen \(pin.course)", "course \(pin.course)")
            if let part = pin.countyPart { what = what + Bilingual(" i \(part)", " in \(part)") }
            if let date = pin.date { what = what + Bilingual(" den \(date.iso)", " on \(date.iso)") }
            if let leader = pin.leader { what = what + Bilingual(" ledd av \(leader)", " led by \(leader)") }
            return RuleFinding(date: pin.date, sessionIDs: [],
                message: Bilingual("Det låsta tillfället (\(what.sv)) finns inte i planen", "The pinned session (\(what.en)) is not in the plan"))
        }
    }
}
