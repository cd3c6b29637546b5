import Testing
import TidsplanCore
@testable import TidsplanModel

/// What counts as a shortfall (docs/rules.md): a quota missed by no more than `quotaTolerance` is met.
@Suite struct ShortfallRulesTests {
    /// C1 as a series of 2 × 6 h: B (8 persons, at most 4 a session) gets hours in steps of 12.
    func stepped(quotaB: Int) -> Scenario {
        var s = Small.base()
        s.courses[0].series = Series(meetings: 2, everyWeeks: 1)
        s.municipalities[1].quotaHours = quotaB
        return s
    }

    /// Quota 50 h, tolerance 5 %: 48 h is 2 h below, inside the 2.5 h the tolerance allows. No shortfall.
    @Test func aDifferenceInsideTheToleranceIsNoShortfall() throws {
        let s = stepped(quotaB: 50)
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        #expect(p.plannedHours("A") == 60 && p.plannedHours("B") == 48)
        #expect(p.shortfalls.isEmpty, "\(p.shortfalls)")
    }

    /// Quota 51 h: the tolerance allows 2.55 h below, and 48 h is 3 h below: a shortfall of 3 h, with its cause.
    @Test func justOutsideTheToleranceIsAShortfall() throws {
        let s = stepped(quotaB: 51)
        let p = try Small.plan(s)
        Small.expectVerified(p, s)
        #expect(p.plannedHours("B") == 48)
        let quota = p.shortfalls.filter { $0.kind == "quota" }
        #expect(quota.count == 1 && p.shortfalls.count == 1, "\(p.shortfalls)")
        #expect(quota.first?.subject == .municipality("B") && quota.first?.amount == 3)
        #expect(quota.first?.cause == .quotaStep(municipality: "B", plannedHours: 48, stepHours: 12, ceilingHours: 51 * 1.05, quotaHours: 51))
    }
}
