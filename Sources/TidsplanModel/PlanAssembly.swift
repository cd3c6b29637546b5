import LinearModel
import TidsplanCore

/// Turns the two stages' decisions into a `Plan`: sessions, fixed events, follow-up surveys, hours per
/// municipality, shortfalls in plain words, and calendar sequence numbers against the previous plan.
struct PlanAssembly {
    /// The verifier rules plan assembly keeps by construction: fixed events on their scenario dates, surveys on
    /// working days, nobody invited after withdrawing.
    static let verifierRules = ["events"]

    let scenario: Scenario
    let grid: TimeGrid
    let groups: [RunGroup]
    /// Held runs, with dates for the meetings the day model placed.
    let runs: [HeldRun]
    let replan: ReplanContext?
    let gaps: [CandidateGap]
    /// The week solution, for explanations and the coverage split of seats (nil for a decomposed plan's whole).
    var evidence: WeekEvidence? = nil

    func plan(solver: SolverSummary) -> Plan {
        // A run whose meetings did not all find a day is dropped whole: a series keeps its rhythm or is not held.
        let incompleteRuns = runs.filter { $0.dates.count < groups[$0.group].meetings }.map(\.id)
        return complete(training: trainingSessions(), incompleteRuns: incompleteRuns.sorted(), solver: solver)
    }

    /// The plan around its training sessions: fixed events, follow-ups, hours and shortfalls. Also used to
    /// put together the areas of a decomposed plan.
    func complete(training: [PlannedSession], incompleteRuns: [String], solver: SolverSummary) -> Plan {
        var sessions = training
        sessions += fixedEvents() + followUps(after: sessions)
        if let replan { sessions = carryOver(sessions, replan) }
        var plan = Plan(scenario: scenario.project.id, period: scenario.project.period, solver: solver,
                        sessions: sessions, municipalities: [], shortfalls: [], asOf: replan?.asOf)
        plan.commitmentChanges = scenario.commitmentChanges
        plan.municipalities = scenario.municipalities.map {
            MunicipalityHours(name: $0.name, quotaHours: $0.effectiveQuotaHours,
                              plannedHours: Planner.rounded(plan.plannedHours($0.name)), rateKrPerHour: $0.rateKrPerHour)
        }
        plan.shortfalls = ShortfallExplainer(scenario: scenario, grid: grid, groups: groups, plan: plan, replan: replan,
                                             evidence: evidence, gaps: gaps)
            .shortfalls(unplacedRuns: incompleteRuns)
        return plan
    }

    func trainingSessions() -> [PlannedSession] {
        var out: [PlannedSession] = []
        for run in runs where run.dates.count == groups[run.group].meetings {
            let group = groups[run.group]
            let course = group.course
            let n = course.meetings
            for j in 1...n {
                guard let date = run.dates[j] else { continue }
                let seats = run.seats.filter { name, _ in isTakingPart(name, on: date) }
                // A series meeting its withdrawn partners leave below the course's minimum (or empty: a whole
                // county part withdrew mid-series) is cancelled, not held too small.
                let emptied = seats.count < run.seats.count && seats.values.reduce(0, +) + course.reservedSeats < course.minParticipants
                var session = PlannedSession(
                    id: group.sessionID(run: run.id, meeting: j), kind: .training, course: course.id,
                    title: n > 1 ? "\(course.name) (\(j)/\(n))" : course.name, date: date,
                    start: course.start, end: course.end, hours: course.hours, venue: group.venue.id, mode: group.venue.mode,
                    leaders: run.leaders[j] ?? [], frozen: replan.map { date <= $0.asOf } ?? false,
                    status: emptied ? .cancelled : .planned, seats: seats,
                    series: course.series == nil ? nil : SeriesPosition(run: run.id, meeting: j, of: n),
                    countyPart: group.countyPart ?? "")
                session.groupSeats = run.groupSeats.filter { seats[$0.municipality] != nil }
                session.reserved = course.reserved.filter { $0.seats > 0 }
                out.append(session)
            }
        }
        return out
    }

    func fixedEvents() -> [PlannedSession] {
        scenario.fixedEvents.map { e in
            PlannedSession(id: e.id, kind: .event, course: e.kind.rawValue, title: e.title, date: e.date, start: e.start,
                           end: e.end, hours: 0, venue: e.venue ?? "", mode: scenario.venue(e.venue ?? "")?.mode ?? .physical,
                           leaders: e.leaders, frozen: replan.map { e.date <= $0.asOf } ?? false,
                           attendingMunicipalities: e.municipalities.filter { isTakingPart($0, on: e.date) })
        }
    }

    /// False from the day a municipality withdraws: it then gets no seats and no invitations.
    func isTakingPart(_ municipality: String, on day: Day) -> Bool {
        scenario.municipality(municipality)?.withdrawal.map { day < $0 } ?? true
    }

    /// One follow-up survey per run (cohort), inside its window after the run's last meeting
    /// (`FollowUpDate`), inviting the municipalities seated in the run. A run whose window holds no
    /// working day of the project gets none (the shortfalls name it).
    func followUps(after sessions: [PlannedSession]) -> [PlannedSession] {
        guard let window = scenario.rules.followUpWindow, let months = scenario.rules.followUpPreferredMonths,
              let start = ClockTime(hour: 9, minute: 0), let end = ClockTime(hour: 9, minute: 30) else { return [] }
        // Surveys the previous plan already sent stay as they were (carryOver); a new one cannot go out in the past.
        let sentBefore: Set<String> = replan.map { r in Set(r.previous.sessions.filter { $0.date <= r.asOf }.map(\.id)) } ?? []
        var out: [PlannedSession] = []
        for course in scenario.courses {
            let mine = sessions.filter { $0.kind == .training && $0.course == course.id && $0.status == .planned }
            let last = FollowUpSurvey.lastMeetings(mine)
            for run in last.keys.sorted() {
                guard let lastMeeting = last[run] else { continue }
                let id = FollowUpSurvey.id(run: run)
                let notBefore = sentBefore.contains(id) ? nil : replan?.asOf.adding(days: 1)
                guard let day = FollowUpDate.sent(after: lastMeeting, window: window, preferredMonths: months,
                                                  period: scenario.project.period, notBefore: notBefore,
                                                  calendar: grid.calendar) else { continue }
                let municipalities = Set(mine.filter { FollowUpSurvey.run(of: $0) == run }.flatMap { $0.seats.filter { $0.value > 0 }.keys })
                    .filter { isTakingPart($0, on: day) }.sorted()
                out.append(PlannedSession(
                    id: id, kind: .event, course: EventKind.survey.rawValue,
                    title: FollowUpSurvey.title(course: course.name, lastMeeting: lastMeeting), date: day, start: start, end: end, hours: 0, venue: "",
                    mode: .digital, leaders: scenario.rules.followUpResponsible.map { [$0] } ?? [],
                    frozen: replan.map { day <= $0.asOf } ?? false, attendingMunicipalities: municipalities))
            }
        }
        return out
    }

    /// Against the previous plan: frozen sessions exactly as they were, sequence numbers raised where a
    /// calendar would show a change, and sessions that disappeared kept as cancelled.
    func carryOver(_ sessions: [PlannedSession], _ replan: ReplanContext) -> [PlannedSession] {
        var previous: [String: PlannedSession] = [:]
        for s in replan.previous.sessions { previous[s.id] = s }
        var out: [PlannedSession] = []
        var seen: Set<String> = []
        for var s in sessions {
            seen.insert(s.id)
            if let old = previous[s.id], old.date <= replan.asOf, old.kind == s.kind {
                var kept = old
                kept.frozen = true
                out.append(kept)
                continue
            }
            s.sequence = PlanDiff.nextSequence(previous: previous[s.id], current: s)
            s.cancelledIn = s.filesLeft(since: previous[s.id])
            out.append(s)
        }
        for old in replan.previous.sessions where !seen.contains(old.id) {
            var gone = old
            if old.date <= replan.asOf {
                gone.frozen = true
            } else if old.status == .planned {
                gone.status = .cancelled
                gone.sequence = old.sequence + 1
                gone.frozen = false
            }
            out.append(gone)
        }
        return out
    }
}
