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
        #expect(report.contains(lang == .sv ? "mer än 0,1" : "more than 0.1"), "\(report)")  // the report's own % spacing
    }

    @Test func gapsAreNeverShownAsZero() {
        #expect(NumberText.gapPercent(0.000015, lang: .sv) == "0,002 %")
        #expect(NumberText.gapPercent(0.0045, lang: .sv) == "0,45 %")
        #expect(NumberText.gapPercent(0.0225, lang: .en) == "2.3 %")
        #expect(NumberText.gapPercent(1e-9, lang: .en) == "less than 0.001 %")
    }

    @Test(arguments: Language.allCases) func aProvenPlanIsTheBest(_ lang: Language) {
        #expect(PlanSummary.statusWords(Self.provenBest, SummaryWords(lang: lang)) == SummaryWords(lang: lang).optimal)
        #expect(ReportLabels(lang: lang).solverStatus(Self.provenBest).contains(lang == .sv ? "ingen bättre plan finns" : "no better plan exists"))
        #expect(CapacityWords(lang: lang).status(Self.provenBest) == (lang == .sv ? "bevisat bäst" : "proven best"))
    }
}
