import LinearModel
import TidsplanCore

/// A meeting of a held run, with its week, leaders and seats decided.
struct WeekDecision: Sendable {
    let run: Int
    let meeting: Int
    let week: Int
    let leaders: [String]
    let seats: [String: Int]
}

extension WeekDecision {
    /// A series begun before a municipality withdrew goes on without it: its seats are dropped from the
    /// meetings in or after the week it leaves.
    static func from(_ runs: [HeldRun], groups: [RunGroup], scenario: Scenario, grid: TimeGrid) -> [WeekDecision] {
        var out: [WeekDecision] = []
        for (i, r) in runs.enumerated() {
            let g = groups[r.group]
            for j in 1...g.meetings {
                let week = r.startWeek + (j - 1) * g.everyWeeks
                let sunday = grid.weeks.indices.contains(week) ? grid.weeks[week].monday.adding(days: 6) : nil
                let seats = r.seats.filter { name, _ in
                    guard let out = scenario.municipality(name)?.withdrawal, let sunday else { return true }
                    return sunday < out || (r.previous?.dates[j].map { $0 < out } ?? false)
                }
                out.append(WeekDecision(run: i, meeting: j, week: week, leaders: r.leaders[j] ?? [], seats: seats))
            }
        }
        return out
    }
}

/// Second stage: the day inside the chosen week. Here the day-level rules are exact: one session a day
/// per leader and per room, the share of a municipality's staff away on one day, and its training days
/// a week. A session that fits no day is left unplaced (costly) and its week is ruled out next round.
struct DayModelBuilder {
    /// The verifier rules the day stage settles exactly (the week model keeps weekly versions of most of them):
    /// days, not weeks, and every meeting of a run takes the run's seats.
    static let verifierRules = ["working-day", "leader-available", "leader-one-per-day", "venue-one-per-day",
                                "municipality-days-per-week", "municipality-share-away", "series-same-seats"]

    let scenario: Scenario
    let grid: TimeGrid
    let groups: [RunGroup]
    let runs: [HeldRun]
    let decisions: [WeekDecision]
    let replan: ReplanContext?

    /// Candidate days per decision.
    func candidateDays(_ i: Int) -> [Day] {
        let dec = decisions[i]
        let run = runs[dec.run]
        if let prev = run.previous, prev.frozen, let d = prev.dates[dec.meeting], let asOf = replan?.asOf, d <= asOf {
            return [d]
        }
        guard dec.leaders.count == groups[run.group].course.leadersPerSession else { return [] }
        var days = grid.sessionDays(week: dec.week, course: groups[run.group].course, leaders: dec.leaders, scenario: scenario,
                                    notBefore: replan?.asOf)
        let venue = groups[run.group].venue
        if venue.mode == .physical { days = days.filter { !grid.commitments.venueIsBusy(venue.id, on: $0) } }
        let withdrawals = dec.seats.keys.compactMap { scenario.municipality($0)?.withdrawal }
        if let first = withdrawals.min() { days = days.filter { $0 < first } }
        if dec.meeting == 1, let pinned = run.pinnedDate { days = days.filter { $0 == pinned } }
        return days
    }

    func build() -> (model: LinearModel, day: [[Day: VariableID]], unplaced: [VariableID]) {
        var model = LinearModel(name: "tidsplan-days")
        var objective = LinearExpression([], constant: 0)
        var x: [[Day: VariableID]] = []
        var unplaced: [VariableID] = []
        let w = scenario.weights
        for i in decisions.indices {
            let dec = decisions[i]
            let sid = groups[runs[dec.run].group].sessionID(run: runs[dec.run].id, meeting: dec.meeting)
            var vars: [Day: VariableID] = [:]
            var sum = LinearExpression([], constant: 0)
            let previousDate = runs[dec.run].previous?.dates[dec.meeting]
            for d in candidateDays(i) {
                let v = model.addVariable("d_\(sid)_\(d.iso)", kind: .binary)
                vars[d] = v
                sum.add(v)
                // Mondays and Fridays are the least welcome training days; keeping the previous date is best.
                var cost = (d.weekday == .monday || d.weekday == .friday) ? 1.0 : 0.0
                if let p = previousDate, p != d { cost += Double(w.changeMoved) }
                if cost > 0 { objective.add(v, cost) }
            }
            let u = model.addVariable("unplaced_\(sid)", kind: .binary)
            unplaced.append(u)
            sum.add(u)
            objective.add(u, 100_000)
            model.addConstraint("one_day_\(sid)", sum, lower: 1, upper: 1)
            x.append(vars)
        }
        // Leader: one session a day.
        var byLeaderDay: [String: [Day: LinearExpression]] = [:]
        var byVenueDay: [String: [Day: LinearExpression]] = [:]
        var seatsByMuniDay: [String: [Day: LinearExpression]] = [:]
        for i in decisions.indices {
            let venue = groups[runs[decisions[i].run].group].venue
            for (d, v) in x[i] {
                for p in decisions[i].leaders { byLeaderDay[p, default: [:]][d, default: LinearExpression([], constant: 0)].add(v) }
                if venue.mode == .physical { byVenueDay[venue.id, default: [:]][d, default: LinearExpression([], constant: 0)].add(v) }
                for (m, n) in decisions[i].seats where n > 0 {
                    seatsByMuniDay[m, default: [:]][d, default: LinearExpression([], constant: 0)].add(v, Double(n))
                }
            }
        }
        for (p, days) in byLeaderDay.sorted(by: { $0.key < $1.key }) {
            for (d, e) in days.sorted(by: { $0.key < $1.key }) where e.terms.count > 1 {
                model.addConstraint("leader_day_\(Slug.make(p))_\(d.iso)", e, upper: 1)
            }
        }
        for (venue, days) in byVenueDay.sorted(by: { $0.key < $1.key }) {
            for (d, e) in days.sorted(by: { $0.key < $1.key }) where e.terms.count > 1 {
                model.addConstraint("venue_day_\(Slug.make(venue))_\(d.iso)", e, upper: 1)
            }
        }
        for (m, days) in seatsByMuniDay.sorted(by: { $0.key < $1.key }) {
            guard let muni = scenario.municipality(m) else { continue }
            let cap = (scenario.rules.maxShareAwayPerDay * Double(muni.persons) + 1e-9).rounded(.down)
            var dayActive: [Day: VariableID] = [:]
            for (d, e) in days.sorted(by: { $0.key < $1.key }) {
                if e.terms.count > 1 { model.addConstraint("away_\(Slug.make(m))_\(d.iso)", e, upper: cap) }
                // a[m,d] >= every session of m that day (continuous is enough: the sessions are binary).
                let a = model.addVariable("active_\(Slug.make(m))_\(d.iso)", lower: 0, upper: 1)
                dayActive[d] = a
                for t in e.merged().terms { model.addConstraint("active_\(Slug.make(m))_\(d.iso)_\(t.variable.index)", [Term(t.variable, 1), Term(a, -1)], upper: 0) }
            }
            var byWeek: [Int: LinearExpression] = [:]
            for (d, a) in dayActive { byWeek[d.monday.ordinal, default: LinearExpression([], constant: 0)].add(a) }
            for (monday, e) in byWeek.sorted(by: { $0.key < $1.key }) where e.terms.count > scenario.rules.maxTrainingDaysPerWeek {
                model.addConstraint("days_week_\(Slug.make(m))_\(Day(ordinal: monday).iso)", e, upper: Double(scenario.rules.maxTrainingDaysPerWeek))
            }
        }
        model.setObjective(objective, .minimize)
        return (model, x, unplaced)
    }
}
