/// A validated scenario: everything the planner knows about one project.
///
/// These are plain values. The YAML loader (TidsplanIO) builds them and reports problems with
/// file:line; the model (TidsplanModel) reads them. Names are the keys that tie things together:
/// municipality names, county parts, course ids, leader names (staff and external trainers share
/// one namespace), venue ids.
public struct Scenario: Sendable, Equatable {
    public var project: Project
    public var calendar: CalendarSettings
    public var municipalities: [Municipality]
    public var venues: [Venue]
    public var staff: [StaffMember]
    public var trainers: [ExternalTrainer]
    public var courses: [Course]
    public var rules: Rules
    public var budget: Budget
    public var fixedEvents: [FixedEvent]
    public var pinned: [PinnedSession]
    public var weights: ObjectiveWeights
    /// Hours each area (and role) should get over the project (see `CoverageTarget`).
    public var coverage: [CoverageTarget] = []

    public init(project: Project, calendar: CalendarSettings = .init(), municipalities: [Municipality] = [],
                venues: [Venue] = [], staff: [StaffMember] = [], trainers: [ExternalTrainer] = [],
                courses: [Course] = [], rules: Rules = .init(), budget: Budget = .init(),
                fixedEvents: [FixedEvent] = [], pinned: [PinnedSession] = [], weights: ObjectiveWeights = .init()) {
        self.project = project; self.calendar = calendar; self.municipalities = municipalities
        self.venues = venues; self.staff = staff; self.trainers = trainers; self.courses = courses
        self.rules = rules; self.budget = budget; self.fixedEvents = fixedEvents; self.pinned = pinned
        self.weights = weights
    }

    public func municipality(_ name: String) -> Municipality? { municipalities.first { $0.name == name } }
    public func course(_ id: String) -> Course? { courses.first { $0.id == id } }
    public func venue(_ id: String) -> Venue? { venues.first { $0.id == id } }
    public func staffMember(_ name: String) -> StaffMember? { staff.first { $0.name == name } }
    public func trainer(_ name: String) -> ExternalTrainer? { trainers.first { $0.name == name } }
    /// Everyone who may lead `course`: staff and external trainers, in file order (staff first).
    public func leaders(for course: String) -> [String] {
        staff.filter { $0.courses.contains(course) }.map(\.name)
            + trainers.filter { $0.courses.contains(course) }.map(\.name)
    }
    public var countyParts: [String] {
        var seen: [String] = []
        for m in municipalities where !seen.contains(m.countyPart) { seen.append(m.countyPart) }
        return seen
    }
}

public struct Project: Sendable, Equatable {
    /// Short machine id, used for output folders and calendar UIDs (e.g. `rakna-med-oss-2024`).
    public var id: String
    public var name: String
    public var owner: String
    public var period: DateRange
    public var timeZone: String
    /// No training before this day (the start-up phase). Defaults to the period start.
    public var trainingFrom: Day
    public var stated: StatedTotals
    /// Domain used in calendar UIDs (`<session>@<uidDomain>`).
    public var uidDomain: String
    /// Totals the application's narrative states (it may disagree with its budget table); `check` sums
    /// the narrative's per-municipality figures (`statedElsewhere`, else the quota) against them.
    public var narrativeStated = StatedTotals()
    /// Whom people ask about a session (calendars: ORGANIZER and CONTACT); nil when the scenario names nobody.
    public var contact: Contact?

    public init(id: String, name: String, owner: String = "", period: DateRange,
                timeZone: String = "Europe/Stockholm", trainingFrom: Day? = nil,
                stated: StatedTotals = .init(), uidDomain: String = "tidsplan.invalid") {
        self.id = id; self.name = name; self.owner = owner; self.period = period; self.timeZone = timeZone
        self.trainingFrom = trainingFrom ?? period.from; self.stated = stated; self.uidDomain = uidDomain
    }
}

/// A person to contact about the project's sessions.
public struct Contact: Sendable, Equatable {
    public var name: String
    public var email: String?
    public var phone: String?
    public init(name: String, email: String? = nil, phone: String? = nil) { self.name = name; self.email = email; self.phone = phone }
}

/// The totals the application states, kept so `check` can cross-check them against the rows.
public struct StatedTotals: Sendable, Equatable {
    public var hours: Int?
    public var persons: Int?
    public var cofinancingKr: Int?
    public var budgetKr: Int?
    public init(hours: Int? = nil, persons: Int? = nil, cofinancingKr: Int? = nil, budgetKr: Int? = nil) {
        self.hours = hours; self.persons = persons; self.cofinancingKr = cofinancingKr; self.budgetKr = budgetKr
    }
}

public struct CalendarSettings: Sendable, Equatable {
    /// Count Midsummer Eve, Christmas Eve and New Year's Eve as non-working (Swedish practice).
    public var deFactoHolidays: Bool
    /// Named periods with no training: summer break, Christmas.
    public var blackouts: [Blackout]
    /// Extra non-working days the scenario names (e.g. a county-wide conference day).
    public var extraClosedDays: [Blackout]
    public init(deFactoHolidays: Bool = true, blackouts: [Blackout] = [], extraClosedDays: [Blackout] = []) {
        self.deFactoHolidays = deFactoHolidays; self.blackouts = blackouts; self.extraClosedDays = extraClosedDays
    }
}

public struct Blackout: Sendable, Equatable {
    public var name: String
    public var range: DateRange
    public init(name: String, range: DateRange) { self.name = name; self.range = range }
}

public struct Municipality: Sendable, Equatable {
    public var name: String
    public var countyPart: String
    /// Persons by operational area and role.
    public var groups: [PersonGroup]
    /// Hours each person is budgeted for (informational; cross-checked against the quota).
    public var hoursEach: Double?
    /// The hour quota: the municipality's co-financing in hours.
    public var quotaHours: Int
    /// Co-financing rate in kr per hour (417 in "Räkna med oss!").
    public var rateKrPerHour: Int
    /// From this day on the municipality takes part no more.
    public var withdrawal: Day?
    /// From `from` on, the quota is `quotaHours` in total (a reduced commitment).
    public var reductions: [QuotaReduction]
    /// Figures other parts of the application give for the same municipality (kept for `check`).
    public var statedElsewhere: StatedTotals?

    public init(name: String, countyPart: String, groups: [PersonGroup], hoursEach: Double? = nil,
                quotaHours: Int, rateKrPerHour: Int, withdrawal: Day? = nil, reductions: [QuotaReduction] = [],
                statedElsewhere: StatedTotals? = nil) {
        self.name = name; self.countyPart = countyPart; self.groups = groups; self.hoursEach = hoursEach
        self.quotaHours = quotaHours; self.rateKrPerHour = rateKrPerHour; self.withdrawal = withdrawal
        self.reductions = reductions; self.statedElsewhere = statedElsewhere
    }

    public var persons: Int { groups.reduce(0) { $0 + $1.persons } }
    public func persons(in audience: [Audience]) -> Int {
        groups.filter { g in audience.contains { $0.matches(g) } }.reduce(0) { $0 + $1.persons }
    }
    /// The first of its person groups with this area and role (a plan's `groupSeats` name groups so).
    public func groupIndex(area: String, role: Role) -> Int? { groups.firstIndex { $0.area == area && $0.role == role } }
    /// The quota in force (the last reduction, if any, else the original).
    public var effectiveQuotaHours: Int { reductions.max { $0.from < $1.from }?.quotaHours ?? quotaHours }
}

public struct PersonGroup: Sendable, Equatable {
    /// Operational area id, e.g. `EB` (financial assistance), `AME` (labour market), `Vux` (adult education).
    public var area: String
    public var role: Role
    public var persons: Int
    public init(area: String, role: Role, persons: Int) { self.area = area; self.role = role; self.persons = persons }
}

public enum Role: String, Sendable, Equatable, CaseIterable { case staff, manager }

/// Who a course is for. `area == nil` means any area; `role == nil` means any role.
public struct Audience: Sendable, Equatable {
    public var area: String?
    public var role: Role?
    public init(area: String? = nil, role: Role? = nil) { self.area = area; self.role = role }
    public func matches(_ g: PersonGroup) -> Bool { (area == nil || area == g.area) && (role == nil || role == g.role) }
}

public struct QuotaReduction: Sendable, Equatable {
    public var from: Day
    public var quotaHours: Int
    /// Hours taken over from others (`--compensate`), not a lower commitment: see `CommitmentChange`.
    public var compensation: Bool
    public init(from: Day, quotaHours: Int, compensation: Bool = false) {
        self.from = from; self.quotaHours = quotaHours; self.compensation = compensation
    }
}

public enum DeliveryMode: String, Sendable, Equatable, Codable { case physical, digital }

public struct Venue: Sendable, Equatable {
    public var id: String
    public var name: String
    public var town: String
    /// The county part the venue is in; `nil` for digital rooms.
    public var countyPart: String?
    public var capacity: Int
    public var mode: DeliveryMode
    public var costPerDay: Int
    /// Meeting link for digital venues.
    public var link: String?
    /// Street address (calendars' LOCATION), e.g. "Storgatan 1".
    public var address: String?
    public init(id: String, name: String, town: String = "", countyPart: String?, capacity: Int,
                mode: DeliveryMode, costPerDay: Int = 0, link: String? = nil, address: String? = nil) {
        self.id = id; self.name = name; self.town = town; self.countyPart = countyPart; self.capacity = capacity
        self.mode = mode; self.costPerDay = costPerDay; self.link = link; self.address = address
    }
}

/// A share of full time over a date range (e.g. 0.75 for the first six months).
public struct ShareSpan: Sendable, Equatable {
    public var range: DateRange
    public var share: Double
    public init(range: DateRange, share: Double) { self.range = range; self.share = share }
}

public struct StaffMember: Sendable, Equatable {
    public var name: String
    public var role: String
    /// Share of full time by period; outside every span the share is 0.
    public var shares: [ShareSpan]
    /// Course ids this person may lead.
    public var courses: [String]
    public var absences: [Blackout]
    public init(name: String, role: String, shares: [ShareSpan], courses: [String] = [], absences: [Blackout] = []) {
        self.name = name; self.role = role; self.shares = shares; self.courses = courses; self.absences = absences
    }
    public func share(on d: Day) -> Double { shares.last { $0.range.contains(d) }?.share ?? 0 }
    public func isAbsent(on d: Day) -> Bool { absences.contains { $0.range.contains(d) } }
}

public struct ExternalTrainer: Sendable, Equatable {
    public var name: String
    public var organisation: String
    public var courses: [String]
    public var dayRate: Int
    /// Weekdays the trainer can work; empty means Monday–Friday.
    public var weekdays: [Weekday]
    /// Date ranges the trainer is under contract; empty means the whole period.
    public var available: [DateRange]
    /// Most days the contract allows over the whole period.
    public var maxDays: Int?
    public var absences: [Blackout]
    /// Travel and lodging per session day, drawn from the travel budget.
    public var travelPerDay: Int
    public init(name: String, organisation: String = "", courses: [String], dayRate: Int, weekdays: [Weekday] = [],
                available: [DateRange] = [], maxDays: Int? = nil, absences: [Blackout] = [], travelPerDay: Int = 0) {
        self.name = name; self.organisation = organisation; self.courses = courses; self.dayRate = dayRate
        self.weekdays = weekdays; self.available = available; self.maxDays = maxDays; self.absences = absences
        self.travelPerDay = travelPerDay
    }
    public func isAvailable(on d: Day) -> Bool {
        let wd = weekdays.isEmpty ? !d.weekday.isWeekend : weekdays.contains(d.weekday)
        let inRange = available.isEmpty || available.contains { $0.contains(d) }
        return wd && inRange && !absences.contains { $0.range.contains(d) }
    }
}

public enum Attendance: Sendable, Equatable {
    /// Every eligible person should attend once.
    case all
    /// A number of persons per municipality (names not listed: none required).
    case perMunicipality([String: Int])
    /// As many as help fill the municipalities' hour quotas.
    case asNeeded
    /// Persons per municipality and target group, as the mapping (kartläggning) says (`TargetGroupDemand`).
    case perGroup(GroupAsk)
}

/// Where a course's sessions are held.
public enum Delivery: String, Sendable, Equatable {
    /// One physical session series per county part, at a venue in that part.
    case countyPart
    /// Physical, county-wide, at the course's venue; anyone may attend (travel counted).
    case county
    /// Digital, county-wide.
    case digital
}

public struct Prerequisite: Sendable, Equatable {
    public var course: String
    /// At least this many weeks between the prerequisite and this course.
    public var minGapWeeks: Int
    public init(course: String, minGapWeeks: Int = 0) { self.course = course; self.minGapWeeks = minGapWeeks }
}

/// `after: [{course: MIX-INTRO, minGapWeeks: 0}]`: in every county part, this course starts only once a run
/// of the named course serving that part has finished, at least `minGapWeeks` weeks before.
public struct CourseAfter: Sendable, Equatable {
    public var course: String
    public var minGapWeeks: Int
    public init(course: String, minGapWeeks: Int = 0) { self.course = course; self.minGapWeeks = minGapWeeks }
}

/// `aheadOf: {courses: [MI, MIX], slackWeeks: 4}`: every run of this (managers') course starts no later than
/// `slackWeeks` after the first run of any listed course in the same county part.
public struct AheadOf: Sendable, Equatable {
    public var courses: [String]
    public var slackWeeks: Int
    public init(courses: [String], slackWeeks: Int = 0) { self.courses = courses; self.slackWeeks = slackWeeks }
}

public struct Series: Sendable, Equatable {
    public var meetings: Int
    /// Weeks between consecutive meetings.
    public var everyWeeks: Int
    public init(meetings: Int, everyWeeks: Int) { self.meetings = meetings; self.everyWeeks = everyWeeks }
}

public struct Course: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Teaching hours per session (counted for co-financing).
    public var hours: Double
    public var start: ClockTime
    public var end: ClockTime
    public var audience: [Audience]
    public var attendance: Attendance
    public var minParticipants: Int
    public var maxParticipants: Int
    public var delivery: Delivery
    /// For `county` delivery: the venue id; for `countyPart`: optional preferred venues.
    public var venues: [String]
    public var prerequisites: [Prerequisite]
    /// A series: each participant attends every meeting.
    public var series: Series?
    /// Leaders needed per session (usually 1).
    public var leadersPerSession: Int
    /// Sessions only within this window, if given.
    public var window: DateRange?
    public var description: String
    /// How often the course must run (a promise to the funder); nil: as often as the goals want.
    public var runs: RunRequirement?
    /// A core course: spread over the period rather than left to its end.
    public var core = false
    /// Places in every run for participants from outside the municipalities (no quota).
    public var reserved: [ReservedSeats] = []
    /// Reserved places per run, in all.
    public var reservedSeats: Int { reserved.reduce(0) { $0 + $1.seats } }
    /// Courses held first in each county part, with no demand that the same people take both.
    public var after: [CourseAfter] = []
    /// A managers' course that runs before, or at the latest alongside, its staff's courses.
    public var aheadOf: AheadOf?
    public init(id: String, name: String, hours: Double, start: ClockTime, end: ClockTime, audience: [Audience],
                attendance: Attendance = .asNeeded, minParticipants: Int = 6, maxParticipants: Int = 25,
                delivery: Delivery = .countyPart, venues: [String] = [], prerequisites: [Prerequisite] = [],
                series: Series? = nil, leadersPerSession: Int = 1, window: DateRange? = nil, description: String = "") {
        self.id = id; self.name = name; self.hours = hours; self.start = start; self.end = end
        self.audience = audience; self.attendance = attendance; self.minParticipants = minParticipants
        self.maxParticipants = maxParticipants; self.delivery = delivery; self.venues = venues
        self.prerequisites = prerequisites; self.series = series; self.leadersPerSession = leadersPerSession
        self.window = window; self.description = description
    }
    public var meetings: Int { series?.meetings ?? 1 }
    /// Hours one participant gets from the whole course (all meetings).
    public var hoursPerParticipant: Double { hours * Double(meetings) }
}

public struct Rules: Sendable, Equatable {
    /// At most this many training days a week for one municipality's staff.
    public var maxTrainingDaysPerWeek: Int
    /// At most this share of a municipality's persons away on training on one day.
    public var maxShareAwayPerDay: Double
    /// Planned hours may exceed the quota by at most this share (and should not fall short).
    public var quotaTolerance: Double
    /// May municipalities attend physical sessions in another county part?
    public var travelBetweenCountyParts: Bool
    /// Staff preparation days per session day (a 0.5 means a session day costs 1.5 days).
    public var prepDaysPerSessionDay: Double
    /// Largest share of a staff member's working time spent leading and preparing, per month.
    public var maxTeachingShare: Double
    /// The preferred month of a run's follow-up survey after its last meeting (none when nil and no window).
    public var followUpAfterMonths: Int?
    /// The months after a run's last meeting a follow-up survey may go out (`followUpWindow` gives the one in force).
    public var followUpWindowMonths: FollowUpWindow? = nil
    /// Who sends the follow-up surveys (a staff member's name), so they reach someone's calendar.
    public var followUpResponsible: String?
    /// A target group may get this share more places in a course than it asked for (rounded up), never more.
    public var attendanceTolerance: Double = 0.25
    /// Equal opportunity: the band of hours per person each municipality's target group should get.
    public var hoursPerPerson: HoursPerPersonBand?
    public init(maxTrainingDaysPerWeek: Int = 2, maxShareAwayPerDay: Double = 0.5, quotaTolerance: Double = 0.05,
                travelBetweenCountyParts: Bool = true, prepDaysPerSessionDay: Double = 0.5,
                maxTeachingShare: Double = 0.6, followUpAfterMonths: Int? = nil) {
        self.maxTrainingDaysPerWeek = maxTrainingDaysPerWeek; self.maxShareAwayPerDay = maxShareAwayPerDay
        self.quotaTolerance = quotaTolerance; self.travelBetweenCountyParts = travelBetweenCountyParts
        self.prepDaysPerSessionDay = prepDaysPerSessionDay; self.maxTeachingShare = maxTeachingShare
        self.followUpAfterMonths = followUpAfterMonths
    }
}

/// Budget caps in kr. `nil` means no cap.
public struct Budget: Sendable, Equatable {
    /// External trainers' day fees.
    public var trainersKr: Int?
    /// Trainers' travel and lodging.
    public var travelKr: Int?
    /// Venue hire.
    public var premisesKr: Int?
    public init(trainersKr: Int? = nil, travelKr: Int? = nil, premisesKr: Int? = nil) {
        self.trainersKr = trainersKr; self.travelKr = travelKr; self.premisesKr = premisesKr
    }

    /// The cap of one line, nil when it has none.
    public func cap(_ line: BudgetLine) -> Int? {
        switch line {
        case .trainers: trainersKr
        case .travel: travelKr
        case .premises: premisesKr
        }
    }
}

/// The budget lines the model caps; the raw values name them in model rows and capacity files.
public enum BudgetLine: String, Sendable, Equatable, Hashable, CaseIterable {
    case trainers, travel, premises
}

public enum EventKind: String, Sendable, Equatable, Codable, CaseIterable {
    case steeringGroup = "steering-group", network, survey, meeting, training
}

/// Meetings that belong in the calendars but are not optimised.
public struct FixedEvent: Sendable, Equatable {
    /// Stable id (used for the calendar UID).
    public var id: String
    public var title: String
    public var kind: EventKind
    public var date: Day
    public var start: ClockTime
    public var end: ClockTime
    public var venue: String?
    /// Staff or trainers who attend (their calendars get the event).
    public var leaders: [String]
    /// Municipalities whose staff attend (their calendars get the event).
    public var municipalities: [String]
    public var description: String
    public init(id: String, title: String, kind: EventKind, date: Day, start: ClockTime, end: ClockTime,
                venue: String? = nil, leaders: [String] = [], municipalities: [String] = [], description: String = "") {
        self.id = id; self.title = title; self.kind = kind; self.date = date; self.start = start; self.end = end
        self.venue = venue; self.leaders = leaders; self.municipalities = municipalities; self.description = description
    }
}

/// A session the leader has already decided: its date and/or leader hold.
public struct PinnedSession: Sendable, Equatable {
    public var course: String
    /// County part for `countyPart` courses; nil otherwise.
    public var countyPart: String?
    public var date: Day?
    public var leader: String?
    public init(course: String, countyPart: String? = nil, date: Day? = nil, leader: String? = nil) {
        self.course = course; self.countyPart = countyPart; self.date = date; self.leader = leader
    }
}

/// Weights of the soft goals. Whole numbers: the solver can then stop as soon as the bound proves it.
public struct ObjectiveWeights: Sendable, Equatable {
    /// Per hour a municipality falls short of its quota.
    public var quotaShortfallPerHour: Int
    /// Per hour above the quota (within tolerance).
    public var quotaExcessPerHour: Int
    /// Per 1 000 kr spent (trainers, travel, premises).
    public var costPerThousandKr: Int
    /// Per participant seated in another county part's physical session.
    public var travelPerSeat: Int
    /// Per session above the average in the busiest month (evenness over the months).
    public var evennessPerSession: Int
    /// Per session held (fewer, fuller, joint sessions save trainer days).
    public var perSession: Int
    /// Per required participant left out (attendance "all" or a number per municipality).
    public var attendanceShortfallPerPerson: Int
    /// Re-planning: per moved, re-led, re-located, cancelled or new session.
    public var changeMoved: Int
    public var changeLeader: Int
    public var changeVenue: Int
    public var changeCancelled: Int
    public var changeNew: Int
    /// Re-planning: per seat a municipality gains or loses in a course's runs (a seat change alters a
    /// session in the calendars of everyone in it).
    public var changeSeat: Int
    /// Per run a course falls short of its `runs` minimum.
    public var missingRunPerRun = 300
    /// Per hour an area (and role) falls short of its coverage target.
    public var coverageShortfallPerHour = 20
    /// Per hour a municipality's target group falls outside the `hoursPerPerson` band (times its persons).
    public var fairnessPerHour = 5
    public init(quotaShortfallPerHour: Int = 100, quotaExcessPerHour: Int = 2, costPerThousandKr: Int = 1,
                travelPerSeat: Int = 1, evennessPerSession: Int = 5, perSession: Int = 10,
                attendanceShortfallPerPerson: Int = 50, changeMoved: Int = 20, changeLeader: Int = 10,
                changeVenue: Int = 10, changeCancelled: Int = 30, changeNew: Int = 30, changeSeat: Int = 2) {
        self.quotaShortfallPerHour = quotaShortfallPerHour; self.quotaExcessPerHour = quotaExcessPerHour
        self.costPerThousandKr = costPerThousandKr; self.travelPerSeat = travelPerSeat
        self.evennessPerSession = evennessPerSession; self.perSession = perSession
        self.attendanceShortfallPerPerson = attendanceShortfallPerPerson; self.changeMoved = changeMoved
        self.changeLeader = changeLeader; self.changeVenue = changeVenue; self.changeCancelled = changeCancelled
        self.changeNew = changeNew; self.changeSeat = changeSeat
    }
}
