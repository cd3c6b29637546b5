import Testing
import TidsplanCore
@testable import TidsplanIO

@Suite("Scenario loader: promises (runs, coverage, narrative totals, follow-up responsible)")
struct ScenarioCoverageTests {
    static let promised = ScenarioFixtures.valid
        .replacingOccurrences(of: "    window: {from: 2024-03-01, to: 2025-06-30}\n",
                              with: "    window: {from: 2024-03-01, to: 2025-06-30}\n    runs: {min: 2, perCountyPart: 1}\n    core: true\n")
        .replacingOccurrences(of: "\nfixedEvents:\n", with: "\ncoverage:\n  - {area: EB, minHours: 100}\n  - {area: AME, role: staff, minHours: 40}\n\nfixedEvents:\n")
        .replacingOccurrences(of: "  stated: {hours: 300, persons: 20, cofinancingKr: 125100}\n",
                              with: "  stated: {hours: 300, persons: 20, cofinancingKr: 125100}\n  narrativeStated: {hours: 300}\n")

    @Test("runs, core, coverage and narrativeStated are read as written")
    func readsPromises() throws {
        let result = ScenarioFixtures.load(Self.promised)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let s = try #require(result.scenario)
        let mi = try #require(s.course("MI"))
        #expect(mi.runs == RunRequirement(min: 2, perCountyPart: 1))
        #expect(mi.core)
        #expect(s.coverage == [CoverageTarget(area: "EB", minHours: 100), CoverageTarget(area: "AME", role: .staff, minHours: 40)])
        #expect(s.project.narrativeStated == StatedTotals(hours: 300))
    }

    @Test("A bad value names file, line and field")
    func badValues() throws {
        let text = Self.promised.replacingOccurrences(of: "runs: {min: 2, perCountyPart: 1}", with: "runs: {min: two}")
            .replacingOccurrences(of: "{area: AME, role: staff, minHours: 40}", with: "{area: AMX, role: boss, minHours: 40}")
        let result = ScenarioFixtures.load(text)
        let rendered = result.diagnostics.map(\.rendered)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let runsLine = try #require(lines.firstIndex { $0.contains("runs: {min: two}") }) + 1
        let coverageLine = try #require(lines.firstIndex { $0.contains("area: AMX") }) + 1
        #expect(rendered.contains { $0.hasPrefix("t.yaml:\(runsLine):") && $0.contains("course MI: runs: `min` should be a whole number, got \"two\"") }, "\(rendered)")
        #expect(rendered.contains { $0.hasPrefix("t.yaml:\(coverageLine):") && $0.contains("\"boss\" is not one of staff, manager") }, "\(rendered)")
        #expect(rendered.contains { $0.hasPrefix("t.yaml:\(coverageLine):") && $0.contains("unknown area \"AMX\"") }, "\(rendered)")
    }

    @Test("check sums the narrative's figures against its stated total")
    func narrativeSum() {
        let text = Self.promised.replacingOccurrences(of: "narrativeStated: {hours: 300}", with: "narrativeStated: {hours: 332}")
        let warnings = ScenarioFixtures.load(text).warnings.map(\.message)
        #expect(warnings.contains("the narrative states 332 hours in total, but its per-municipality hours sum to 300 (difference 32)"), "\(warnings)")
    }
}
