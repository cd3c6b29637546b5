import Foundation
import GLPKBackend
import LinearModel
import Testing
import TidsplanCore
import TidsplanIO
@testable import TidsplanModel

/// The week model's own cuts (`WeekModelCuts`) never cut off an optimum: on generated small scenarios solved
/// to a proven optimum without them, every cut found at the LP relaxation holds at that optimum, the bound
/// with the cuts never exceeds it, and the search with the cuts ends at the same objective.
@Suite struct WeekModelCutsTests {
    /// The property tests' small scenarios, with the places asked for (attendance rows) on a random course.
    static func scenario(seed: Int) -> Scenario {
        var rng = SeededGenerator(seed: UInt64(500 + seed))
        var s = PropertyTests.randomScenario(&rng)
        for i in s.courses.indices where Bool.random(using: &rng) { s.courses[i].attendance = TidsplanCore.Attendance.all }
        return s
    }

    static func builder(_ s: Scenario) -> (WeekModelBuilder, LinearModel) {
        let grid = TimeGrid(scenario: s, calendar: WorkingCalendar(scenario: s))
        let groups = RunGroupGenerator.generate(scenario: s, minimumRuns: [:]).groups
        let b = WeekModelBuilder(scenario: s, grid: grid, groups: groups, replan: nil, previousRuns: [], forbidden: [:])
        return (b, b.build())
    }

    /// GLPK without presolve (so the separator runs) and without its own cuts (so only ours act).
    static func options(nodes: Int, separator: (any CutSeparator)?) -> SolveOptions {
        var o = SolveOptions(timeLimit: 120, relativeGap: 0, presolve: false, gomoryCuts: false, mirCuts: false,
                             coverCuts: false, cliqueCuts: false, nodeLimit: nodes)
        o.cutSeparator = separator
        return o
    }

    /// GLPK's integer values are whole within its tolerance (1e-5), so objectives agree to that.
    static let tolerance = 1e-4

    /// Returns how many cuts were found at the LP relaxation and how many the search with cuts added.
    @discardableResult
    static func check(_ s: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws -> (atLP: Int, added: Int) {
        let (b, model) = builder(s)
        let all = Set(WeekCutFamily.allCases)
        let separator = try #require(b.cutSeparator(for: model, families: all, maxLevel: 1_000), sourceLocation: sourceLocation)
        #expect(!separator.bases.isEmpty, sourceLocation: sourceLocation)
        let backend = GLPKBackend()

        // The known optimum, without cuts of our own.
        let exact = try backend.solve(model, options: options(nodes: 200_000, separator: nil), progress: nil)
        try #require(exact.termination == .optimal, "the small model should be proven without cuts", sourceLocation: sourceLocation)
        let optimum = try #require(exact.solution, sourceLocation: sourceLocation)

        // Every cut found at the LP relaxation's point holds at the optimum.
        var lp = options(nodes: 1, separator: nil)
        lp.relaxIntegrality = true
        let relaxation = try #require(try backend.solve(model, options: lp, progress: nil).solution, sourceLocation: sourceLocation)
        let cuts = separator.separate(SeparationPoint(values: relaxation.values, level: 0, round: 0))
        for cut in cuts {
            #expect(cut.holds(optimum.values, tolerance: 1e-6), "\(cut.family) cut removes the optimum", sourceLocation: sourceLocation)
            #expect(!cut.holds(relaxation.values, tolerance: 1e-6), "a cut is returned only where it is violated", sourceLocation: sourceLocation)
        }

        // The root's bound with the cuts stays at or below the optimum; the whole search ends at the same objective.
        let root = try backend.solve(model, options: options(nodes: 2, separator: separator), progress: nil)
        if let bound = root.bestBound { #expect(bound <= optimum.objective + Self.tolerance, sourceLocation: sourceLocation) }
        let withCuts = try backend.solve(model, options: options(nodes: 200_000, separator: separator), progress: nil)
        #expect(withCuts.termination == .optimal, sourceLocation: sourceLocation)
        #expect(abs((withCuts.solution?.objective ?? .infinity) - optimum.objective) < Self.tolerance, sourceLocation: sourceLocation)
        #expect((withCuts.bestBound ?? -.infinity) <= optimum.objective + Self.tolerance, sourceLocation: sourceLocation)
        return (cuts.count, withCuts.cuts.values.reduce(0, +) + root.cuts.values.reduce(0, +))
    }

    @Test("the generated scenarios do give cuts to check (the property above is not empty)")
    func generatedScenariosGiveCuts() throws {
        var atLP = 0, added = 0
        for seed in 0..<10 {
            let found = try Self.check(Self.scenario(seed: seed))
            atLP += found.atLP
            added += found.added
        }
        #expect(atLP > 0)
        #expect(added > 0)
    }

    @Test("generated small scenarios: the cuts keep the known optimum", arguments: 0..<10)
    func generatedScenarios(seed: Int) throws {
        try Self.check(Self.scenario(seed: seed))
    }

    @Test("the small test scenarios: the cuts keep the known optimum",
          arguments: ["small-county.yaml", "attendance-county.yaml", "bottleneck-staff.yaml"])
    func testScenarios(file: String) throws {
        let loaded = ScenarioLoader.load(path: TidsplanPaths.file("scenarios/tests/\(file)"))
        try Self.check(try #require(loaded.scenario))
    }

    @Test("each family of cuts finds base rows on a scenario that asks for places")
    func familiesHaveRows() throws {
        let (b, model) = Self.builder(Self.scenario(seed: 1))
        for family in WeekCutFamily.allCases {
            let separator = try #require(b.cutSeparator(for: model, families: [family]))
            #expect(!separator.bases.isEmpty, "\(family.rawValue) has nothing to round")
            #expect(separator.bases.allSatisfy { $0.family == family.rawValue })
        }
        #expect(b.cutSeparator(for: model, families: []) == nil)
        #expect(WeekCutFamily.parse("course-demand, quota") == [.courseDemand, .quota])
        #expect(WeekCutFamily.parse("none") == [])
        #expect(WeekCutFamily.parse("gomory") == nil)
    }

    @Test("course demand: seat and place columns cancel; runs and shortfalls remain")
    func courseDemandCancelsSeats() throws {
        var s = Self.scenario(seed: 2)
        for i in s.courses.indices { s.courses[i].attendance = TidsplanCore.Attendance.all }
        let (b, model) = Self.builder(s)
        let separator = try #require(b.cutSeparator(for: model, families: [.courseDemand]))
        #expect(separator.bases.count == s.courses.filter { !b.groups(ofCourse: $0.id).isEmpty }.count)
        let runs = Set(b.runCount.compactMap { $0 })
        for base in separator.bases {
            for t in base.terms {
                let column = b.tags.column(t.variable)
                let isShort = if case .attendanceShort? = column { true } else { false }
                #expect(runs.contains(t.variable) || isShort, "\(model[t.variable].name) left in the course row")
            }
        }
    }
}
