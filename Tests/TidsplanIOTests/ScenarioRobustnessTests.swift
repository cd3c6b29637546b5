import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// Deterministic pseudo-random bytes (a linear congruential generator; no clock, no system RNG).
private func noise(count: Int, seed: UInt64) -> [UInt8] {
    var x = seed
    return (0..<count).map { _ in
        x = x &* 6364136223846793005 &+ 1442695040888963407
        return UInt8(truncatingIfNeeded: x >> 56)
    }
}

private func edit(_ old: String, _ new: String) -> String { ScenarioFixtures.replacing(old, with: new) }

/// Malformed inputs: every one must end in at least one error and no scenario, never a crash.
private let malformed: [(name: String, text: String)] = {
    var cases: [(String, String)] = [
        ("empty", ""),
        ("whitespace", "  \n\n\t\n"),
        ("comment only", "# nothing here\n"),
        ("a bare scalar", "hello\n"),
        ("a list at the top", "- project\n- courses\n"),
        ("binary noise", String(decoding: noise(count: 4096, seed: 1), as: UTF8.self)),
        ("NUL bytes", "project:\n  id: a\u{0}b\n"),
        ("control characters", "project: \u{7}\u{1B}[31m\n"),
        ("two documents", "project: {id: a}\n---\nproject: {id: b}\n"),
        ("undefined alias", "project: *nowhere\n"),
        ("tab indentation", "project:\n\tid: x\n"),
        ("unclosed quote", "project:\n  id: \"abc\n"),
        ("unclosed flow", "municipalities: [{name: A, countyPart: B\n"),
        ("deep flow nesting", String(repeating: "[", count: 20_000)),
        ("deep block nesting", (0..<3000).map { String(repeating: " ", count: $0) + "a:\n" }.joined()),
        ("deep dash nesting", String(repeating: "- ", count: 3000) + "x\n"),
        ("complex keys", "? [a, b]\n: 1\n? {c: d}\n: 2\n"),
        ("long key", String(repeating: "k", count: 100_000) + ": 1\n"),
        ("billion laughs", {
            var s = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for i in 1...9 { s += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
            return s + "municipalities: *a9\ncourses: *a9\nproject: *a9\n"
        }()),
        ("aliases multiplying entries", {
            var s = "x: &m {name: M, countyPart: P, rateKrPerHour: 417, quotaHours: 1, persons: [{area: EB, role: staff, persons: 1}]}\n"
            s += "l1: &l1 [" + Array(repeating: "*m", count: 30).joined(separator: ", ") + "]\n"
            s += "municipalities: [" + Array(repeating: "*l1", count: 30).joined(separator: ", ") + "]\n"
            return s
        }()),
        // Wrong types for every section of an otherwise valid file.
        ("project is a number", edit("project:\n  id: test-2024", "project: 5\nxproject:\n  id: test-2024")),
        ("calendar is a list", edit("calendar:\n  deFactoHolidays: true", "calendar: [1]\nxcalendar:\n  deFactoHolidays: true")),
        ("rules is a list", edit("rules:\n", "rules: [1, 2]\nxrules:\n")),
        ("budget is text", edit("budget: {", "budget: lots\nxbudget: {")),
        ("weights is a list", ScenarioFixtures.valid + "weights: [1]\n"),
        ("municipalities is text", edit("municipalities:\n  - name: Jönköping", "municipalities: many\nxmunicipalities:\n  - name: Jönköping")),
        ("venues is a number", edit("venues:\n", "venues: 3\nxvenues:\n")),
        ("staff is a mapping", edit("staff:\n", "staff: {a: b}\nxstaff:\n")),
        ("trainers is a list of numbers", edit("trainers:\n", "trainers: [1, 2]\nxtrainers:\n")),
        ("courses is a mapping", edit("courses:\n", "courses: {HP: x}\nxcourses:\n")),
        ("fixedEvents is text", edit("fixedEvents:\n", "fixedEvents: soon\nxfixedEvents:\n")),
        ("pinned is a number", edit("pinned:\n", "pinned: 1\nxpinned:\n")),
        ("persons is a number", edit("    persons:\n      - {area: EB, role: staff, persons: 8}", "    persons: 8\n    xpersons:\n      - {area: EB, role: staff, persons: 8}")),
        ("shares is text", edit("shares: [{from", "shares: full\n    xshares: [{from")),
        ("audience is a number", edit("audience: [{area: EB}", "audience: 7\n    xaudience: [{area: EB}")),
        ("series is a list", edit("series: {meetings: 2, everyWeeks: 2}", "series: [2, 2]")),
        ("attendance is a list", edit("attendance: all", "attendance: [all]")),
        ("period is text", edit("period: {from: 2024-01-02, to: 2025-12-31}", "period: 2024")),
        // Values.
        ("huge number", edit("quotaHours: 150", "quotaHours: 99999999999999999999999999")),
        ("huge negative", edit("quotaHours: 150", "quotaHours: -9223372036854775808")),
        ("infinite", edit("hoursEach: 15", "hoursEach: .inf")),
        ("not a number", edit("hoursEach: 15", "hoursEach: .nan")),
        ("negative hours", edit("hours: 3\n", "hours: -3\n")),
        ("negative persons", edit("persons: 8}", "persons: -8}")),
        ("zero capacity", edit("capacity: 40", "capacity: 0")),
        ("duplicated course id", edit("  - id: MI\n", "  - id: HP\n")),
        ("duplicated municipality", edit("  - name: Eksjö\n", "  - name: Jönköping\n")),
        ("duplicate key", edit("    quotaHours: 150\n", "    quotaHours: 150\n    quotaHours: 150\n")),
        ("period backwards", edit("to: 2025-12-31}", "to: 2023-12-31}")),
        ("period of centuries", edit("period: {from: 2024-01-02, to: 2025-12-31}", "period: {from: 1900-01-01, to: 2199-12-31}")),
        ("date in year 0", edit("date: 2024-03-20", "date: 0000-03-20")),
        ("share as percent", edit("share: 1.0", "share: 100%")),
        ("missing everything but project", "project: {id: x, name: y, period: {from: 2024-01-01, to: 2024-12-31}}\n"),
        ("unicode junk", "🎉: [💥, {🙃: ∞}]\nproject: ñ\n"),
    ]
    // 5 MB of printable junk, and 5 MB of YAML-looking lines that mean nothing.
    let alphabet = Array("abcdefghij: -\n[]{},\"'#&*!|>%@`".utf8)
    cases.append(("5 MB of junk", String(decoding: noise(count: 5 * 1024 * 1024, seed: 7).map { alphabet[Int($0) % alphabet.count] }, as: UTF8.self)))
    return cases
}()

@Suite("Scenario loader: malformed input ends in errors, never a crash")
struct ScenarioRobustnessTests {
    @Test("Each malformed input gives at least one error and no scenario", arguments: malformed.indices)
    func malformedInput(index: Int) {
        let (name, text) = malformed[index]
        let result = ScenarioLoader.load(text: text, file: "bad.yaml")
        #expect(result.scenario == nil, "\(name)")
        #expect(!result.errors.isEmpty, "\(name): \(result.diagnostics.prefix(5).map(\.rendered))")
        #expect(result.diagnostics.count <= ScenarioNodeReader.maxDiagnostics + 1, "\(name)")
        for d in result.diagnostics {
            #expect(d.line >= 1 && d.column >= 1, "\(name): \(d.rendered)")
            #expect(d.file == "bad.yaml")
        }
    }

    @Test("A text over the size limit is refused without parsing")
    func oversized() {
        let text = String(repeating: "#", count: ScenarioLoader.maxFileBytes + 1)
        let result = ScenarioLoader.load(text: text, file: "big.yaml")
        #expect(result.errors.map(\.message) == ["the file is 20 MB; a scenario file is at most 20 MB"])
    }

    @Test("Thousands of problems are capped with a closing count")
    func capped() {
        let lines = (0..<2000).map { "  - {name: \"M\($0)\", countyPart: P, rateKrPerHour: x, quotaHours: 1, persons: []}" }
        let result = ScenarioLoader.load(text: "municipalities:\n" + lines.joined(separator: "\n") + "\n", file: "many.yaml")
        #expect(result.diagnostics.count == ScenarioNodeReader.maxDiagnostics + 1)
        #expect(result.diagnostics.contains { $0.message.hasSuffix("more problems not shown (1502 errors, 0 warnings)") })
    }
}
