import ArgumentParser
import Tidsplan
import TidsplanCore
import TidsplanIO

struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: tr("Räcker personal, utbildare och budget? Var är flaskhalsen, och vad skulle mer ge?", "Is there enough staff, trainer and budget capacity? Where is the bottleneck, and what would more buy?"),
        discussion: tr("Skriver capacity.csv och capacity.md: per resurs och månad kapaciteten, planerad användning och beläggning, de resurser som begränsar med vad en enhet till skulle ge (mätt genom att lösa om), och vad som fattas när kvoterna inte kan nås.", "Writes capacity.csv and capacity.md: per resource and month the capacity, planned use and utilisation, the binding resources with what one more unit would buy (measured by re-solving), and what is missing when quotas cannot be met."))

    @Argument(help: tr("Scenariofilen (YAML).", "The scenario file (YAML)."))
    var scenario: String

    @Option(name: .long, help: tr("En befintlig plan.json att mäta (standard: planera scenariot först).", "An existing plan.json to measure (default: plan the scenario first)."))
    var plan: String?

    @Option(name: .long, help: tr("Utdatamapp (standard: output/<scenario-id>-capacity).", "Output folder (default: output/<scenario id>-capacity)."))
    var out: String?

    @Option(name: .long, help: ArgumentHelp(tr("Sekunder för varje planeringskörning (grundplanen och varje omlösning).", "Seconds for each planning run (the base plan and each re-solve)."),
        discussion: tr("En körning som når gränsen behåller den bästa planen den hunnit hitta, så siffror mätta med en kort gräns säger mer om gränsen än om scenariot. För \"Räkna med oss!\" tar en planeringskörning ungefär en minut på en dator med 2 kärnor, och capacity gör upp till nio.", "A run that reaches it keeps its best plan so far, so figures measured under a short limit say more about the limit than about the scenario. On \"Räkna med oss!\" one planning run takes about a minute on a 2-core machine and capacity makes up to nine.")))
    var timeLimit: Double = 300

    func validate() throws { try checkTimeLimit(timeLimit) }

    @Option(name: .long, help: tr("Språk för allt som skrivs till filer och skärm: sv (svenska, standard) eller en (engelska).", "Language of everything written and printed: sv (Swedish, default) or en (English)."))
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
        abstract: tr("Jämför varianter av ett scenario sida vid sida (timmar, kronor, utbildardagar, brister, gap).", "Compare variants of a scenario side by side (hours, kronor, trainer days, shortfalls, gap)."),
        discussion: tr("--drop-each DATUM gör en variant per kommun som går ur efter DATUM: styrgruppens \"tänk om X hoppar av?\" i en enda tabell. --variant lägger till andra scenariofiler. Skriver compare.md och compare.csv.\n\nKolumnerna: ",
                       "--drop-each DATE makes one variant per municipality withdrawing after DATE: the steering group's \"what if X leaves?\" in one table. --variant adds other scenario files. Writes compare.md and compare.csv.\n\nThe columns: ")
            + CompareWords.columnsExplained(runLanguage))

    @Argument(help: tr("Grundscenariots fil (YAML).", "The base scenario file (YAML)."))
    var scenario: String

    @Option(name: .customLong("drop-each"), help: tr("En variant per kommun som går ur efter det här datumet (ÅÅÅÅ-MM-DD).", "One variant per municipality withdrawing after this date (YYYY-MM-DD)."))
    var dropEach: String?

    @Option(name: .long, help: tr("En annan scenariofil att jämföra med (kan upprepas).", "Another scenario file to compare (repeatable)."))
    var variant: [String] = []

    @Option(name: .long, help: tr("Utdatamapp (standard: output/<scenario-id>-compare).", "Output folder (default: output/<scenario id>-compare)."))
    var out: String?

    @Option(name: .long, help: ArgumentHelp(tr("Sekunder för varje planeringskörning (grundplanen och varje variant).", "Seconds for each planning run (the base plan and each variant)."),
        discussion: tr("En körning som når gränsen behåller den bästa planen den hunnit hitta, så varianter som jämförs med en kort gräns skiljer sig lika mycket på grund av gränsen som på grund av scenariot.", "A run that reaches it keeps its best plan so far, so variants compared under a short limit differ by the limit as much as by the scenario.")))
    var timeLimit: Double = 300

    func validate() throws { try checkTimeLimit(timeLimit) }

    @Option(name: .long, help: tr("Språk för allt som skrivs till filer och skärm: sv (svenska, standard) eller en (engelska).", "Language of everything written and printed: sv (Swedish, default) or en (English)."))
    var lang: String = "sv"

    func run() throws {
        let day = try dropEach.map { try parseDay($0, option: "--drop-each") }
        let code = CompareJob.run(scenarioPath: scenario, dropEach: day, variants: variant, outDir: out, timeLimit: timeLimit,
                                  lang: try parseLanguage(lang), console: StandardConsole(language: runLanguage))
        if code != 0 { throw ExitCode(code) }
    }
}
