import Foundation
import Testing

/// Every command's error paths speak the run's language (issue 20): bad scenario, bad plan, bad flags and
/// values, unknown names and refusals, each run with `--lang sv` and `--lang en`, and what the command printed
/// is searched for common words of the other language. Identifiers (file names, `keys`, quoted values,
/// flags, rule ids in brackets, scenario names) are taken out first: they are the same in both languages.
@Suite struct ErrorLanguageTests {
    /// Common English words (whole words, any case) no Swedish sentence contains.
    static let english = ["the", "must", "should", "not", "failed", "expected", "unknown", "did", "mean", "cannot",
                          "error", "warning", "hint", "missing", "is", "are", "has", "have", "with", "which", "before",
                          "after", "only", "file", "folder", "of", "and", "or", "give", "got", "than", "more", "plan",
                          "usage", "see", "information", "invalid", "value", "option", "argument"]
    /// Common Swedish words no English sentence contains.
    static let swedish = ["inte", "måste", "saknas", "okänd", "okänt", "okända", "och", "fel", "varning", "tips", "är",
                          "har", "ska", "kan", "menade", "finns", "ingen", "inget", "eller", "för", "som", "på", "med",
                          "av", "till", "efter", "före", "filen", "mappen", "planen", "kommun", "datum", "ange", "värdet"]

    /// The small county with a reader error, a validator error and a misspelt key.
    static func badScenario(in work: TempFolder) throws -> String {
        var text = try #require(fileText(TestScenarios.smallCounty))
        for (from, to) in [("quotaHours: 120", "quotaHours: tolv"), ("maxShareAwayPerDay: 0.5", "maxShareAwayPerDay: 1.5"),
                           ("maxTrainingDaysPerWeek: 2", "maxTrainingDayPerWeek: 2")] {
            let r = try #require(text.range(of: from), "\(from)")
            text.replaceSubrange(r, with: to)
        }
        return try work.write("trasig.yaml", text)
    }

    /// Each failing run: a name for the message and the arguments (without `--lang`).
    static func cases(scenario s: String, bad: String) -> [(String, [String])] {
        [
            ("check bad scenario", ["check", bad]),
            ("check missing file", ["check", "finns-ej.yaml"]),
            ("plan bad scenario", ["plan", bad, "--out", "ut", "--quiet"]),
            ("plan bad --gap", ["plan", s, "--gap", "5"]),
            ("plan unknown option", ["plan", s, "--frobnicate"]),
            ("plan bad number", ["plan", s, "--time-limit", "tio"]),
            ("verify broken plan", ["verify", s, "trasig.json"]),
            ("verify broken rules", ["verify", s, "söndag.json"]),
            ("verify --previous alone", ["verify", s, "base/plan.json", "--previous", "base/plan.json"]),
            ("verify missing argument", ["verify", s]),
            ("calendar unknown leader", ["calendar", s, "--leader", "Åsa Ekk"]),
            ("calendar bad date", ["calendar", s, "--from", "2025-13-01"]),
            ("replan unknown municipality", ["replan", s, "--previous", "base/plan.json", "--as-of", "2025-03-31",
                                             "--withdraw", "Norrkopinge", "--out", "ut", "--quiet"]),
            ("replan bad --reduce", ["replan", s, "--previous", "base/plan.json", "--as-of", "2025-03-31", "--reduce", "Åby"]),
            ("replan as-of before start", ["replan", s, "--previous", "base/plan.json", "--as-of", "2024-01-01",
                                           "--withdraw", "Åby", "--out", "ut", "--quiet"]),
            ("export broken plan", ["export", s, "trasig.json", "--out", "ut"]),
            ("export broken rules", ["export", s, "söndag.json", "--out", "ut"]),
            ("capacity bad scenario", ["capacity", bad, "--out", "ut"]),
            ("compare nothing", ["compare", s, "--out", "ut"]),
            ("compare date outside", ["compare", s, "--drop-each", "2030-01-01", "--out", "ut"]),
            ("attendance no --out", ["attendance", s, "base/plan.json"]),
            ("attendance bad register", ["attendance", s, "base/plan.json", "--check", "narvaro.csv", "--as-of", "2025-03-31"]),
            ("follow-up bad month", ["follow-up", s, "base/plan.json", "--month", "2025-13", "--out", "ut"]),
            ("follow-up month outside", ["follow-up", s, "base/plan.json", "--month", "2030-01", "--out", "ut"]),
            ("serve no folder", ["serve", "qq-42"]),
            ("serve bad port", ["serve", "base", "--port", "70000"]),
            ("export bad dialect", ["export", s, "base/plan.json", "--out", "ut", "--csv-dialect", "excel"]),
            ("verify another scenario's plan", ["verify", TidsplanCLI.packageFile("scenarios/tests/replan-county.yaml"), "base/plan.json"]),
            ("replan reduce above commitment", ["replan", s, "--previous", "base/plan.json", "--as-of", "2025-03-31",
                                                "--reduce", "Åby=500", "--out", "ut", "--quiet"]),
        ]
    }

    /// What a person reads, without identifiers: paths and file names, `code`, "quoted" and 'quoted' values,
    /// flags, <placeholders>, [rule-ids], `tidsplan CMD`, FILE:LINE:COL and scenario names.
    static func foreignWords(_ text: String, _ list: [String], names: [String]) -> [String] {
        var t = text
        for name in names { t = t.replacingOccurrences(of: name, with: " ") }
        let identifiers = #"[\w./-]+\.(?:csv|md|html|json|ics|yaml)|[\w.-]*/[\w./-]*|`[^`]*`|"[^"\n]*"|'[^'\n]*'|\[[\w-]+\]|<[\w-]+>|tidsplan [\w-]+|--[\w-]+|\b\w+(?:\[\d+\])?(?:\.\w+(?:\[\d+\])?)+\b"#
        if let regex = try? NSRegularExpression(pattern: identifiers) {
            t = regex.stringByReplacingMatches(in: t, range: NSRange(location: 0, length: (t as NSString).length), withTemplate: " ")
        }
        let words = Set(t.lowercased().split { !$0.isLetter }.map(String.init))
        return list.filter(words.contains)
    }

    /// Prepares the inputs the cases name in `work`: a plan, a broken plan, a plan that breaks a rule, a bad register.
    static func prepare(_ work: TempFolder) throws {
        try TestScenarios.planSmallCounty(out: "base", in: work.path)
        let plan = try JSONValue.parse(file: work.file("base/plan.json"))
        _ = try work.write("trasig.json", "{\"format\": \"tidsplan-plan\", \"sessions\": [")
        var sessions = try #require(plan["sessions"]?.array)
        let index = try #require(sessions.firstIndex { $0["kind"]?.string == "training" })
        sessions[index]["date"] = .string("2025-03-16")
        var edited = plan
        edited["sessions"] = .array(sessions)
        _ = try work.write("söndag.json", edited.text)
        _ = try work.write("narvaro.csv", "session,date,municipality\nX,2025-99-01,Ingenstans\n")
    }

    static func check(_ lang: String, against list: [String]) throws {
        let work = try TempFolder("error-lang-\(lang)")
        try prepare(work)
        let bad = try badScenario(in: work)
        let names = OutputLanguageTests.scenarioNames(TestScenarios.smallCounty) + ["Åsa Ekk", "Norrkopinge"]
        for (name, arguments) in cases(scenario: TestScenarios.smallCounty, bad: bad) {
            let r = try TidsplanCLI.run(arguments + ["--lang", lang], cwd: work.path, environment: TestScenarios.fixedNow)
            #expect(r.status != 0 && r.endedCleanly, "\(name): \(r.transcript)")
            let said = r.stdout + r.stderr
            #expect(!said.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(name) says nothing: \(r.transcript)")
            let found = foreignWords(said, list, names: names)
            #expect(found.isEmpty, "\(name) --lang \(lang) has \(found):\n\(r.transcript)")
        }
    }

    @Test func swedishErrorsHaveNoEnglishWords() throws { try Self.check("sv", against: Self.english) }

    @Test func englishErrorsHaveNoSwedishWords() throws { try Self.check("en", against: Self.swedish) }

    /// The commands whose `--help` is checked: the top command and every subcommand.
    static let commands = ["", "plan", "replan", "export", "check", "calendar", "verify", "capacity", "compare", "serve",
                           "attendance", "follow-up"]

    /// `--help` of every command in `lang`: exit 0, the parser's own headings in that language too, and none of the
    /// other language's words. The subcommand names at the start of the list's lines and the other language's
    /// words that `check` names as what it prints (`fel|varning`, `error|warning`) are identifiers. `tidsplan help SUB`
    /// takes `--lang` too.
    static func checkHelp(_ lang: String, heading: String, against list: [String]) throws {
        let work = try TempFolder("help-lang-\(lang)")
        let runs = commands.map { $0.isEmpty ? ["--help"] : [$0, "--help"] } + [["help", "plan"], ["replan", "-h"]]
        for arguments in runs {
            let r = try TidsplanCLI.run(arguments + ["--lang", lang], cwd: work.path)
            let name = arguments.joined(separator: " ")
            #expect(r.status == 0 && r.endedCleanly, "\(name): \(r.transcript)")
            #expect(r.stdout.contains(heading), "\(name) --lang \(lang) has no \(heading):\n\(r.stdout)")
            let listed = r.stdout.replacingOccurrences(of: #"(?m)^  [a-z-]+(?= {2,}|$)"#, with: " ", options: .regularExpression)
            // "ARGUMENT" is the Swedish heading (the plural is the same); "plan" is a Swedish word too
            // ("en plan med något regelbrott" in compare's column notes).
            let found = foreignWords(listed, list.filter { $0 != "plan" }, names: ["fel|varning", "error|warning", "ARGUMENT:"])
            #expect(found.isEmpty, "\(name) --lang \(lang) has \(found):\n\(r.stdout)")
        }
    }

    @Test func swedishHelpHasNoEnglishWords() throws { try Self.checkHelp("sv", heading: "ANVÄNDNING:", against: Self.english) }

    @Test func englishHelpHasNoSwedishWords() throws { try Self.checkHelp("en", heading: "USAGE:", against: Self.swedish) }

    /// Swedish is the default: `--help` without `--lang` is the same as with `--lang sv`.
    @Test func helpIsSwedishByDefault() throws {
        let work = try TempFolder("help-lang-default")
        for command in Self.commands {
            let arguments = command.isEmpty ? ["--help"] : [command, "--help"]
            let plain = try TidsplanCLI.run(arguments, cwd: work.path)
            let sv = try TidsplanCLI.run(arguments + ["--lang", "sv"], cwd: work.path)
            #expect(plain.status == 0 && plain.stdout == sv.stdout && plain.stdout.contains("ANVÄNDNING:"), "\(arguments)")
        }
    }

    /// The checker finds words and lets identifiers through, so a silent pass means something.
    @Test func theCheckerFindsForeignWordsButNotIdentifiers() {
        #expect(Self.foreignWords("fel: the file is missing", Self.english, names: []) == ["the", "missing", "is", "file"])
        #expect(Self.foreignWords("trasig.yaml:3:5: fel: `quotaHours` \"not a number\" [working-day] --time-limit rules.maxShare",
                                  Self.english, names: []).isEmpty)
        #expect(Self.foreignWords("error: Åby är inte med", Self.swedish, names: ["Åby"]) == ["inte", "är", "med"])
    }
}
