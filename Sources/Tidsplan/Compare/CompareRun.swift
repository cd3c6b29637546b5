import TidsplanCore
import TidsplanIO
import TidsplanModel
import TidsplanAnalysis
/// Plans every variant and measures it.
public enum CompareRun {
    /// The base scenario first (label "base"), then `variants` in order. Re-plan variants start from the base plan.
    public static func run(base: Scenario, variants: [CompareVariant], solver: ScenarioSolver,
                           lang: Language = .sv, progress: (String) -> Void = { _ in }) throws -> [VariantKPIs] {
        let w = CompareWords(lang: lang)
        progress(w.progressBase)
        let basePlan = try solver.plan(base, alone: true)
        guard basePlan.isMeasurable else { throw BasePlanFailed(plan: basePlan) }
        var out = [VariantKPIs.measure(label: w.base, description: w.baseDescription, scenario: base, plan: basePlan, base: nil, lang: lang)]
        guard !solver.shouldStop() else { return out }
        // The variants do not depend on each other: planned side by side, measured in order.
        let contexts = variants.map { v in v.replanAsOf.map { ReplanContext(previous: basePlan, asOf: $0) } }
        let plans = solver.planEach(zip(variants, contexts).map { ($0.scenario, $1) }) { done, i in
            progress(w.progressVariant(variants[i].label, done, of: variants.count))
        }
        for (i, v) in variants.enumerated() {
            let plan = try plans[i].get()
            if solver.shouldStop() && !plan.isMeasurable { break }
            let replan = contexts[i]
            var row = VariantKPIs.measure(label: v.label, description: v.description, scenario: v.scenario, plan: plan,
                                          base: replan == nil ? nil : basePlan, lang: lang)
            if row.hasPlan {
                row.lostHours = (out[0].plannedHours - row.plannedHours).roundedTo(6)
                row.lostKr = (out[0].cofinancingKr - row.cofinancingKr).roundedTo(2)
            }
            out.append(row)
        }
        return out
    }
}
