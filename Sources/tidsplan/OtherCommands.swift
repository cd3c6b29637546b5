import ArgumentParser
import Tidsplan
import TidsplanCore
import TidsplanIO

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Rewrite the timetable, calendars and report from an existing plan.json.",
        discussion: "Useful after editing names in the scenario, or to get the English report (--lang en) or the Swedish Excel CSV (--csv-dialect excel-sv).")

    @Argument(help: "The scenario file (YAML) the plan was made from.")
    var scenario: String

    @Argument(help: "The plan.json to render.")
    var plan: String

    @Option(name: .long, help: "Output folder (default: output/<scenario id>).")
    var out: String?

    @Option(name: .customLong("csv-dialect"), help: "rfc4180 or excel-sv.")
    var csvDialect: String = "rfc4180"

    @Option(name: .long, help: "Language of everything written and printed (report, timetables, CSV headers): sv (Swedish, default) or en (English).")
    var lang: String = "sv"

    @Option(name: .long, help: "The plan published before this one: calendars then carry its removed sessions as cancelled.")
    var previous: String?

    @Flag(name: .long, help: "Write the files even when the plan breaks rules (the report then says it is unverified).")
    var force = false

    func run() throws {
        guard let dialect = ["rfc4180": CSVDialect.rfc4180, "excel-sv": .excelSwedish][csvDialect] else {
            throw refuse("--csv-dialect ska vara rfc4180 eller excel-sv, inte \"\(csvDialect)\"", "--csv-dialect must be rfc4180 or excel-sv, not \"\(csvDialect)\"")
        }
        let language = try parseLanguage(lang)
        let code = ExportCommandJob.run(scenarioPath: scenario, planPath: plan, outDir: out, dialect: dialect,
                                        lang: language, previousPath: previous, force: force, console: StandardConsole(language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a plan against every hard rule of its scenario, without the solver.",
        discussion: "Prints each broken rule in plain words and exits 1 if there is any. With --previous and --as-of it also checks that nothing on or before that date changed. The rules are listed in docs/rules.md.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Argument(help: "The plan.json to check.")
    var plan: String

    @Option(name: .long, help: "The previous plan.json (to check the frozen past).")
    var previous: String?

    @Option(name: .customLong("as-of"), help: "With --previous: the date up to which the past is frozen.")
    var asOf: String?

    @Option(name: .long, help: "Language of the messages: sv (Swedish, default) or en (English).")
    var lang: String = "sv"

    func run() throws {
        let language = try parseLanguage(lang)
        let day = try asOf.map { try parseDay($0, option: "--as-of") }
        if (previous == nil) != (day == nil) { throw refuse("--previous och --as-of anges tillsammans", "--previous and --as-of go together") }
        let code = VerifyJob.run(scenarioPath: scenario, planPath: plan, previousPath: previous, asOf: day, lang: language,
                                 console: StandardConsole(language: language))
        if code != 0 { throw ExitCode(code) }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario file and report every problem at once.",
        discussion: "Each problem is printed as FILE:LINE:COLUMN: fel|varning: message (error|warning with --lang en), with a hint on how to fix it. Besides syntax and names it cross-checks the scenario's own numbers (stated totals, persons × hours against quotas, rates, demand against capacity). Exit 0 when there are only warnings, 1 when there are errors.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .long, help: "Language of the problems and hints: sv (Swedish, default) or en (English).")
    var lang: String = "sv"

    func run() throws {
        let (output, code) = CheckJob.run(path: scenario, lang: try parseLanguage(lang))
        print(output, terminator: output.hasSuffix("\n") ? "" : "\n")
        if code != 0 { throw ExitCode(code) }
    }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Print the scenario's working calendar as CSV: date, weekday, working day, reason.",
        discussion: "Swedish public holidays are computed for any year; weekends, blackout periods (summer, Christmas) and closed days come from the scenario. Add a leader's name with --leader to see their absences and availability.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .long, help: "First date (YYYY-MM-DD); default: the project start.")
    var from: String?

    @Option(name: .long, help: "Last date (YYYY-MM-DD); default: the project end.")
    var to: String?

    @Option(name: .long, help: "A staff member's or trainer's name: their absences and availability count too.")
    var leader: String?

    @Option(name: .long, help: "Language of the header, weekdays and reasons: sv (Swedish, default) or en (English).")
    var lang: String = "sv"

    func run() throws {
        let fromDay = try from.map { try parseDay($0, option: "--from") }
        let toDay = try to.map { try parseDay($0, option: "--to") }
        let code = CalendarCommandJob.run(scenarioPath: scenario, from: fromDay, to: toDay, leader: leader,
                                          lang: try parseLanguage(lang), console: StandardConsole(language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}
