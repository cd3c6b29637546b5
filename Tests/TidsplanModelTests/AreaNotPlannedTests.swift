import Testing
@testable import Tidsplan
import TidsplanCore
@testable import TidsplanModel

/// A plan made by area where an area got nothing new (the national scenario on a busy machine: the time limit ran out
/// before areas 15 and 16). Their municipalities' shortfalls must say so, not "no rule prevents it; it costs more than
/// it gains", and the status line must say the time limit cut the plan.
@Suite struct AreaNotPlannedTests {
    static let cut = ShortfallCause.areaNotPlanned(area: "Östergötland 1, Östergötland 2", why: "timeLimit", keptSessions: 0)

    @Test func municipalitiesOfTheAreaCarryItsCause() {
        let outweighed = ShortfallCause.outweighed(goal: "quota", weight: 100, competing: "costPerThousandKr, perSession")
        let shortfalls = [
            Shortfall(kind: "quota", subject: .municipality("Östergötland kommun 01"), amount: 132, unit: "hours",
                      reason: ShortfallSentence.render(outweighed, .en), cause: outweighed),
            Shortfall(kind: "quota", subject: .municipality("Västra Götaland kommun 07"), amount: 6, unit: "hours",
                      reason: ShortfallSentence.render(outweighed, .en), cause: outweighed),
        ]
        let out = DecomposedPlanner.attribute(shortfalls, to: ["Östergötland kommun 01": Self.cut])
        #expect(out[0].cause == Self.cut)
        #expect(out[0].reason.contains("the time limit ran out before anything was planned there"), "\(out[0].reason)")
        #expect(out[1] == shortfalls[1], "a municipality of an area that was planned keeps its own cause")
    }

    @Test func theCauseIsWordedInBothLanguagesAndRoundTrips() throws {
        #expect(ShortfallSentence.render(Self.cut, .sv)
                == "området Östergötland 1, Östergötland 2 hann inte planeras: tidsgränsen tog slut innan något planerades där; ge mer tid med --time-limit eller planera när datorn är mindre belastad")
        let stopped = ShortfallCause.areaNotPlanned(area: "Norra", why: "stopped", keptSessions: 3)
        #expect(ShortfallSentence.render(stopped, .en) == "area Norra was not planned: the search was stopped before it; its 3 sessions stay as they were")
        for cause in [Self.cut, stopped, .areaNotPlanned(area: "Södra", why: "noPlan", keptSessions: 0)] {
            let fields = Dictionary(uniqueKeysWithValues: cause.fields)
            #expect(ShortfallCause(type: cause.type, fields: fields) == cause)
        }
    }

    @Test(arguments: Language.allCases) func theStatusLineSaysTheTimeLimitCutThePlan(_ lang: Language) {
        var s = SolverSummary(name: "GLPK", version: "5.0", status: .feasible, objective: 1, areas: 16, searchEnd: .timeLimit)
        let cut = PlanSummary.statusWords(s, SummaryWords(lang: lang))
        #expect(cut.contains(lang == .sv ? "tidsgränsen tog slut innan alla var färdigplanerade" : "the time limit ran out before all of them"), "\(cut)")
        s.searchEnd = .nodeBudget
        #expect(PlanSummary.statusWords(s, SummaryWords(lang: lang)) == SummaryWords(lang: lang).byAreas(16))
    }
}
