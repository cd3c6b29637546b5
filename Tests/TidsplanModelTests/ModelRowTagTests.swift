import Foundation
import Testing
@testable import Tidsplan
@testable import TidsplanAnalysis
import TidsplanCore
import TidsplanIO
@testable import TidsplanModel
import LinearModel

/// The capacity analysis reads what a row of the week model is about from its typed tag; these tests keep
/// every capacity row tagged, every row owned by a family, and every verifier rule owned by the model.
@Suite struct ModelRowTagTests {
    @Test func everyCapacityRowOfTheTestScenarioIsTaggedWithItsResource() {
        let s = CapacityTestScenario.scenario()
        let artefact = Planner.weekModelArtefact(scenario: s)
        let subjects = ModelRowSubjects(scenario: s, artefact: artefact)
        var staffMonths: Set<String> = [], staffWeeks = 0, trainerRows = 0, budgetRows = 0
        for i in artefact.model.constraints.indices {
            let row = ConstraintID(index: i)
            let capacityFamily = ["staff-weekly-load", "trainer-max-days", "budget-trainers"].contains(artefact.family(of: row))
            guard case .capacity(let r, let month, let week) = subjects.subject(of: row) else {
                #expect(!capacityFamily, "row \(artefact.model.constraints[i].name) of a capacity family has no resource tag")
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
                Issue.record("the test scenario has no physical venue, yet a row was read as one")
            }
        }
        #expect(staffMonths == ["2025-02", "2025-03", "2025-04"])
        #expect(staffWeeks == 13)
        #expect(trainerRows >= 1)
        #expect(budgetRows == 1)
    }

    @Test func rulesAndShortfallsAreReadFromTagsNotNames() {
        let s = CapacityTestScenario.scenario()
        let artefact = Planner.weekModelArtefact(scenario: s)
        let subjects = ModelRowSubjects(scenario: s, artefact: artefact)
        let audience = artefact.model.constraints.indices.map(ConstraintID.init(index:)).filter { subjects.subject(of: $0) == .rule(.audience) }
        #expect(!audience.isEmpty)
        #expect(audience.allSatisfy { artefact.family(of: $0) == "audience" })
        // Every quota has its shortfall column, and every shortfall column is a goal's.
        let quotaShorts = artefact.shortfallColumns.filter { if case .quotaShort = artefact.tags.column($0) { true } else { false } }
        #expect(quotaShorts.count == s.municipalities.count)
        #expect(artefact.shortfallColumns.allSatisfy { artefact.tags.column($0)?.isShortfall == true })
    }

    /// Each tagged row was written by the family its tag speaks for (a row tagged in the wrong family, or the
    /// family record shifted by one, would point capacity and explanations at the wrong rule).
    @Test func taggedRowsBelongToTheirFamilies() {
        let artefact = Planner.weekModelArtefact(scenario: CapacityTestScenario.scenario())
        var seen: Set<String> = []
        for i in artefact.model.constraints.indices {
            let row = ConstraintID(index: i)
            guard let tag = artefact.tags.row(row) else { continue }
            let expected: String = switch tag {
            case .leaderWeek, .staffMonth: "staff-weekly-load"
            case .trainerMaxDays: "trainer-max-days"
            case .budget: "budget-trainers"
            case .venueWeek: "venue-one-per-day"
            case .countyPartWeek: "municipality-days-per-week"
            case .quotaCeiling: "quota-ceiling"
            case .sessionSizeMax, .sessionSizeMin, .seatsOneMunicipality: "participants-range"
            case .audience: "audience"
            case .withdrawn: "withdrawal"
            case .prerequisiteWeek, .prerequisiteSeats: "prerequisite"
            case .attendance: "attendance"
            }
            #expect(artefact.family(of: row) == expected, "\(artefact.model.constraints[i].name): \(tag)")
            seen.insert(expected)
        }
        #expect(seen.isSuperset(of: ["staff-weekly-load", "trainer-max-days", "budget-trainers", "quota-ceiling", "participants-range", "audience"]))
    }

    /// Timefold-style: every rule the verifier judges is modelled by a named family (or settled by the day stage or
    /// plan assembly),
    /// and no family claims a rule the verifier does not know.
    @Test func everyVerifierRuleMapsToAModelFamilyAndBack() {
        let claimed = WeekModelBuilder.families.flatMap { $0.verifierRules } + DayModelBuilder.verifierRules + PlanAssembly.verifierRules
        let verifier = Set(PlanVerifier.ruleIDs)
        #expect(Set(claimed).subtracting(verifier).isEmpty, "claimed but unknown: \(Set(claimed).subtracting(verifier).sorted())")
        #expect(verifier.subtracting(claimed).isEmpty, "judged but not modelled: \(verifier.subtracting(claimed).sorted())")
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
