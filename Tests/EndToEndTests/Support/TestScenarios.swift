import Foundation
import Testing

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

/// The shared iCalendar validator `../shared/tools/ics-check` (Python): beside the checkout, as CI lays it out,
/// or named by `TIDSPLAN_ICS_CHECK`. It checks in addition to the project's own calendar tests, so a clone
/// elsewhere (no `../shared`) runs without it; under CI (`CI` set) a missing tool is a failure, not a skip.
enum ICSCheck {
    static let path: String? = {
        var candidates = [URL(fileURLWithPath: TidsplanCLI.packageRoot).deletingLastPathComponent()
            .appendingPathComponent("shared/tools/ics-check").standardizedFileURL.path]
        if let env = ProcessInfo.processInfo.environment["TIDSPLAN_ICS_CHECK"], !env.isEmpty { candidates.insert(env, at: 0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let requiredHere = ProcessInfo.processInfo.environment["CI"] != nil

    /// Runs ics-check and returns its exit status and output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let path else { throw CocoaError(.fileNoSuchFile) }
        return try ExternalTool.run(path, arguments)
    }

    /// ics-check over `arguments` passes every one of `files` calendar files. Without the tool: a failure
    /// under CI, else a note on standard error and nothing checked.
    static func expectPasses(_ arguments: [String], files: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard path != nil else {
            if requiredHere {
                Issue.record("ics-check not found at <repo>/../shared/tools/ics-check (or TIDSPLAN_ICS_CHECK), and CI needs it",
                             sourceLocation: sourceLocation)
            } else {
                FileHandle.standardError.write(Data("note: ics-check not found beside the checkout; calendar files not validated by it\n".utf8))
            }
            return
        }
        let (status, output) = try run(arguments)
        expectAllPassed(output, status: status, files: files, sourceLocation: sourceLocation)
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
