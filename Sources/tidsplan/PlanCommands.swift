import ArgumentParser
import Tidsplan
import TidsplanCore
import TidsplanIO
import TidsplanModel

/// Options shared by the commands that solve.
struct SolveOptionGroup: ParsableArguments {
    @Option(name: .long, help: tr("Sluta söka efter så här många sekunder och behåll den bästa planen hittills.", "Stop searching after this many seconds and keep the best plan found so far."))
    var timeLimit: Double = 1800

    @Option(name: .long, help: tr("Sluta när planen bevisat ligger inom den här andelen från bästa möjliga (0.001 = 0,1 %).", "Stop when the plan is proven within this fraction of the best possible (0.001 = 0.1 %)."))
    var gap: Double = 0.001

    @Flag(name: .long, help: tr("Ingen förloppsrad medan lösaren arbetar.", "No progress line while solving."))
    var quiet = false

    @Option(name: .long, help: tr("Utdatamapp (standard: output/<scenario-id>). Den ersätts bara när allt har lyckats.", "Output folder (default: output/<scenario id>). It is replaced only when everything succeeded."))
    var out: String?

    @Option(name: .customLong("csv-dialect"), help: tr("rfc4180 (komma, UTF-8) eller excel-sv (semikolon, BOM, decimalkomma för svenskt Excel).", "rfc4180 (comma, UTF-8) or excel-sv (semicolon, BOM, decimal comma for Swedish Excel)."))
    var csvDialect: String = "rfc4180"

    @Option(name: .long, help: tr("Språk för allt som skrivs till filer och skärm (sammanfattning, rapport, scheman, CSV-rubriker, ändringar): sv (svenska, standard) eller en (engelska).", "Language of everything written and printed (summary, report, timetables, CSV headers, changes): sv (Swedish, default) or en (English)."))
    var lang: String = "sv"

    @Flag(name: .customLong("export-model"), help: tr("Skriv också veckomodellen som MPS och CPLEX LP (model/) för andra lösare.", "Also write the week model as MPS and CPLEX LP (model/) for other solvers."))
    var exportModel = false

    @Option(name: .customLong("memory-limit"), help: tr("Högsta minne som GLPK får använda, i MiB; därefter slutar sökningen med den bästa planen hittills.", "Most memory GLPK may use, in MiB; past it the search ends with the best plan so far."))
    var memoryLimit: Int?

    @Option(name: .long, help: ArgumentHelp(
        tr("auto, off eller on: planera ett stort scenario område för område (grupper av länsdelar med högst --area-persons personer, ett område i taget).", "auto, off or on: plan a large scenario area by area (groups of county parts of at most --area-persons persons, one after another)."),
        discussion: tr("auto gör så när scenariot har mer än ett sådant område. En omplanering går område för område när den förra planen gjordes med samma områden. En planering område för område håller alla regler men har ingen gräns för helheten, så inget gap visas.", "auto does so when the scenario has more than one such area. A re-plan goes by area when the previous plan was made by the same areas. A plan made by area keeps every rule but has no bound for the whole, so no gap is shown.")))
    var decompose: String = "auto"

    @Option(name: .customLong("area-persons"), help: tr("Med --decompose: högsta antal personer i ett område.", "With --decompose: most persons in one area."))
    var areaPersons: Int = 350

    func validate() throws {
        try checkTimeLimit(timeLimit)
        guard gap >= 0, gap < 1 else { throw refuse("--gap är en andel mellan 0 och 1, t.ex. 0.01 för 1 %", "--gap is a fraction between 0 and 1, e.g. 0.01 for 1 %") }
        if let memoryLimit, memoryLimit < 16 { throw refuse("--memory-limit anges i MiB och ska vara minst 16", "--memory-limit is in MiB and must be at least 16") }
        _ = try dialect()
        _ = try language()
        _ = try decomposition()
        guard areaPersons >= 1 else { throw refuse("--area-persons ska vara minst 1", "--area-persons must be at least 1") }
    }

    func decomposition() throws -> Decompose {
        guard let d = Decompose(rawValue: decompose) else { throw refuse("--decompose ska vara auto, off eller on, inte \"\(decompose)\"", "--decompose must be auto, off or on, not \"\(decompose)\"") }
        return d
    }

    func dialect() throws -> CSVDialect {
        switch csvDialect {
        case "rfc4180": return .rfc4180
        case "excel-sv": return .excelSwedish
        default: throw refuse("--csv-dialect ska vara rfc4180 eller excel-sv, inte \"\(csvDialect)\"", "--csv-dialect must be rfc4180 or excel-sv, not \"\(csvDialect)\"")
        }
    }

    func language() throws -> Language { try parseLanguage(lang) }

    func request(scenario: String) throws -> PlanRequest {
        var r = PlanRequest(scenarioPath: scenario, outDir: out, timeLimit: timeLimit, gap: gap, quiet: quiet,
                            csvDialect: try dialect(), lang: try language(), exportModel: exportModel, memoryLimitMiB: memoryLimit)
        r.decompose = try decomposition()
        r.maxAreaPersons = areaPersons
        return r
    }
}

/// A number of seconds, more than 0 and finite (`inf` would be no limit at all, and is no number in run.json).
func checkTimeLimit(_ seconds: Double) throws {
    guard seconds > 0, seconds.isFinite else {
        throw refuse("--time-limit ska vara ett antal sekunder över 0, t.ex. 600 (inte \"\(seconds)\")",
                     "--time-limit must be a number of seconds more than 0, e.g. 600 (not \"\(seconds)\")")
    }
}

func parseLanguage(_ text: String) throws -> Language {
    guard let l = Language(rawValue: text) else { throw refuse("--lang ska vara sv eller en, inte \"\(text)\"", "--lang must be sv or en, not \"\(text)\"") }
    return l
}

func parseDay(_ text: String, option: String) throws -> Day {
    guard let d = Day(iso: text) else { throw refuse("\(option) \"\(text)\" är inget datum på formen ÅÅÅÅ-MM-DD", "\(option) \"\(text)\" is not a date of the form YYYY-MM-DD") }
    return d
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: tr("Gör den bästa planen för ett scenario och skriv plan.json, schema, kalendrar och rapport.", "Make the best plan for a scenario and write plan.json, timetable, calendars and report."),
        discussion: tr("""
        Skriver DIR/plan.json, timetable.csv, timetable.md, report.html och calendars/*.ics (DIR är som standard \
        output/<scenario-id>) och skriver ut en sammanfattning: om planen är optimal, timmar per kommun mot \
        kvot, utbildardagar och kostnad mot budget, och det som inte gick att planera, med skälet.
        Ctrl-C avbryter sökningen och skriver den bästa planen hittills. Med --previous och --as-of \
        planerar kommandot om som `tidsplan replan` och tar utträden och minskningar från scenariofilen.
        """, """
        Writes DIR/plan.json, timetable.csv, timetable.md, report.html and calendars/*.ics (DIR defaults to \
        output/<scenario id>) and prints a summary: whether the plan is optimal, hours per municipality against \
        quota, trainer days and cost against budget, and anything that could not be planned, with the reason.
        Ctrl-C stops the search and writes the best plan found so far. With --previous and --as-of it \
        re-plans like `tidsplan replan`, taking withdrawals and reductions from the scenario file.
        """))

    @Argument(help: tr("Scenariofilen (YAML), t.ex. scenarios/rakna-med-oss-2024.yaml.", "The scenario file (YAML), e.g. scenarios/rakna-med-oss-2024.yaml."))
    var scenario: String

    @OptionGroup var solve: SolveOptionGroup

    @Option(name: .long, help: tr("En tidigare plan.json som behålls fram till --as-of (omplanering).", "A previous plan.json to keep up to --as-of (re-planning)."))
    var previous: String?

    @Option(name: .customLong("as-of"), help: tr("Med --previous: tillfällen på eller före det här datumet (ÅÅÅÅ-MM-DD) blir kvar precis som de var.", "With --previous: sessions on or before this date (YYYY-MM-DD) stay exactly as they were."))
    var asOf: String?

    func run() throws {
        var request = try solve.request(scenario: scenario)
        request.previousPath = previous
        request.asOf = try asOf.map { try parseDay($0, option: "--as-of") }
        let code = PlanJob.run(request, console: StandardConsole(quiet: solve.quiet, language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}

struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: tr("Planera om när en kommun hoppar av eller minskar sitt åtagande, med så små ändringar som möjligt.", "Re-plan after a municipality drops out or reduces its commitment, changing as little as possible."),
        discussion: tr("""
        Varje tillfälle på eller före --as-of blir kvar precis som det var. En kommun som har gått ur får inga \
        platser och inga kallelser efter det datumet; --reduce sänker en kommuns totala timmar. Resten planeras om \
        med så små ändringar som möjligt (flyttade tillfällen, byte av utbildare och inställda tillfällen kostar \
        alla); tillfällena behåller sina id, så kalendrarna uppdateras i stället för att få dubbletter, och en \
        händelse som försvinner ur en kalenderfil blir kvar i den som inställd. Den nya plan.json sparar varje \
        utträde, minskning och kompensation med datum, så att senare omplaneringar, export och verify behåller \
        dem. Med --attendance REGISTER räknas det som varit som det faktiskt blev (vilka som kom, inställda och \
        flyttade tillfällen) och plan.json sparar genomfört bredvid bokat; utan räknas det som planerat. \
        Skriver den nya planen och utdata samt changes.md och changes.csv (på språket i --lang).
        Exempel: tidsplan replan scenarios/rakna-med-oss-2024.yaml --previous output/rakna-med-oss-2024/plan.json \
        --as-of 2025-03-31 --withdraw Mullsjö --out output/utan-mullsjo
        """, """
        Every session on or before --as-of stays exactly as it was. A withdrawn municipality gets no seats and \
        no invitations after that date; --reduce lowers a municipality's total hours. The rest is re-planned with \
        as few changes as possible (moved, re-led or cancelled sessions all cost); sessions keep their ids, so \
        calendars update instead of duplicating, and an event that leaves a calendar file stays in it as cancelled. \
        The new plan.json records every withdrawal, reduction and compensation with its date, so later re-plans, \
        exports and verify keep them. With --attendance REGISTER the past counts as it was attended (who came, \
        cancelled and moved sessions) and plan.json keeps attended beside booked; without, it counts as planned. \
        Writes the new plan and outputs plus changes.md and changes.csv (in --lang).
        Example: tidsplan replan scenarios/rakna-med-oss-2024.yaml --previous output/rakna-med-oss-2024/plan.json \
        --as-of 2025-03-31 --withdraw Mullsjö --out output/utan-mullsjo
        """))

    @Argument(help: tr("Scenariofilen (YAML).", "The scenario file (YAML)."))
    var scenario: String

    @Option(name: .long, help: tr("Den plan.json som har gällt hittills.", "The plan.json in force until now."))
    var previous: String

    @Option(name: .customLong("as-of"), help: tr("Tillfällen på eller före det här datumet (ÅÅÅÅ-MM-DD, inom projektet) har hållits och blir kvar som de var.", "Sessions on or before this date (YYYY-MM-DD, inside the project) have been held and stay as they were."))
    var asOf: String

    @Option(name: .long, help: tr("En kommun som går ur från dagen efter --as-of (kan upprepas).", "A municipality that withdraws from the day after --as-of (repeatable)."))
    var withdraw: [String] = []

    @Option(name: .long, help: tr("NAMN=TIMMAR: en kommuns nya, lägre totala timåtagande: inte över den kvot som gäller, inte under de timmar kommunen redan har genomfört (kan upprepas).", "NAME=HOURS: a municipality's new, lower total hour commitment: not above its quota in force, not below the hours it has attended (repeatable)."))
    var reduce: [String] = []

    @Flag(name: .long, help: tr("Fördela de förlorade medfinansieringstimmarna på de kvarvarande kommunerna, var och en inom sin kvot plus toleransen; det som inte ryms visas som ett förslag som kräver deras samtycke.", "Spread the lost co-financing hours over the remaining municipalities, each within its own quota plus the tolerance; what does not fit is shown as a proposal that needs their consent."))
    var compensate = false

    @Flag(name: .customLong("no-scratch-comparison"), help: tr("Hoppa över den andra körningen som räknar hur många tillfällen en helt ny planering skulle ändra.", "Skip the second solve that counts how many sessions planning from scratch would change."))
    var noScratchComparison = false

    @Option(name: .long, help: tr("Närvaroregistret (CSV, se `tidsplan attendance`): det som varit låses som det faktiskt blev, inte som det var planerat.", "The attendance register (CSV, see `tidsplan attendance`): the past is frozen as it was attended, not as planned."))
    var attendance: String?

    @Flag(name: .long, help: tr("Med --attendance: registret får ändra det som ett tidigare register har fört in (ändringen sparas i plan.json).", "With --attendance: the register may change what an earlier register recorded (the change is kept in plan.json)."))
    var correct = false

    @OptionGroup var solve: SolveOptionGroup

    func run() throws {
        var request = try solve.request(scenario: scenario)
        request.previousPath = previous
        request.asOf = try parseDay(asOf, option: "--as-of")
        request.withdraw = withdraw
        request.reduce = try reduce.map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let hours = Int(parts[1]) else {
                throw refuse("--reduce tar NAMN=TIMMAR (t.ex. --reduce Habo=200), inte \"\(item)\"", "--reduce takes NAME=HOURS (e.g. --reduce Habo=200), not \"\(item)\"")
            }
            return (parts[0], hours)
        }
        request.compensate = compensate
        request.compareWithScratch = !noScratchComparison
        request.attendancePath = attendance
        request.correctAttendance = correct
        let code = PlanJob.run(request, console: StandardConsole(quiet: solve.quiet, language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}
