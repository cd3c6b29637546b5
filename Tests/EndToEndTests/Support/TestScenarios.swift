import Foundation
import Testing
import TidsplanIO

/// The scenario files the end-to-end tests run on.
enum TestScenarios {
    /// Four municipalities, three courses, four months: solves to optimality in well under a second.
    static let smallCounty = TidsplanCLI.packageFile("scenarios/tests/small-county.yaml")
    static let smallCountyID = "small-county"
    /// The default, real scenario: 13 municipalities over 29 months; a full solve takes about a minute.
    static let default2024 = TidsplanCLI.packageFile("scenarios/rakna-med-oss-2024.yaml")
    /// The three real projects in `scenarios/`.
    static let real = ["rakna-med-oss-2024.yaml", "rakna-med-mig-2020.yaml", "vagar-till-egenforsorjning-2020.yaml"]

    /// A calendar time stamp pinned for byte-identical calendars.
    static let fixedNow = ["TIDSPLAN_NOW": "20260115T120000Z"]

    /// `tidsplan plan small-county.yaml --out OUT --quiet`, expected to succeed.
    @discardableResult
    static func planSmallCounty(out: String, in cwd: String, environment: [String: String] = [:],
                                sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let result = try TidsplanCLI.run(["plan", smallCounty, "--out", out, "--quiet"], cwd: cwd, environment: environment)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)", sourceLocation: sourceLocation)
        return result
    }
}

/// Checks calendar folders: always with the project's own `CalendarUpdateCheck` (file by file against the
/// previous set with `--against`, and no contradiction between the files of one set), and in addition with
/// the shared validator `ics-check` when it is at hand (`TIDSPLAN_ICS_CHECK`, or `../shared/tools/ics-check`
/// beside the checkout). A clone with neither beside it still checks every update.
enum ICSCheck {
    static let path: String? = {
        var candidates = [URL(fileURLWithPath: TidsplanCLI.packageRoot).deletingLastPathComponent()
            .appendingPathComponent("shared/tools/ics-check").standardizedFileURL.path]
        if let env = ProcessInfo.processInfo.environment["TIDSPLAN_ICS_CHECK"], !env.isEmpty { candidates.insert(env, at: 0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs ics-check and returns its exit status and output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        return try ExternalTool.run(path, arguments)
    }

    /// `arguments` as for ics-check: `NEW` or `NEW --against OLD` (folders). Every one of `files` calendar
    /// files must pass.
    static func expectPasses(_ arguments: [String], files: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let new = calendars(in: arguments[0])
        #expect(new.count == files, "\(new.count) calendar files, expected \(files)", sourceLocation: sourceLocation)
        if let i = arguments.firstIndex(of: "--against"), i + 1 < arguments.count {
            let problems = CalendarUpdateCheck.problems(new: new, old: calendars(in: arguments[i + 1]))
            #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))", sourceLocation: sourceLocation)
        } else {
            let problems = CalendarUpdateCheck.conflicts(new)
            #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
        guard path != nil else { return }
        let (status, output) = try run(arguments)
        expectAllPassed(output, status: status, files: files, sourceLocation: sourceLocation)
    }

    /// The `.ics` files below a folder: path relative to it → text.
    static func calendars(in folder: String) -> [String: String] {
        var out: [String: String] = [:]
        for (path, data) in FolderSnapshot(folder).files where path.hasSuffix(".ics") { out[path] = String(decoding: data, as: UTF8.self) }
        return out
    }

    /// The number of `.ics` files below a folder.
    static func count(in folder: String) -> Int {
        FolderSnapshot(folder).files.keys.filter { $0.hasSuffix(".ics") }.count
    }

    /// The last line must be "N passed, 0 failed" with N the number of calendar files checked.
    static func expectAllPassed(_ output: String, status: Int32, files: Int,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let last = output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        #expect(status == 0, "\(output)", sourceLocation: sourceLocation)
        #expect(last == "\(files) passed, 0 failed", "\(output)", sourceLocation: sourceLocation)
    }
}
