import Testing
import TidsplanCore
@testable import TidsplanIO

@Suite struct PlanJSONWriterTests {
    @Test func samplePlanMatchesGoldenFile() {
        assertGolden(PlanJSONWriter.encode(SamplePlan.plan), named: "plan-sample.json")
    }

    @Test func keysComeInContractOrder() {
        let text = PlanJSONWriter.encode(SamplePlan.plan)
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(topKeys == ["format", "scenario", "period", "asOf", "solver", "sessions", "municipalities", "shortfalls"])
        #expect(text.hasPrefix("{\n  \"format\": \"tidsplan-plan/2\",\n"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func optionalPartsAreLeftOutWhenUnset() {
        var plan = SamplePlan.plan
        plan.asOf = nil
        plan.sessions = [plan.sessions[1]]  // HP-1: no series
        let text = PlanJSONWriter.encode(plan)
        #expect(!text.contains("\"asOf\""))
        #expect(!text.contains("\"series\""))
    }

    @Test func seatsAreSortedByName() throws {
        var plan = SamplePlan.plan
        plan.sessions = [plan.sessions[1]]
        plan.sessions[0].seats = ["Östersund": 1, "Aneby": 2, "Jönköping": 3]
        let text = PlanJSONWriter.encode(plan)
        let a = try #require(text.range(of: "\"Aneby\": 2"))
        let j = try #require(text.range(of: "\"Jönköping\": 3"))
        let o = try #require(text.range(of: "\"Östersund\": 1"))
        #expect(a.lowerBound < j.lowerBound && j.lowerBound < o.lowerBound)
    }

    @Test func nonFiniteNumbersBecomeNull() {
        var plan = SamplePlan.plan
        plan.solver.objective = .nan
        plan.solver.bound = .infinity
        plan.solver.gap = nil
        let text = PlanJSONWriter.encode(plan)
        #expect(text.contains("\"objective\": null,\n"))
        #expect(text.contains("\"bound\": null,\n"))
        #expect(text.contains("\"gap\": null\n"))
    }

    @Test func sameInputGivesSameBytes() {
        #expect(PlanJSONWriter.encode(SamplePlan.plan) == PlanJSONWriter.encode(SamplePlan.plan))
    }
}

@Suite struct JSONTextTests {
    @Test func escapesPerRFC8259() {
        #expect(JSONText.quote("plain") == "\"plain\"")
        #expect(JSONText.quote("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONText.quote("line\nnext\ttab\r") == #""line\nnext\ttab\r""#)
        #expect(JSONText.quote("\u{0}\u{1}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(JSONText.quote("\u{08}\u{0C}") == #""\b\f""#)
        #expect(JSONText.quote("å/ä/ö 😀") == "\"å/ä/ö 😀\"")
        #expect(JSONText.quote("a\u{2028}b") == #""a\u2028b""#)
    }
}

@Suite struct NumberTextTests {
    @Test func wholeNumbersHaveNoFraction() {
        #expect(NumberText.plain(58) == "58")
        #expect(NumberText.plain(-3) == "-3")
        #expect(NumberText.plain(0) == "0")
        #expect(NumberText.plain(-0.0) == "0")
        #expect(NumberText.plain(2_498_664) == "2498664")
    }

    @Test func fractionsKeepAtMostSixDecimals() {
        #expect(NumberText.plain(2.5) == "2.5")
        #expect(NumberText.plain(0.1 + 0.2) == "0.3")
        #expect(NumberText.plain(1.0 / 3.0) == "0.333333")
        #expect(NumberText.plain(2.0 / 3.0) == "0.666667")
        #expect(NumberText.plain(0.027986) == "0.027986")
        #expect(NumberText.plain(-12.125) == "-12.125")
        #expect(NumberText.plain(0.0000004) == "0")
        #expect(NumberText.plain(2.5, decimalSeparator: ",") == "2,5")
    }

    @Test func nonFiniteHasNoText() {
        #expect(NumberText.plain(.nan) == nil)
        #expect(NumberText.plain(.infinity) == nil)
        #expect(NumberText.plain(-.infinity) == nil)
        #expect(JSONText.number(.nan) == "null")
    }

    @Test func hugeNumbersStayValidJSON() {
        #expect(NumberText.plain(1e14) == "100000000000000")
        #expect(NumberText.plain(1e20) == "1e+20")
    }

    @Test func humanNumbersFollowTheLanguage() {
        #expect(NumberText.human(5992, lang: .sv) == "5 992")
        #expect(NumberText.human(2_498_664, lang: .sv) == "2 498 664")
        #expect(NumberText.human(2_498_664, lang: .en) == "2,498,664")
        #expect(NumberText.human(1234.5, lang: .sv) == "1 234,5")
        #expect(NumberText.human(1234.5, lang: .en) == "1,234.5")
        #expect(NumberText.human(0.125, lang: .sv) == "0,13")
        #expect(NumberText.human(-1000, lang: .sv) == "-1 000")
        #expect(NumberText.human(999, lang: .sv) == "999")
    }
}
