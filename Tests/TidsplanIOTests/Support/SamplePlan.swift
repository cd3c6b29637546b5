import TidsplanCore

/// A small hand-made scenario and plan for golden tests of every writer (plan.json, timetable,
/// iCalendar, HTML report). Small enough to read in a golden file, yet it has what writers must
/// get right: å/ä/ö, a venue name with a comma, a title with quotes, `|` and `;`, a cell that
/// starts with `+` (CSV formula injection), a fractional hour count, a series, a cancelled
/// session with a raised SEQUENCE, frozen sessions before `asOf`, fixed events with and without
/// a venue, and two months plus a later one.
///
/// Planned hours per municipality (training, planned status only):
/// Aneby 4×2.5 + 8×6 = 58; Jönköping 12×2.5 + 20×6 + 2×(10×4) = 230; Värnamo 6×2.5 + 12×6 = 87
/// (the cancelled MI-ggvv-1 counts nothing).
enum SamplePlan {
    static let aneby = "Aneby"
    static let jonkoping = "Jönköping"
    static let varnamo = "Värnamo"

    static func day(_ iso: String) -> Day {
        guard let d = Day(iso: iso) else { preconditionFailure("bad sample date \(iso)") }
        return d
    }

    static func time(_ text: String) -> ClockTime {
        guard let t = ClockTime(text: text) else { preconditionFailure("bad sample time \(text)") }
        return t
    }

    static let period = DateRange(from: day("2024-01-02"), to: day("2026-05-31"))

    static let scenario = Scenario(
        project: Project(
            id: "rakna-med-oss-sample",
            name: "Räkna med oss! (exempel)",
            owner: "Region Jönköpings län, Kommunal utveckling",
            period: period,
            trainingFrom: day("2024-03-01"),
            stated: StatedTotals(hours: 2070, persons: 146),
            uidDomain: "rakna-med-oss.tidsplan.invalid"),
        calendar: CalendarSettings(blackouts: [
            Blackout(name: "Sommaruppehåll 2024", range: DateRange(from: day("2024-06-17"), to: day("2024-08-09"))),
        ]),
        municipalities: [
            Municipality(name: aneby, countyPart: "Höglandet",
                         groups: [PersonGroup(area: "EB", role: .staff, persons: 6),
                                  PersonGroup(area: "AME", role: .staff, persons: 2),
                                  PersonGroup(area: "EB", role: .manager, persons: 2)],
                         hoursEach: 15, quotaHours: 150, rateKrPerHour: 417),
            Municipality(name: jonkoping, countyPart: "Södra Vätterbygden",
                         groups: [PersonGroup(area: "EB", role: .staff, persons: 50),
                                  PersonGroup(area: "AME", role: .staff, persons: 26),
                                  PersonGroup(area: "EB", role: .manager, persons: 10)],
                         hoursEach: 15, quotaHours: 1290, rateKrPerHour: 417),
            Municipality(name: varnamo, countyPart: "GGVV",
                         groups: [PersonGroup(area: "EB", role: .staff, persons: 20),
                                  PersonGroup(area: "AME", role: .staff, persons: 8),
                                  PersonGroup(area: "EB", role: .manager, persons: 2)],
                         hoursEach: 21, quotaHours: 630, rateKrPerHour: 417),
        ],
        venues: [
            Venue(id: "werket", name: "Werket", town: "Jönköping", countyPart: "Södra Vätterbygden",
                  capacity: 60, mode: .physical, costPerDay: 3000),
            Venue(id: "hotell-hogland", name: "Hotell Högland", town: "Nässjö", countyPart: "Höglandet",
                  capacity: 30, mode: .physical, costPerDay: 2500),
            Venue(id: "stadshuset-varnamo", name: "Stadshuset, Värnamo", town: "Värnamo", countyPart: "GGVV",
                  capacity: 40, mode: .physical, costPerDay: 0),
            Venue(id: "digitalt", name: "Digitalt (Teams)", countyPart: nil, capacity: 100, mode: .digital,
                  link: "https://example.invalid/teams/rakna-med-oss"),
        ],
        staff: [
            StaffMember(name: "Projektledare", role: "project-leader",
                        shares: [ShareSpan(range: period, share: 1.0)]),
            StaffMember(name: "Anna Åberg", role: "development-leader",
                        shares: [ShareSpan(range: period, share: 1.0)], courses: ["SE"]),
        ],
        trainers: [
            ExternalTrainer(name: "Erik Öst", organisation: "MI-konsulterna AB", courses: ["MI"], dayRate: 5000,
                            maxDays: 20, travelPerDay: 800),
            ExternalTrainer(name: "Konsult Lind", organisation: "Lind & Co", courses: ["HP"], dayRate: 6000),
        ],
        courses: [
            Course(id: "HP", name: "Horisontella principer", hours: 2.5, start: time("09:00"), end: time("11:30"),
                   audience: [Audience()], minParticipants: 5, maxParticipants: 60, delivery: .digital,
                   venues: ["digitalt"]),
            Course(id: "MI", name: "MI, grund \"steg 1\"", hours: 6, start: time("09:00"), end: time("16:00"),
                   audience: [Audience(area: "EB"), Audience(area: "AME", role: .staff)],
                   minParticipants: 6, maxParticipants: 24, delivery: .countyPart,
                   prerequisites: [Prerequisite(course: "HP", minGapWeeks: 0)]),
            Course(id: "SE", name: "Supported Employment | grund", hours: 4, start: time("13:00"), end: time("17:00"),
                   audience: [Audience(area: "AME")], minParticipants: 6, maxParticipants: 20,
                   delivery: .countyPart, series: Series(meetings: 2, everyWeeks: 2)),
        ],
        rules: Rules(maxShareAwayPerDay: 0.25, followUpAfterMonths: 4),
        budget: Budget(trainersKr: 1_400_000, travelKr: 100_000, premisesKr: 200_000),
        fixedEvents: [
            FixedEvent(id: "styrgrupp-2024-03", title: "Styrgruppsmöte", kind: .steeringGroup,
                       date: day("2024-03-20"), start: time("13:00"), end: time("15:00"), venue: "werket",
                       leaders: ["Projektledare"], municipalities: [aneby, jonkoping, varnamo],
                       description: "Plan presenteras.\nBeslut om vårens kurser."),
            FixedEvent(id: "natverk-se-ips-2024-09", title: "Nätverksträff \"SE | IPS\"; digitalt",
                       kind: .network, date: day("2024-09-25"), start: time("10:00"), end: time("11:30"),
                       venue: "digitalt", leaders: ["Anna Åberg"], municipalities: [jonkoping, varnamo]),
        ]
    )

    static let plan = Plan(
        scenario: "rakna-med-oss-sample",
        period: period,
        solver: SolverSummary(name: "glpk", version: "5.0", status: .feasible,
                              objective: 12345.5, bound: 12000, gap: 0.027986),
        sessions: [
            PlannedSession(id: "styrgrupp-2024-03", kind: .event, course: "steering-group", title: "Styrgruppsmöte",
                           date: day("2024-03-20"), start: time("13:00"), end: time("15:00"), hours: 0,
                           venue: "werket", mode: .physical, leaders: ["Projektledare"], frozen: true,
                           attendingMunicipalities: [aneby, jonkoping, varnamo]),
            PlannedSession(id: "HP-1", course: "HP", title: "Horisontella principer",
                           date: day("2024-04-09"), start: time("09:00"), end: time("11:30"), hours: 2.5,
                           venue: "digitalt", mode: .digital, leaders: ["Konsult Lind"], frozen: true,
                           seats: [aneby: 4, jonkoping: 12, varnamo: 6]),
            PlannedSession(id: "MI-hoglandet-1", course: "MI", title: "MI, grund \"steg 1\"",
                           date: day("2024-04-16"), start: time("09:00"), end: time("16:00"), hours: 6,
                           venue: "hotell-hogland", mode: .physical, leaders: ["Erik Öst"],
                           seats: [aneby: 8], countyPart: "Höglandet"),
            PlannedSession(id: "MI-sodra-vatterbygden-1", course: "MI", title: "MI, grund \"steg 1\"",
                           date: day("2024-04-17"), start: time("09:00"), end: time("16:00"), hours: 6,
                           venue: "werket", mode: .physical, leaders: ["Erik Öst"],
                           seats: [jonkoping: 20], countyPart: "Södra Vätterbygden"),
            PlannedSession(id: "MI-ggvv-1", course: "MI", title: "MI, grund \"steg 1\"",
                           date: day("2024-04-18"), start: time("09:00"), end: time("16:00"), hours: 6,
                           venue: "stadshuset-varnamo", mode: .physical, leaders: ["Erik Öst"],
                           status: .cancelled, seats: [varnamo: 12], countyPart: "GGVV", sequence: 1),
            PlannedSession(id: "SE-sodra-vatterbygden-1-1", course: "SE", title: "Supported Employment | grund",
                           date: day("2024-05-06"), start: time("13:00"), end: time("17:00"), hours: 4,
                           venue: "werket", mode: .physical, leaders: ["Anna Åberg"],
                           seats: [jonkoping: 10],
                           series: SeriesPosition(run: "SE-sodra-vatterbygden-1", meeting: 1, of: 2),
                           countyPart: "Södra Vätterbygden"),
            PlannedSession(id: "SE-sodra-vatterbygden-1-2", course: "SE", title: "Supported Employment | grund",
                           date: day("2024-05-20"), start: time("13:00"), end: time("17:00"), hours: 4,
                           venue: "werket", mode: .physical, leaders: ["Anna Åberg"],
                           seats: [jonkoping: 10],
                           series: SeriesPosition(run: "SE-sodra-vatterbygden-1", meeting: 2, of: 2),
                           countyPart: "Södra Vätterbygden"),
            PlannedSession(id: "MI-ggvv-2", course: "MI", title: "MI, grund \"steg 1\"",
                           date: day("2024-09-10"), start: time("09:00"), end: time("16:00"), hours: 6,
                           venue: "stadshuset-varnamo", mode: .physical, leaders: ["Erik Öst"],
                           seats: [varnamo: 12], countyPart: "GGVV", sequence: 1),
            PlannedSession(id: "natverk-se-ips-2024-09", kind: .event, course: "network",
                           title: "Nätverksträff \"SE | IPS\"; digitalt",
                           date: day("2024-09-25"), start: time("10:00"), end: time("11:30"), hours: 0,
                           venue: "digitalt", mode: .digital, leaders: ["Anna Åberg"],
                           attendingMunicipalities: [jonkoping, varnamo]),
            PlannedSession(id: "uppfoljning-MI-hoglandet", kind: .event, course: "survey",
                           title: "+ Uppföljningsenkät MI, 4 mån",
                           date: day("2024-10-15"), start: time("09:00"), end: time("09:30"), hours: 0,
                           venue: "", mode: .digital, leaders: [],
                           attendingMunicipalities: [aneby]),
        ],
        municipalities: [
            MunicipalityHours(name: aneby, quotaHours: 150, plannedHours: 58, rateKrPerHour: 417),
            MunicipalityHours(name: jonkoping, quotaHours: 1290, plannedHours: 230, rateKrPerHour: 417),
            MunicipalityHours(name: varnamo, quotaHours: 630, plannedHours: 87, rateKrPerHour: 417),
        ],
        shortfalls: [
            Shortfall(kind: "quota", subject: .municipality(aneby), amount: 92, unit: "hours",
                      reason: "Only 10 persons in the audience of the planned courses; add a course for managers."),
            Shortfall(kind: "quota", subject: .municipality(jonkoping), amount: 1060, unit: "hours",
                      reason: "Sample plan covers spring 2024 only."),
            Shortfall(kind: "quota", subject: .municipality(varnamo), amount: 543, unit: "hours",
                      reason: "Sample plan covers spring 2024 only."),
        ],
        asOf: day("2024-04-10")
    )
}
