import GLPKBackend
@testable import TidsplanAnalysis
import Testing
import TidsplanCore
@testable import TidsplanModel

/// Capacity's units and compare's variants are planned side by side on GLPK threads of their own: each plan
/// must be the one planning it alone gives, in the order asked, whatever ran beside it.
@Suite struct SideBySidePlanningTests {
    /// The bottleneck scenario with one, two and three more teaching days a month, and the trainer's budget
    /// doubled: four plans that differ from each other.
    static func variants() -> [Scenario] {
        let base = CapacityTestScenario.scenario()
        var out: [Scenario] = []
        for extra in 1...3 {
            var s = base
            s.staff[0].shares = s.staff[0].shares.map { var span = $0; span.share += 0.1 * Double(extra); return span }
            out.append(s)
        }
        var budget = base
        budget.budget.trainersKr = 20000
        budget.trainers[0].maxDays = 4
        out.append(budget)
        return out
    }

    @Test func plansSideBySideEqualPlansAlone() throws {
        let alone = ScenarioSolver(backend: GLPKBackend(), timeLimit: 60)
        let expected = try Self.variants().map { try alone.plan($0) }
        let pool = GLPKBackend.pool(3)
        #expect(pool.count == 3)
        let together = ScenarioSolver(backend: pool[0], timeLimit: 60, sideBySide: Array(pool.dropFirst()))
        var ended: [Int] = []
        let plans = together.planEach(Self.variants().map { ($0, nil) }) { done, i in
            #expect(done == ended.count + 1)
            ended.append(i)
        }
        #expect(ended.sorted() == [0, 1, 2, 3], "every run reports its end once")
        let got = try plans.map { try $0.get() }
        #expect(Set(got.map(\.municipalities.first?.plannedHours)).count > 1, "the variants give different plans")
        for (a, b) in zip(got, expected) {
            #expect(a.sessions == b.sessions)
            #expect(a.municipalities == b.municipalities)
            #expect(a.solver.objective == b.solver.objective)
        }
    }
}

/// A re-solve that came out worse than the plan without the unit is named, with advice only where it helps.
@Suite struct UnmeasuredUnitWordsTests {
    static func note(_ end: SearchEnd, _ lang: Language) -> String {
        let resolve = SolverSummary(name: "GLPK", version: "5.0", status: .feasible, objective: 2000, bound: 800, gap: 0.6,
                                    searchEnd: end)
        return CapacityWords(lang: lang).note(.worseThanWithout(resolve))
    }

    @Test(arguments: [Language.sv, .en]) func moreTimeIsAdvisedOnlyWhenTheTimeLimitEndedTheSearch(lang: Language) {
        #expect(Self.note(.timeLimit, lang).contains("--time-limit"))
        #expect(!Self.note(.nodeBudget, lang).contains("--time-limit"), "\(Self.note(.nodeBudget, lang))")
        #expect(Self.note(.nodeBudget, lang).contains(lang == .sv ? "går därför inte att säga" : "cannot be told"))
    }
}

/// Capacity's re-solves start from the base plan (`PlannerOptions.hint`): with one more unit of capacity the
/// base plan still fits, so the re-solve is never worse than it, however short its search.
@Suite struct HintedResolveTests {
    static func plan(_ s: Scenario, hint: Plan? = nil, effort: Double = 1) throws -> PlanOutcome {
        var o = PlannerOptions(timeLimit: 60, effort: effort)
        o.hint = hint
        return try Planner.plan(scenario: s, backend: GLPKBackend(), options: o)
    }

    @Test func aResolveWithMoreCapacityIsNeverWorseThanTheBasePlan() throws {
        let base = try Self.plan(CapacityTestScenario.scenario()).plan
        let baseObjective = try #require(base.solver.objective)
        for more in SideBySidePlanningTests.variants() {
            // A search cut to a node or so per pass: without the hint it would end far from the base plan.
            let blind = try Self.plan(more, effort: 0.0001)
            let hinted = try Self.plan(more, hint: base, effort: 0.0001)
            #expect(hinted.statistics.phases.contains { $0.hasPrefix(SearchPhase.hint.rawValue) }, "\(hinted.statistics.phases)")
            let objective = try #require(hinted.plan.solver.objective)
            #expect(objective <= baseObjective + 1e-6, "with more capacity \(objective), the base plan \(baseObjective)")
            #expect(PlanVerifier.verify(plan: hinted.plan, scenario: more).isEmpty)
            #expect((blind.plan.solver.objective ?? .infinity) > objective, "the cut search alone does as well: the test shows nothing")
        }
    }
}
