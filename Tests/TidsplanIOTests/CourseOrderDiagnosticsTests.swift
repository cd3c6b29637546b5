import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// `after` and `aheadOf` read from a scenario file; unknown courses are named at their line.
@Suite struct CourseOrderDiagnosticsTests {
    static let delivery = "    delivery: countyPart\n    prerequisites: [{course: HP, minGapWeeks: 2}]"

    func withOrder(_ lines: String) -> String {
        ScenarioFixtures.replacing(Self.delivery, with: "    delivery: countyPart\n" + lines
                                   + "\n    prerequisites: [{course: HP, minGapWeeks: 2}]")
    }

    @Test func afterAndAheadOfAreRead() throws {
        let text = withOrder("    after: [{course: HP, minGapWeeks: 1}]\n    aheadOf: {courses: [HP], slackWeeks: 4}")
        let mi = try #require(ScenarioFixtures.load(text).scenario?.course("MI"))
        #expect(mi.after == [CourseAfter(course: "HP", minGapWeeks: 1)])
        #expect(mi.aheadOf == AheadOf(courses: ["HP"], slackWeeks: 4))
        let bare = try #require(ScenarioFixtures.load(withOrder("    after: HP")).scenario?.course("MI"))
        #expect(bare.after == [CourseAfter(course: "HP", minGapWeeks: 0)])
    }

    @Test func unknownCourseIsNamedAtItsLineWithADidYouMean() {
        let text = withOrder("    after: [{course: hp, minGapWeeks: 0}]\n    aheadOf: {courses: [HPX], slackWeeks: 4}")
        let result = ScenarioFixtures.load(text)
        #expect(result.scenario == nil)
        let after = result.diagnostics.first { $0.message == "unknown course \"hp\"; did you mean \"HP\"?" }
        #expect(after?.file == "t.yaml")
        #expect(after?.line == ScenarioFixtures.line(of: "after: [{course: hp", in: text))
        let ahead = result.diagnostics.first { $0.message.hasPrefix("unknown course \"HPX\"") }
        #expect(ahead?.line == ScenarioFixtures.line(of: "aheadOf: {courses: [HPX]", in: text))
        #expect(ahead?.severity == .error)
    }
}
