import ArgumentParser
import Tidsplan
import TidsplanCore
import TidsplanIO

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: tr("Skriv om schema, kalendrar och rapport från en befintlig plan.json.", "Rewrite the timetable, calendars and report from an existing plan.json."),
        discussion: tr("Användbart när namn har ändrats i scenariot, eller för att få rapporten på engelska (--lang en) eller CSV för svenskt Excel (--csv-dialect excel-sv).", "Useful after editing names in the scenario, or to get the English report (--lang en) or the Swedish Excel CSV (--csv-dialect excel-sv)."))

    @Argument(help: tr("Scenariofilen (YAML) som planen gjordes från.", "The scenario file (YAML) the plan was made from."))
    var scenario: String

    @Argument(help: tr("Den plan.json som filerna ska skrivas från.", "The plan.json to render."))
    var plan: String

    @Option(name: .long, help: tr("Utdatamapp (standard: output/<scenario-id>).", "Output folder (default: output/<scenario id>)."))
    var out: String?

    @Option(name: .customLong("csv-dialect"), help: tr("rfc4180 eller excel-sv.", "rfc4180 or excel-sv."))
    var csvDialect: String = "rfc4180"

    @Option(name: .long, help: tr("Språk för allt som skrivs till filer och skärm (rapport, scheman, CSV-rubriker): sv (svenska, standard) eller en (engelska).", "Language of everything written and printed (report, timetables, CSV headers): sv (Swedish, default) or en (English)."))
    var lang: String = "sv"

    @Option(name: .long, help: tr("Den planen som publicerades före den här: kalendrarna visar då dess borttagna tillfällen som inställda.", "The plan published before this one: calendars then carry its removed sessions as cancelled."))
    var previous: String?

    @Flag(name: .long, help: tr("Skriv filerna även när planen bryter mot regler (rapporten säger då att den inte är verifierad).", "Write the files even when the plan breaks rules (the report then says it is unverified)."))
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
        abstract: tr("Kontrollera planen mot alla skarpa regler i dess scenario, utan lösaren.", "Check a plan against every hard rule of its scenario, without the solver."),
        discussion: tr("Skriver ut varje bruten regel i klartext och avslutar med slutkod 1 om någon regel bryts. Med --previous och --as-of kontrolleras också att inget på eller före det datumet har ändrats. Reglerna finns i docs/rules.md.", "Prints each broken rule in plain words and exits 1 if there is any. With --previous and --as-of it also checks that nothing on or before that date changed. The rules are listed in docs/rules.md."))

    @Argument(help: tr("Scenariofilen (YAML).", "The scenario file (YAML)."))
    var scenario: String

    @Argument(help: tr("Den plan.json som ska kontrolleras.", "The plan.json to check."))
    var plan: String

    @Option(name: .long, help: tr("Den tidigare plan.json (för att kontrollera det låsta förflutna).", "The previous plan.json (to check the frozen past)."))
    var previous: String?

    @Option(name: .customLong("as-of"), help: tr("Med --previous: datumet till och med vilket det förflutna är låst.", "With --previous: the date up to which the past is frozen."))
    var asOf: String?

    @Option(name: .long, help: tr("Språk för meddelandena: sv (svenska, standard) eller en (engelska).", "Language of the messages: sv (Swedish, default) or en (English)."))
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
        abstract: tr("Granska en scenariofil och rapportera alla problem på en gång.", "Validate a scenario file and report every problem at once."),
        discussion: tr("Varje problem skrivs som FIL:RAD:KOLUMN: fel|varning: meddelande (error|warning med --lang en), med ett tips om hur det rättas. Utöver syntax och namn stämmer den av scenariots egna siffror mot varandra (angivna summor, personer × timmar mot kvoter, ersättningsnivåer, efterfrågan mot kapacitet). Slutkod 0 när det bara finns varningar, 1 när det finns fel.", "Each problem is printed as FILE:LINE:COLUMN: fel|varning: message (error|warning with --lang en), with a hint on how to fix it. Besides syntax and names it cross-checks the scenario's own numbers (stated totals, persons × hours against quotas, rates, demand against capacity). Exit 0 when there are only warnings, 1 when there are errors."))

    @Argument(help: tr("Scenariofilen (YAML).", "The scenario file (YAML)."))
    var scenario: String

    @Option(name: .long, help: tr("Språk för problem och tips: sv (svenska, standard) eller en (engelska).", "Language of the problems and hints: sv (Swedish, default) or en (English)."))
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
        abstract: tr("Skriv ut scenariots arbetskalender som CSV: datum, veckodag, arbetsdag, skäl.", "Print the scenario's working calendar as CSV: date, weekday, working day, reason."),
        discussion: tr("Svenska helgdagar räknas fram för alla år; veckoslut, spärrperioder (sommar, jul) och stängda dagar kommer från scenariot. Ange en persons namn med --leader för att se personens frånvaro och tillgänglighet.", "Swedish public holidays are computed for any year; weekends, blackout periods (summer, Christmas) and closed days come from the scenario. Add a leader's name with --leader to see their absences and availability."))

    @Argument(help: tr("Scenariofilen (YAML).", "The scenario file (YAML)."))
    var scenario: String

    @Option(name: .long, help: tr("Första datum (ÅÅÅÅ-MM-DD); standard: projektets början.", "First date (YYYY-MM-DD); default: the project start."))
    var from: String?

    @Option(name: .long, help: tr("Sista datum (ÅÅÅÅ-MM-DD); standard: projektets slut.", "Last date (YYYY-MM-DD); default: the project end."))
    var to: String?

    @Option(name: .long, help: tr("Namnet på en medarbetare eller utbildare: personens frånvaro och tillgänglighet räknas också.", "A staff member's or trainer's name: their absences and availability count too."))
    var leader: String?

    @Option(name: .long, help: tr("Språk för rubrikraden, veckodagarna och skälen: sv (svenska, standard) eller en (engelska).", "Language of the header, weekdays and reasons: sv (Swedish, default) or en (English)."))
    var lang: String = "sv"

    func run() throws {
        let fromDay = try from.map { try parseDay($0, option: "--from") }
        let toDay = try to.map { try parseDay($0, option: "--to") }
        let code = CalendarCommandJob.run(scenarioPath: scenario, from: fromDay, to: toDay, leader: leader,
                                          lang: try parseLanguage(lang), console: StandardConsole(language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}
