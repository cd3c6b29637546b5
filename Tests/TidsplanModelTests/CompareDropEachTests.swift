import Testing
@testable import Tidsplan
@testable import TidsplanAnalysis
import TidsplanCore
import TidsplanModel

/// `tidsplan compare --drop-each DATE` on the bottleneck test scenario.
@Suite(.serialized) struct CompareDropEachTests {
    @Test func oneRowPerMunicipalityWithdrawingAfterTheDate() throws {
        let s = CapacityTestScenario.scenario()
        let date = CapacityTestScenario.day("2025-03-14")
        let variants = try DropEachVariants.make(base: s, after: date, lang: .en)
        #expect(variants.map(\.label) == ["without Alfa", "without Beta"])
        #expect(variants.map { $0.scenario.municipality(String($0.label.dropFirst("without ".count)))?.withdrawal }
                == [CapacityTestScenario.day("2025-03-15"), CapacityTestScenario.day("2025-03-15")])
        #expect(variants.allSatisfy { $0.replanAsOf == date })

        let rows = try CompareRun.run(base: s, variants: variants, solver: CapacityTestScenario.solver, lang: .en)
        #expect(rows.map(\.label) == ["base", "without Alfa", "without Beta"])
        let base = rows[0]
        #expect(base.changedSessions == nil)
        #expect(abs(base.plannedHours - 840) < 1e-6)
        #expect(base.trainerDays == 2)
        #expect(abs(base.trainerCostKr - 10000) < 1e-6)
        for (row, name) in zip(rows.dropFirst(), ["Alfa", "Beta"]) {
            let leaving = try #require(row.municipalities.first { $0.name == name })
            let baseHours = try #require(base.municipalities.first { $0.name == name }?.plannedHours)
            #expect(leaving.withdrawn == CapacityTestScenario.day("2025-03-15"))
            #expect(leaving.plannedHours <= baseHours)
            #expect(row.changedSessions != nil)
            // Proven best, or stopped at GLPK's tolerance (1.5e-5 here): then the gap is named, never "0 %".
            #expect(row.status == "proven best" || ((row.gap ?? 1) < 1e-4 && row.status.hasPrefix("within 0.00")), "\(row.status)")
            // What the municipality's leaving costs the project, against the base plan (it was "short 0" before).
            #expect(abs(row.lostHours - (base.plannedHours - row.plannedHours)) < 1e-6)
            #expect(row.lostHours > 0, "the bottleneck scenario cannot make up a leaver's hours in full")
            #expect(abs(row.lostKr - (base.cofinancingKr - row.cofinancingKr)) < 0.01)
        }
        #expect(base.lostHours == 0 && base.lostKr == 0)

        let csv = CompareTables.csv(rows, lang: .en)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("variant,description,plan_quality,proven_within_fraction,sessions,planned_hours,cofinancing_kr,shortfall_hours,lost_hours,lost_kr,missing_places,trainer_days"))
        #expect(lines[0].hasSuffix("hours:Alfa,hours:Beta,kr:Alfa,kr:Beta"))
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == ["base", "without Alfa", "without Beta"])
        let md = CompareTables.markdown(rows, scenario: s, lang: .en)
        #expect(md.contains("| without Beta |"))
    }

    @Test func aDateOutsideThePeriodIsRefused() {
        #expect(throws: JobError.self) {
            _ = try DropEachVariants.make(base: CapacityTestScenario.scenario(), after: CapacityTestScenario.day("2025-04-30"))
        }
    }
}
