import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// Shortfall subjects in plan.json: typed objects (`tidsplan-plan/2`), the composite strings of older
/// plans (`tidsplan-plan/1`) still read, and the words a person reads built from the typed fields.
@Suite struct ShortfallSubjectTests {
    static let aneby = "Aneby"

    /// One shortfall of each kind the planner writes, with its typed subject.
    static var typed: [Shortfall] {
        [
            Shortfall(kind: "quota", subject: .municipality(aneby), amount: 92, unit: "hours", reason: "q"),
            Shortfall(kind: "attendance", subject: ShortfallSubject(course: "MI", municipality: aneby, area: "AME", role: .staff),
                      amount: 2, unit: "persons", reason: "a"),
            Shortfall(kind: "runs", subject: ShortfallSubject(course: "MI", countyPart: "Södra Vätterbygden"), amount: 1, unit: "runs", reason: "r"),
            Shortfall(kind: "runs", subject: .course("SE"), amount: 1, unit: "runs", reason: "r"),
            Shortfall(kind: "course", subject: ShortfallSubject(course: "HP", countyWide: true), amount: 0, unit: "sessions", reason: "c"),
            Shortfall(kind: "coverage", subject: ShortfallSubject(area: "EB", role: .manager), amount: 6, unit: "hours", reason: "v"),
            Shortfall(kind: "coverage", subject: ShortfallSubject(area: "AME"), amount: 6, unit: "hours", reason: "v"),
            Shortfall(kind: "followUp", subject: .course("SE"), amount: 1, unit: "surveys", reason: "f"),
            Shortfall(kind: "session", subject: ShortfallSubject(run: "MI-hoglandet-2"), amount: 1, unit: "sessions", reason: "s"),
            Shortfall(kind: "plan", subject: ShortfallSubject(name: "Höglandet"), amount: 0, unit: "sessions", reason: "p"),
        ]
    }

    /// The same subjects as plan.json `tidsplan-plan/1` wrote them.
    static let legacy = ["Aneby", "MI Aneby", "MI Södra Vätterbygden", "SE", "HP county", "EB manager", "AME", "SE",
                         "MI-hoglandet-2", "Höglandet"]

    @Test func typedSubjectsRoundTripAsObjects() throws {
        var plan = SamplePlan.plan
        plan.shortfalls = Self.typed
        let text = PlanJSONWriter.encode(plan)
        #expect(text.hasPrefix("{\n  \"format\": \"tidsplan-plan/2\",\n"))
        #expect(text.contains("      \"subject\": {\n        \"course\": \"MI\",\n        \"municipality\": \"Aneby\",\n"
                              + "        \"area\": \"AME\",\n        \"role\": \"staff\"\n      },\n"))
        #expect(text.contains("\"countyWide\": true"))
        #expect(try PlanJSONReader.decode(text, file: "plan.json") == plan)
    }

    /// A plan.json of format 1 (subjects as strings) reads into the same typed subjects, except the target
    /// group of an attendance shortfall, which those files did not carry.
    @Test func olderPlansWithTextSubjectsStillRead() throws {
        var plan = SamplePlan.plan
        plan.shortfalls = Self.typed
        var root = try #require(try JSONSerialization.jsonObject(with: Data(PlanJSONWriter.encode(plan).utf8)) as? [String: Any])
        root["format"] = "tidsplan-plan/1"
        var list = try #require(root["shortfalls"] as? [[String: Any]])
        for i in list.indices { list[i]["subject"] = Self.legacy[i] }
        root["shortfalls"] = list
        let old = String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self)
        let back = try PlanJSONReader.decode(old, file: "plan.json")
        var expected = Self.typed
        expected[1].subject = ShortfallSubject(course: "MI", municipality: Self.aneby)
        #expect(back.shortfalls.map(\.subject) == expected.map(\.subject))
        // Written again, it is a format-2 file with typed subjects.
        #expect(PlanJSONWriter.encode(back).contains("\"subject\": {\n        \"municipality\": \"Aneby\"\n      }"))
    }

    @Test func aSubjectOfTheWrongFormIsRefused() throws {
        var plan = SamplePlan.plan
        plan.shortfalls = Self.typed
        var root = try #require(try JSONSerialization.jsonObject(with: Data(PlanJSONWriter.encode(plan).utf8)) as? [String: Any])
        var list = try #require(root["shortfalls"] as? [[String: Any]])
        func decode(_ subject: Any) throws -> Plan {
            list[0]["subject"] = subject
            root["shortfalls"] = list
            return try PlanJSONReader.decode(String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self), file: "plan.json")
        }
        #expect(throws: PlanReadError.self) { try decode("Aneby") }
        #expect(throws: PlanReadError.self) { try decode(["municipalty": "Aneby"]) }
        #expect(throws: PlanReadError.self) { try decode(["area": "EB", "role": "chef"]) }
        #expect(try decode(["municipality": "Aneby"]).shortfalls[0].subject == .municipality("Aneby"))
    }

    @Test func wrongFormatNamesBothVersionsRead() throws {
        var root = try #require(try JSONSerialization.jsonObject(with: Data(PlanJSONWriter.encode(SamplePlan.plan).utf8)) as? [String: Any])
        root["format"] = "tidsplan-plan/3"
        let text = String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self)
        #expect(throws: PlanReadError.self) { try PlanJSONReader.decode(text, file: "plan.json") }
        do { _ = try PlanJSONReader.decode(text, file: "plan.json") } catch {
            #expect(error.description == #"plan.json: format: "tidsplan-plan/3" is not a supported format (expected "tidsplan-plan/2" or "tidsplan-plan/1")"#)
        }
    }

    /// What the report and the summary print, from the typed fields: course names, the group in words.
    @Test func wordsComeFromTheTypedFields() throws {
        let s = SamplePlan.scenario
        let mi = try #require(s.course("MI")).name
        let sv = ShortfallWords(lang: .sv), en = ShortfallWords(lang: .en)
        let t = Self.typed
        #expect(sv.subject(t[0], scenario: s) == "Aneby")
        #expect(sv.subject(t[1], scenario: s) == "\(mi), Aneby, AME medarbetare")
        #expect(en.subject(t[1], scenario: s) == "\(mi), Aneby, AME staff")
        #expect(sv.subject(t[2], scenario: s) == "\(mi), Södra Vätterbygden")
        #expect(sv.subject(t[4], scenario: s) == "Horisontella principer, hela länet")
        #expect(en.subject(t[4], scenario: s) == "Horisontella principer, county-wide")
        #expect(sv.subject(t[5], scenario: s) == "EB chefer")
        #expect(sv.subject(t[6], scenario: s) == "AME")
        #expect(sv.subject(t[8], scenario: s) == "MI-hoglandet-2")
        #expect(sv.sentence(t[1], scenario: s) { ShortfallSentence.number($0, sv: true) } == "\(mi), Aneby, AME medarbetare: 2 personer får ingen plats")
    }
}
