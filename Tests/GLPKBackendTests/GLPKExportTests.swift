import Foundation
import Testing
import LinearModel
@testable import GLPKBackend

@Suite("GLPK model export: free MPS and CPLEX LP")
struct GLPKExportTests {
    let backend = GLPKBackend()

    @Test("free MPS read back by GLPK solves to the same optimum", arguments: [false, true])
    func mpsRoundTrip(integer: Bool) throws {
        let model = integer ? TestModels.knapsack() : TestModels.textbookLP()
        let direct = try backend.solve(model, options: SolveOptions(), progress: nil)
        let mps = try backend.export(model, format: .freeMPS)
        let reread = try backend.solveMPS(mps, options: SolveOptions())
        #expect(reread.termination == .optimal)
        let a = try #require(direct.solution)
        let b = try #require(reread.solution)
        #expect(abs(a.objective - b.objective) < 1e-9)
        #expect(b.values.count == model.variables.count)
        #expect(TestModels.isFeasible(b.values, in: model))
    }

    @Test("free MPS lists rows, columns, integer markers and the objective sense")
    func mpsContents() throws {
        let mps = try backend.export(TestModels.knapsack(), format: .freeMPS)
        #expect(mps.contains("ROWS"))
        #expect(mps.contains("COLUMNS"))
        #expect(mps.contains("MARKER"))
        #expect(mps.contains("capacity"))
        // Brackets are not valid in CPLEX LP names, so both formats get parentheses.
        #expect(mps.contains("take(0)"))
        // GLPK writes no sense; the backend adds the section other solvers read.
        #expect(mps.contains("NAME knapsack\nOBJSENSE\n    MAX\n"))
    }

    @Test("free MPS states a maximisation and the objective constant the way other solvers read them")
    func mpsSenseAndConstant() throws {
        var model = TestModels.textbookLP()
        var objective = model.objective
        objective.constant = 2.5
        model.setObjective(objective, .maximize)
        let mps = try backend.export(model, format: .freeMPS)
        #expect(mps.contains("* Objective constant: 2.5 (left out of the model: add it to the optimum)\nNAME textbook\nOBJSENSE\n    MAX\nROWS\n"))
        // No RHS entry for the objective row: solvers disagree on its sign.
        let rhs = try #require(mps.components(separatedBy: "RHS\n").last)
        #expect(!rhs.contains("R0000000") && !rhs.contains(" obj "))
        let reread = try backend.solveMPS(mps, options: SolveOptions())
        #expect(reread.solution?.objective == 36)

        model.setObjective(objective, .minimize)
        let minimising = try backend.export(model, format: .freeMPS)
        #expect(!minimising.contains("OBJSENSE"))
    }

    @Test("an OBJSENSE section is taken out, in either layout, before GLPK reads the file")
    func objectiveSenseStripping() {
        let twoLines = GLPKMPSConventions.strippingObjectiveSense(from: "NAME m\nOBJSENSE\n    MAX\nROWS\n N obj\n")
        #expect(twoLines.text == "NAME m\nROWS\n N obj\n")
        #expect(twoLines.maximize)
        let oneLine = GLPKMPSConventions.strippingObjectiveSense(from: "NAME m\nOBJSENSE MIN\nROWS\n")
        #expect(oneLine.text == "NAME m\nROWS\n")
        #expect(!oneLine.maximize)
        let none = GLPKMPSConventions.strippingObjectiveSense(from: "NAME m\nROWS\n")
        #expect(none.text == "NAME m\nROWS\n")
        #expect(!none.maximize)
    }

    @Test("CPLEX LP text names the variables and rows")
    func lpContents() throws {
        let lp = try backend.export(TestModels.textbookLP(), format: .cplexLP)
        #expect(lp.contains("Maximize"))
        for name in ["x", "y", "plant1", "plant2", "plant3"] {
            #expect(lp.contains(name))
        }
        #expect(lp.contains("+ 3 x + 5 y"))
    }

    @Test("export is byte-for-byte repeatable")
    func repeatable() throws {
        let model = TestModels.knapsack()
        #expect(try backend.export(model, format: .freeMPS) == backend.export(model, format: .freeMPS))
        #expect(try backend.export(model, format: .cplexLP) == backend.export(model, format: .cplexLP))
    }

    @Test("names are sanitised, shortened to 255 bytes and made unique")
    func names() throws {
        #expect(GLPKNames.sanitised("x[s3,2025-01-13]") == "x(s3,2025_01_13)")
        #expect(GLPKNames.sanitised("Växjö kurs") == "V_xj__kurs")
        #expect(GLPKNames.sanitised("7days") == "_7days")
        #expect(GLPKNames.sanitised(String(repeating: "a", count: 300)).utf8.count == 255)
        #expect(GLPKNames.unique(["x", "x", "", "c2", "y"], fallbackPrefix: "c") == ["x", "c2", "c3", "c4", "y"])
        #expect(GLPKNames.unique(["c2", ""], fallbackPrefix: "c") == ["c2", "c2_2"])
        #expect(GLPKNames.unique(["obj", "a"], fallbackPrefix: "r", reserved: ["obj"]) == ["r1", "a"])

        var model = LinearModel(name: "dupes")
        let a = model.addVariable("same")
        let b = model.addVariable("same")
        model.addConstraint("obj", [Term(a, 1), Term(b, 1)], upper: 3)
        model.setObjective([Term(a, 1), Term(b, 2)], .maximize)
        let mps = try backend.export(model, format: .freeMPS)
        #expect(mps.contains("c2"))
        let reread = try backend.solveMPS(mps, options: SolveOptions())
        #expect(reread.solution?.objective == 6)
    }
}
