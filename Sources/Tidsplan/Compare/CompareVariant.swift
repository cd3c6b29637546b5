import TidsplanCore
import TidsplanIO
import TidsplanModel

/// One column of the comparison: a scenario to plan, and for re-plans the plan it starts from.
public struct CompareVariant: Sendable {
    /// Short name for the table ("base", "without Habo", a file name).
    public var label: String
    public var description: String
    public var scenario: Scenario
    /// Re-plans keep the base plan up to `asOf`; changed sessions are counted against it.
    public var replanAsOf: Day?

    public init(label: String, description: String, scenario: Scenario, replanAsOf: Day? = nil) {
        self.label = label; self.description = description; self.scenario = scenario; self.replanAsOf = replanAsOf
    }
}

/// `--drop-each DATE`: the steering group's "what if X leaves?", one variant per municipality.
public enum DropEachVariants {
    /// One variant per municipality (scenario order) that withdraws after `date`: `withdrawal` is the
    /// next day, and the plan is a re-plan of the base plan with everything up to `date` kept as it was.
    /// A municipality that has already withdrawn by then keeps its earlier date (its row shows that).
    public static func make(base: Scenario, after date: Day, lang: Language = .sv) throws -> [CompareVariant] {
        let w = CompareWords(lang: lang)
        let period = base.project.period
        guard period.from <= date && date < period.to else {
            throw JobError(w.dropEachOutside(date, from: period.from, lastDay: period.to.adding(days: -1)))
        }
        let out = date.adding(days: 1)
        var variants: [CompareVariant] = []
        for (i, m) in base.municipalities.enumerated() {
            var s = base
            let description: String
            if let earlier = m.withdrawal, earlier <= out {
                description = w.alreadyWithdrawn(m.name, from: earlier, keptUpTo: date)
            } else {
                s.municipalities[i].withdrawal = out
                description = w.withdraws(m.name, after: date, out: out)
            }
            variants.append(CompareVariant(label: w.without(m.name), description: description, scenario: s, replanAsOf: date))
        }
        return variants
    }
}
