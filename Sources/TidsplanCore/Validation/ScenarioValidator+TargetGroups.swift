/// The mapping per target group (`attendance` with `everyMunicipality`, `share` or per-group
/// `perMunicipality`), reserved places for outside participants, and the equal-opportunity band.
extension ScenarioIssueCollector {
    mutating func checkGroupAsk(_ ask: GroupAsk, _ c: Course, _ path: String) {
        let names = s.municipalities.map(\.name)
        let audienceGroups = s.municipalities.flatMap { m in TargetGroupDemand.audienceGroups(c, m).map { m.groups[$0] } }
        let areas = Set(audienceGroups.map(\.area)).sorted()
        func checkKey(_ key: GroupKey, _ at: String) {
            guard !audienceGroups.contains(where: key.matches) else { return }
            error(at, Bilingual("kursen \(c.id): ingen kommun har personer i \(key.text) inom kursens målgrupp, så ingen kan efterfrågas", "course \(c.id): no municipality has \(key.text) persons in the course's audience, so nobody can be asked for"),
                  hint: areas.isEmpty ? Bilingual("kursens målgrupp omfattar inga personer", "the course's audience matches no persons") : Bilingual("områden i målgruppen: \(areas.joined(separator: ", ")); en roll skrivs `EB/staff` eller `EB/manager`", "areas in the audience: \(areas.joined(separator: ", ")); a role is written `EB/staff` or `EB/manager`"))
        }
        for e in ask.everyMunicipality {
            let at = "\(path).attendance.everyMunicipality.\(e.key.text)"
            if e.persons < 0 { error(at, Bilingual("kursen \(c.id): ett negativt antal personer (\(e.persons)) för \(e.key.text)", "course \(c.id): a negative number of persons (\(e.persons)) for \(e.key.text)")) }
            checkKey(e.key, at)
        }
        for e in ask.share {
            let at = "\(path).attendance.share.\(e.key.text)"
            if !(e.share >= 0 && e.share <= 1) { error(at, Bilingual("kursen \(c.id): en andel ska vara från 0 till 1 (är \(Self.num(e.share)))", "course \(c.id): a share must be from 0 to 1 (is \(Self.num(e.share)))")) }
            checkKey(e.key, at)
        }
        for e in ask.perMunicipality {
            let at = "\(path).attendance.perMunicipality.\(e.municipality)"
            guard names.contains(e.municipality) else {
                unknown(.municipality, e.municipality, among: names, at: at)
                continue
            }
            switch e.ask {
            case .total(let n): if n < 0 { error(at, Bilingual("kursen \(c.id): ett negativt antal personer (\(n)) för \(e.municipality)", "course \(c.id): a negative number of persons (\(n)) for \(e.municipality)")) }
            case .groups(let list):
                for g in list {
                    let gAt = "\(at).\(g.key.text)"
                    if g.persons < 0 { error(gAt, Bilingual("kursen \(c.id): ett negativt antal personer (\(g.persons)) för \(e.municipality) \(g.key.text)", "course \(c.id): a negative number of persons (\(g.persons)) for \(e.municipality) \(g.key.text)")) }
                    if let m = s.municipality(e.municipality), g.persons > 0,
                       !TargetGroupDemand.audienceGroups(c, m).contains(where: { g.key.matches(m.groups[$0]) }) {
                        warning(gAt, Bilingual("kursen \(c.id): \(e.municipality) har inga personer i \(g.key.text) inom kursens målgrupp; de \(g.persons) som efterfrågas räknas inte", "course \(c.id): \(e.municipality) has no \(g.key.text) persons in the course's audience; the \(g.persons) asked for are ignored"),
                                hint: Bilingual("lägg till gruppen i kommunens `persons`, eller rätta nyckeln", "add the group to the municipality's `persons`, or correct the key"))
                    }
                }
            }
        }
    }

    mutating func checkReservedSeats(_ c: Course, _ path: String) {
        for (j, r) in c.reserved.enumerated() where r.seats < 0 {
            error("\(path).reserved[\(j)].seats", Bilingual("kursen \(c.id): ett negativt antal reserverade platser (\(r.seats))", "course \(c.id): a negative number of reserved places (\(r.seats))"))
        }
        if c.reservedSeats > 0 && c.reservedSeats >= c.maxParticipants {
            error("\(path).reserved", Bilingual("kursen \(c.id): \(c.reservedSeats) reserverade platser lämnar ingen av kursens \(c.maxParticipants) till kommunerna", "course \(c.id): \(c.reservedSeats) reserved places leave none of the course's \(c.maxParticipants) for the municipalities"),
                  hint: Bilingual("minska de reserverade platserna eller höj `participants.max`", "lower the reserved places or raise `participants.max`"))
        }
    }

    mutating func checkTargetGroupRules() {
        let r = s.rules
        if !(r.attendanceTolerance >= 0 && r.attendanceTolerance <= 1) {
            error("rules.attendanceTolerance", Bilingual("attendanceTolerance ska vara en andel från 0 till 1 (är \(Self.num(r.attendanceTolerance)))", "attendanceTolerance must be a share from 0 to 1 (is \(Self.num(r.attendanceTolerance)))"))
        }
        if let band = r.hoursPerPerson {
            if !(band.min >= 0) { error("rules.hoursPerPerson.min", Bilingual("hoursPerPerson.min ska vara 0 eller mer (är \(Self.num(band.min)))", "hoursPerPerson.min must be 0 or more (is \(Self.num(band.min)))")) }
            if let max = band.max, !(max >= band.min) {
                error("rules.hoursPerPerson.max", Bilingual("hoursPerPerson.max (\(Self.num(max))) är lägre än min (\(Self.num(band.min)))", "hoursPerPerson.max (\(Self.num(max))) is below its min (\(Self.num(band.min)))"))
            }
        }
    }
}
