/// Value checks: each field on its own (ranges, signs, plausible sizes, dates in order).
extension ScenarioIssueCollector {
    /// Anything above these is a typo (an extra zero or two), not a real project.
    static let maxPersons = 100_000
    static let maxHours = 1_000_000
    static let maxKr = 1_000_000_000
    static let maxWeight = 1_000_000

    mutating func checkValues() {
        checkProject()
        checkCalendarSettings()
        checkRules()
        checkTargetGroupRules()
        checkBudgetAndWeights()
        for (i, m) in s.municipalities.enumerated() { checkMunicipality(m, "municipalities[\(i)]") }
        for (i, v) in s.venues.enumerated() { checkVenue(v, "venues[\(i)]") }
        for (i, p) in s.staff.enumerated() { checkStaff(p, "staff[\(i)]") }
        for (i, t) in s.trainers.enumerated() { checkTrainer(t, "trainers[\(i)]") }
        for (i, c) in s.courses.enumerated() { checkCourse(c, "courses[\(i)]"); checkReservedSeats(c, "courses[\(i)]") }
        for (i, e) in s.fixedEvents.enumerated() { checkFixedEvent(e, "fixedEvents[\(i)]") }
        for (i, p) in s.pinned.enumerated() { checkPinnedDate(p, "pinned[\(i)]") }
    }

    mutating func nonNegative(_ v: Int?, _ path: String, _ what: Bilingual, max limit: Int) {
        guard let v else { return }
        if v < 0 { error(path, Bilingual("\(what.sv) är negativt (\(v))", "\(what.en) is negative (\(v))")) }
        else if v > limit {
            error(path, Bilingual("\(what.sv) \(v) är orimligt stort", "\(what.en) \(v) is implausibly large"),
                  hint: Bilingual("högst \(limit) godtas; kontrollera om det blivit extra nollor",
                                  "at most \(limit) is accepted; check for extra zeros"))
        }
    }

    /// The longest project id: `.<id>-capacity.tmp-XXXXXX` must stay within a file name's 255 bytes, with room to spare.
    static let maxProjectIDLength = 100

    mutating func checkProject() {
        let p = s.project
        if p.id.isEmpty {
            error("project.id", Bilingual("projektets id är tomt", "the project id is empty"),
                  hint: Bilingual("ett kort namn med små bokstäver, t.ex. `rakna-med-oss-2024`",
                                  "a short name in lower case, e.g. `rakna-med-oss-2024`"))
        } else if !p.id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
                    || p.id.hasPrefix(".") {
            error("project.id", Bilingual("projektets id \"\(p.id)\" får bara innehålla a–z, 0–9, '-', '_' och '.'",
                                          "the project id \"\(p.id)\" may only contain a–z, 0–9, '-', '_' and '.'"),
                  hint: Bilingual("det blir namnet på utdatamappen och ingår i kalendrarnas UID, t.ex. `rakna-med-oss-2024`",
                                  "it names the output folder and calendar UIDs, e.g. `rakna-med-oss-2024`"))
        } else if p.id.count > Self.maxProjectIDLength {
            // The output folder (`output/<id>-capacity`, and its temporary sibling) must fit a file name.
            error("project.id", Bilingual("projektets id är \(p.id.count) tecken långt; högst \(Self.maxProjectIDLength) tillåts",
                                          "the project id is \(p.id.count) characters long; at most \(Self.maxProjectIDLength) are allowed"),
                  hint: Bilingual("det blir namnet på utdatamappen (ett filnamn rymmer 255 byte), t.ex. `rakna-med-oss-2024`",
                                  "it names the output folder (a file name has room for 255 bytes), e.g. `rakna-med-oss-2024`"))
        }
        if p.name.trimmingSpaces.isEmpty { error("project.name", Bilingual("projektets namn är tomt", "the project name is empty")) }
        checkRange(p.period, "project.period", Bilingual("projektperioden", "the project period"))
        let years = Double(p.period.to.ordinal - p.period.from.ordinal) / 365.25
        if years > 10 {
            error("project.period", Bilingual("projektperioden är \(Self.numSv(years.rounded())) år lång",
                                              "the project period is \(Self.num(years.rounded())) years long"),
                  hint: Bilingual("ESF-projekt pågår några år; kontrollera årtalen i `from` och `to`",
                                  "ESF projects run a few years; check the years of `from` and `to`"))
        }
        if p.timeZone != "Europe/Stockholm" {
            error("project.timeZone", Bilingual("tidszonen \"\(p.timeZone)\" stöds inte", "time zone \"\(p.timeZone)\" is not supported"),
                  hint: Bilingual("använd Europe/Stockholm", "use Europe/Stockholm"))
        }
        if p.period.from <= p.period.to, !p.period.contains(p.trainingFrom) {
            error("project.trainingFrom", Bilingual("trainingFrom \(p.trainingFrom) ligger utanför projektperioden \(p.period.from)–\(p.period.to)",
                                                    "trainingFrom \(p.trainingFrom) is outside the project period \(p.period.from)–\(p.period.to)"))
        }
        if p.uidDomain.isEmpty || p.uidDomain.contains(where: { $0 == " " || $0 == "@" || $0 == "\t" }) {
            error("project.uidDomain", Bilingual("uidDomain \"\(p.uidDomain)\" är inget domännamn", "uidDomain \"\(p.uidDomain)\" is not a domain name"),
                  hint: Bilingual("t.ex. `rakna-med-oss.tidsplan.invalid` (utan mellanslag och @)",
                                  "e.g. `rakna-med-oss.tidsplan.invalid` (no spaces, no @)"))
        }
        nonNegative(p.stated.hours, "project.stated.hours", Bilingual("angivet antal timmar", "stated hours"), max: Self.maxHours)
        nonNegative(p.stated.persons, "project.stated.persons", Bilingual("angivet antal personer", "stated persons"), max: Self.maxPersons)
        nonNegative(p.stated.cofinancingKr, "project.stated.cofinancingKr", Bilingual("angiven medfinansiering", "stated co-financing"), max: Self.maxKr)
        nonNegative(p.stated.budgetKr, "project.stated.budgetKr", Bilingual("angiven budget", "stated budget"), max: Self.maxKr)
    }

    mutating func checkCalendarSettings() {
        for (key, list) in [("blackouts", s.calendar.blackouts), ("closedDays", s.calendar.extraClosedDays)] {
            for (i, b) in list.enumerated() {
                let path = "calendar.\(key)[\(i)]"
                checkRange(b.range, path, Bilingual(same: "\"\(b.name)\""))
                if b.range.from <= b.range.to, outsidePeriod(b.range) {
                    warning(path, Bilingual("\"\(b.name)\" (\(b.range.from)–\(b.range.to)) ligger utanför projektperioden och påverkar ingenting",
                                            "\"\(b.name)\" (\(b.range.from)–\(b.range.to)) is outside the project period and has no effect"))
                }
            }
        }
    }

    mutating func checkRules() {
        let r = s.rules
        if r.maxTrainingDaysPerWeek < 1 || r.maxTrainingDaysPerWeek > 7 {
            error("rules.maxTrainingDaysPerWeek", Bilingual("maxTrainingDaysPerWeek ska vara mellan 1 och 5 (är \(r.maxTrainingDaysPerWeek))",
                                                            "maxTrainingDaysPerWeek must be between 1 and 5 (is \(r.maxTrainingDaysPerWeek))"))
        } else if r.maxTrainingDaysPerWeek > 5 {
            warning("rules.maxTrainingDaysPerWeek", Bilingual("maxTrainingDaysPerWeek \(r.maxTrainingDaysPerWeek) är fler än veckans fem arbetsdagar",
                                                              "maxTrainingDaysPerWeek \(r.maxTrainingDaysPerWeek) is more than the five working days of a week"))
        }
        if !(r.maxShareAwayPerDay > 0 && r.maxShareAwayPerDay <= 1) {
            error("rules.maxShareAwayPerDay", Bilingual("maxShareAwayPerDay ska vara en andel över 0 och högst 1 (är \(Self.num(r.maxShareAwayPerDay)))",
                                                        "maxShareAwayPerDay must be a share above 0 and at most 1 (is \(Self.num(r.maxShareAwayPerDay)))"),
                  hint: Bilingual("skriv 0.25 för 25 %", "write 0.25 for 25 %"))
        }
        if !(r.quotaTolerance >= 0 && r.quotaTolerance <= 1) {
            error("rules.quotaTolerance", Bilingual("quotaTolerance ska vara en andel från 0 till 1 (är \(Self.num(r.quotaTolerance)))",
                                                    "quotaTolerance must be a share from 0 to 1 (is \(Self.num(r.quotaTolerance)))"),
                  hint: Bilingual("skriv 0.05 för 5 %", "write 0.05 for 5 %"))
        } else if r.quotaTolerance > 0.5 {
            warning("rules.quotaTolerance", Bilingual("quotaTolerance \(Self.num(r.quotaTolerance)) låter kommunerna planeras för \(Self.numSv(r.quotaTolerance * 100)) % mer än sin kvot",
                                                      "quotaTolerance \(Self.num(r.quotaTolerance)) lets municipalities be planned for \(Self.num(r.quotaTolerance * 100)) % more than their quota"))
        }
        if !(r.prepDaysPerSessionDay >= 0 && r.prepDaysPerSessionDay <= 5) {
            error("rules.prepDaysPerSessionDay", Bilingual("prepDaysPerSessionDay ska vara från 0 till 5 (är \(Self.num(r.prepDaysPerSessionDay)))",
                                                           "prepDaysPerSessionDay must be from 0 to 5 (is \(Self.num(r.prepDaysPerSessionDay)))"))
        }
        if !(r.maxTeachingShare > 0 && r.maxTeachingShare <= 1) {
            error("rules.maxTeachingShare", Bilingual("maxTeachingShare ska vara en andel över 0 och högst 1 (är \(Self.num(r.maxTeachingShare)))",
                                                      "maxTeachingShare must be a share above 0 and at most 1 (is \(Self.num(r.maxTeachingShare)))"),
                  hint: Bilingual("skriv 0.6 för 60 %", "write 0.6 for 60 %"))
        }
        if let f = r.followUpAfterMonths, !(0...36).contains(f) {
            error("rules.followUpAfterMonths", Bilingual("followUpAfterMonths ska vara från 0 till 36 (är \(f))",
                                                         "followUpAfterMonths must be from 0 to 36 (is \(f))"))
        }
        if let w = r.followUpWindowMonths {
            if !(0...36).contains(w.from) {
                error("rules.followUpWindowMonths.from", Bilingual("followUpWindowMonths.from ska vara från 0 till 36 (är \(w.from))",
                                                                   "followUpWindowMonths.from must be from 0 to 36 (is \(w.from))"))
            } else if !(w.from...36).contains(w.to) {
                error("rules.followUpWindowMonths.to", Bilingual("followUpWindowMonths.to ska vara från \(w.from) (fönstrets början) till 36 (är \(w.to))",
                                                                 "followUpWindowMonths.to must be from \(w.from) (the window's start) to 36 (is \(w.to))"),
                      hint: Bilingual("skriv fönstret som {from: 3, to: 6} för \"efter 3–6 månader\"",
                                      "write the window as {from: 3, to: 6} for \"after 3–6 months\""))
            } else if let f = r.followUpAfterMonths, (0...36).contains(f), !(w.from...w.to).contains(f) {
                let aim = min(max(f, w.from), w.to)
                warning("rules.followUpAfterMonths", Bilingual("followUpAfterMonths \(f) ligger utanför followUpWindowMonths \(w.from)–\(w.to); enkäterna siktar i stället på månad \(aim)",
                                                               "followUpAfterMonths \(f) is outside followUpWindowMonths \(w.from)–\(w.to); surveys aim for month \(aim) instead"))
            }
        }
    }

    mutating func checkBudgetAndWeights() {
        nonNegative(s.budget.trainersKr, "budget.trainersKr", Bilingual("budgeten för utbildare", "the trainers' budget"), max: Self.maxKr)
        nonNegative(s.budget.travelKr, "budget.travelKr", Bilingual("resebudgeten", "the travel budget"), max: Self.maxKr)
        nonNegative(s.budget.premisesKr, "budget.premisesKr", Bilingual("lokalbudgeten", "the premises budget"), max: Self.maxKr)
        let w = s.weights
        let all: [(String, Int)] = [
            ("quotaShortfallPerHour", w.quotaShortfallPerHour), ("quotaExcessPerHour", w.quotaExcessPerHour),
            ("costPerThousandKr", w.costPerThousandKr), ("travelPerSeat", w.travelPerSeat),
            ("evennessPerSession", w.evennessPerSession), ("perSession", w.perSession),
            ("attendanceShortfallPerPerson", w.attendanceShortfallPerPerson), ("changeMoved", w.changeMoved),
            ("changeLeader", w.changeLeader), ("changeVenue", w.changeVenue),
            ("changeCancelled", w.changeCancelled), ("changeNew", w.changeNew), ("changeSeat", w.changeSeat),
            ("missingRunPerRun", w.missingRunPerRun), ("coverageShortfallPerHour", w.coverageShortfallPerHour),
        ]
        for (key, v) in all { nonNegative(v, "weights.\(key)", Bilingual("vikten \(key)", "weight \(key)"), max: Self.maxWeight) }
    }

    mutating func checkMunicipality(_ m: Municipality, _ path: String) {
        if m.name.trimmingSpaces.isEmpty { error("\(path).name", Bilingual("kommunens namn är tomt", "the municipality name is empty")) }
        if m.countyPart.trimmingSpaces.isEmpty {
            error("\(path).countyPart", Bilingual("\(m.name): länsdelen är tom", "\(m.name): the county part is empty"))
        }
        for (j, g) in m.groups.enumerated() {
            let gp = "\(path).persons[\(j)]"
            if g.area.trimmingSpaces.isEmpty { error("\(gp).area", Bilingual("\(m.name): en grupp har tomt område", "\(m.name): a group has an empty area")) }
            nonNegative(g.persons, "\(gp).persons", Bilingual("\(m.name): antalet personer", "\(m.name): the number of persons"), max: Self.maxPersons)
            if let k = m.groups.prefix(j).firstIndex(where: { $0.area == g.area && $0.role == g.role }) {
                warning(gp, Bilingual("\(m.name): gruppen \(g.area)/\(g.role.rawValue) står två gånger",
                                      "\(m.name): the group \(g.area)/\(g.role.rawValue) is listed twice"),
                        hint: Bilingual("personerna läggs ihop; slå ihop de två raderna", "the persons are added up; merge the two lines"),
                        related: "\(path).persons[\(k)]")
            }
        }
        if m.groups.allSatisfy({ $0.persons >= 0 }) && m.persons == 0 {
            warning("\(path).persons", Bilingual("\(m.name) har inga personer, så ingen därifrån kan delta",
                                                 "\(m.name) has no persons, so nobody from it can attend"))
        }
        if let h = m.hoursEach, !(h > 0 && h <= 2000) {
            error("\(path).hoursEach", Bilingual("\(m.name): hoursEach ska vara över 0 och högst 2000 (är \(Self.num(h)))",
                                                 "\(m.name): hoursEach must be above 0 and at most 2000 (is \(Self.num(h)))"))
        }
        nonNegative(m.quotaHours, "\(path).quotaHours", Bilingual("\(m.name): timkvoten", "\(m.name): the hour quota"), max: Self.maxHours)
        if m.rateKrPerHour <= 0 || m.rateKrPerHour > 100_000 {
            error("\(path).rateKrPerHour", Bilingual("\(m.name): rateKrPerHour ska vara över 0 och högst 100000 (är \(m.rateKrPerHour))",
                                                     "\(m.name): rateKrPerHour must be above 0 and at most 100000 (is \(m.rateKrPerHour))"))
        }
        if let w = m.withdrawal {
            if !s.project.period.contains(w) {
                warning("\(path).withdrawal", Bilingual("\(m.name): utträdet \(w) ligger utanför projektperioden",
                                                        "\(m.name): withdrawal \(w) is outside the project period"))
            } else if w <= s.project.trainingFrom {
                warning("\(path).withdrawal", Bilingual("\(m.name) träder ut (\(w)) innan utbildningarna börjar (\(s.project.trainingFrom)); inget planeras för kommunen",
                                                        "\(m.name) withdraws (\(w)) before training starts (\(s.project.trainingFrom)); nothing is planned for it"))
            }
        }
        for (j, r) in m.reductions.enumerated() {
            let rp = "\(path).reductions[\(j)]"
            nonNegative(r.quotaHours, "\(rp).quotaHours", Bilingual("\(m.name): den minskade kvoten", "\(m.name): the reduced quota"), max: Self.maxHours)
            if r.quotaHours > m.quotaHours {
                warning("\(rp).quotaHours", Bilingual("\(m.name): den \"minskade\" kvoten \(r.quotaHours) är högre än den ursprungliga \(m.quotaHours)",
                                                      "\(m.name): the \"reduced\" quota \(r.quotaHours) is above the original \(m.quotaHours)"))
            }
            if !s.project.period.contains(r.from) {
                warning("\(rp).from", Bilingual("\(m.name): minskningens datum \(r.from) ligger utanför projektperioden",
                                                "\(m.name): reduction date \(r.from) is outside the project period"))
            }
            if let k = m.reductions.prefix(j).firstIndex(where: { $0.from == r.from }) {
                error("\(rp).from", Bilingual("\(m.name): två minskningar börjar \(r.from)", "\(m.name): two reductions start on \(r.from)"),
                      related: "\(path).reductions[\(k)]")
            }
        }
        if let e = m.statedElsewhere {
            nonNegative(e.hours, "\(path).statedElsewhere.hours", Bilingual("\(m.name): angivna timmar", "\(m.name): stated hours"), max: Self.maxHours)
            nonNegative(e.persons, "\(path).statedElsewhere.persons", Bilingual("\(m.name): angivna personer", "\(m.name): stated persons"), max: Self.maxPersons)
            nonNegative(e.cofinancingKr, "\(path).statedElsewhere.cofinancingKr",
                        Bilingual("\(m.name): angiven medfinansiering", "\(m.name): stated co-financing"), max: Self.maxKr)
        }
    }

    mutating func checkVenue(_ v: Venue, _ path: String) {
        if v.id.trimmingSpaces.isEmpty { error("\(path).id", Bilingual("lokalens id är tomt", "the venue id is empty")) }
        if v.capacity < 1 || v.capacity > Self.maxPersons {
            error("\(path).capacity", Bilingual("lokal \(v.id): capacity ska vara minst 1 (är \(v.capacity))",
                                                "venue \(v.id): capacity must be at least 1 (is \(v.capacity))"))
        }
        nonNegative(v.costPerDay, "\(path).costPerDay", Bilingual("lokal \(v.id): costPerDay", "venue \(v.id): costPerDay"), max: Self.maxKr)
        if v.mode == .physical && (v.countyPart ?? "").isEmpty {
            error("\(path).countyPart", Bilingual("den fysiska lokalen \(v.id) har ingen länsdel", "physical venue \(v.id) has no county part"),
                  hint: Bilingual("ange vilken länsdel den ligger i, t.ex. countyPart: Höglandet",
                                  "say which county part (länsdel) it is in, e.g. countyPart: Höglandet"))
        }
    }

    mutating func checkShareSpans(_ spans: [ShareSpan], _ path: String, _ who: String) {
        for (j, sp) in spans.enumerated() {
            let p = "\(path).shares[\(j)]"
            checkRange(sp.range, p, Bilingual("\(who)s period med tjänsteandel", "\(who)'s share period"))
            if !(sp.share >= 0 && sp.share <= 1) {
                error("\(p).share", Bilingual("\(who): andelen av heltid ska vara från 0 till 1 (är \(Self.num(sp.share)))",
                                              "\(who): share of full time must be from 0 to 1 (is \(Self.num(sp.share)))"),
                      hint: Bilingual("skriv 0.75 för 75 %", "write 0.75 for 75 %"))
            }
            if sp.range.from <= sp.range.to, outsidePeriod(sp.range) {
                warning(p, Bilingual("\(who): perioden \(sp.range.from)–\(sp.range.to) ligger utanför projektperioden",
                                     "\(who): share period \(sp.range.from)–\(sp.range.to) is outside the project period"))
            }
            if let k = spans.prefix(j).firstIndex(where: { $0.range.from <= sp.range.to && sp.range.from <= $0.range.to }) {
                warning(p, Bilingual("\(who): perioderna överlappar; den senare raden gäller de gemensamma dagarna",
                                     "\(who): share periods overlap; the later line wins on the common days"),
                        related: "\(path).shares[\(k)]")
            }
        }
        if spans.isEmpty {
            warning("\(path).shares", Bilingual("\(who) har ingen tjänsteandel och kan aldrig leda ett tillfälle",
                                                "\(who) has no share of full time and can never lead a session"))
        }
    }

    mutating func checkAbsences(_ list: [Blackout], _ path: String, _ who: String) {
        for (j, a) in list.enumerated() {
            checkRange(a.range, "\(path).absences[\(j)]", Bilingual("\(who)s frånvaro \"\(a.name)\"", "\(who)'s absence \"\(a.name)\""))
        }
    }

    mutating func checkStaff(_ p: StaffMember, _ path: String) {
        if p.name.trimmingSpaces.isEmpty { error("\(path).name", Bilingual("en i personalen har tomt namn", "a staff member has an empty name")) }
        checkShareSpans(p.shares, path, p.name)
        checkAbsences(p.absences, path, p.name)
    }

    mutating func checkTrainer(_ t: ExternalTrainer, _ path: String) {
        if t.name.trimmingSpaces.isEmpty { error("\(path).name", Bilingual("en utbildare har tomt namn", "a trainer has an empty name")) }
        nonNegative(t.dayRate, "\(path).dayRate", Bilingual(same: "\(t.name): dayRate"), max: 1_000_000)
        nonNegative(t.travelPerDay, "\(path).travelPerDay", Bilingual(same: "\(t.name): travelPerDay"), max: 1_000_000)
        nonNegative(t.maxDays, "\(path).maxDays", Bilingual(same: "\(t.name): maxDays"), max: 10_000)
        for (j, r) in t.available.enumerated() {
            checkRange(r, "\(path).available[\(j)]", Bilingual("\(t.name)s avtalsperiod", "\(t.name)'s contract period"))
        }
        checkAbsences(t.absences, path, t.name)
        if t.courses.isEmpty {
            warning("\(path).courses", Bilingual("utbildaren \(t.name) leder ingen kurs", "trainer \(t.name) leads no course"))
        }
    }

    mutating func checkCourse(_ c: Course, _ path: String) {
        let who = Bilingual("kurs \(c.id)", "course \(c.id)")
        if c.id.trimmingSpaces.isEmpty { error("\(path).id", Bilingual("en kurs har tomt id", "a course has an empty id")) }
        if !(c.hours > 0 && c.hours <= 24) {
            error("\(path).hours", Bilingual("\(who.sv): timmar per tillfälle ska vara över 0 och högst 24 (är \(Self.num(c.hours)))",
                                             "\(who.en): hours per session must be above 0 and at most 24 (is \(Self.num(c.hours)))"))
        }
        if c.end <= c.start {
            error("\(path).end", Bilingual("\(who.sv): tillfället slutar (\(c.end)) före eller samtidigt som det börjar (\(c.start))",
                                           "\(who.en): the session ends (\(c.end)) before or when it starts (\(c.start))"))
        } else if c.hours > 0, c.hours * 60 > Double(c.end.minutes - c.start.minutes) + 0.5 {
            warning("\(path).hours", Bilingual("\(who.sv): \(Self.numSv(c.hours)) timmar ryms inte mellan \(c.start) och \(c.end)",
                                               "\(who.en): \(Self.num(c.hours)) hours do not fit between \(c.start) and \(c.end)"),
                    hint: Bilingual("timmarna är undervisningstimmar per deltagare; de ska rymmas i tillfället",
                                    "hours are the teaching hours counted per participant; they should fit in the session"))
        }
        if c.audience.isEmpty {
            error("\(path).audience", Bilingual("\(who.sv): målgruppen är tom, så ingen kan delta",
                                                "\(who.en): the audience is empty, so nobody can attend"),
                  hint: Bilingual("utelämna `audience` för alla, eller lista områden/roller, t.ex. [{area: EB}]",
                                  "omit `audience` for everyone, or list areas/roles, e.g. [{area: EB}]"))
        }
        if c.minParticipants < 1 || c.minParticipants > Self.maxPersons {
            error("\(path).participants.min", Bilingual("\(who.sv): minsta antal deltagare ska vara minst 1 (är \(c.minParticipants))",
                                                        "\(who.en): the minimum number of participants must be at least 1 (is \(c.minParticipants))"))
        }
        if c.maxParticipants < 1 || c.maxParticipants > Self.maxPersons {
            error("\(path).participants.max", Bilingual("\(who.sv): största antal deltagare ska vara minst 1 (är \(c.maxParticipants))",
                                                        "\(who.en): the maximum number of participants must be at least 1 (is \(c.maxParticipants))"))
        } else if c.minParticipants > c.maxParticipants {
            error("\(path).participants", Bilingual("\(who.sv): minsta antal deltagare (\(c.minParticipants)) är större än största (\(c.maxParticipants))",
                                                    "\(who.en): min participants (\(c.minParticipants)) is greater than max (\(c.maxParticipants))"))
        }
        if c.leadersPerSession < 1 || c.leadersPerSession > 10 {
            error("\(path).leadersPerSession", Bilingual("\(who.sv): leadersPerSession ska vara från 1 till 10 (är \(c.leadersPerSession))",
                                                         "\(who.en): leadersPerSession must be from 1 to 10 (is \(c.leadersPerSession))"))
        }
        if let series = c.series {
            if series.meetings < 1 || series.meetings > 100 {
                error("\(path).series.meetings", Bilingual("\(who.sv): en serie behöver 1 till 100 träffar (är \(series.meetings))",
                                                           "\(who.en): a series needs 1 to 100 meetings (is \(series.meetings))"))
            }
            if series.everyWeeks < 1 || series.everyWeeks > 52 {
                error("\(path).series.everyWeeks", Bilingual("\(who.sv): everyWeeks ska vara från 1 till 52 (är \(series.everyWeeks))",
                                                             "\(who.en): everyWeeks must be from 1 to 52 (is \(series.everyWeeks))"))
            }
        }
        if let w = c.window {
            checkRange(w, "\(path).window", Bilingual("\(who.sv)s fönster", "\(who.en)'s window"))
            if w.from <= w.to, s.project.period.from <= s.project.period.to {
                if w.to < s.project.trainingFrom || w.from > s.project.period.to {
                    error("\(path).window", Bilingual("\(who.sv): fönstret \(w.from)–\(w.to) har ingen dag mellan trainingFrom \(s.project.trainingFrom) och periodens slut \(s.project.period.to)",
                                                      "\(who.en): the window \(w.from)–\(w.to) has no day between trainingFrom \(s.project.trainingFrom) and the period end \(s.project.period.to)"))
                } else if calendar.workingDayCount(in: DateRange(from: max(w.from, s.project.trainingFrom), to: w.to)) == 0 {
                    error("\(path).window", Bilingual("\(who.sv): fönstret \(w.from)–\(w.to) har ingen arbetsdag",
                                                      "\(who.en): the window \(w.from)–\(w.to) has no working day"))
                }
            }
        }
        for (j, p) in c.prerequisites.enumerated() where p.minGapWeeks < 0 || p.minGapWeeks > 104 {
            error("\(path).prerequisites[\(j)].minGapWeeks", Bilingual("\(who.sv): minGapWeeks ska vara från 0 till 104 (är \(p.minGapWeeks))",
                                                                       "\(who.en): minGapWeeks must be from 0 to 104 (is \(p.minGapWeeks))"))
        }
        for (j, a) in c.after.enumerated() where a.minGapWeeks < 0 || a.minGapWeeks > 104 {
            error("\(path).after[\(j)].minGapWeeks", Bilingual("\(who.sv): minGapWeeks ska vara från 0 till 104 (är \(a.minGapWeeks))",
                                                               "\(who.en): minGapWeeks must be from 0 to 104 (is \(a.minGapWeeks))"))
        }
        if let ahead = c.aheadOf {
            if ahead.slackWeeks < 0 || ahead.slackWeeks > 104 {
                error("\(path).aheadOf.slackWeeks", Bilingual("\(who.sv): slackWeeks ska vara från 0 till 104 (är \(ahead.slackWeeks))",
                                                              "\(who.en): slackWeeks must be from 0 to 104 (is \(ahead.slackWeeks))"))
            }
            if ahead.courses.isEmpty {
                error("\(path).aheadOf.courses", Bilingual("\(who.sv): aheadOf anger ingen kurs", "\(who.en): aheadOf names no course"),
                      hint: Bilingual("lista personalens kurser: courses: [MI, MIX]", "list the staff's courses: courses: [MI, MIX]"))
            }
        }
        if case .perMunicipality(let counts) = c.attendance {
            for (name, n) in counts.sorted(by: { $0.key < $1.key }) where n < 0 {
                error("\(path).attendance.perMunicipality.\(name)", Bilingual("\(who.sv): ett negativt antal personer (\(n)) för \(name)",
                                                                              "\(who.en): a negative number of persons (\(n)) for \(name)"))
            }
        }
    }

    mutating func checkFixedEvent(_ e: FixedEvent, _ path: String) {
        if e.id.trimmingSpaces.isEmpty { error("\(path).id", Bilingual("en händelse har tomt id", "an event has an empty id")) }
        if e.end <= e.start {
            error("\(path).end", Bilingual("händelse \(e.id): slutar (\(e.end)) före eller samtidigt som den börjar (\(e.start))",
                                           "event \(e.id): ends (\(e.end)) before or when it starts (\(e.start))"))
        }
        switch calendar.reason(e.date) {
        case .working: break
        case .outsidePeriod:
            warning("\(path).date", Bilingual("händelse \(e.id): \(e.date) ligger utanför projektperioden",
                                              "event \(e.id): \(e.date) is outside the project period"))
        case let other:
            warning("\(path).date", Bilingual("händelse \(e.id): \(e.date) är ingen arbetsdag (\(other.words.sv))",
                                              "event \(e.id): \(e.date) is not a working day (\(other.words.en))"))
        }
    }

    /// Pinned dates: the session must be possible on that day.
    mutating func checkPinnedDate(_ p: PinnedSession, _ path: String) {
        if p.date == nil && p.leader == nil {
            error(path, Bilingual("det låsta tillfället av \(p.course) låser varken datum eller ledare",
                                  "pinned session of \(p.course) pins neither a date nor a leader"),
                  hint: Bilingual("lägg till `date:` och/eller `leader:`", "add `date:` and/or `leader:`"))
        }
        guard let d = p.date else { return }
        let reason = calendar.reason(d)
        switch reason {
        case .working:
            if d < s.project.trainingFrom {
                error("\(path).date", Bilingual("låst \(p.course) den \(d) ligger före utbildningsstarten (trainingFrom \(s.project.trainingFrom))",
                                                "pinned \(p.course) on \(d) is before training starts (trainingFrom \(s.project.trainingFrom))"))
            }
        case .outsidePeriod:
            error("\(path).date", Bilingual("låst \(p.course) den \(d) ligger utanför projektperioden \(s.project.period.from)–\(s.project.period.to)",
                                            "pinned \(p.course) on \(d) is outside the project period \(s.project.period.from)–\(s.project.period.to)"))
        default:
            error("\(path).date", Bilingual("låst \(p.course) den \(d) är ingen arbetsdag (\(d.weekday.swedish), \(reason.words.sv))",
                                            "pinned \(p.course) on \(d) is not a working day (\(d.weekday.rawValue), \(reason.words.en))"))
        }
        if let c = s.course(p.course), let w = c.window, !w.contains(d) {
            error("\(path).date", Bilingual("låst \(p.course) den \(d) ligger utanför kursens fönster \(w.from)–\(w.to)",
                                            "pinned \(p.course) on \(d) is outside the course's window \(w.from)–\(w.to)"))
        }
        if let leader = p.leader, reason == .working, !calendar.isWorkingDay(d, leader: leader),
           s.staffMember(leader) != nil || s.trainer(leader) != nil {
            let why = calendar.reason(d, leader: leader).words
            error("\(path).leader", Bilingual("den låsta ledaren \(leader) är inte tillgänglig \(d) (\(why.sv))",
                                              "pinned leader \(leader) is not available on \(d) (\(why.en))"))
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and newlines (no Foundation in the core).
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
