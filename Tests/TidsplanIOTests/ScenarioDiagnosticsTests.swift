import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// Line and column (1-based, in Unicode scalars like libyaml) of the first `needle` in `text`.
private func position(of needle: String, in text: String) -> (line: Int, column: Int) {
    guard let r = text.range(of: needle) else {
        Issue.record("text has no \(needle)")
        return (0, 0)
    }
    let before = text[..<r.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return (line, before[lineStart...].unicodeScalars.count + 1)
}

/// Loads `text` and returns the one diagnostic whose message is `message`; checks it sits where
/// `at` is written in `text`.
@discardableResult
private func expectDiagnostic(_ text: String, _ severity: DiagnosticSeverity, _ message: String, at needle: String,
                              hint: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
    let result = ScenarioFixtures.load(text)
    let matches = result.diagnostics.filter { $0.message == message }
    #expect(matches.count == 1, "no (single) diagnostic \"\(message)\" among:\n\(result.diagnostics.map(\.rendered).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    guard let d = matches.first else { return nil }
    let p = position(of: needle, in: text)
    #expect(d.severity == severity, sourceLocation: sourceLocation)
    #expect(d.line == p.line && d.column == p.column, "at \(d.line):\(d.column), expected \(p.line):\(p.column)", sourceLocation: sourceLocation)
    #expect(d.file == "t.yaml", sourceLocation: sourceLocation)
    if let hint { #expect(d.hint == hint, sourceLocation: sourceLocation) }
    if severity == .error { #expect(result.scenario == nil, sourceLocation: sourceLocation) }
    return d
}

private func edit(_ old: String, _ new: String) -> String { ScenarioFixtures.replacing(old, with: new) }

@Suite("Scenario loader: each class of problem, with message and line:column")
struct ScenarioDiagnosticsTests {
    @Test("Unknown key: warning with the nearest known key")
    func unknownKey() {
        let text = edit("    quotaHours: 150\n", "    quotaHour: 150\n    quotaHours: 150\n")
        expectDiagnostic(text, .warning, "municipality Jönköping: unknown key \"quotaHour\"; did you mean \"quotaHours\"? (ignored)",
                         at: "quotaHour: 150")
    }

    @Test("Missing required field: error at the entry")
    func missingField() {
        let text = edit("    rateKrPerHour: 417\n", "")
        expectDiagnostic(text, .error, "municipality Jönköping: missing `rateKrPerHour`", at: "name: Jönköping", hint: "it is required")
    }

    @Test("Wrong type: a list where one value belongs, a scalar where a section belongs")
    func wrongTypes() {
        expectDiagnostic(edit("hours: 3\n", "hours: [3, 4]\n"), .error, "course HP: `hours` should be a single value, not a list", at: "[3, 4]")
        expectDiagnostic(edit("rules:\n  maxTrainingDaysPerWeek: 2\n  maxShareAwayPerDay: 0.5\n  quotaTolerance: 0.05\n", "rules: strict\n"),
                         .error, "rules should be a mapping of `key: value` lines, not the value \"strict\"", at: "strict")
    }

    @Test("Follow-up window: from at least 0, to at least from, both given")
    func followUpWindow() {
        func window(_ text: String) -> String {
            edit("quotaTolerance: 0.05\n", "quotaTolerance: 0.05\n  followUpWindowMonths: \(text)\n")
        }
        expectDiagnostic(window("{from: -1, to: 6}"), .error, "followUpWindowMonths.from must be from 0 to 36 (is -1)", at: "-1, to")
        expectDiagnostic(window("{from: 6, to: 3}"), .error, "followUpWindowMonths.to must be from 6 (the window's start) to 36 (is 3)",
                         at: "3}", hint: "write the window as {from: 3, to: 6} for \"after 3–6 months\"")
        expectDiagnostic(window("{from: 3}"), .error, "rules: followUpWindowMonths: missing `to`", at: "{from: 3}")
        let good = ScenarioFixtures.load(window("{from: 3, to: 6}"))
        #expect(good.scenario?.rules.followUpWindowMonths == FollowUpWindow(from: 3, to: 6))
        #expect(good.scenario?.rules.followUpPreferredMonths == 3)
    }

    @Test("Numbers: not a number, decimal comma, percentage, too large, negative")
    func numbers() {
        expectDiagnostic(edit("capacity: 40", "capacity: forty"), .error, "venue werket: `capacity` should be a whole number, got \"forty\"", at: "forty")
        expectDiagnostic(edit("maxShareAwayPerDay: 0.5", "maxShareAwayPerDay: 0,5"), .error,
                         "rules: `maxShareAwayPerDay`: \"0,5\" uses a decimal comma", at: "0,5", hint: "write a decimal point, e.g. 0.75")
        expectDiagnostic(edit("maxShareAwayPerDay: 0.5", "maxShareAwayPerDay: 50%"), .error,
                         "rules: `maxShareAwayPerDay`: \"50%\" is a percentage", at: "50%")
        expectDiagnostic(edit("dayRate: 5000", "dayRate: 50000000000000"), .error, "trainer MI-utbildare: `dayRate`: 50000000000000 is too large",
                         at: "50000000000000")
        expectDiagnostic(edit("costPerDay: 2000", "costPerDay: -2000"), .error, "venue eksjo: costPerDay is negative (-2000)", at: "-2000")
    }

    @Test("Dates: impossible, malformed, out of range, from after to")
    func dates() {
        expectDiagnostic(edit("date: 2024-03-20", "date: 2023-02-29"), .error,
                         "event styrgrupp-2024-03: `date`: 2023-02-29 is not a date in the calendar (February 2023 has 28 days)", at: "2023-02-29")
        expectDiagnostic(edit("date: 2024-03-20", "date: 20/3/2024"), .error,
                         "event styrgrupp-2024-03: `date` should be a date YYYY-MM-DD, got \"20/3/2024\"", at: "20/3/2024")
        expectDiagnostic(edit("date: 2024-03-20", "date: 2024-13-01"), .error,
                         "event styrgrupp-2024-03: `date`: 2024-13-01 is not a date in the calendar (there is no month 13)", at: "2024-13-01")
        expectDiagnostic(edit("date: 2024-03-20", "date: 3024-03-20"), .error,
                         "event styrgrupp-2024-03: `date`: the year 3024 is out of range", at: "3024-03-20")
        expectDiagnostic(edit("from: 2024-06-17, to: 2024-08-09}", "from: 2024-08-17, to: 2024-08-09}"), .error,
                         "\"Sommaruppehåll 2024\" ends (2024-08-09) before it starts (2024-08-17)", at: "{name: \"Sommar")
        expectDiagnostic(edit("period: {from: 2024-01-02, to: 2025-12-31}", "period: {from: 2026-01-02, to: 2025-12-31}"), .error,
                         "the project period ends (2025-12-31) before it starts (2026-01-02)", at: "{from: 2026")
    }

    @Test("Times: not a time; a session that ends before it starts")
    func times() {
        expectDiagnostic(edit("start: \"09:00\"\n    end: \"12:00\"", "start: \"9 am\"\n    end: \"12:00\""), .error,
                         "course HP: `start` should be a time HH:MM, got \"9 am\"", at: "\"9 am\"")
        expectDiagnostic(edit("end: \"12:00\"", "end: \"08:00\""), .error,
                         "course HP: the session ends (08:00) before or when it starts (09:00)", at: "\"08:00\"")
    }

    @Test("Shares outside 0…1, min above max participants, hours out of range, a bad choice")
    func ranges() {
        expectDiagnostic(edit("share: 1.0", "share: 100"), .error,
                         "Utvecklingsledare: share of full time must be from 0 to 1 (is 100)", at: "100}]", hint: "write 0.75 for 75 %")
        expectDiagnostic(edit("participants: {min: 5, max: 30}", "participants: {min: 35, max: 30}"), .error,
                         "course HP: min participants (35) is greater than max (30)", at: "{min: 35")
        expectDiagnostic(edit("hours: 3\n", "hours: 0\n"), .error,
                         "course HP: hours per session must be above 0 and at most 24 (is 0)", at: "0\n    start")
        expectDiagnostic(edit("hours: 6\n", "hours: 30\n"), .error,
                         "course MI: hours per session must be above 0 and at most 24 (is 30)", at: "30\n    start")
        expectDiagnostic(edit("delivery: digital", "delivery: digitally"), .error,
                         "course HP: `delivery`: \"digitally\" is not one of countyPart, county, digital; did you mean \"digital\"?", at: "digitally")
    }

    @Test("Unknown references with did-you-mean, diacritic- and case-insensitive")
    func references() {
        expectDiagnostic(edit("municipalities: [Jönköping, Eksjö]", "municipalities: [Jonkoping, Eksjö]"), .error,
                         "unknown municipality \"Jonkoping\"; did you mean \"Jönköping\"?", at: "Jonkoping")
        expectDiagnostic(edit("courses: [MI, HP]", "courses: [MI, hp]"), .error,
                         "unknown course \"hp\"; did you mean \"HP\"?", at: "hp]")
        expectDiagnostic(edit("venue: werket", "venue: verket"), .error,
                         "unknown venue \"verket\"; did you mean \"werket\"?", at: "verket")
        expectDiagnostic(edit("leaders: [\"Utvecklingsledare\"]", "leaders: [\"Utvecklingsledaren\"]"), .error,
                         "unknown leader \"Utvecklingsledaren\"; did you mean \"Utvecklingsledare\"?", at: "\"Utvecklingsledaren\"")
        expectDiagnostic(edit("town: Eksjö, countyPart: Höglandet", "town: Eksjö, countyPart: Hoglandet"), .error,
                         "unknown county part \"Hoglandet\"; did you mean \"Höglandet\"?", at: "Hoglandet")
        expectDiagnostic(edit("{area: AME, role: staff}]", "{area: AMX, role: staff}]"), .error,
                         "unknown area \"AMX\"; did you mean \"AME\"?", at: "AMX")
        expectDiagnostic(edit("{course: HP, date: 2024-03-12", "{course: XYZ, date: 2024-03-12"), .error,
                         "unknown course \"XYZ\"", at: "XYZ", hint: "known: \"HP\", \"MI\"")
    }

    @Test("Duplicate ids point back at the first definition")
    func duplicateIDs() {
        let text = edit("{id: eksjo,", "{id: werket,")
        expectDiagnostic(text, .error, "venue \"werket\" is defined twice", at: "werket, name: \"Stadshuset\"",
                         hint: "names must be unique; first defined on line \(ScenarioFixtures.line(of: "{id: werket, name: \"Werket\""))")
    }

    @Test("A duplicate YAML key is reported at its second occurrence, and reading goes on")
    func duplicateKey() {
        let text = edit("    quotaHours: 150\n", "    quotaHours: 150\n    quotaHours: 160\n")
        let first = ScenarioFixtures.line(of: "quotaHours: 150")
        expectDiagnostic(text, .error, "duplicate key \"quotaHours\" in one mapping (first on line \(first))", at: "quotaHours: 160")
        // A second, unrelated problem in the same file is still found.
        let both = text.replacingOccurrences(of: "capacity: 40", with: "capacity: forty")
        let result = ScenarioFixtures.load(both)
        #expect(result.errors.map(\.message).contains("venue werket: `capacity` should be a whole number, got \"forty\""))
        #expect(result.errors.contains { $0.message.hasPrefix("duplicate key \"quotaHours\"") })
    }

    @Test("Pinned dates that are not working days")
    func pinnedHoliday() {
        expectDiagnostic(edit("{course: HP, date: 2024-03-12", "{course: HP, date: 2024-06-21"), .error,
                         "pinned HP on 2024-06-21 is not a working day (friday, midsommarafton)", at: "2024-06-21")
        expectDiagnostic(edit("{course: HP, date: 2024-03-12", "{course: HP, date: 2024-07-02"), .error,
                         "pinned HP on 2024-07-02 is not a working day (tuesday, Sommaruppehåll 2024)", at: "2024-07-02")
    }

    @Test("Cross-check warnings sit at the field they concern")
    func crossCheckWarnings() {
        expectDiagnostic(edit("stated: {hours: 300,", "stated: {hours: 5992,"), .warning,
                         "the stated total of 5992 hours differs from the municipalities' quotas, which sum to 300 (difference 5692)", at: "5992")
        let text = edit("    hoursEach: 15\n    quotaHours: 150\n    persons:\n      - {area: EB, role: staff, persons: 6}",
                        "    hoursEach: 16\n    quotaHours: 150\n    persons:\n      - {area: EB, role: staff, persons: 6}")
        expectDiagnostic(text, .warning, "Eksjö: 10 persons × 16 hours each = 160 hours, but the quota is 150",
                         at: "150\n    persons:\n      - {area: EB, role: staff, persons: 6}")
    }

    @Test("YAML syntax errors: tab indentation, an unclosed list")
    func syntax() {
        expectDiagnostic("project:\n\tid: x\n", .error, "YAML syntax error: found character that cannot start any token",
                         at: "\tid", hint: "YAML indentation must use spaces, not tabs")
        expectDiagnostic("project: {id: x\nfoo: [1, 2\n", .error, "YAML syntax error: did not find expected ',' or '}'", at: ": [1, 2")
    }

    @Test("Every problem is reported in one run")
    func everythingAtOnce() {
        var text = edit("capacity: 40", "capacity: -1")
        text = text.replacingOccurrences(of: "municipalities: [Jönköping, Eksjö]", with: "municipalities: [Jonkoping]")
        text = text.replacingOccurrences(of: "share: 1.0", with: "share: 2")
        text = text.replacingOccurrences(of: "end: \"16:00\"", with: "end: \"25:00\"")
        text = text.replacingOccurrences(of: "deFactoHolidays: true", with: "deFactoHolidays: true\n  colour: red")
        let result = ScenarioFixtures.load(text)
        #expect(result.scenario == nil)
        #expect(result.errors.count == 4, "\(result.diagnostics.map(\.rendered))")
        #expect(result.warnings.map(\.message) == ["calendar: unknown key \"colour\" (ignored)"])
        // Sorted by line.
        #expect(result.diagnostics.map(\.line) == result.diagnostics.map(\.line).sorted())
    }
}
