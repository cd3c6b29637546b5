import ArgumentParser
import Tidsplan
import TidsplanCore
import TidsplanIO

struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Is there enough staff, trainer and budget capacity? Where is the bottleneck, and what would more buy?",
        discussion: "Writes capacity.csv and capacity.md: per resource and month the capacity, planned use and utilisation, the binding resources with what one more unit would buy (measured by re-solving), and what is missing when quotas cannot be met.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(name: .long, help: "An existing plan.json to measure (default: plan the scenario first).")
    var plan: String?

    @Option(name: .long, help: "Output folder (default: output/<scenario id>-capacity).")
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Seconds for each planning run (the base plan and each re-solve).",
        discussion: "A run that reaches it keeps its best plan so far, so figures measured under a short limit say more about the limit than about the scenario. On \"Räkna med oss!\" one planning run takes about a minute on a 2-core machine and capacity makes up to nine."))
    var timeLimit: Double = 300

    func validate() throws { try checkTimeLimit(timeLimit) }

    @Option(name: .long, help: "Language of everything written and printed: sv (Swedish, default) or en (English).")
    var lang: String = "sv"

    func run() throws {
        let code = CapacityJob.run(scenarioPath: scenario, planPath: plan, outDir: out, timeLimit: timeLimit,
                                   lang: try parseLanguage(lang), console: StandardConsole(language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare variants of a scenario side by side (hours, kronor, trainer days, shortfalls, gap).",
        discussion: "--drop-each DATE makes one variant per municipality withdrawing after DATE: the steering group's \"what if X leaves?\" in one table. --variant adds other scenario files. Writes compare.md and compare.csv.\n\nThe columns: " + CompareWords.columnsExplained(.en))

    @Argument(help: "The base scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("drop-each"), help: "One variant per municipality withdrawing after this date (YYYY-MM-DD).")
    var dropEach: String?

    @Option(name: .long, help: "Another scenario file to compare (repeatable).")
    var variant: [String] = []

    @Option(name: .long, help: "Output folder (default: output/<scenario id>-compare).")
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Seconds for each planning run (the base plan and each variant).",
        discussion: "A run that reaches it keeps its best plan so far, so variants compared under a short limit differ by the limit as much as by the scenario."))
    var timeLimit: Double = 300

    func validate() throws { try checkTimeLimit(timeLimit) }

    @Option(name: .long, help: "Language of everything written and printed: sv (Swedish, default) or en (English).")
    var lang: String = "sv"

    func run() throws {
        let day = try dropEach.map { try parseDay($0, option: "--drop-each") }
        let code = CompareJob.run(scenarioPath: scenario, dropEach: day, variants: variant, outDir: out, timeLimit: timeLimit,
                                  lang: try parseLanguage(lang), console: StandardConsole(language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}
