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
        abstract: "Write the attendance register template for a date range, or check a filled register.",
        discussion: """
        The register has one row per held training session × municipality × target group: how many came, and \
        whether the session was held, cancelled or moved (docs/attendance-register.md). The template is \
        prefilled as planned; fill in what happened and give it to `tidsplan replan --attendance` and \
        `tidsplan follow-up`. With --check it names every bad row as FILE:LINE and exits 1.
        Example: tidsplan attendance scenarios/rakna-med-oss-2024.yaml output/rakna-med-oss-2024/plan.json \
        --from 2025-03-01 --to 2025-03-31 --out narvaro-2025-03.csv --csv-dialect excel-sv
        """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Argument(help: "The plan.json in force.")
    var plan: String

    @Option(name: .long, help: "First planned day of the template (YYYY-MM-DD; default: the project's first day).")
    var from: String?

    @Option(name: .long, help: "Last planned day of the template (YYYY-MM-DD; default: the project's last day).")
    var to: String?

    @Option(name: .long, help: "The template file to write (CSV).")
    var out: String?

    @Option(name: .long, help: "A filled register to check instead of writing a template.")
    var check: String?

    @Option(name: .customLong("as-of"), help: "With --check: sessions after this day have not been held yet.")
    var asOf: String?

    @Flag(name: .long, help: "With --check: rows may change what an earlier register recorded.")
    var correct = false

    @Option(name: .customLong("csv-dialect"), help: "rfc4180 (comma, UTF-8) or excel-sv (semicolon, BOM, for Swedish Excel).")
    var csvDialect: String = "rfc4180"

    @Option(name: .long, help: "Language of the headers, words and messages: sv (default) or en.")
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
        abstract: "The monthly follow-up for the steering group: planned against attended, per municipality and course.",
        discussion: """
        Writes DIR/follow-up.html (a page with a chart, no scripts) and DIR/follow-up.csv (for the ESF report): \
        per municipality the hours and kronor planned and attended month by month and cumulative against the \
        quota, the attendance rate, the forecast to the project's end if the rest goes as planned, and who is \
        falling behind; per course the places booked against attended. Sessions up to the end of --month count \
        as held: as the register says, or as planned where it says nothing.
        Example: tidsplan follow-up scenarios/rakna-med-oss-2024.yaml output/rakna-med-oss-2024/plan.json \
        --attendance narvaro.csv --month 2025-03 --out uppfoljning-2025-03
        """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Argument(help: "The plan.json in force.")
    var plan: String

    @Option(name: .long, help: "The filled attendance register (CSV); may be left out when plan.json already holds it.")
    var attendance: String?

    @Option(name: .long, help: "The month to report (YYYY-MM).")
    var month: String

    @Option(name: .long, help: "Output folder; it is replaced only when everything succeeded.")
    var out: String

    @Flag(name: .long, help: "The register may change what an earlier register recorded.")
    var correct = false

    @Option(name: .customLong("csv-dialect"), help: "rfc4180 (comma, UTF-8) or excel-sv (semicolon, BOM, decimal comma).")
    var csvDialect: String = "rfc4180"

    @Option(name: .long, help: "Language: sv (default) or en.")
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
