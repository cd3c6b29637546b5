import LinearModel
import TidsplanCore
import TidsplanModel

/// Which capacity rows bind in the LP relaxation of the week model, and their dual values.
///
/// These are *relaxation* values: integrality is dropped (half sessions, fractional seats), so a dual
/// says what one more unit of a row would be worth if sessions could be split. They show where the
/// pressure is; the re-solves in `MarginalValues` say what a whole unit really buys.
public struct RelaxationDuals: Sendable {
    /// Binding capacity rows of one resource.
    public struct Binding: Sendable, Equatable {
        public var resource: CapacityResource
        public var rows: Int
        /// Σ |dual| over its binding rows (objective units per unit of each row's limit).
        public var sumAbsDual: Double
        /// Months touched by its binding rows (monthly rows, and the months of binding weekly rows).
        public var months: [String]
    }

    /// A rule family (not a resource) with binding rows.
    public struct RuleBinding: Sendable, Equatable {
        public var rule: BindingRule
        public var rows: Int
        public var sumAbsDual: Double
    }

    public var termination: Termination
    /// Objective of the relaxation (a lower bound on the week model's objective).
    public var objective: Double?
    /// Most binding resource first (Σ |dual|), then by resource.
    public var bindings: [Binding]
    public var rules: [RuleBinding]
    /// Dual value of every binding row, by row name.
    public var rowDuals: [String: Double]

    /// A dual smaller than this is taken as zero (the row does not bind).
    package static let tolerance = 1e-7

    public func binding(_ r: CapacityResource) -> Binding? { bindings.first { $0.resource == r } }

    /// First-order change of the relaxation's objective if the rows' limits moved by `changes`
    /// (row name → change of its limit): Σ dual × change. Negative means a better plan.
    public func objectiveChange(_ changes: [String: Double]) -> Double {
        changes.keys.sorted().reduce(0.0) { $0 + (rowDuals[$1] ?? 0) * (changes[$1] ?? 0) }
    }

    public static func solve(scenario: Scenario, backend: SolverBackend, timeLimit: Double?) throws -> RelaxationDuals {
        let artefact = Planner.weekModelArtefact(scenario: scenario)
        let model = artefact.model
        let result = try backend.solve(model, options: SolveOptions(timeLimit: timeLimit, relaxIntegrality: true), progress: nil)
        guard result.termination == .optimal, let solution = result.solution, let duals = solution.rowDuals else {
            return RelaxationDuals(termination: result.termination, objective: result.solution?.objective,
                                   bindings: [], rules: [], rowDuals: [:])
        }
        let names = ModelRowSubjects(scenario: scenario, artefact: artefact)
        let weekMonths = WeekMonths(scenario: scenario)
        var rowDuals: [String: Double] = [:]
        var perResource: [CapacityResource: (rows: Int, sum: Double, months: Set<String>)] = [:]
        var perRule: [BindingRule: (rows: Int, sum: Double)] = [:]
        for (i, row) in model.constraints.enumerated() where i < duals.count && abs(duals[i]) > tolerance {
            rowDuals[row.name] = duals[i]
            switch names.subject(of: ConstraintID(index: i)) {
            case .capacity(let r, let month, let week):
                var entry = perResource[r] ?? (0, 0, [])
                entry.rows += 1
                entry.sum += abs(duals[i])
                if let month { entry.months.insert(month) }
                if let week { entry.months.formUnion(weekMonths.months(week: week)) }
                perResource[r] = entry
            case .rule(let rule):
                var entry = perRule[rule] ?? (0, 0)
                entry.rows += 1
                entry.sum += abs(duals[i])
                perRule[rule] = entry
            case .other:
                continue
            }
        }
        let bindings = perResource.map { Binding(resource: $0.key, rows: $0.value.rows, sumAbsDual: $0.value.sum,
                                                 months: $0.value.months.sorted()) }
            .sorted { ($1.sumAbsDual, $0.resource) < ($0.sumAbsDual, $1.resource) }
        let rules = perRule.map { RuleBinding(rule: $0.key, rows: $0.value.rows, sumAbsDual: $0.value.sum) }
            .sorted { ($1.sumAbsDual, $0.rule) < ($0.sumAbsDual, $1.rule) }
        return RelaxationDuals(termination: result.termination, objective: solution.objective, bindings: bindings,
                               rules: rules, rowDuals: rowDuals)
    }

    /// How the limits of the week model's rows change between two scenarios (row name → change),
    /// for rows in both models whose limit moved.
    package static func limitChanges(from base: LinearModel, to changed: LinearModel) -> [String: Double] {
        var before: [String: Constraint] = [:]
        for c in base.constraints { before[c.name] = c }
        var out: [String: Double] = [:]
        for c in changed.constraints {
            guard let old = before[c.name] else { continue }
            let delta: Double
            if let up = c.upper, let oldUp = old.upper { delta = up - oldUp }
            else if let lo = c.lower, let oldLo = old.lower { delta = lo - oldLo }
            else { continue }
            if abs(delta) > 1e-12 { out[c.name] = delta }
        }
        return out
    }
}

/// The week model's week numbering: week n starts on the Monday n weeks after the period's first Monday
/// (as in `TimeGrid`); its months are those of its working days.
package struct WeekMonths {
    package let firstMonday: Day
    package let calendar: WorkingCalendar

    package init(scenario: Scenario) {
        firstMonday = scenario.project.period.from.monday
        calendar = WorkingCalendar(scenario: scenario)
    }

    package func days(week: Int) -> [Day] {
        (0..<5).map { firstMonday.adding(days: 7 * week + $0) }.filter { calendar.isWorkingDay($0) }
    }

    package func months(week: Int) -> Set<String> { Set(days(week: week).map(\.monthKey)) }
}
