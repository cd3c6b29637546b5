import Foundation
import Testing
@testable import Tidsplan
import TidsplanCore
import TidsplanIO
import TidsplanModel

/// The capacity job reads the week model's row names back into resources; these tests keep its copy of
/// the model's slugs and name patterns in step with the model.
@Suite struct CapacityRowNameTests {
    @Test func everyCapacityRowOfTheTestScenarioIsRecognised() {
        let s = CapacityTestScenario.scenario()
        let model = Planner.weekModel(scenario: s)
        let names = ModelRowNames(scenario: s)
        var staffMonths: Set<String> = [], staffWeeks = 0, trainerRows = 0, budgetRows = 0
        for row in model.constraints {
            let capacityRow = ["load_week_", "load_month_", "maxdays_", "budget_"].contains { row.name.hasPrefix($0) }
            guard case .capacity(let r, let month, let week) = names.subject(of: row.name) else {
                #expect(!capacityRow, "\(row.name) is a capacity row but was not recognised")
                continue
            }
            switch r.kind {
            case .staff:
                #expect(r.name == CapacityTestScenario.staffName)
                if let month { staffMonths.insert(month) }
                if week != nil { staffWeeks += 1 }
            case .trainer:
                #expect(r.name == CapacityTestScenario.trainerName)
                trainerRows += 1
            case .budget:
                #expect(r.name == "trainers")
                budgetRows += 1
            case .venue:
                Issue.record("the test scenario has no physical venue, yet \(row.name) was read as one")
            }
        }
        #expect(staffMonths == ["2025-02", "2025-03", "2025-04"])
        #expect(staffWeeks == 13)
        #expect(trainerRows >= 1)
        #expect(budgetRows == 1)
    }

    @Test func slugsMatchTheModelsForSwedishNames() {
        #expect(Slug.make("Södra Vätterbygden") == "sodra-vatterbygden")
        #expect(Slug.make("Utvecklingsledare MIX/AM-X") == "utvecklingsledare-mix-am-x")
        let names = ModelRowNames(scenario: CapacityTestScenario.scenario())
        #expect(names.subject(of: "load_month_kursledare-mi_2025-03")
                == .capacity(CapacityResource(kind: .staff, name: "Kursledare MI"), month: "2025-03", week: nil))
        #expect(names.subject(of: "load_week_konsult-hp_w7")
                == .capacity(CapacityResource(kind: .trainer, name: "Konsult HP"), month: nil, week: 7))
        #expect(names.subject(of: "audience_MI_alfa") == .rule("persons in a course's audience (each takes a course once)"))
        #expect(names.subject(of: "quota_short_alfa") == .other)
    }
}

/// `scenarios/tests/bottleneck-staff.yaml` is the same scenario as `CapacityTestScenario`.
@Suite struct CapacityTestScenarioFileTests {
    @Test func theYAMLFileLoadsAsTheSwiftScenario() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = ScenarioLoader.load(path: root.appendingPathComponent("scenarios/tests/bottleneck-staff.yaml").path)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.rendered))")
        let loaded = try #require(result.scenario)
        #expect(loaded == CapacityTestScenario.scenario())
    }
}
