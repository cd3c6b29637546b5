/// Takes a filled attendance register into a plan: checks every row against the plan and the scenario,
/// and when nothing is wrong gives the plan with what happened recorded on its sessions (`seats` and
/// `groupSeats` become who came, `SessionAttendance` keeps what was booked). Rows a register leaves out
/// keep what was there: booked places, or what an earlier register recorded.
public enum AttendanceBook {
    public struct Options: Sendable {
        /// Sessions after this day have not been held: a row for one is refused.
        public var asOf: Day
        /// Whether rows may change what an earlier register recorded (the change is kept in the plan).
        public var correct: Bool
        public var lang: Language
        public init(asOf: Day, correct: Bool = false, lang: Language = .sv) {
            self.asOf = asOf; self.correct = correct; self.lang = lang
        }
    }

    /// Every bad row, in file order (empty: the register can be taken).
    public static func problems(_ register: AttendanceRegister, plan: Plan, scenario: Scenario, options: Options) -> [AttendanceProblem] {
        check(register, plan: plan, scenario: scenario, options: options).problems
    }

    /// The plan with the register recorded, or every bad row.
    public static func apply(_ register: AttendanceRegister, to plan: Plan, scenario: Scenario,
                             options: Options) -> Result<Plan, AttendanceFailure> {
        let checked = check(register, plan: plan, scenario: scenario, options: options)
        guard checked.problems.isEmpty else { return .failure(AttendanceFailure(problems: checked.problems)) }
        var out = plan
        var bySession: [String: [AttendanceRow]] = [:]
        for r in register.rows { bySession[r.session, default: []].append(r) }
        for i in out.sessions.indices {
            guard let rows = bySession[out.sessions[i].id], let first = rows.first else { continue }
            out.sessions[i] = record(rows, status: first.status, heldOn: first.heldOn, on: out.sessions[i],
                                     corrections: checked.corrections[out.sessions[i].id] ?? [])
        }
        out.sortSessions()
        for j in out.municipalities.indices {
            out.municipalities[j].plannedHours = (out.plannedHours(out.municipalities[j].name) * 1e6).rounded() / 1e6
        }
        return .success(out)
    }

    /// The session as the rows say it went.
    static func record(_ rows: [AttendanceRow], status: AttendanceStatus, heldOn: Day?, on s: PlannedSession,
                       corrections: [String]) -> PlannedSession {
        var out = s
        let booked = s.bookedGroupSeats
        let plannedDate = s.attendance?.plannedDate ?? s.date
        for r in rows {
            guard let key = GroupKey(text: r.group), let area = key.area, let role = key.role else { continue }
            if let k = out.groupSeats.firstIndex(where: { $0.municipality == r.municipality && $0.area == area && $0.role == role }) {
                out.groupSeats[k].seats = r.attended
            }
        }
        // A cancelled session keeps its booking as seats: its status says nobody came, and the calendars of
        // those booked show it as cancelled.
        if status == .cancelled { out.groupSeats = booked }
        for m in Set(out.groupSeats.map(\.municipality)) {
            out.seats[m] = out.groupSeats.filter { $0.municipality == m }.reduce(0) { $0 + $1.seats }
        }
        out.status = status == .cancelled ? .cancelled : .planned
        out.date = status == .moved ? (heldOn ?? plannedDate) : plannedDate
        if out.date != s.date || out.status != s.status { out.sequence = s.sequence + 1 }
        out.attendance = SessionAttendance(booked: booked, plannedDate: out.date == plannedDate ? nil : plannedDate,
                                           corrections: (s.attendance?.corrections ?? []) + corrections)
        return out
    }

    struct Checked {
        var problems: [AttendanceProblem] = []
        /// Per session: what a `--correct` row changed, in words.
        var corrections: [String: [String]] = [:]
    }

    static func check(_ register: AttendanceRegister, plan: Plan, scenario: Scenario, options: Options) -> Checked {
        let w = AttendanceWords(lang: options.lang)
        let scenario = scenario.applying(plan.commitmentChanges)
        let calendar = WorkingCalendar(scenario: scenario)
        var out = Checked()
        let sessions = Dictionary(plan.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let trainingIDs = plan.sessions.filter { $0.kind == .training }.map(\.id)
        var seen: [String: Int] = [:]
        var sessionStatus: [String: (line: Int, status: AttendanceStatus, heldOn: Day?)] = [:]
        func fail(_ r: AttendanceRow, _ column: AttendanceColumn, _ message: String) {
            out.problems.append(AttendanceProblem(file: register.file, line: r.line, field: column.header(options.lang), message))
        }
        for r in register.rows {
            guard let s = sessions[r.session], s.kind == .training else {
                let hint = NameMatching.suggestion(for: r.session, among: trainingIDs).map { w.didYouMean($0) } ?? ""
                fail(r, .session, w.unknownSession(r.session) + hint)
                continue
            }
            guard let m = scenario.municipality(r.municipality) else {
                fail(r, .municipality, w.unknownMunicipality(r.municipality, known: scenario.municipalities.map(\.name)))
                continue
            }
            guard let key = GroupKey(text: r.group), let area = key.area, let role = key.role,
                  let gi = m.groupIndex(area: area, role: role) else {
                fail(r, .group, w.unknownGroup(r.group, m))
                continue
            }
            let rowKey = "\(r.session)|\(m.name)|\(area)/\(role.rawValue)"
            if let earlier = seen[rowKey] { fail(r, .session, w.duplicate(earlier)); continue }
            seen[rowKey] = r.line
            // One session, one fate: every row of a session says the same about it.
            if let first = sessionStatus[r.session] {
                if first.status != r.status || first.heldOn != r.heldOn {
                    fail(r, .status, w.statusDisagrees(first.line))
                    continue
                }
            } else {
                sessionStatus[r.session] = (r.line, r.status, r.heldOn)
            }
            let plannedDate = s.attendance?.plannedDate ?? s.date
            if plannedDate > options.asOf {
                fail(r, .session, w.future(s.id, plannedDate, options.asOf))
                continue
            }
            switch r.status {
            case .moved:
                guard let day = r.heldOn else { fail(r, .heldOn, w.movedWithoutDay); continue }
                if day > options.asOf { fail(r, .heldOn, w.movedIntoFuture(day, options.asOf)); continue }
                if day == plannedDate { fail(r, .heldOn, w.movedToSameDay(day)); continue }
                if !scenario.project.period.contains(day) { fail(r, .heldOn, w.outsidePeriod(day, scenario.project.period)); continue }
                if !calendar.isWorkingDay(day) { fail(r, .heldOn, w.notWorkingDay(day)); continue }
                // Held that day, it would break the plan's own rules (a leader or a room twice): refused here,
                // where the row can be named, rather than when the re-plan finds the past broken.
                let thatDay = plan.sessions.filter { $0.id != s.id && $0.date == day && $0.status == .planned }
                if let other = thatDay.first(where: { !Set($0.leaders).isDisjoint(with: s.leaders) }) {
                    let who = s.leaders.filter { other.leaders.contains($0) }.joined(separator: ", ")
                    fail(r, .heldOn, w.leaderBusy(day, who, other.id)); continue
                }
                if s.mode == .physical, !s.venue.isEmpty, let other = thatDay.first(where: { $0.venue == s.venue && $0.mode == .physical }) {
                    fail(r, .heldOn, w.venueBusy(day, s.venue, other.id)); continue
                }
            case .held, .cancelled:
                if let day = r.heldOn { fail(r, .heldOn, w.heldOnWithoutMove(day)); continue }
            }
            if r.status == .cancelled {
                if s.series != nil { fail(r, .status, w.seriesMeetingCancelled(s.id)); continue }
                if r.attended > 0 { fail(r, .attended, w.cancelledWithAttendance(r.attended)); continue }
            }
            let day = r.status == .moved ? (r.heldOn ?? plannedDate) : plannedDate
            if r.attended > 0, let out = m.withdrawal, out <= day {
                fail(r, .municipality, w.withdrawn(m.name, out, day))
                continue
            }
            let persons = m.groups[gi].persons
            if r.attended > persons { fail(r, .attended, w.morePersonsThanGroup(r.attended, persons, m.name, r.group)); continue }
            let booked = s.bookedGroupSeats.filter { $0.municipality == m.name && $0.area == area && $0.role == role }.reduce(0) { $0 + $1.seats }
            if r.attended > booked { fail(r, .attended, w.moreThanBooked(r.attended, booked, s.id)); continue }
            // An earlier register recorded this session: a different figure is a correction, never silent.
            if let earlier = s.attendance {
                let wasStatus: AttendanceStatus = s.status == .cancelled ? .cancelled : (earlier.plannedDate == nil ? .held : .moved)
                let wasDay: Day? = wasStatus == .moved ? s.date : nil
                let was = s.groupSeats.filter { $0.municipality == m.name && $0.area == area && $0.role == role }.reduce(0) { $0 + $1.seats }
                var changes: [String] = []
                if wasStatus != r.status || wasDay != r.heldOn {
                    changes.append(w.statusChange(s.id, from: wasStatus, wasDay, to: r.status, r.heldOn))
                }
                if was != r.attended, r.status != .cancelled, wasStatus != .cancelled {
                    changes.append(w.attendedChange(s.id, m.name, r.group, from: was, to: r.attended))
                }
                if !changes.isEmpty {
                    if !options.correct { fail(r, .attended, w.contradicts(changes)); continue }
                    for c in changes where !(out.corrections[s.id] ?? []).contains(c) { out.corrections[s.id, default: []].append(c) }
                }
            }
        }
        return out
    }
}

/// A register that cannot be taken: every bad row.
public struct AttendanceFailure: Error, Sendable {
    public var problems: [AttendanceProblem]
    public init(problems: [AttendanceProblem]) { self.problems = problems }
}
