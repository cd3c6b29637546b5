/// `group-seats`: where a session splits its seats by area and role, the split adds up to the seats of each
/// municipality, names groups the municipality has in the course's audience, and over a course (runs
/// counted once) seats no more of a group than it has persons, and no more than the group asked for plus
/// `attendanceTolerance` (a group that asked for nothing gets nothing; places already held in a re-plan's
/// frozen past stand). Hours per area are read from this split.
enum GroupSeatsRule: PlanRule {
    static let id = "group-seats"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions where !s.groupSeats.isEmpty {
            guard let course = c.course(s.course) else { continue }
            for (name, seats) in VerificationContext.seated(s) {
                let split = s.groupSeats.filter { $0.municipality == name }.reduce(0) { $0 + $1.seats }
                if split != seats {
                    found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                        message: Bilingual("\(VerificationText.session(s).sv) har \(seats) platser för \(name) men fördelar \(split) på område och roll",
                                         "\(VerificationText.session(s).en) seats \(seats) from \(name) but splits \(split) by area and role")))
                }
            }
            for g in s.groupSeats where g.seats > 0 {
                let group = c.municipality(g.municipality)?.groups.first { $0.area == g.area && $0.role == g.role }
                if group.map({ p in !course.audience.contains { $0.matches(p) } }) ?? true {
                    found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                        message: Bilingual("\(VerificationText.session(s).sv) har \(g.seats) platser för \(g.area) \(g.role.rawValue) från \(g.municipality), som inte hör till målgruppen för kursen \(course.id)",
                                         "\(VerificationText.session(s).en) seats \(g.seats) \(g.area) \(g.role.rawValue) from \(g.municipality), who are not in course \(course.id)'s audience")))
                }
            }
        }
        for course in c.scenario.courses {
            var total: [String: Int] = [:], frozen: [String: Int] = [:]
            for s in c.countedSessions(course: course.id) {
                for g in s.groupSeats {
                    total["\(g.municipality)|\(g.area)|\(g.role.rawValue)", default: 0] += g.seats
                    if s.frozen { frozen["\(g.municipality)|\(g.area)|\(g.role.rawValue)", default: 0] += g.seats }
                }
            }
            for m in c.scenario.municipalities {
                // A group listed twice counts its persons added up, as the model does (`check` warns about it).
                let allowance = TargetGroupDemand.allowance(course, m, tolerance: c.scenario.rules.attendanceTolerance)
                var persons: [String: (PersonGroup, Int)] = [:]
                for g in m.groups { persons["\(g.area)|\(g.role.rawValue)", default: (g, 0)].1 += g.persons }
                for key in persons.keys.sorted() {
                    guard let (g, available) = persons[key] else { continue }
                    let n = total["\(m.name)|\(key)"] ?? 0
                    if n > available {
                        found.append(RuleFinding(date: nil, sessionIDs: [],
                            message: Bilingual("\(m.name) har \(n) deltagare från \(g.area) \(g.role.rawValue) i kursen \(course.id) men bara \(available) sådana personer",
                                             "\(m.name) has \(n) \(g.area) \(g.role.rawValue) participants in course \(course.id) but only \(available) such persons")))
                        continue
                    }
                    guard n > 0, let i = m.groupIndex(area: g.area, role: g.role) else { continue }
                    let allowed = max(allowance[i] ?? 0, frozen["\(m.name)|\(key)"] ?? 0)
                    if n > allowed {
                        let asked = TargetGroupDemand.asked(course, m)?[i] ?? 0
                        let ids = c.countedSessions(course: course.id).filter { s in
                            s.groupSeats.contains { $0.municipality == m.name && "\($0.area)|\($0.role.rawValue)" == key && $0.seats > 0 }
                        }.map(\.id)
                        found.append(RuleFinding(date: nil, sessionIDs: ids,
                            message: asked == 0
                                ? Bilingual("\(m.name) har \(n) deltagare från \(g.area) \(g.role.rawValue) i kursen \(course.id), en grupp som inte bad om några platser där",
                                            "\(m.name) has \(n) \(g.area) \(g.role.rawValue) participants in course \(course.id), a group that asked for no places in it")
                                : Bilingual("\(m.name) har \(n) deltagare från \(g.area) \(g.role.rawValue) i kursen \(course.id); gruppen bad om \(asked), högst \(allowed) med toleransen",
                                            "\(m.name) has \(n) \(g.area) \(g.role.rawValue) participants in course \(course.id); the group asked for \(asked), at most \(allowed) with the tolerance")))
                    }
                }
            }
        }
        return found
    }
}
