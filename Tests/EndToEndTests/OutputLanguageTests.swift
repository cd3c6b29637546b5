import Foundation
import Testing

/// Everything a person reads follows `--lang`: every file `plan`, `replan`, `capacity` and `compare` write
/// (report, timetables, courses.csv, calendars, capacity and compare files, changes) and what they print
/// is checked for words of the other language. Scenario names are data and are taken out first.
@Suite struct OutputLanguageTests {
    /// Words only English output has (whole words, any case); none is also a Swedish word form ("en persons"
    /// is Swedish genitive, so "persons" is not here).
    static let english = ["the", "and", "of", "hours", "municipality", "municipalities", "session", "sessions", "planned",
                          "quota", "shortfall", "shortfalls", "participants", "without", "course", "courses",
                          "trainer", "trainers", "wrote", "total", "none", "missing", "cancelled", "unchanged", "moved",
                          "changes", "capacity", "resource", "utilisation", "bottlenecks", "days", "month", "leaders"]
    /// Words only Swedish output has.
    static let swedish = ["och", "timmar", "kommun", "kommuner", "tillfälle", "tillfällen", "planerade", "planerat", "saknas",
                          "deltagare", "personer", "utbildare", "kvot", "kvoten", "omgångar", "inställt", "inställda",
                          "brister", "skrev", "totalt", "inga", "ingen", "kurs", "kurser", "dagar", "månad", "kapacitet",
                          "utan", "ledare", "ändringar", "oförändrade", "uppföljningsenkät"]

    /// The small county with a quota no plan can meet (a shortfall to word) and follow-up surveys.
    static func scenario(in work: TempFolder) throws -> String {
        var text = try #require(fileText(TestScenarios.smallCounty))
        let quota = try #require(text.range(of: "quotaHours: 120"))
        text.replaceSubrange(quota, with: "quotaHours: 400")
        let rules = try #require(text.range(of: "  maxTeachingShare: 0.6\n"))
        text.replaceSubrange(rules, with: "  maxTeachingShare: 0.6\n  followUpAfterMonths: 1\n")
        let path = work.file("language.yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Names the scenario gives (they may be in either language): every quoted or plain value of a naming key.
    static func scenarioNames(_ path: String) -> [String] {
        guard let text = fileText(path) else { return [] }
        let pattern = #"(?:name|title|owner|organisation|town|description):\s*"?([^",}\n]+)"?"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
            .map { ns.substring(with: $0.range(at: 1)).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The text a person reads in one file: HTML without its style sheet and tags (but with tooltips),
    /// iCalendar values of the properties shown to people, other files as they are.
    static func readable(_ path: String) -> String {
        guard var text = fileText(path) else { return "" }
        if path.hasSuffix(".html") {
            if let style = text.range(of: "<style>"), let end = text.range(of: "</style>") { text.removeSubrange(style.lowerBound..<end.upperBound) }
            var out = "", inTag = false, tag = ""
            for ch in text {
                if ch == "<" { inTag = true; tag = ""; continue }
                if inTag {
                    if ch == ">" {
                        inTag = false
                        // Tooltips and labels are read too.
                        for attribute in ["title=\"", "aria-label=\""] {
                            var rest = Substring(tag)
                            while let r = rest.range(of: attribute) {
                                let value = rest[r.upperBound...].prefix { $0 != "\"" }
                                out += " " + value + " "
                                rest = rest[r.upperBound...].dropFirst(value.count)
                            }
                        }
                        out += " "
                    } else { tag.append(ch) }
                    continue
                }
                out.append(ch)
            }
            return out.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        if path.hasSuffix(".ics") {
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
            return unfolded.split(separator: "\r\n").filter { line in
                ["SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "X-WR-CALDESC", "COMMENT"].contains { line.hasPrefix($0) }
            }.map { $0.drop { $0 != ":" }.dropFirst() }.joined(separator: "\n").replacingOccurrences(of: "\\n", with: " ")
        }
        return text
    }

    /// Words from `list` in `text` after scenario names, file names and command names are taken out.
    static func foreignWords(_ text: String, _ list: [String], names: [String]) -> [String] {
        var t = text
        for name in names { t = t.replacingOccurrences(of: name, with: " ") }
        if let files = try? NSRegularExpression(pattern: #"[\w./-]+\.(?:csv|md|html|json|ics|yaml)|[\w.-]*/[\w./-]*|`[^`]*`|tidsplan \w+|--[\w-]+"#) {
            t = files.stringByReplacingMatches(in: t, range: NSRange(location: 0, length: (t as NSString).length), withTemplate: " ")
        }
        let words = Set(t.lowercased().split { !$0.isLetter }.map(String.init))
        return list.filter(words.contains)
    }

    /// Runs every command that writes human text in `lang`, into `work/<lang>/…`; returns what each printed.
    static func runAll(_ lang: String, scenario: String, work: TempFolder) throws -> [String: String] {
        var printed: [String: String] = [:]
        func run(_ name: String, _ arguments: [String]) throws {
            let r = try TidsplanCLI.run(arguments + ["--lang", lang], cwd: work.path, environment: TestScenarios.fixedNow)
            #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)")
            printed[name] = r.stdout
        }
        try run("plan", ["plan", scenario, "--out", "\(lang)/plan", "--quiet"])
        try run("replan", ["replan", scenario, "--previous", "\(lang)/plan/plan.json", "--as-of", "2025-03-31",
                           "--withdraw", "Norrköpinge", "--out", "\(lang)/replan", "--quiet"])
        try run("export", ["export", scenario, "\(lang)/plan/plan.json", "--out", "\(lang)/export", "--csv-dialect", "excel-sv"])
        try run("capacity", ["capacity", scenario, "--out", "\(lang)/capacity", "--time-limit", "20"])
        try run("compare", ["compare", scenario, "--drop-each", "2025-03-31", "--out", "\(lang)/compare", "--time-limit", "20"])
        return printed
    }

    /// Every human-readable file under `folder` (plan.json and run.json are for programs).
    static func files(in folder: String) -> [String] {
        FolderSnapshot(folder).files.keys.filter { !$0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }

    static func check(_ lang: String, against list: [String]) throws {
        let work = try TempFolder("lang-\(lang)")
        let scenario = try scenario(in: work)
        let names = scenarioNames(scenario)
        let printed = try runAll(lang, scenario: scenario, work: work)
        for (command, text) in printed.sorted(by: { $0.key < $1.key }) {
            let found = foreignWords(text, list, names: names)
            #expect(found.isEmpty, "tidsplan \(command) --lang \(lang) printed \(found):\n\(text)")
        }
        let all = files(in: work.file(lang))
        #expect(all.contains { $0.hasSuffix("/plan/courses.csv") } && all.contains { $0.hasSuffix("/capacity/capacity.md") }
                && all.contains { $0.hasSuffix("/compare/compare.md") } && all.contains { $0.hasSuffix("/replan/changes.md") },
                "\(all)")
        for path in all {
            let found = foreignWords(readable(path), list, names: names)
            #expect(found.isEmpty, "\(path) (--lang \(lang)) has \(found)")
        }
    }

    @Test func swedishOutputHasNoEnglishWords() throws { try Self.check("sv", against: Self.english) }

    @Test func englishOutputHasNoSwedishWords() throws { try Self.check("en", against: Self.swedish) }

    /// The checker itself finds words, so a silent pass means something.
    @Test func theCheckerFindsForeignWords() {
        #expect(Self.foreignWords("Åby: 250 hours short of the quota", Self.english, names: ["Åby"]) == ["the", "of", "hours", "quota"])
        #expect(Self.foreignWords("Skrev sv/capacity/: courses.csv, report.html", Self.english, names: []).isEmpty)
        #expect(Self.foreignWords("Horisontella principer: 3 timmar", Self.swedish, names: ["Horisontella principer"]) == ["timmar"])
        let sample = Self.writeTemp("<style>.total{}</style><td title=\"3 hours\">x</td>", "a.html")
        defer { try? FileManager.default.removeItem(atPath: sample) }
        #expect(Self.readable(sample).contains("3 hours"))
    }

    static func writeTemp(_ text: String, _ name: String) -> String {
        let path = NSTemporaryDirectory() + "tidsplan-lang-\(ProcessInfo.processInfo.processIdentifier)-" + name
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
