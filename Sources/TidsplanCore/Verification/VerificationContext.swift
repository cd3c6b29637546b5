/// What every rule check reads: the plan's checked sessions and quick look-ups into the scenario.
///
/// "Session" in docs/rules.md means a training session with status `planned`; fixed events and
/// cancelled sessions are left out here (only the frozen-past rule looks at the whole plans).
struct VerificationContext {
    let plan: Plan
    let scenario: Scenario
    let previous: Plan?
    let asOf: Day?
    let calendar: WorkingCalendar
    /// Planned training sessions in canonical order (date, start, id).
    let sessions: [PlannedSession]

    private let coursesByID: [String: Course]
    private let venuesByID: [String: Venue]
    private let staffByName: [String: StaffMember]
    private let trainersByName: [String: ExternalTrainer]
    private let municipalitiesByName: [String: Municipality]

    init(plan: Plan, scenario: Scenario, previous: Plan?, asOf: Day?) {
        self.plan = plan; self.scenario = scenario; self.previous = previous; self.asOf = asOf
        calendar = WorkingCalendar(scenario: scenario)
        sessions = plan.sessions
            .filter { $0.kind == .training && $0.status == .planned }
            .sorted { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }
        // The first entry wins on a duplicate name, as in Scenario's own look-ups.
        coursesByID = Dictionary(scenario.courses.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        venuesByID = Dictionary(scenario.venues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        staffByName = Dictionary(scenario.staff.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        trainersByName = Dictionary(scenario.trainers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        municipalitiesByName = Dictionary(scenario.municipalities.map { ($0.name, $0) },
                                          uniquingKeysWith: { first, _ in first })
    }

    func course(_ id: String) -> Course? { coursesByID[id] }
    func venue(_ id: String) -> Venue? { venuesByID[id] }
    func staffMember(_ name: String) -> StaffMember? { staffByName[name] }
    func trainer(_ name: String) -> ExternalTrainer? { trainersByName[name] }
    func municipality(_ name: String) -> Municipality? { municipalitiesByName[name] }

    /// The sessions a leader leads (a name listed twice in one session counts once).
    func sessions(ledBy leader: String) -> [PlannedSession] {
        sessions.filter { $0.leaders.contains(leader) }
    }

    /// Every leader named in a checked session, sorted.
    var leaderNames: [String] { Set(sessions.flatMap(\.leaders)).sorted() }

    /// Every municipality with seats in a checked session, sorted.
    var seatedMunicipalityNames: [String] {
        Set(sessions.flatMap { VerificationContext.seated($0).map(\.name) }).sorted()
    }

    /// The municipalities with at least one seat, sorted by name (zero entries say nothing).
    static func seated(_ s: PlannedSession) -> [(name: String, seats: Int)] {
        s.seats.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { (name: $0.key, seats: $0.value) }
    }

    /// Does the session serve the whole county (county-wide or digital) rather than one county part?
    func servesWholeCounty(_ s: PlannedSession) -> Bool {
        s.countyPart.isEmpty || (course(s.course).map { $0.delivery != .countyPart } ?? false)
    }

    /// The sessions that count for a course's participants: every session outside a series, and the
    /// first meeting of each series run ("a course's participants counts each run once").
    func countedSessions(course id: String) -> [PlannedSession] {
        var firstOfRun: [String: PlannedSession] = [:]
        var single: [PlannedSession] = []
        for s in sessions where s.course == id {
            guard let run = s.series?.run else { single.append(s); continue }
            if let best = firstOfRun[run], let bestMeeting = best.series?.meeting,
               (bestMeeting, best.date.ordinal, best.id) <= (s.series?.meeting ?? 0, s.date.ordinal, s.id) { continue }
            firstOfRun[run] = s
        }
        return (single + firstOfRun.values)
            .sorted { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }
    }

    /// Participants per municipality in a course, each series run counted once.
    func participants(course id: String) -> [String: Int] {
        var total: [String: Int] = [:]
        for s in countedSessions(course: id) {
            for (name, seats) in VerificationContext.seated(s) { total[name, default: 0] += seats }
        }
        return total
    }

    /// Σ of a staff member's share of full time over the scenario's working days among `days`.
    func workingShare(of member: StaffMember, over days: [Day]) -> Double {
        days.filter { calendar.isWorkingDay($0) }.reduce(0) { $0 + member.share(on: $1) }
    }
}

/// Small text helpers so messages read the same across rules.
enum VerificationText {
    /// "12", "4.5", "157.5": no trailing ".0", at most two decimals.
    static func number(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    /// `number` with a decimal comma in Swedish: "4,5" / "4.5".
    static func num(_ x: Double) -> Bilingual {
        let text = number(x)
        return Bilingual(String(text.map { $0 == "." ? "," : $0 }), text)
    }

    /// "1 400 000 kr": Swedish thousands grouping.
    static func kronor(_ x: Int) -> String {
        let digits = String(abs(x))
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return (x < 0 ? "-" : "") + groups.joined(separator: " ") + " kr"
    }

    /// "2024-W10" for an ISO week.
    static func week(_ w: (year: Int, week: Int)) -> String {
        "\(w.year)-W\(w.week < 10 ? "0" : "")\(w.week)"
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    /// "MI-hoglandet-2 den 2024-06-06" / "MI-hoglandet-2 on 2024-06-06"
    static func session(_ s: PlannedSession) -> Bilingual { Bilingual("\(s.id) den \(s.date.iso)", "\(s.id) on \(s.date.iso)") }

    /// Several sessions, comma-separated.
    static func sessions(_ list: [PlannedSession]) -> Bilingual {
        Bilingual.joined(list.map(session), separator: Bilingual(same: ", "))
    }

    /// "Aneby 5, Eksjö 3" (or "inga platser" / "no seats").
    static func seats(_ s: PlannedSession) -> Bilingual {
        let seated = VerificationContext.seated(s)
        return seated.isEmpty ? Bilingual("inga platser", "no seats") : Bilingual(same: list(seated.map { "\($0.name) \($0.seats)" }))
    }

    /// "1 session" / "3 sessions" and Swedish "1 tillfälle" / "3 tillfällen".
    static func count(_ n: Int, sv: (String, String), en: (String, String)) -> Bilingual {
        Bilingual("\(n) \(n == 1 ? sv.0 : sv.1)", "\(n) \(n == 1 ? en.0 : en.1)")
    }
}
