import ArgumentParser
import Foundation
import TidsplanCore

/// Tidsplan: plans when and where municipal staff attend training, and proves how good the plan is.
struct TidsplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tidsplan",
        abstract: tr("Planera utbildningstillfällen för ett kompetensprojekt och kontrollera att planen håller.",
                     "Plan training sessions for a competence project, and check that the plan holds."),
        discussion: tr("""
        En scenariofil (YAML) beskriver projektet: kommunerna och deras timkvoter, personal och \
        utbildare, kurser, lokaler, kalendern och reglerna. Börja med `tidsplan check SCENARIO`, sedan \
        `tidsplan plan SCENARIO`. Filformatet beskrivs i docs/scenario-format.md. Alla kommandon tar \
        --lang sv|en (svenska som standard) för det de skriver till filer och skärm.
        """, """
        A scenario file (YAML) describes the project: municipalities and their hour quotas, staff and \
        trainers, courses, venues, the calendar and the rules. Start with `tidsplan check SCENARIO`, then \
        `tidsplan plan SCENARIO`. See docs/scenario-format.md for the file format. Every command takes \
        --lang sv|en (Swedish by default) for what it prints and writes.
        """),
        subcommands: [PlanCommand.self, ReplanCommand.self, ExportCommand.self, CheckCommand.self,
                      CalendarCommand.self, VerifyCommand.self, CapacityCommand.self, CompareCommand.self,
                      ServeCommand.self, AttendanceCommand.self, FollowUpCommand.self],
        defaultSubcommand: nil)
}

do {
    var command = try TidsplanCommand.parseAsRoot(CommandLineErrors.helpArguments(Array(CommandLine.arguments.dropFirst())))
    try command.run()
} catch {
    CommandLineErrors.exit(error, arguments: CommandLine.arguments, lang: runLanguage)
}
