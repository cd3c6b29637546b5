import Foundation
import LinearModel
import Testing
@testable import Tidsplan
@testable import TidsplanAnalysis
import TidsplanCore
import TidsplanIO

/// A solver that ends every solve the way it is told, without a solution.
struct FailingBackend: SolverBackend {
    var termination: Termination
    var name: String { "fake" }
    var version: String { "0" }
    func solve(_ model: LinearModel, options: SolveOptions, progress: ProgressHandler?) throws -> SolveResult {
        SolveResult(termination: termination, solution: nil, seconds: 0)
    }
    func export(_ model: LinearModel, format: ModelFormat) throws -> String { "" }
}

/// Collects what a job prints.
final class CapturedConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var outText = "", errText = ""
    func out(_ text: String, terminator: String) { lock.withLock { outText += text + terminator } }
    func err(_ text: String) { lock.withLock { errText += text + "\n" } }
    func progress(_ text: String) {}
    var isTerminal: Bool { false }
    var stdout: String { lock.withLock { outText } }
    var stderr: String { lock.withLock { errText } }
}

/// A solve that gives no plan is never written as one, and the job says what ended it.
@Suite struct SolverFailureTests {
    static let scenario = TidsplanPaths.file("scenarios/tests/bottleneck-staff.yaml")

    /// A folder holding a previous good output that must survive.
    static func previousOutput() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tidsplan-fail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "{\"good\":true}".write(toFile: dir + "/plan.json", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func planWithSolverErrorWritesNothingAndFails() throws {
        let out = try Self.previousOutput()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = CapturedConsole()
        let code = PlanJob.run(PlanRequest(scenarioPath: Self.scenario, outDir: out, quiet: true, lang: .en), console: console,
                               backend: FailingBackend(termination: .error("numerical trouble in the simplex")))
        #expect(code != 0)
        #expect(console.stderr.contains("the solver failed: numerical trouble in the simplex"), "\(console.stderr)")
        #expect(console.stderr.contains("Nothing was written"))
        #expect(try String(contentsOfFile: out + "/plan.json", encoding: .utf8) == "{\"good\":true}")
        #expect(!FileManager.default.fileExists(atPath: out + "-rejected"))
    }

    /// Each end of a search gets its own words (English and Swedish), never the time limit's by default.
    @Test(arguments: [
        (Termination.memoryLimit, "memory limit (16 MiB)", "minnesgränsen (16 MiB)"),
        (.timeLimit, "time limit (7 s)", "tidsgränsen (7 s)"),
        (.stopped, "interrupted", "avbröts"),
        (.nodeLimit, "node budget", "nodbudget"),
        (.infeasible, "no plan can keep every rule", "ingen plan kan följa alla regler"),
    ])
    func eachEndHasItsOwnWords(_ end: Termination, _ en: String, _ sv: String) throws {
        for (lang, words) in [(Language.en, en), (.sv, sv)] {
            let out = try Self.previousOutput()
            defer { try? FileManager.default.removeItem(atPath: out) }
            let console = CapturedConsole()
            let code = PlanJob.run(PlanRequest(scenarioPath: Self.scenario, outDir: out, timeLimit: 7, quiet: true, lang: lang,
                                               memoryLimitMiB: 16), console: console, backend: FailingBackend(termination: end))
            #expect(code != 0)
            #expect(console.stderr.contains(words), "\(lang): \(console.stderr)")
            if end != .timeLimit { #expect(!console.stderr.contains("--time-limit"), "\(console.stderr)") }
        }
    }

    @Test func capacityWhoseBasePlanFailedFails() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tidsplan-cap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = CapturedConsole()
        let code = CapacityJob.run(scenarioPath: Self.scenario, planPath: nil, outDir: out, timeLimit: 5, console: console,
                                   backend: FailingBackend(termination: .error("boom")))
        #expect(code != 0)
        #expect(console.stderr.contains("boom"), "\(console.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// The start plan a time limit leaves (nothing new chosen) is no base to measure against: capacity said
    /// "0 hours covered, no extra capacity would help" on the default scenario under its old 60 s limit.
    @Test func aStartPlanLeftByTheTimeLimitIsNotMeasurable() throws {
        let s = Small.base()
        var p = try Small.plan(s)
        #expect(p.isMeasurable)
        p.solver.searchEnd = .timeLimit
        #expect(p.isMeasurable, "a plan with sessions stays measurable at a time limit")
        p.sessions.removeAll { $0.kind == .training }
        #expect(!p.isMeasurable)
        p.solver.searchEnd = .nodeBudget
        #expect(p.isMeasurable, "a finished search that chose nothing is a real answer")
    }

    @Test func compareWhoseBasePlanFailedFails() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tidsplan-cmp-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let console = CapturedConsole()
        let code = CompareJob.run(scenarioPath: Self.scenario, dropEach: Day(iso: "2025-03-01"), variants: [], outDir: out,
                                  timeLimit: 5, console: console, backend: FailingBackend(termination: .timeLimit))
        #expect(code != 0)
        #expect(console.stderr.contains("tidsgränsen (5 s)"), "\(console.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(console.stdout.isEmpty)
    }
}

enum TidsplanPaths {
    /// A file in the package, from this file's place in `Tests/TidsplanModelTests/`.
    static func file(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .path + "/" + relative
    }
}
