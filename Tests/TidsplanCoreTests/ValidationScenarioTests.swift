import Testing
@testable import TidsplanCore

private func day(_ iso: String) -> Day {
    guard let d = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return d
}

private func range(_ from: String, _ to: String) -> DateRange { DateRange(from: day(from), to: day(to)) }

/// A small consistent scenario: validates with no issues. Tests change one thing each.
private func baseScenario() -> Scenario {
    let period = range("2024-01-02", "2025-12-31")
    return Scenario(
        project: Project(id: "t-2024", name: "T", period: period, trainingFrom: day("2024-03-01"),
                         stated: StatedTotals(hours: 300, persons: 20, cofinancingKr: 125_100)),
        municipalities: [
            Municipality(name: "Jönköping", countyPart: "Södra Vätterbygden",
                         groups: [PersonGroup(area: "EB", role: .staff, persons: 8), PersonGroup(area: "EB", role: .manager, persons: 2)],
                         hoursEach: 15, quotaHours: 150, rateKrPerHour: 417),
            Municipality(name: "Eksjö", countyPart: "Höglandet",
                         groups: [PersonGroup(area: "EB", role: .staff, persons: 6), PersonGroup(area: "AME", role: .staff, persons: 4)],
                         hoursEach: 15, quotaHours: 150, rateKrPerHour: 417),
        ],
        venues: [
            Venue(id: "werket", name: "Werket", countyPart: "Södra Vätterbygden", capacity: 40, mode: .physical, costPerDay: 3000),
            Venue(id: "eksjo", name: "Stadshuset", countyPart: "Höglandet", capacity: 30, mode: .physical, costPerDay: 2000),
            Venue(id: "digitalt", name: "Teams", countyPart: nil, capacity: 100, mode: .digital),
        ],
        staff: [StaffMember(name: "Utvecklingsledare", role: "dev", shares: [ShareSpan(range: period, share: 1)], courses: ["MI", "HP"])],
        trainers: [ExternalTrainer(name: "MI-utbildare", courses: ["MI"], dayRate: 5000, maxDays: 20)],
        courses: [
            Course(id: "HP", name: "HP", hours: 3, start: ClockTime(minutes: 540), end: ClockTime(minutes: 720),
                   audience: [Audience()], attendance: .all, minParticipants: 5, maxParticipants: 30, delivery: .digital),
            Course(id: "MI", name: "MI", hours: 6, start: ClockTime(minutes: 540), end: ClockTime(minutes: 960),
                   audience: [Audience(area: "EB"), Audience(area: "AME", role: .staff)], attendance: .asNeeded,
                   minParticipants: 6, maxParticipants: 20, delivery: .countyPart,
                   prerequisites: [Prerequisite(course: "HP", minGapWeeks: 2)], series: Series(meetings: 2, everyWeeks: 2)),
        ],
        budget: Budget(trainersKr: 100_000),
        pinned: [PinnedSession(course: "HP", date: day("2024-03-12"), leader: "Utvecklingsledare")])
}

/// The validator's issues; each one's message and hint read in both languages (`check --lang`).
private func issues(_ s: Scenario, sourceLocation: SourceLocation = #_sourceLocation) -> [ValidationIssue] {
    let found = ScenarioValidator.validate(s)
    for issue in found {
        MessageLanguage.expectKept(issue.text, sourceLocation: sourceLocation)
        if let hint = issue.hintText { MessageLanguage.expectKept(hint, sourceLocation: sourceLocation) }
    }
    return found
}

private func only(_ s: Scenario) -> ValidationIssue? {
    let all = issues(s)
    #expect(all.count == 1, "expected one issue, got \(all.map { "\($0.path): \($0.message)" })")
    return all.first
}

@Suite("Scenario validation (no I/O)")
struct ValidationScenarioTests {
    @Test("The base scenario is clean")
    func clean() {
        #expect(issues(baseScenario()).isEmpty)
    }

    @Test("Stated total hours differing from the rows (the 5 992 vs 5 960 case) is a warning")
    func statedHours() {
        var s = baseScenario()
        s.project.stated.hours = 332
        let i = only(s)
        #expect(i?.severity == .warning)
        #expect(i?.path == "project.stated.hours")
        #expect(i?.message == "the stated total of 332 hours differs from the municipalities' quotas, which sum to 300 (difference 32)")
    }

    @Test("Persons × hoursEach against the quota, and figures stated elsewhere")
    func perMunicipalityTotals() {
        var s = baseScenario()
        s.municipalities[1].hoursEach = 16
        s.municipalities[1].statedElsewhere = StatedTotals(hours: 170, persons: 10)
        let all = issues(s)
        #expect(all.map(\.path) == ["municipalities[1].quotaHours", "municipalities[1].statedElsewhere.hours"])
        #expect(all.first?.message == "Eksjö: 10 persons × 16 hours each = 160 hours, but the quota is 150")
        #expect(all.last?.message == "Eksjö: 170 hours are stated elsewhere in the application, the quota here is 150")
        #expect(all.allSatisfy { $0.severity == .warning })
    }

    @Test("A rate more than twice the median is flagged")
    func rateOutlier() {
        var s = baseScenario()
        s.municipalities.append(Municipality(name: "Habo", countyPart: "Södra Vätterbygden",
                                             groups: [PersonGroup(area: "EB", role: .staff, persons: 1)],
                                             quotaHours: 0, rateKrPerHour: 4170))
        s.project.stated = StatedTotals()
        let i = only(s)
        #expect(i?.path == "municipalities[2].rateKrPerHour")
        #expect(i?.message == "Habo: 4170 kr/h co-financing rate is far from the others (median 417)")
    }

    @Test("A quota the courses cannot reach is a warning")
    func quotaUnreachable() {
        var s = baseScenario()
        s.municipalities[0].quotaHours = 200
        s.municipalities[0].hoursEach = 20
        s.project.stated = StatedTotals()
        let i = only(s)
        #expect(i?.path == "municipalities[0].quotaHours")
        #expect(i?.message == "Jönköping: even if every eligible person took every course, they would get 150 hours, less than the quota of 200")
    }

    @Test("Required attendance beyond the trainers' maxDays and budget")
    func trainerDays() {
        var s = baseScenario()
        // MI for everyone, 20 persons, max 5 a session, 2 meetings: per county part 10/5 = 2 sessions → 8 days.
        s.courses[1].attendance = .all
        s.courses[1].maxParticipants = 5
        s.courses[1].minParticipants = 2
        s.staff[0].courses = ["HP"]
        s.trainers[0].maxDays = 5
        s.budget.trainersKr = 30_000
        let all = issues(s)
        #expect(all.map(\.path) == ["courses[1].id", "budget.trainersKr"])
        #expect(all.first?.message == "course MI needs at least 8 trainer days for its required participants, but its trainers' maxDays add up to 5")
        #expect(all.last?.message == "the required sessions of MI cost at least 40000 kr in trainer fees, more than the trainers' budget of 30000 kr")
    }

    @Test("Unknown names get a did-you-mean, compared without case and diacritics")
    func unknownReferences() {
        var s = baseScenario()
        s.fixedEvents = [FixedEvent(id: "e", title: "E", kind: .meeting, date: day("2024-03-20"),
                                    start: ClockTime(minutes: 600), end: ClockTime(minutes: 660),
                                    venue: "Werket", leaders: ["utvecklingsledare"], municipalities: ["Jonkoping", "Stockholm"])]
        s.courses[1].audience = [Audience(area: "eb")]
        s.venues[1].countyPart = "Hoglandet"
        let all = issues(s).filter { $0.severity == .error }
        let byPath = Dictionary(all.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["fixedEvents[0].municipalities[0]"] == "unknown municipality \"Jonkoping\"; did you mean \"Jönköping\"?")
        #expect(byPath["fixedEvents[0].municipalities[1]"] == "unknown municipality \"Stockholm\"")
        #expect(byPath["fixedEvents[0].venue"] == "unknown venue \"Werket\"; did you mean \"werket\"?")
        #expect(byPath["fixedEvents[0].leaders[0]"] == "unknown leader \"utvecklingsledare\"; did you mean \"Utvecklingsledare\"?")
        #expect(byPath["courses[1].audience[0].area"] == "unknown area \"eb\"; did you mean \"EB\"?")
        #expect(byPath["venues[1].countyPart"] == "unknown county part \"Hoglandet\"; did you mean \"Höglandet\"?")
        #expect(all.first { $0.path == "fixedEvents[0].municipalities[1]" }?.hint == "known: \"Jönköping\", \"Eksjö\"")
    }

    @Test("Duplicate names point back at the first definition; staff and trainers share names")
    func duplicates() {
        var s = baseScenario()
        s.courses.append(s.courses[0])
        s.trainers.append(ExternalTrainer(name: "Utvecklingsledare", courses: ["MI"], dayRate: 5000))
        let dup = issues(s).filter { $0.message.contains("defined twice") }
        #expect(dup.map(\.path) == ["courses[2].id", "trainers[1].name"])
        #expect(dup.map(\.relatedPath) == ["courses[0].id", "staff[0].name"])
        #expect(dup.first?.message == "course \"HP\" is defined twice")
        #expect(dup.allSatisfy { $0.severity == .error })
    }

    @Test("Prerequisite cycles are errors")
    func cycle() {
        var s = baseScenario()
        s.courses[0].prerequisites = [Prerequisite(course: "MI")]
        let i = issues(s).first { $0.message.contains("cycle") }
        #expect(i?.path == "courses[0].prerequisites")
        #expect(i?.message == "prerequisites form a cycle: HP → MI → HP")
    }

    @Test("`after` and `aheadOf` name known courses, never the course itself, and close no cycle with prerequisites")
    func courseOrderReferences() {
        var s = baseScenario()
        s.courses[1].after = [CourseAfter(course: "hp"), CourseAfter(course: "MI")]
        s.courses[1].aheadOf = AheadOf(courses: ["XYZ"], slackWeeks: 4)
        let byPath = Dictionary(issues(s).map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["courses[1].after[0].course"] == "unknown course \"hp\"; did you mean \"HP\"?")
        #expect(byPath["courses[1].after[1].course"] == "course MI cannot come after itself")
        #expect(byPath["courses[1].aheadOf.courses[0]"] == "unknown course \"XYZ\"")

        var cyclic = baseScenario()  // MI needs HP first; HP after MI closes the cycle
        cyclic.courses[0].after = [CourseAfter(course: "MI")]
        let i = issues(cyclic).first { $0.message.contains("cycle") }
        #expect(i?.path == "courses[0].after")
        #expect(i?.message == "the courses to hold first (prerequisites, `after`) form a cycle: HP → MI → HP")
        #expect(i?.severity == .error)
    }

    @Test("Values out of range are errors at their own path")
    func ranges() {
        var s = baseScenario()
        s.project.period = range("2024-01-02", "2023-12-31")
        s.staff[0].shares[0].share = 1.5
        s.courses[0].minParticipants = 40
        s.courses[0].hours = 0
        s.courses[1].end = ClockTime(minutes: 500)
        s.rules.maxShareAwayPerDay = 25
        s.municipalities[0].groups[0].persons = -1
        let errors = issues(s).filter { $0.severity == .error }
        let byPath = Dictionary(errors.map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["project.period"] == "the project period ends (2023-12-31) before it starts (2024-01-02)")
        #expect(byPath["staff[0].shares[0].share"] == "Utvecklingsledare: share of full time must be from 0 to 1 (is 1.5)")
        #expect(byPath["courses[0].participants"] == "course HP: min participants (40) is greater than max (30)")
        #expect(byPath["courses[0].hours"] == "course HP: hours per session must be above 0 and at most 24 (is 0)")
        #expect(byPath["courses[1].end"] == "course MI: the session ends (08:20) before or when it starts (09:00)")
        #expect(byPath["rules.maxShareAwayPerDay"] == "maxShareAwayPerDay must be a share above 0 and at most 1 (is 25)")
        #expect(byPath["municipalities[0].persons[0].persons"] == "Jönköping: the number of persons is negative (-1)")
    }

    @Test("Pinned sessions on non-working days, with unqualified leaders or in the wrong county part")
    func pinned() {
        var s = baseScenario()
        s.pinned = [
            PinnedSession(course: "HP", date: day("2024-05-09")),                      // Kristi himmelsfärdsdag
            PinnedSession(course: "HP", date: day("2024-03-16")),                      // Saturday
            PinnedSession(course: "HP", date: day("2024-02-13")),                      // before trainingFrom
            PinnedSession(course: "HP", leader: "MI-utbildare"),                      // not qualified
            PinnedSession(course: "HP", countyPart: "Höglandet", date: day("2024-03-12")),  // HP is digital
            PinnedSession(course: "MI"),                                               // pins nothing
        ]
        let byPath = Dictionary(issues(s).map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["pinned[0].date"] == "pinned HP on 2024-05-09 is not a working day (thursday, Kristi himmelsfärdsdag)")
        #expect(byPath["pinned[1].date"] == "pinned HP on 2024-03-16 is not a working day (saturday, weekend)")
        #expect(byPath["pinned[2].date"] == "pinned HP on 2024-02-13 is before training starts (trainingFrom 2024-03-01)")
        #expect(byPath["pinned[3].leader"] == "MI-utbildare may not lead course HP")
        #expect(byPath["pinned[4].countyPart"] == "course HP is not held per county part (delivery: digital), so a pinned session cannot name one")
        #expect(byPath["pinned[5]"] == "pinned session of MI pins neither a date nor a leader")
    }

    @Test("Delivery needs matching venues")
    func delivery() {
        var s = baseScenario()
        s.courses[0].delivery = .county
        s.courses[1].venues = ["digitalt"]
        let byPath = Dictionary(issues(s).map { ($0.path, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["courses[0].venues"] == "course HP is county-wide (delivery: county) but names no venue")
        #expect(byPath["courses[1].venues[0]"] == "course MI is held on site (countyPart) but venue digitalt is digital")
    }

    @Test("Absurd values in every number do not trap the validator")
    func absurdNumbers() {
        var s = baseScenario()
        s.municipalities[0].quotaHours = 1_000_000_000
        s.municipalities[0].rateKrPerHour = 1_000_000_000
        s.municipalities[0].groups[0].persons = 1_000_000_000
        s.courses[0].maxParticipants = 1_000_000_000
        s.project.stated.cofinancingKr = 1_000_000_000
        s.project.period = range("1900-01-01", "2200-12-31")
        let all = issues(s)
        #expect(all.contains { $0.path == "project.period" && $0.severity == .error })
        #expect(all.contains { $0.path == "municipalities[0].quotaHours" && $0.message.contains("implausibly large") })
    }
}

@Suite("Name matching for did-you-mean")
struct ValidationNameMatchingTests {
    @Test func fold() {
        #expect(NameMatching.fold("Södra Vätterbygden") == "sodravatterbygden")
        #expect(NameMatching.fold("JÖNKÖPING") == "jonkoping")
        #expect(NameMatching.fold("Åre") == "are")
    }

    @Test func editDistance() {
        #expect(NameMatching.editDistance("kitten", "sitting", limit: 5) == 3)
        #expect(NameMatching.editDistance("kitten", "sitting", limit: 2) == nil)
        #expect(NameMatching.editDistance("", "abc", limit: 3) == 3)
        #expect(NameMatching.editDistance("quotaHour", "quotaHours", limit: 1) == 1)
    }

    @Test func suggestions() {
        let names = ["Jönköping", "Habo", "Mullsjö", "Värnamo", "Vaggeryd"]
        #expect(NameMatching.suggestion(for: "Jonkoping", among: names) == "Jönköping")
        #expect(NameMatching.suggestion(for: "Varnamo", among: names) == "Värnamo")
        #expect(NameMatching.suggestion(for: "Mullsjo ", among: names) == "Mullsjö")
        #expect(NameMatching.suggestion(for: "Vagerydd", among: names) == "Vaggeryd")
        #expect(NameMatching.suggestion(for: "Stockholm", among: names) == nil)
        #expect(NameMatching.suggestion(for: String(repeating: "x", count: 10_000), among: names) == nil)
        #expect(NameMatching.suggestion(for: "quotaHour", among: ["quotaHours", "hoursEach"]) == "quotaHours")
    }
}
