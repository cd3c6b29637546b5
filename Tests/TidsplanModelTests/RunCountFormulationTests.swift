import Foundation
import LinearModel
import Testing
import TidsplanCore
import TidsplanModel

/// The week model counts each run group's runs in one integer column, R_g = Σ_s n_g,s, and writes the group's
/// size rows and costs on it (not on every start column): the same LP, a third fewer nonzeros, and much
/// stronger Gomory cuts in GLPK.
@Suite struct RunCountFormulationTests {
    @Test func sizeRowsAndCostsUseTheRunCountColumn() throws {
        let model = Planner.weekModel(scenario: CapacityTestScenario.scenario())
        let runCounts = model.variables.indices.filter { model.variables[$0].name.hasPrefix("R_") }
        try #require(!runCounts.isEmpty)
        for j in runCounts {
            let r = model.variables[j]
            #expect(r.kind == .integer)
            let group = String(r.name.dropFirst(2))
            // The link row: the start columns of the group minus R_g, equal to 0.
            let link = try #require(model.constraints.first { $0.name == "runs_\(group)" })
            #expect(link.lower == 0 && link.upper == 0)
            let starts = link.terms.filter { $0.variable.index != j }
            #expect(link.terms.contains { $0.variable.index == j && $0.coefficient == -1 })
            #expect(starts.allSatisfy { model.variables[$0.variable.index].name.hasPrefix("n_\(group)_w") && $0.coefficient == 1 })
            // Size rows hold R_g and seat columns only, never a start column.
            for row in model.constraints where row.name == "size_max_\(group)" || row.name == "size_min_\(group)" {
                #expect(row.terms.contains { $0.variable.index == j })
                #expect(!row.terms.contains { model.variables[$0.variable.index].name.hasPrefix("n_") }, "\(row.name)")
            }
            // Its upper bound is no more than the weeks a run can start in.
            #expect((r.upper ?? .infinity) <= Double(starts.count))
            // The cost of holding a run sits on R_g.
            #expect(model.objective.terms.contains { $0.variable.index == j && $0.coefficient > 0 })
        }
    }
}
