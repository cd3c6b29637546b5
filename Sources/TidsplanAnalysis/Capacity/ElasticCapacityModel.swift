import LinearModel
import TidsplanCore
import TidsplanModel

/// What is missing when the quotas cannot be met: the least extra capacity that would meet them.
///
/// Method: an *elastic* version of the week model. Every capacity row gets a priced column that lets
/// it stretch: a staff member's monthly teaching capacity (one column per staff member and month,
/// whole teaching days, stretching that month's row and its weeks' rows the way more share of full
/// time would), a trainer's contract days, and each budget line (in 1 000 kr). The objective is first
/// to meet the quotas (each hour short costs far more than any addition), then to add as little as
/// possible, each kind priced the same per training day's worth: a staff teaching day = a trainer
/// contract day = 5 000 kr of budget (the application reckons about 5 000 kr per training day).
/// The answer is then checked by planning the scenario with the additions (`verifiedShortfallHours`).
public struct MissingCapacity: Sendable, Equatable {
    /// Quota hours short in the plan measured.
    public var shortfallHours: Double
    /// The additions, staff first, then trainers, then budgets.
    public var additions: [CapacityAddition]
    /// Hours still short in the elastic model with the additions (not a capacity problem: the audience,
    /// the municipalities' days a week, the prerequisites leave no more room).
    public var remainingShortfallHours: Double?
    /// How the elastic model's solve ended.
    public var solveStatus: ElasticStatus
    /// Quota hours short when the scenario with the additions is planned again (nil: not checked).
    public var verifiedShortfallHours: Double?

    /// Kr-equivalent prices per unit (see the type's comment).
    package static let staffDayPrice = 5.0, trainerDayPrice = 5.0, budgetThousandPrice = 1.0
    /// Per quota hour short: more than any addition could cost per hour it buys.
    package static let shortfallPrice = 1_000.0
}

package struct ElasticCapacityModel {
    package let scenario: Scenario

    /// One stretch column and what it adds.
    package enum Stretch: Hashable {
        case staff(String, month: String)
        case trainer(String)
        case budget(String)
    }

    /// The elastic week model and its stretch columns.
    package func build() -> (model: LinearModel, stretches: [(Stretch, VariableID)], shortfalls: [VariableID]) {
        let artefact = Planner.weekModelArtefact(scenario: scenario)
        let base = artefact.model
        let names = ModelRowSubjects(scenario: scenario, artefact: artefact)
        let weeks = WeekMonths(scenario: scenario)
        let calendar = WorkingCalendar(scenario: scenario)
        var model = LinearModel(name: "tidsplan-weeks-elastic")
        for v in base.variables { model.addVariable(v.name, kind: v.kind, lower: v.lower, upper: v.upper) }
        // The quotas' shortfalls: the elastic model meets the quotas first.
        let shortfalls = base.variables.indices.map(VariableID.init(index:)).filter {
            if case .quotaShort = artefact.tags.column($0) { true } else { false }
        }

        // Which rows each stretch column enters, with what coefficient (its limit grows by that much).
        var extra: [Int: [Term]] = [:]
        var stretches: [(Stretch, VariableID)] = []
        var staffMonthRows: [String: [String: Int]] = [:]
        var staffWeekRows: [String: [Int: Int]] = [:]
        for i in base.constraints.indices {
            guard case .capacity(let r, let month, let week) = names.subject(of: ConstraintID(index: i)) else { continue }
            switch r.kind {
            case .staff:
                if let month { staffMonthRows[r.name, default: [:]][month] = i }
                if let week, month == nil { staffWeekRows[r.name, default: [:]][week] = i }
            case .trainer:
                guard case .trainerMaxDays = artefact.tags.row(ConstraintID(index: i)) else { continue }
                let v = model.addVariable("stretch_maxdays_\(Slug.make(r.name))", kind: .continuous, lower: 0)
                stretches.append((.trainer(r.name), v))
                extra[i, default: []].append(Term(v, -1))
            case .budget:
                let v = model.addVariable("stretch_budget_\(r.name)", kind: .continuous, lower: 0)
                stretches.append((.budget(r.name), v))
                extra[i, default: []].append(Term(v, -1000))
            case .venue:
                continue
            }
        }
        let teaching = scenario.rules.maxTeachingShare
        for staffName in staffMonthRows.keys.sorted() where teaching > 0 {
            guard let staff = scenario.staffMember(staffName), let months = staffMonthRows[staffName] else { continue }
            for month in months.keys.sorted() {
                guard let row = months[month], let range = CapacityAddition.monthRange(month) else { continue }
                let employed = calendar.workingDays(in: range).filter { staff.share(on: $0) > 0 }.count
                guard employed > 0 else { continue }
                let v = model.addVariable("stretch_days_\(Slug.make(staffName))_\(month)", kind: .continuous, lower: 0, upper: 31)
                stretches.append((.staff(staffName, month: month), v))
                extra[row, default: []].append(Term(v, -1))
                // The weeks' limits grow by δ per working day of theirs in this month (see CapacityAddition).
                let delta = 1 / (teaching * Double(employed))
                for (week, weekRow) in (staffWeekRows[staffName] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let n = weeks.days(week: week).filter { $0.monthKey == month && calendar.isWorkingDay($0, leader: staffName) }.count
                    if n > 0 { extra[weekRow, default: []].append(Term(v, -delta * Double(n))) }
                }
            }
        }
        for (i, c) in base.constraints.enumerated() {
            model.addConstraint(c.name, LinearExpression(c.terms + (extra[i] ?? []), constant: 0), lower: c.lower, upper: c.upper)
        }
        var objective = LinearExpression([], constant: 0)
        for v in shortfalls { objective.add(v, MissingCapacity.shortfallPrice) }
        for (stretch, v) in stretches {
            switch stretch {
            case .staff: objective.add(v, MissingCapacity.staffDayPrice)
            case .trainer: objective.add(v, MissingCapacity.trainerDayPrice)
            case .budget: objective.add(v, MissingCapacity.budgetThousandPrice)
            }
        }
        model.setObjective(objective, .minimize)
        return (model, stretches, shortfalls)
    }

    package func solve(backend: SolverBackend, timeLimit: Double?, shouldStop: @escaping @Sendable () -> Bool) throws -> (additions: [CapacityAddition], remaining: Double?, status: ElasticStatus) {
        let (model, stretches, shortfalls) = build()
        let integral = model.objective.terms.allSatisfy {
            $0.coefficient == $0.coefficient.rounded() && model[$0.variable].kind != .continuous
        }
        let result = try backend.solve(model, options: SolveOptions(timeLimit: timeLimit, relativeGap: 1e-6,
                                                                    integralObjective: integral), progress: { _ in
            shouldStop() ? .stop : .continue
        })
        let status: ElasticStatus
        switch result.termination {
        case .optimal: status = .optimal
        // Named for what ended it: a memory limit is not the time limit.
        case .timeLimit, .stopped, .memoryLimit, .nodeLimit:
            status = .stopped(gap: result.solution.map { $0.gap ?? 0 }, by: result.termination)
        case .infeasible: status = .infeasible
        case .unbounded: status = .unbounded
        case .error(let m): status = .error(m)
        }
        guard let solution = result.solution else { return ([], nil, status) }
        var staffDays: [String: [String: Int]] = [:]
        var trainerDays: [String: Int] = [:]
        var budgetKr: [String: Int] = [:]
        for (stretch, v) in stretches {
            // Stretches are continuous (the search is much faster); whole days and thousands are rounded up.
            let n = Int((solution[v] - 1e-6).rounded(.up))
            guard n > 0 else { continue }
            switch stretch {
            case .staff(let name, let month): staffDays[name, default: [:]][month] = n
            case .trainer(let name): trainerDays[name] = n
            case .budget(let name): budgetKr[name] = n * 1000
            }
        }
        var additions: [CapacityAddition] = []
        for name in staffDays.keys.sorted() { additions.append(.staffDays(name: name, perMonth: staffDays[name] ?? [:])) }
        for name in trainerDays.keys.sorted() { additions.append(.trainerDays(name: name, days: trainerDays[name] ?? 0)) }
        for name in BudgetName.all where budgetKr[name] != nil { additions.append(.budget(name: name, kr: budgetKr[name] ?? 0)) }
        let remaining = shortfalls.reduce(0.0) { $0 + solution[$1] }
        return (additions, remaining.roundedTo(6), status)
    }
}

/// How the elastic model's solve ended.
public enum ElasticStatus: Sendable, Equatable {
    case optimal
    /// Stopped by a limit; the gap when it had an answer, nil when it had none.
    case stopped(gap: Double?, by: Termination)
    case infeasible, unbounded
    case error(String)
}
