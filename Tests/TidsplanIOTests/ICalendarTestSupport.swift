import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// Shared helpers for the iCalendar tests: the pinned timestamp, writing a set of files to a
/// temporary folder, and running external tools (ics-check, khal) when they are installed.
enum ICalTestSupport {
    static let now = ICalTimestamp(text: "20240410T080000Z") ?? ICalTimestamp(secondsSince1970: 0)
    static let later = ICalTimestamp(text: "20240502T120000Z") ?? ICalTimestamp(secondsSince1970: 0)

    static func files(_ plan: Plan = SamplePlan.plan, scenario: Scenario = SamplePlan.scenario,
                      previous: Plan? = nil, now: ICalTimestamp = now, lang: Language = .sv,
                      published: CalendarSeries = CalendarSeries()) -> [String: String] {
        var out: [String: String] = [:]
        for f in ICalendarWriter.calendars(scenario: scenario, plan: plan, previous: previous, now: now, lang: lang,
                                           published: published) {
            out[f.path] = f.text
        }
        return out
    }

    /// The VEVENT blocks of a file, keyed by UID (unfolded content).
    static func events(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for block in ICalFormat.unfold(text).components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst() {
            let body = block.components(separatedBy: "END:VEVENT\r\n")[0]
            let uidLine = body.components(separatedBy: "\r\n").first { $0.hasPrefix("UID:") } ?? ""
            out[String(uidLine.dropFirst(4))] = body
        }
        return out
    }

    static func uid(_ id: String) -> String { id + "@" + SamplePlan.scenario.project.uidDomain }

    /// A session's UID in one file: its all.ics UID there, its own copy's elsewhere.
    static func uid(_ id: String, file path: String) -> String {
        path == "calendars/all.ics" ? uid(id) : ICalendarWriter.uid(id, SamplePlan.scenario.project.uidDomain, file: path)
    }

    /// The session id of a UID in the file at `path`.
    static func sessionID(_ uid: String, file path: String) -> String {
        let local = String(uid.prefix { $0 != "@" })
        let tag = "." + path.dropFirst("calendars/".count).dropLast(".ics".count).replacingOccurrences(of: "/", with: ".")
        return local.hasSuffix(tag) ? String(local.dropLast(tag.count)) : local
    }

    /// A fresh temporary folder, removed by the caller with `remove`.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tidsplan-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Writes `files` (relative path → text) under `dir`.
    static func write(_ files: [String: String], to dir: URL) throws {
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// The first executable called `name` on PATH (or at an absolute path), if any.
    static func executable(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct ProcessResult {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs a tool to completion, with extra environment variables.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    currentDirectory: URL? = nil) throws -> ProcessResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let currentDirectory { p.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes before waiting so a chatty tool cannot block on a full pipe.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return ProcessResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension ICalTestSupport {
    /// Physical lines of a CRLF text as raw bytes (without the CRLF), and whether every LF had a CR.
    static func physicalLines(_ text: String) -> (lines: [[UInt8]], onlyCRLF: Bool) {
        let bytes = Array(text.utf8)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var onlyCRLF = true
        for b in bytes {
            if b == 0x0A {
                if current.last == 0x0D { current.removeLast() } else { onlyCRLF = false }
                lines.append(current)
                current = []
            } else {
                current.append(b)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return (lines, onlyCRLF)
    }

    /// The strict validator from the shared tools: `$TIDSPLAN_ICS_CHECK`, else `../shared/tools/ics-check`
    /// next to the repository (as CI lays it out), else `ics-check` on PATH.
    static let icsCheckPath: String? = {
        if let env = ProcessInfo.processInfo.environment["TIDSPLAN_ICS_CHECK"], !env.isEmpty {
            return executable(env)
        }
        let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = repo.deletingLastPathComponent().appendingPathComponent("shared/tools/ics-check").path
        return executable(shared) ?? executable("ics-check")
    }()

    /// It checks in addition to the project's own `CalendarUpdateCheck` tests, never instead: without it
    /// (a clone with no `../shared` beside it) those tests are skipped, saying why.
    static let icsCheckRunnable = icsCheckPath != nil

    static let khalPath: String? = executable("khal")

    /// Runs ics-check and returns its result; the last stdout line is the "N passed, M failed" summary.
    static func icsCheck(_ arguments: [String]) throws -> (result: ProcessResult, summary: String) {
        guard let tool = icsCheckPath else { throw ToolMissing(name: "ics-check") }
        let r = try run(tool, arguments)
        let summary = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        return (r, summary)
    }

    struct ToolMissing: Error { let name: String }
}

/// The sample plan with names a careless writer would break on: quotes, commas, semicolons,
/// newlines, backslashes, HTML and path traversal. Used by the iCalendar and report tests.
enum HostileSample {
    static let trainer = "Eva \"Q\" Berg, <script>alert(1)</script>; ..\\x"
    static let municipality = "../Aneby;\nDROP, \"x\" & <b>"
    static let venueName = "Sal \"A\", 2 tr; <i>Werket</i>"
    static let projectName = "Räkna & \"oss\" <b>!</b> 'sv'"
    static let courseName = "MI, grund \\ \"steg 1\"; <u>del</u>\nrad två"

    static func rename(_ name: String) -> String {
        switch name {
        case "Erik Öst": return trainer
        case SamplePlan.aneby: return municipality
        default: return name
        }
    }

    static var scenario: Scenario {
        var s = SamplePlan.scenario
        s.project.name = projectName
        for i in s.municipalities.indices { s.municipalities[i].name = rename(s.municipalities[i].name) }
        for i in s.trainers.indices { s.trainers[i].name = rename(s.trainers[i].name) }
        for i in s.venues.indices where s.venues[i].id == "werket" { s.venues[i].name = venueName }
        for i in s.courses.indices where s.courses[i].id == "MI" { s.courses[i].name = courseName }
        for i in s.fixedEvents.indices {
            s.fixedEvents[i].leaders = s.fixedEvents[i].leaders.map(rename)
            s.fixedEvents[i].municipalities = s.fixedEvents[i].municipalities.map(rename)
        }
        return s
    }

    static var plan: Plan {
        var p = SamplePlan.plan
        for i in p.sessions.indices {
            p.sessions[i].leaders = p.sessions[i].leaders.map(rename)
            p.sessions[i].seats = Dictionary(uniqueKeysWithValues: p.sessions[i].seats.map { (rename($0.key), $0.value) })
            p.sessions[i].attendingMunicipalities = p.sessions[i].attendingMunicipalities.map(rename)
            if p.sessions[i].course == "MI" { p.sessions[i].title = courseName }
        }
        for i in p.municipalities.indices { p.municipalities[i].name = rename(p.municipalities[i].name) }
        for i in p.shortfalls.indices {
            p.shortfalls[i].subject.municipality = p.shortfalls[i].subject.municipality.map(rename)
            p.shortfalls[i].reason += " <img src=x onerror=alert(1)>"
        }
        return p
    }
}
