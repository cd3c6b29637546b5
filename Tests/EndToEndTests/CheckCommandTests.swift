import Foundation
import Testing

/// `tidsplan check` as a project leader meets it: the shipped scenarios pass, mistakes are pointed at
/// by file, line and column with a hint, and no file whatever makes it crash.
@Suite struct CheckCommandTests {
    @Test(arguments: TestScenarios.real)
    func theRealScenariosPass(_ name: String) throws {
        let cwd = try TempFolder("check")
        let result = try TidsplanCLI.run(["check", TidsplanCLI.packageFile("scenarios/" + name)], cwd: cwd.path)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        #expect(!result.stdout.contains(": error:"), "\(result.stdout)")
    }

    @Test func theSmallTestScenarioIsClean() throws {
        let cwd = try TempFolder("check")
        let result = try TidsplanCLI.run(["check", TestScenarios.smallCounty], cwd: cwd.path)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        #expect(!result.stdout.contains(": error:") && !result.stdout.contains(": warning:"), "\(result.stdout)")
    }

    /// Three typical mistakes in one file: all reported at once, each where it is, with a suggestion.
    @Test func mistakesAreReportedWithLocationAndHint() throws {
        let folder = try TempFolder("check")
        let original = try #require(fileText(TestScenarios.smallCounty))
        let edits = [("courses: [HP, MI]", "courses: [HP, MJ]"),          // the staff member's courses
                     ("venues: [digitalt]", "venues: [digital]"),          // HP's digital room
                     ("name: Sörby", "name: Sörby\n    bogus: 1")]         // an unknown key (a warning)
        var text = original
        for (from, to) in edits {
            #expect(text.components(separatedBy: from).count == 2, "the scenario changed: \"\(from)\" is not there once")
            text = text.replacingOccurrences(of: from, with: to)
        }
        let path = try folder.write("broken.yaml", text)
        let result = try TidsplanCLI.run(["check", path, "--lang", "en"], cwd: folder.path)
        #expect(result.status == 1 && result.endedCleanly, "\(result.transcript)")

        let lines = text.components(separatedBy: "\n")
        /// The 1-based line and column where `needle` is in the edited file.
        func location(of needle: String, at word: String) throws -> (Int, Int) {
            let index = try #require(lines.firstIndex { $0.contains(needle) })
            let column = try #require(lines[index].range(of: word)).lowerBound.utf16Offset(in: lines[index]) + 1
            return (index + 1, column)
        }
        let diagnostics = result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix(path + ":") }
        let errors = diagnostics.filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(result.stdout)")
        for line in diagnostics {
            // FILE:LINE:COLUMN: severity: message
            let rest = line.dropFirst(path.count + 1).split(separator: ":", maxSplits: 3)
            #expect(rest.count == 4 && Int(rest[0]) != nil && Int(rest[1]) != nil, "\(line)")
        }

        let (courseLine, courseColumn) = try location(of: "courses: [HP, MJ]", at: "MJ")
        let courseError = try #require(errors.first { $0.contains("\"MJ\"") }, "\(result.stdout)")
        #expect(courseError.hasPrefix("\(path):\(courseLine):\(courseColumn): error: "), "\(courseError)")
        #expect(courseError.contains("did you mean \"MI\"?"), "\(courseError)")

        let (venueLine, venueColumn) = try location(of: "venues: [digital]", at: "digital")
        let venueError = try #require(errors.first { $0.contains("\"digital\"") }, "\(result.stdout)")
        #expect(venueError.hasPrefix("\(path):\(venueLine):\(venueColumn): error: "), "\(venueError)")
        #expect(venueError.contains("did you mean \"digitalt\"?"), "\(venueError)")

        let (keyLine, _) = try location(of: "bogus: 1", at: "bogus")
        #expect(diagnostics.contains { $0.hasPrefix("\(path):\(keyLine):") && $0.contains("warning") && $0.contains("bogus") },
                "an unknown key is a warning at its line: \(result.stdout)")
        #expect(result.stdout.contains("2 errors"), "\(result.stdout)")

        // The same problems in Swedish, the default: same places, Swedish words around the names.
        let swedish = try TidsplanCLI.run(["check", path], cwd: folder.path)
        #expect(swedish.status == 1, "\(swedish.transcript)")
        let svLines = swedish.stdout.components(separatedBy: "\n").filter { $0.hasPrefix(path + ":") }
        #expect(svLines.contains { $0.hasPrefix("\(path):\(courseLine):\(courseColumn): fel: okänd kurs \"MJ\"; menade du \"MI\"?") },
                "\(swedish.stdout)")
        #expect(svLines.contains { $0.hasPrefix("\(path):\(venueLine):\(venueColumn): fel: okänd lokal \"digital\"; menade du \"digitalt\"?") },
                "\(swedish.stdout)")
        #expect(svLines.contains { $0.hasPrefix("\(path):\(keyLine):") && $0.contains("varning: ") && $0.contains("okänd nyckel \"bogus\"") },
                "\(swedish.stdout)")
        #expect(swedish.stdout.contains("\n2 fel, "), "\(swedish.stdout)")
    }

    /// Files that are not scenarios at all: a diagnostic and exit 1, never a trap or a hang.
    @Test(arguments: [
        ("empty", Data()),
        ("only-whitespace", Data("  \n\n\t\n".utf8)),
        ("binary", Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })),
        ("nul-bytes", Data([0x70, 0x72, 0x00, 0x00, 0xFF, 0xFE, 0x0A])),
        ("a-list", Data("- 1\n- 2\n".utf8)),
        ("wrong-types", Data("project: [1, 2]\nmunicipalities: 7\ncourses: {a: b}\n".utf8)),
        ("duplicate-keys", Data("project:\n  id: a\n  id: b\n  name: x\n  period: {from: 2025-01-01, to: 2025-02-01}\nmunicipalities: []\ncourses: []\n".utf8)),
        ("unclosed-quote", Data("project:\n  name: \"Räkna med oss!\n".utf8)),
        ("deep-nesting", Data((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8)),
        ("huge-numbers", Data("project:\n  id: x\n  name: x\n  period: {from: 2025-01-01, to: 99999-12-31}\nmunicipalities:\n  - {name: A, countyPart: B, rateKrPerHour: 1e308, quotaHours: 99999999999999999999999, persons: []}\ncourses: []\n".utf8)),
    ])
    func notAScenarioEndsInADiagnostic(_ name: String, _ bytes: Data) throws {
        let folder = try TempFolder("check")
        let path = try folder.write("\(name).yaml", bytes)
        let result = try TidsplanCLI.run(["check", path], cwd: folder.path, timeout: 20)
        #expect(result.endedCleanly, "\(result.transcript)")
        #expect(result.status == 1, "\(result.transcript)")
        #expect(result.stdout.contains("\(path):") && result.stdout.contains(": fel: "), "\(result.transcript)")
    }
}
