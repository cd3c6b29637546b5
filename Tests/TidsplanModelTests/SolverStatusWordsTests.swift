import Testing
@testable import Tidsplan
@testable import TidsplanAnalysis
@testable import TidsplanIO
import TidsplanCore

/// What the console, the report and capacity/compare say about a plan's quality. A search that stopped at its tolerance
/// (`--gap`, 0.1 % by default) is `optimal` in plan.json, but "no better plan exists" would then be false: "Räkna med
/// mig!" stopped at 14 749 against a bound of 14 739, and a plan of 14 744 exists (CBC, HiGHS).
@Suite struct SolverStatusWordsTests {
    static let withinTolerance = SolverSummary(name: "GLPK", version: "5.0", status: .optimal, objective: 14_749, bound: 14_739, gap: 0.000678)
    static let provenBest = SolverSummary(name: "GLPK", version: "5.0", status: .optimal, objective: 14_744, bound: 14_744, gap: 0)

    @Test(arguments: Language.allCases) func withinTheToleranceIsNotCalledTheBest(_ lang: Language) {
        let console = PlanSummary.statusWords(Self.withinTolerance, SummaryWords(lang: lang))
        let report = ReportLabels(lang: lang).solverStatus(Self.withinTolerance)
        let capacity = CapacityWords(lang: lang).status(Self.withinTolerance)
        for text in [console, report, capacity] {
            #expect(!text.contains("bästa möjliga planen") && !text.contains("best possible plan under"), "\(text)")
            #expect(!text.contains("ingen bättre plan finns") && !text.contains("no better plan exists"), "\(text)")
            #expect(!text.contains("bevisat bäst") && !text.contains("proven best"), "\(text)")
        }
        #expect(console.contains(lang == .sv ? "0,068 % bättre" : "0.068 % better"), "\(console)")
        #expect(capacity == (lang == .sv ? "inom 0,068 % av bästa möjliga" : "within 0.068 % of the best possible"), "\(capacity)")
        #expect(report.contains(lang == .sv ? "mer än 0,068" : "more than 0.068"), "\(report)")  // the report's own % spacing
    }

    @Test func gapsAreNeverShownAsZero() {
        #expect(NumberText.gapPercent(0.000015, lang: .sv) == "0,002 %")
        #expect(NumberText.gapPercent(0.0045, lang: .sv) == "0,45 %")
        #expect(NumberText.gapPercent(0.0225, lang: .en) == "2.3 %")
        #expect(NumberText.gapPercent(1e-9, lang: .en) == "less than 0.001 %")
        // Rounded up: the words are "no other plan can be more than … better".
        #expect(NumberText.gapPercent(0.004449, lang: .sv) == "0,45 %")
        #expect(NumberText.gapPercent(0.0201, lang: .en) == "2.1 %")
        #expect(NumberText.gapPercent(0.02, lang: .en) == "2 %")
    }

    /// The default plan: 1 338 against the bound 1 332 is 0.448 %; "no more than 0,4 % better" would be false.
    @Test(arguments: Language.allCases) func theGapIsRoundedUpWhereItIsABound(_ lang: Language) {
        let s = SolverSummary(name: "GLPK", version: "5.0", status: .feasible, objective: 1_338, bound: 1_332, gap: 0.004484,
                              searchEnd: .nodeBudget)
        let console = PlanSummary.statusWords(s, SummaryWords(lang: lang))
        #expect(console.contains(lang == .sv ? "mer än 0,45 % bättre" : "more than 0.45 % better"), "\(console)")
        #expect(ReportLabels(lang: lang).solverStatus(s).contains(lang == .sv ? "mer än 0,45" : "more than 0.45"))
        #expect(CapacityWords(lang: lang).status(s) == (lang == .sv ? "inom 0,45 % av bästa möjliga" : "within 0.45 % of the best possible"))
    }

    @Test(arguments: Language.allCases) func aProvenPlanIsTheBest(_ lang: Language) {
        #expect(PlanSummary.statusWords(Self.provenBest, SummaryWords(lang: lang)) == SummaryWords(lang: lang).optimal)
        #expect(ReportLabels(lang: lang).solverStatus(Self.provenBest).contains(lang == .sv ? "ingen bättre plan finns" : "no better plan exists"))
        #expect(CapacityWords(lang: lang).status(Self.provenBest) == (lang == .sv ? "bevisat bäst" : "proven best"))
    }
}
