import LinearModel
import TidsplanCore
import TidsplanIO
import TidsplanModel

/// What one more unit of a resource buys, measured two ways:
/// - **re-solve**: the scenario is planned again with the unit added; the change in quota hours covered
///   and in the objective is the honest answer (whole sessions, the real rules, the same solver limits);
/// - **LP relaxation**: Σ dual × change of each row's limit, a first-order estimate from the relaxation
///   (sessions may be split there), shown beside it to say where the pressure is.
public struct MarginalValue: Sendable, Equatable {
    public var resource: CapacityResource
    public var addition: CapacityAddition
    /// For staff days: the months in words ("2025", "2024-09 – 2024-12"); the unit is worded by `CapacityWords`.
    public var months: String?
    /// Binding rows of the resource in the LP relaxation (0: it does not bind there).
    public var bindingRows: Int
    /// Relaxation estimate of the objective change (negative = better); nil when the LP gave no duals.
    public var relaxationObjectiveChange: Double?
    /// Re-solve: change in quota hours covered (nil when not re-solved).
    public var resolvedQuotaHours: Double?
    /// Re-solve: change in the planner's objective (negative = better).
    public var resolvedObjectiveChange: Double?
    /// Re-solve: change in co-financing covered, in kr (quota hours covered × each municipality's rate).
    public var resolvedCofinancingKr: Double?
    /// Re-solve: change in places the target groups asked for and got (persons).
    public var resolvedPlaces: Int?
    /// Re-solve: change in what trainers, their travel and premises cost, in kr (negative = cheaper).
    public var resolvedCostKr: Double?
    /// Objective changes up to this size are within the solver's relative gap: noise, not value.
    public var objectiveTolerance: Double = 0
    /// Why the re-solve result needs care (a solve stopped early), or why there was none.
    public var note: MarginalNote?

    /// The re-solve found a better objective by more than the solver's gap.
    package var improvesObjective: Bool { (resolvedObjectiveChange ?? 0) < -objectiveTolerance - 1e-9 }

    /// The unit buys something the steering group sees: more quota hours, more places asked for, or a cheaper
    /// plan. (A better objective alone, say a smoother spread, is not listed as a bottleneck.)
    public var buysSomething: Bool {
        (resolvedQuotaHours ?? 0) >= 0.5 || (resolvedPlaces ?? 0) > 0 || (resolvedCostKr ?? 0) <= -1
    }

    /// The sentence for the user, naming the method.
    public func sentence(_ lang: Language = .sv) -> String { CapacityWords(lang: lang).sentence(self) }

    /// The unit in words.
    public func unitWords(_ lang: Language = .sv) -> String { CapacityWords(lang: lang).unitWords(self) }
}

/// Finds the resources worth measuring and measures them.
package struct MarginalValueSearch {
    package let scenario: Scenario
    package let basePlan: Plan
    package let relaxation: RelaxationDuals
    package let solver: ScenarioSolver
    /// Most re-solves (each is a full planning run).
    package let maxResolves: Int
    /// Budget unit in kr.
    package let budgetStep: Int
    package var lang: Language = .sv

    /// One candidate unit per resource that binds (in the relaxation) or is full (in the plan).
    package func candidates() -> [(CapacityAddition, String?, Int)] {
        let table = CapacityTable.build(scenario: scenario, plan: basePlan)
        var out: [(CapacityAddition, String?, Int)] = []
        let load = 1 + scenario.rules.prepDaysPerSessionDay
        for staff in scenario.staff.sorted(by: { $0.name < $1.name }) {
            let r = CapacityResource(kind: .staff, name: staff.name)
            let leadsAnything = scenario.courses.contains { staff.courses.contains($0.id) }
            guard leadsAnything else { continue }
            var months = Set(relaxation.binding(r)?.months ?? [])
            // Months the plan fills so far that not one more session fits.
            for line in table.lines where line.resource == r && line.period != "total" {
                if let cap = line.capacity, cap > 0, line.used > 0, line.used + load > cap + 1e-9 { months.insert(line.period) }
            }
            let possible = table.lines.filter { $0.resource == r && $0.period != "total" && ($0.capacity ?? 0) > 0 }.map(\.period)
            let listed = possible.filter(months.contains)
            guard !listed.isEmpty else { continue }
            let words = CapacityText.months(listed, possible: possible)
            var perMonth: [String: Int] = [:]
            for m in listed { perMonth[m] = 1 }
            out.append((.staffDays(name: staff.name, perMonth: perMonth), words, relaxation.binding(r)?.rows ?? 0))
        }
        for trainer in scenario.trainers.sorted(by: { $0.name < $1.name }) {
            guard let maxDays = trainer.maxDays else { continue }
            let r = CapacityResource(kind: .trainer, name: trainer.name)
            let used = basePlan.activeSessions.filter { $0.kind == .training && $0.leaders.contains(trainer.name) }.count
            guard relaxation.binding(r) != nil || used >= maxDays else { continue }
            out.append((.trainerDays(name: trainer.name, days: 1), nil, relaxation.binding(r)?.rows ?? 0))
        }
        let spend = BudgetSpend(scenario: scenario)
        for name in BudgetName.all {
            guard let cap = BudgetName.cap(name, in: scenario.budget) else { continue }
            let r = CapacityResource(kind: .budget, name: name)
            let used = basePlan.activeSessions.filter { $0.kind == .training }.reduce(0.0) { $0 + spend.kr(name, $1) }
            // Full when less is left than the dearest day it pays for.
            let dearest: Int
            switch name {
            case BudgetName.trainers: dearest = scenario.trainers.map(\.dayRate).max() ?? 0
            case BudgetName.travel: dearest = scenario.trainers.map(\.travelPerDay).max() ?? 0
            default: dearest = scenario.venues.map(\.costPerDay).max() ?? 0
            }
            guard dearest > 0 || relaxation.binding(r) != nil else { continue }
            guard relaxation.binding(r) != nil || Double(cap) - used < Double(dearest) else { continue }
            out.append((.budget(name: name, kr: budgetStep), nil, relaxation.binding(r)?.rows ?? 0))
        }
        return out
    }

    package func run(progress: (String) -> Void) throws -> [MarginalValue] {
        let baseModel = Planner.weekModel(scenario: scenario)
        var values: [MarginalValue] = []
        for (addition, words, rows) in candidates() {
            let changed = addition.apply(to: scenario)
            let limits = RelaxationDuals.limitChanges(from: baseModel, to: Planner.weekModel(scenario: changed))
            let estimate = relaxation.rowDuals.isEmpty ? nil : relaxation.objectiveChange(limits)
            values.append(MarginalValue(resource: addition.resource, addition: addition, months: words, bindingRows: rows,
                                        relaxationObjectiveChange: estimate, resolvedQuotaHours: nil,
                                        resolvedObjectiveChange: nil, note: nil))
        }
        // Re-solve the most promising first (largest relaxation gain, then binding rows), within the cap.
        let order = values.indices.sorted { a, b in
            let ea = values[a].relaxationObjectiveChange ?? 0, eb = values[b].relaxationObjectiveChange ?? 0
            if ea != eb { return ea < eb }
            if values[a].bindingRows != values[b].bindingRows { return values[a].bindingRows > values[b].bindingRows }
            return values[a].resource < values[b].resource
        }
        let baseCovered = QuotaFigures.coveredHours(basePlan)
        let baseObjective = basePlan.solver.objective
        for i in order.dropFirst(maxResolves) { values[i].note = .resolveCap(maxResolves) }
        let chosen = Array(order.prefix(maxResolves))
        if solver.shouldStop() {
            for i in chosen { values[i].note = .stopped }
            return values.sorted(by: Self.moreValuable)
        }
        // Each unit is planned again on its own; they run side by side on the solver's backends.
        let words = CapacityWords(lang: lang)
        let plans = solver.planEach(chosen.map { (values[$0].addition.apply(to: scenario), nil) }) { done, k in
            progress(words.progressResolve(values[chosen[k]], done, of: chosen.count))
        }
        for (k, i) in chosen.enumerated() {
            let plan = try plans[k].get()
            if solver.shouldStop() && !plan.isMeasurable { values[i].note = .stopped; continue }
            guard plan.solver.status.hasPlan else {
                values[i].note = .noPlan(plan.solver.status)
                continue
            }
            // The start plan a time limit left is no measurement ("−5 992 quota hours" on a busy machine).
            guard plan.isMeasurable else {
                values[i].note = .outOfTime(solver.timeLimit)
                continue
            }
            values[i].resolvedQuotaHours = (QuotaFigures.coveredHours(plan) - baseCovered).roundedTo(6)
            values[i].resolvedCofinancingKr = (QuotaFigures.coveredKr(plan) - QuotaFigures.coveredKr(basePlan)).roundedTo(2)
            values[i].resolvedPlaces = QuotaFigures.missingPlaces(basePlan) - QuotaFigures.missingPlaces(plan)
            values[i].resolvedCostKr = (QuotaFigures.costKr(plan, scenario: values[i].addition.apply(to: scenario))
                                        - QuotaFigures.costKr(basePlan, scenario: scenario)).roundedTo(2)
            if let before = baseObjective, let after = plan.solver.objective {
                values[i].resolvedObjectiveChange = (after - before).roundedTo(6)
                values[i].objectiveTolerance = (solver.relativeGap * max(abs(before), abs(after))).roundedTo(6)
            }
            if !QuotaFigures.isProvenOptimal(basePlan) || !QuotaFigures.isProvenOptimal(plan) {
                values[i].note = .stoppedEarly(base: basePlan.solver, resolve: plan.solver)
            }
            // More capacity never makes the best plan worse: a re-solve worse than the base by more than the base's
            // proven gap is a search that did not get as far (a time limit on a busy machine), not a measurement.
            // (Seen: "105 500 kr lower cost" from a re-solve 60 % from its bound that had dropped promised runs.)
            if let before = baseObjective, let after = plan.solver.objective,
               after > before + max(values[i].objectiveTolerance, (basePlan.solver.gap ?? 0) * abs(before)) + 1e-6 {
                values[i].resolvedQuotaHours = nil; values[i].resolvedCofinancingKr = nil
                values[i].resolvedPlaces = nil; values[i].resolvedCostKr = nil
                values[i].note = .worseThanWithout(plan.solver)
            }
        }
        return values.sorted(by: Self.moreValuable)
    }

    /// What buys something first; then most quota hours, most places, the largest saving; then the larger
    /// objective gain; then the relaxation's estimate; then the name.
    package static func moreValuable(_ a: MarginalValue, _ b: MarginalValue) -> Bool {
        if a.buysSomething != b.buysSomething { return a.buysSomething }
        let ha = a.resolvedQuotaHours ?? -.infinity, hb = b.resolvedQuotaHours ?? -.infinity
        if abs(ha - hb) > 1e-6 { return ha > hb }
        let pa = a.resolvedPlaces ?? 0, pb = b.resolvedPlaces ?? 0
        if pa != pb { return pa > pb }
        let ca = a.resolvedCostKr ?? 0, cb = b.resolvedCostKr ?? 0
        if abs(ca - cb) > 0.5 { return ca < cb }
        // Objective gains within the solver's gap count as none.
        let oa = a.improvesObjective ? (a.resolvedObjectiveChange ?? 0) : (a.resolvedQuotaHours == nil ? .infinity : 0)
        let ob = b.improvesObjective ? (b.resolvedObjectiveChange ?? 0) : (b.resolvedQuotaHours == nil ? .infinity : 0)
        if abs(oa - ob) > 1e-6 { return oa < ob }
        let ra = a.relaxationObjectiveChange ?? 0, rb = b.relaxationObjectiveChange ?? 0
        if abs(ra - rb) > 1e-9 { return ra < rb }
        return a.resource < b.resource
    }
}

extension Double {
    /// Rounded to `decimals` places, so tiny solver noise does not reach the output.
    package func roundedTo(_ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}

/// Why a marginal value needs care, or why it was not measured.
public enum MarginalNote: Sendable, Equatable {
    case resolveCap(Int)
    case stopped
    case noPlan(SolverStatus)
    /// Planning with the unit reached the time limit before it chose anything.
    case outOfTime(Double?)
    /// Planning with the unit gave a worse plan than without it, which more capacity cannot: the search fell short.
    case worseThanWithout(SolverSummary)
    case stoppedEarly(base: SolverSummary, resolve: SolverSummary)
}
