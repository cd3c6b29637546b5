import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How one run of a command ended.
struct CommandResult: Sendable {
    let arguments: [String]
    /// Exit status, or the signal number when `signalled`.
    let status: Int32
    /// The process died of a signal (a trap or crash), not by exiting.
    let signalled: Bool
    /// It did not finish within its time limit and was killed.
    let timedOut: Bool
    let stdout: String
    let stderr: String

    /// Ended by calling exit, with no trace of a Swift runtime trap or stack dump.
    var endedCleanly: Bool {
        !signalled && !timedOut
            && !stderr.contains("Fatal error") && !stderr.contains("Stack dump") && !stdout.contains("Fatal error")
    }

    /// For `#expect` messages: what ran and what it said.
    var transcript: String {
        "tidsplan \(arguments.joined(separator: " ")) → \(signalled ? "signal" : "exit") \(status)\(timedOut ? " (timed out)" : "")\n"
            + "--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// Runs the built `tidsplan` executable (the one `swift build --build-tests` put next to the test bundle).
enum TidsplanCLI {
    /// The package root, from this file's place in `Tests/EndToEndTests/Support/`.
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// A file in the package, e.g. `scenarios/tests/small-county.yaml`.
    static func packageFile(_ relative: String) -> String { packageRoot + "/" + relative }

    /// Folders the executable may be in: next to the test bundle (`.build/<config>/`), whichever
    /// way the test runner was started. `TIDSPLAN_BIN` overrides for unusual layouts.
    static var candidateFolders: [String] {
        var folders: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append((exe as NSString).deletingLastPathComponent)
        }
        let bundle = Bundle.main.bundleURL
        folders.append(bundle.path)
        folders.append(bundle.deletingLastPathComponent().path)
        if let first = CommandLine.arguments.first, first.contains("/") {
            folders.append((URL(fileURLWithPath: first).deletingLastPathComponent().standardizedFileURL.path))
        }
        var seen: Set<String> = []
        return folders.filter { seen.insert($0).inserted }
    }

    /// The executable, or nil with the places searched.
    static let executable: Result<String, BinaryNotFound> = {
        if let override = ProcessInfo.processInfo.environment["TIDSPLAN_BIN"] {
            return FileManager.default.isExecutableFile(atPath: override)
                ? .success(override) : .failure(BinaryNotFound(searched: [override]))
        }
        let folders = candidateFolders
        for folder in folders {
            // A bundle on macOS sits in .build/<config>/X.xctest/Contents/MacOS; walk up to the config folder.
            var dir = URL(fileURLWithPath: folder)
            for _ in 0..<4 {
                let path = dir.appendingPathComponent("tidsplan").path
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                   FileManager.default.isExecutableFile(atPath: path) {
                    return .success(path)
                }
                dir = dir.deletingLastPathComponent()
            }
        }
        return .failure(BinaryNotFound(searched: folders))
    }()

    struct BinaryNotFound: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "the tidsplan executable was not found next to the test bundle (looked in \(searched.joined(separator: ", "))); "
                + "build it first: swift build --scratch-path .build-e2e --build-tests (or set TIDSPLAN_BIN)"
        }
    }

    /// The executable's path, or a test failure that says how to build it.
    static func binary() throws -> String {
        switch executable {
        case .success(let path): return path
        case .failure(let error): throw error
        }
    }

    /// Runs `tidsplan ARGS` in `cwd` and waits at most `timeout` seconds (then kills it).
    static func run(_ arguments: [String], cwd: String, environment: [String: String] = [:],
                    timeout: Double = 60) throws -> CommandResult {
        let running = try start(arguments, cwd: cwd, environment: environment)
        return running.wait(timeout: timeout)
    }

    /// Starts `tidsplan ARGS` without waiting (for tests that signal it).
    static func start(_ arguments: [String], cwd: String, environment: [String: String] = [:]) throws -> RunningCommand {
        try RunningCommand(binary: try binary(), arguments: arguments, cwd: cwd, environment: environment)
    }
}

/// A started `tidsplan` process. Its output goes to files, so a chatty process never blocks on a full pipe.
final class RunningCommand {
    let process = Process()
    let arguments: [String]
    private let logFolder: String
    private let stdoutPath: String
    private let stderrPath: String

    init(binary: String, arguments: [String], cwd: String, environment: [String: String]) throws {
        self.arguments = arguments
        logFolder = FileManager.default.temporaryDirectory
            .appendingPathComponent("tidsplan-e2e-log-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: logFolder, withIntermediateDirectories: true)
        stdoutPath = logFolder + "/stdout"
        stderrPath = logFolder + "/stderr"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        var env = ProcessInfo.processInfo.environment
        // Reproducibility is opted into per test, never inherited from whoever runs the suite.
        env.removeValue(forKey: "TIDSPLAN_NOW")
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        // A child inherits the spawning thread's signal mask, and the test runner's worker threads block
        // SIGINT and SIGTERM: spawned from one, tidsplan would never see Ctrl-C. Start it the way a shell
        // does, with nothing blocked, and restore this thread's mask afterwards.
        var nothingBlocked = sigset_t(), saved = sigset_t()
        sigemptyset(&nothingBlocked)
        pthread_sigmask(SIG_SETMASK, &nothingBlocked, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: logFolder)
    }

    /// What the process has written to standard output so far (it may still be running).
    func stdoutSoFar() -> String {
        String(decoding: FileManager.default.contents(atPath: stdoutPath) ?? Data(), as: UTF8.self)
    }

    /// What the process has written to standard error so far.
    func stderrSoFar() -> String {
        String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
    }

    /// Sends SIGINT, as Ctrl-C in a terminal would.
    func interrupt() { process.interrupt() }

    /// Waits until the process ends, or kills it after `timeout` seconds.
    func wait(timeout: Double) -> CommandResult {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(timeout * 1000)))
        var timedOut = false
        while process.isRunning {
            if clock.now >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        func text(_ path: String) -> String {
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return CommandResult(arguments: arguments, status: process.terminationStatus,
                             signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
                             stdout: text(stdoutPath), stderr: text(stderrPath))
    }
}
