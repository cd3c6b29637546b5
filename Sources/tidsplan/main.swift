import ArgumentParser
import Foundation
import TidsplanCore

/// Tidsplan: plans when and where municipal staff attend training, and proves how good the plan is.
struct TidsplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tidsplan",
        abstract: "Plan training sessions for a competence project, and check that the plan holds.",
        discussion: """
        A scenario file (YAML) describes the project: municipalities and their hour quotas, staff and \
        trainers, courses, venues, the calendar and the rules. Start with `tidsplan check SCENARIO`, then \
        `tidsplan plan SCENARIO`. See docs/scenario-format.md for the file format. Every command takes \
        --lang sv|en (Swedish by default) for what it prints and writes.
        """,
        subcommands: [PlanCommand.self, ReplanCommand.self, ExportCommand.self, CheckCommand.self,
                      CalendarCommand.self, VerifyCommand.self, CapacityCommand.self, CompareCommand.self,
                      ServeCommand.self, AttendanceCommand.self, FollowUpCommand.self],
        defaultSubcommand: nil)
}

do {
    var command = try TidsplanCommand.parseAsRoot()
    try command.run()
} catch {
    CommandLineErrors.exit(error, arguments: CommandLine.arguments, lang: runLanguage)
}
