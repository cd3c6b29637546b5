import TidsplanCore
import Yams

/// Builds a `Scenario` from a composed YAML tree, section by section. Every field that cannot be
/// read is reported and replaced by a neutral default, so the rest is still read and checked.
/// Keys follow docs/scenario-format.md.
struct ScenarioDocument {
    let r: ScenarioNodeReader

    static let rootKeys = ["project", "calendar", "rules", "budget", "weights", "municipalities", "venues",
                           "staff", "trainers", "courses", "fixedEvents", "pinned", "notes", "coverage"]

    /// nil only when the document is not a mapping at all.
    func read(_ node: Node) -> Scenario? {
        guard let root = r.fields(node, path: "", what: "the scenario", keys: Self.rootKeys) else { return nil }
        let projectParts = readProject(root)
        let calendar = readCalendar(root)
        let rules = readRules(root)
        let budget = readBudget(root)
        let weights = readWeights(root)
        let municipalities = r.list(root, "municipalities", required: true, what: "municipality",
                                    keys: Self.municipalityKeys, readMunicipality)
        let venues = r.list(root, "venues", what: "venue", keys: Self.venueKeys, readVenue)
        let staff = r.list(root, "staff", what: "staff member", keys: Self.staffKeys, readStaff)
        let trainers = r.list(root, "trainers", what: "trainer", keys: Self.trainerKeys, readTrainer)
        let courses = r.list(root, "courses", required: true, what: "course", keys: Self.courseKeys, readCourse)
        let events = r.list(root, "fixedEvents", what: "event", keys: Self.eventKeys, readFixedEvent)
        let pinned = r.list(root, "pinned", what: "pinned session", keys: ["course", "countyPart", "date", "leader"], readPinned)
        let coverage = r.list(root, "coverage", what: "coverage target", keys: ["area", "role", "minHours"], readCoverage)
        if municipalities.isEmpty, let v = r.value(root, "municipalities", required: false) {
            r.error(v, "municipalities", Bilingual("scenariot har inga kommuner", "the scenario lists no municipalities"),
                    hint: Bilingual("inget kan planeras utan dem", "nothing can be planned without them"))
        }
        if courses.isEmpty, let v = r.value(root, "courses", required: false) {
            r.error(v, "courses", Bilingual("scenariot har inga kurser", "the scenario lists no courses"),
                    hint: Bilingual("inget kan planeras utan dem", "nothing can be planned without them"))
        }

        // An unreadable period is replaced by the span of the dates seen, so date checks elsewhere
        // stay quiet instead of calling everything "outside the period".
        let fallback = Day(year: 2000, month: 1, day: 1) ?? Day(ordinal: 10957)
        let period = projectParts.period
            ?? DateRange(from: r.earliestDay ?? fallback, to: r.latestDay ?? r.earliestDay ?? fallback)
        var project = Project(id: projectParts.id, name: projectParts.name, owner: projectParts.owner, period: period,
                              timeZone: projectParts.timeZone, trainingFrom: projectParts.trainingFrom,
                              stated: projectParts.stated, uidDomain: projectParts.uidDomain)
        project.narrativeStated = projectParts.narrativeStated
        project.contact = projectParts.contact
        var scenario = Scenario(project: project, calendar: calendar, municipalities: municipalities, venues: venues,
                                staff: staff, trainers: trainers, courses: courses, rules: rules, budget: budget,
                                fixedEvents: events, pinned: pinned, weights: weights)
        scenario.coverage = coverage
        return scenario
    }

    /// A mapping section, or nil if absent (or not a mapping, which is reported).
    func section(_ parent: ScenarioNodeReader.Fields, _ key: String, what: String, keys: [String],
                 required: Bool = false) -> ScenarioNodeReader.Fields? {
        guard let v = r.value(parent, key, required: required) else { return nil }
        return r.fields(v, path: ScenarioNodeReader.join(parent.path, key), what: what, keys: keys)
    }

    // MARK: project

    struct ProjectParts {
        var id = "", name = "", owner = "", timeZone = "Europe/Stockholm", uidDomain = "tidsplan.invalid"
        var period: DateRange?
        var trainingFrom: Day?
        var stated = StatedTotals()
        var narrativeStated = StatedTotals()
        var contact: Contact?
    }

    func readProject(_ root: ScenarioNodeReader.Fields) -> ProjectParts {
        var p = ProjectParts()
        guard let f = section(root, "project", what: "project",
                              keys: ["id", "name", "owner", "period", "timeZone", "trainingFrom", "uidDomain", "stated", "narrativeStated",
                                     "contact"],
                              required: true) else { return p }
        p.id = r.text(f, "id", required: true) ?? ""
        p.name = r.text(f, "name", required: true) ?? ""
        p.owner = r.text(f, "owner") ?? ""
        if let pf = section(f, "period", what: "project period", keys: ["from", "to"], required: true) {
            let from = r.day(pf, "from", required: true), to = r.day(pf, "to", required: true)
            if let from, let to { p.period = DateRange(from: from, to: to) }
        }
        p.timeZone = r.text(f, "timeZone") ?? p.timeZone
        p.trainingFrom = r.day(f, "trainingFrom")
        p.uidDomain = r.text(f, "uidDomain") ?? p.uidDomain
        p.stated = readStated(f, "stated", what: "project stated totals")
        p.narrativeStated = readStated(f, "narrativeStated", what: "project narrative totals")
        if let cf = section(f, "contact", what: "project contact", keys: ["name", "email", "phone"]) {
            let name = r.text(cf, "name", required: true) ?? ""
            var email = r.text(cf, "email")
            if let e = email, !Self.isEmailAddress(e) {
                r.error(r.value(cf, "email", required: false), ScenarioNodeReader.join(cf.path, "email"),
                        Bilingual("projektets kontaktperson: `email` \"\(e)\" är ingen e-postadress", "project contact: `email` \"\(e)\" is not an e-mail address"),
                        hint: Bilingual("som namn@kommun.se", "like name@kommun.se"))
                email = nil
            }
            var phone = r.text(cf, "phone")
            if let t = phone, t.unicodeScalars.contains(where: { $0.value < 0x20 }) || t.count > 40 {
                r.error(r.value(cf, "phone", required: false), ScenarioNodeReader.join(cf.path, "phone"),
                        Bilingual("projektets kontaktperson: `phone` \"\(t.prefix(40))\" är inget telefonnummer", "project contact: `phone` \"\(t.prefix(40))\" is not a phone number"),
                        hint: Bilingual("som 036-10 50 00", "like 036-10 50 00"))
                phone = nil
            }
            if !name.isEmpty { p.contact = Contact(name: name, email: email, phone: phone) }
        }
        return p
    }

    /// One `@` with text either side, nothing a calendar line or mail program would trip on.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>\",;:()[]\\".unicodeScalars.contains($0) }
    }

    func readStated(_ f: ScenarioNodeReader.Fields, _ key: String, what: String) -> StatedTotals {
        guard let sf = section(f, key, what: what, keys: ["hours", "persons", "cofinancingKr", "budgetKr"]) else { return StatedTotals() }
        return StatedTotals(hours: r.int(sf, "hours"), persons: r.int(sf, "persons"),
                            cofinancingKr: r.int(sf, "cofinancingKr"), budgetKr: r.int(sf, "budgetKr"))
    }

    /// `{area: Vux, role: staff, minHours: 300}`.
    func readCoverage(_ f: inout ScenarioNodeReader.Fields) -> CoverageTarget? {
        let area = r.text(f, "area", required: true) ?? ""
        if !area.isEmpty { f.what = "coverage target \(area)" }
        let role = r.choice(f, "role", Role.allCases.map(\.rawValue)).flatMap(Role.init(rawValue:))
        return CoverageTarget(area: area, role: role, minHours: r.double(f, "minHours", required: true) ?? 0)
    }

    // MARK: calendar, rules, budget, weights

    func readCalendar(_ root: ScenarioNodeReader.Fields) -> CalendarSettings {
        var c = CalendarSettings()
        guard let f = section(root, "calendar", what: "calendar", keys: ["deFactoHolidays", "blackouts", "closedDays"]) else { return c }
        c.deFactoHolidays = r.bool(f, "deFactoHolidays") ?? c.deFactoHolidays
        // Unreadable entries are left out: one closed day less is quieter than a made-up one.
        c.blackouts = r.list(f, "blackouts", what: "blackout", keys: ["name", "from", "to"]) { readNamedRange(&$0, "blackout") }
        c.extraClosedDays = r.list(f, "closedDays", what: "closed day", keys: ["name", "from", "to", "date"]) {
            readNamedRange(&$0, "closed day")
        }
        return c
    }

    /// `{name, from, to}`; closed days may give `date` for a single day. nil if the dates are unreadable.
    func readNamedRange(_ f: inout ScenarioNodeReader.Fields, _ kind: String) -> Blackout? {
        let name = r.text(f, "name") ?? kind
        f.what = "\(kind) \"\(name)\""
        if f.has("date") && !f.has("from") && !f.has("to") {
            guard let d = r.day(f, "date", required: true) else { return nil }
            return Blackout(name: name, range: DateRange(from: d, to: d))
        }
        guard let range = readRange(f) else { return nil }
        return Blackout(name: name, range: range)
    }

    /// `from` and `to` in the mapping itself.
    func readRange(_ f: ScenarioNodeReader.Fields) -> DateRange? {
        let from = r.day(f, "from", required: true), to = r.day(f, "to", required: true)
        guard let from, let to else { return nil }
        return DateRange(from: from, to: to)
    }

    func readRules(_ root: ScenarioNodeReader.Fields) -> Rules {
        var x = Rules()
        guard let f = section(root, "rules", what: "rules",
                              keys: ["maxTrainingDaysPerWeek", "maxShareAwayPerDay", "quotaTolerance", "travelBetweenCountyParts",
                                     "prepDaysPerSessionDay", "maxTeachingShare", "followUpAfterMonths", "followUpWindowMonths", "followUpResponsible",
                                     "attendanceTolerance", "hoursPerPerson"]) else { return x }
        x.maxTrainingDaysPerWeek = r.int(f, "maxTrainingDaysPerWeek") ?? x.maxTrainingDaysPerWeek
        x.maxShareAwayPerDay = r.double(f, "maxShareAwayPerDay") ?? x.maxShareAwayPerDay
        x.quotaTolerance = r.double(f, "quotaTolerance") ?? x.quotaTolerance
        x.travelBetweenCountyParts = r.bool(f, "travelBetweenCountyParts") ?? x.travelBetweenCountyParts
        x.prepDaysPerSessionDay = r.double(f, "prepDaysPerSessionDay") ?? x.prepDaysPerSessionDay
        x.maxTeachingShare = r.double(f, "maxTeachingShare") ?? x.maxTeachingShare
        x.followUpAfterMonths = r.int(f, "followUpAfterMonths") ?? x.followUpAfterMonths
        x.followUpResponsible = r.text(f, "followUpResponsible")
        x.attendanceTolerance = r.double(f, "attendanceTolerance") ?? x.attendanceTolerance
        if let bf = section(f, "hoursPerPerson", what: "rules: hoursPerPerson", keys: ["min", "max"]) {
            x.hoursPerPerson = HoursPerPersonBand(min: r.double(bf, "min", required: true) ?? 0, max: r.double(bf, "max"))
        }
        if let wf = section(f, "followUpWindowMonths", what: "rules: followUpWindowMonths", keys: ["from", "to"]) {
            let from = r.int(wf, "from", required: true), to = r.int(wf, "to", required: true)
            if let from, let to { x.followUpWindowMonths = FollowUpWindow(from: from, to: to) }
        }
        return x
    }

    func readBudget(_ root: ScenarioNodeReader.Fields) -> Budget {
        guard let f = section(root, "budget", what: "budget", keys: ["trainersKr", "travelKr", "premisesKr"]) else { return Budget() }
        return Budget(trainersKr: r.int(f, "trainersKr"), travelKr: r.int(f, "travelKr"), premisesKr: r.int(f, "premisesKr"))
    }

    static var weightKeys: [(String, WritableKeyPath<ObjectiveWeights, Int>)] { [
        ("quotaShortfallPerHour", \.quotaShortfallPerHour), ("quotaExcessPerHour", \.quotaExcessPerHour),
        ("costPerThousandKr", \.costPerThousandKr), ("travelPerSeat", \.travelPerSeat),
        ("evennessPerSession", \.evennessPerSession), ("perSession", \.perSession),
        ("attendanceShortfallPerPerson", \.attendanceShortfallPerPerson), ("changeMoved", \.changeMoved),
        ("changeLeader", \.changeLeader), ("changeVenue", \.changeVenue), ("changeCancelled", \.changeCancelled),
        ("changeNew", \.changeNew), ("changeSeat", \.changeSeat), ("missingRunPerRun", \.missingRunPerRun),
        ("coverageShortfallPerHour", \.coverageShortfallPerHour), ("fairnessPerHour", \.fairnessPerHour),
    ] }

    func readWeights(_ root: ScenarioNodeReader.Fields) -> ObjectiveWeights {
        var w = ObjectiveWeights()
        guard let f = section(root, "weights", what: "weights", keys: Self.weightKeys.map(\.0)) else { return w }
        for (key, kp) in Self.weightKeys { if let v = r.int(f, key) { w[keyPath: kp] = v } }
        return w
    }
}
