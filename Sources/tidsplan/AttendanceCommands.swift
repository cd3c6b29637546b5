import ArgumentParser
import Tidsplan
import TidsplanCore
import TidsplanIO

func parseDialect(_ text: String) throws -> CSVDialect {
    switch text {
    case "rfc4180": return .rfc4180
    case "excel-sv": return .excelSwedish
    default: throw refuse("--csv-dialect ska vara rfc4180 eller excel-sv, inte \"\(text)\"", "--csv-dialect must be rfc4180 or excel-sv, not \"\(text)\"")
    }
}

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: tr("Skriv en mall för närvaroregistret för en period, eller kontrollera ett ifyllt register.", "Write the attendance register template for a date range, or check a filled register."),
        discussion: tr("""
        Registret har en rad per hållet utbildningstillfälle × kommun × målgrupp: hur många som kom, och om \
        tillfället hölls, ställdes in eller flyttades (docs/attendance-register.md). Mallen är förifylld enligt \
        planen; fyll i vad som hände och lämna den till `tidsplan replan --attendance` och \
        `tidsplan follow-up`. Med --check pekas varje felaktig rad ut som FIL:RAD och slutkoden blir 1.
        Exempel: tidsplan attendance scenarios/rakna-med-oss-2024.yaml output/rakna-med-oss-2024/plan.json \
        --from 2025-03-01 --to 2025-03-31 --out narvaro-2025-03.csv --csv-dialect excel-sv
        """, """
        The register has one row per held training session × municipality × target group: how many came, and \
        whether the session was held, cancelled or moved (docs/attendance-register.md). The template is \
        prefilled as planned; fill in what happened and give it to `tidsplan replan --attendance` and \
        `tidsplan follow-up`. With --check it names every bad row as FILE:LINE and exits 1.
        Example: tidsplan attendance scenarios/rakna-med-oss-2024.yaml output/rakna-med-oss-2024/plan.json \
        --from 2025-03-01 --to 2025-03-31 --out narvaro-2025-03.csv --csv-dialect excel-sv
        """))

    @Argument(help: tr("Scenariofilen (YAML).", "The scenario file (YAML)."))
    var scenario: String

    @Argument(help: tr("Den plan.json som gäller.", "The plan.json in force."))
    var plan: String

    @Option(name: .long, help: tr("Första planerade dag i mallen (ÅÅÅÅ-MM-DD; standard: projektets första dag).", "First planned day of the template (YYYY-MM-DD; default: the project's first day)."))
    var from: String?

    @Option(name: .long, help: tr("Sista planerade dag i mallen (ÅÅÅÅ-MM-DD; standard: projektets sista dag).", "Last planned day of the template (YYYY-MM-DD; default: the project's last day)."))
    var to: String?

    @Option(name: .long, help: tr("Mallfilen som ska skrivas (CSV).", "The template file to write (CSV)."))
    var out: String?

    @Option(name: .long, help: tr("Ett ifyllt register att kontrollera i stället för att skriva en mall.", "A filled register to check instead of writing a template."))
    var check: String?

    @Option(name: .customLong("as-of"), help: tr("Med --check: tillfällen efter den här dagen har inte hållits än.", "With --check: sessions after this day have not been held yet."))
    var asOf: String?

    @Flag(name: .long, help: tr("Med --check: rader får ändra det som ett tidigare register har fört in.", "With --check: rows may change what an earlier register recorded."))
    var correct = false

    @Option(name: .customLong("csv-dialect"), help: tr("rfc4180 (komma, UTF-8) eller excel-sv (semikolon, BOM, för svenskt Excel).", "rfc4180 (comma, UTF-8) or excel-sv (semicolon, BOM, for Swedish Excel)."))
    var csvDialect: String = "rfc4180"

    @Option(name: .long, help: tr("Språk för rubriker, ord och meddelanden: sv (standard) eller en.", "Language of the headers, words and messages: sv (default) or en."))
    var lang: String = "sv"

    func run() throws {
        let request = AttendanceJob.Request(
            scenarioPath: scenario, planPath: plan, from: try from.map { try parseDay($0, option: "--from") },
            to: try to.map { try parseDay($0, option: "--to") }, out: out, check: check,
            asOf: try asOf.map { try parseDay($0, option: "--as-of") }, correct: correct,
            csvDialect: try parseDialect(csvDialect), lang: try parseLanguage(lang))
        let code = AttendanceJob.run(request, console: StandardConsole(language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up",
        abstract: tr("Månadsuppföljningen för styrgruppen: planerat mot genomfört, per kommun och kurs.", "The monthly follow-up for the steering group: planned against attended, per municipality and course."),
        discussion: tr("""
        Skriver DIR/follow-up.html (en sida med ett diagram, utan skript) och DIR/follow-up.csv (för ESF-rapporten): \
        per kommun timmar och kronor, planerat och genomfört, månad för månad och ackumulerat mot kvoten, \
        närvarograden, prognosen till projektets slut om resten går som planerat, och vilka som halkar efter; \
        per kurs bokade platser mot genomförda. Tillfällen till och med slutet av --month räknas som hållna: \
        så som registret säger, eller som planerat där registret inte säger något.
        Exempel: tidsplan follow-up scenarios/rakna-med-oss-2024.yaml output/rakna-med-oss-2024/plan.json \
        --attendance narvaro.csv --month 2025-03 --out uppfoljning-2025-03
        """, """
        Writes DIR/follow-up.html (a page with a chart, no scripts) and DIR/follow-up.csv (for the ESF report): \
        per municipality the hours and kronor planned and attended month by month and cumulative against the \
        quota, the attendance rate, the forecast to the project's end if the rest goes as planned, and who is \
        falling behind; per course the places booked against attended. Sessions up to the end of --month count \
        as held: as the register says, or as planned where it says nothing.
        Example: tidsplan follow-up scenarios/rakna-med-oss-2024.yaml output/rakna-med-oss-2024/plan.json \
        --attendance narvaro.csv --month 2025-03 --out uppfoljning-2025-03
        """))

    @Argument(help: tr("Scenariofilen (YAML).", "The scenario file (YAML)."))
    var scenario: String

    @Argument(help: tr("Den plan.json som gäller.", "The plan.json in force."))
    var plan: String

    @Option(name: .long, help: tr("Det ifyllda närvaroregistret (CSV); kan utelämnas när plan.json redan innehåller det.", "The filled attendance register (CSV); may be left out when plan.json already holds it."))
    var attendance: String?

    @Option(name: .long, help: tr("Månaden som ska redovisas (ÅÅÅÅ-MM).", "The month to report (YYYY-MM)."))
    var month: String

    @Option(name: .long, help: tr("Utdatamapp; den ersätts bara när allt har lyckats.", "Output folder; it is replaced only when everything succeeded."))
    var out: String

    @Flag(name: .long, help: tr("Registret får ändra det som ett tidigare register har fört in.", "The register may change what an earlier register recorded."))
    var correct = false

    @Option(name: .customLong("csv-dialect"), help: tr("rfc4180 (komma, UTF-8) eller excel-sv (semikolon, BOM, decimalkomma).", "rfc4180 (comma, UTF-8) or excel-sv (semicolon, BOM, decimal comma)."))
    var csvDialect: String = "rfc4180"

    @Option(name: .long, help: tr("Språk: sv (standard) eller en.", "Language: sv (default) or en."))
    var lang: String = "sv"

    func run() throws {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), parts[0].count == 4, Day(year: y, month: m, day: 1) != nil else {
            throw refuse("--month \"\(month)\" är ingen månad på formen ÅÅÅÅ-MM", "--month \"\(month)\" is not a month of the form YYYY-MM")
        }
        let request = FollowUpJob.Request(scenarioPath: scenario, planPath: plan, attendancePath: attendance, year: y, month: m,
                                          outDir: out, correct: correct, csvDialect: try parseDialect(csvDialect),
                                          lang: try parseLanguage(lang))
        let code = FollowUpJob.run(request, console: StandardConsole(language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}
