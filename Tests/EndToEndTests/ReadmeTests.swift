import Foundation
import Testing

/// README.md as a newcomer reads it: every command it shows exists with the options it uses, every file it
/// names is in the repository, and the examples work as written once the PATH line has run.
@Suite struct ReadmeTests {
    static let readme = fileText(TidsplanCLI.packageFile("README.md")) ?? ""

    /// The lines of the ```sh blocks, continuation lines (ending in `\`) joined, comments cut.
    static var commandLines: [String] {
        var out: [String] = [], inBlock = false, pending = ""
        for raw in readme.components(separatedBy: "\n") {
            if raw.hasPrefix("```") { inBlock = raw == "```sh"; continue }
            guard inBlock else { continue }
            var line = raw
            if let hash = line.range(of: "  #") { line = String(line[..<hash.lowerBound]) }
            line = line.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\\") { pending += line.dropLast() + " "; continue }
            out.append(pending + line)
            pending = ""
        }
        return out.filter { !$0.isEmpty }
    }

    /// `tidsplan SUB --help --lang en` (or `tidsplan --help --lang en`), cached: the README quotes the English help.
    static let help: [String: String] = {
        var out: [String: String] = [:]
        let work = try? TempFolder("readme-help")
        // Every subcommand `tidsplan --help` lists (two spaces, a name, then its abstract), so a new command's
        // examples are checked without touching this test.
        let top = (try? TidsplanCLI.run(["--help", "--lang", "en"], cwd: work?.path ?? "/tmp"))?.stdout ?? ""
        let listed = top.components(separatedBy: "SUBCOMMANDS:").dropFirst().first?.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        } ?? []
        for sub in [""] + listed where sub != "help" {
            let arguments = (sub.isEmpty ? ["--help"] : [sub, "--help"]) + ["--lang", "en"]
            out[sub] = (try? TidsplanCLI.run(arguments, cwd: work?.path ?? "/tmp"))?.stdout ?? ""
        }
        return out
    }()

    static func flags(_ text: String) -> [String] {
        let regex = try? NSRegularExpression(pattern: "(?<![\\w-])--[a-z][a-z-]*")
        let range = NSRange(text.startIndex..., in: text)
        return (regex?.matches(in: text, range: range) ?? []).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    @Test func theExamplesPutTidsplanOnThePathFirst() throws {
        let path = "export PATH=\"$PWD/.build/release:$PATH\""
        let lines = Self.commandLines
        let first = try #require(lines.firstIndex { $0.hasPrefix("tidsplan ") }, "no tidsplan example")
        #expect(lines.firstIndex(of: path).map { $0 < first } == true, "the PATH line must come before the first example")
        // …and scripts/plan-default builds the binary that line points at.
        let script = fileText(TidsplanCLI.packageFile("scripts/plan-default")) ?? ""
        #expect(script.contains("swift build -c release --product tidsplan") && script.contains(".build/release/tidsplan"))
    }

    /// Every `tidsplan SUB …` line: SUB is a command and each of its options is in `tidsplan SUB --help`.
    @Test func everyExampleUsesOptionsTheCommandHas() throws {
        let examples = Self.commandLines.filter { $0.hasPrefix("tidsplan ") }
        #expect(examples.count >= 10, "\(examples)")
        for line in examples {
            let words = line.split(separator: " ").map(String.init)
            let sub = words.count > 1 ? words[1] : ""
            let help = try #require(Self.help[sub], "\"\(sub)\" is no tidsplan command: \(line)")
            #expect(!help.isEmpty, "tidsplan \(sub) --help printed nothing")
            for flag in Self.flags(line) {
                #expect(help.contains(flag), "\(flag) is not an option of tidsplan \(sub): \(line)")
            }
        }
    }

    /// `export` replaces a whole output folder: every example gives it one of its own.
    @Test func everyExportExampleHasItsOwnOut() {
        let exports = Self.commandLines.filter { $0.hasPrefix("tidsplan export ") }
        #expect(!exports.isEmpty)
        for line in exports { #expect(line.contains("--out "), "\(line)") }
    }

    /// Every option the README's prose or examples name belongs to some tidsplan command or to the script
    /// the line runs. `--against` is ics-check's (the shared calendar validator the tests run), `--delete-after` rsync's
    /// (hosting the folder with a static web server).
    @Test func everyOptionNamedExists() throws {
        let scripts = try FileManager.default.contentsOfDirectory(atPath: TidsplanCLI.packageFile("scripts"))
            .compactMap { fileText(TidsplanCLI.packageFile("scripts/" + $0)) }.joined(separator: "\n")
        let known = Self.help.values.joined(separator: "\n") + scripts
        for flag in Set(Self.flags(Self.readme)).sorted() where !["--against", "--delete-after"].contains(flag) {
            #expect(known.contains(flag), "README names \(flag), which no command or script has")
        }
    }

    /// Every repository path the README names (files, folders, links; anchors cut) exists.
    @Test func everyFileNamedExists() throws {
        let regex = try NSRegularExpression(pattern: "(?:scenarios|docs|scripts|Sources|Tests|\\.ci)/[A-Za-z0-9_./+-]*")
        let text = Self.readme
        let paths = Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { match -> String in
                var path = String(text[match])
                while path.hasSuffix(".") { path.removeLast() }  // a sentence's full stop
                return path
            }
        })
        #expect(paths.count >= 10, "\(paths.sorted())")
        for path in paths.sorted() {
            #expect(FileManager.default.fileExists(atPath: TidsplanCLI.packageFile(path)), "README names \(path), which is not in the repository")
        }
        // The scripts it runs are executable.
        for line in Self.commandLines where line.hasPrefix("scripts/") {
            let script = String(line.split(separator: " ")[0])
            #expect(FileManager.default.isExecutableFile(atPath: TidsplanCLI.packageFile(script)), "\(script) is not executable")
        }
    }

    /// The exit codes the README documents are the ones the commands return (those a test can provoke cheaply).
    @Test func theDocumentedExitCodesHold() throws {
        #expect(Self.readme.contains("| `plan`, `replan` | plan written and verified |"))
        let work = try TempFolder("readme-exit")
        let missing = try TidsplanCLI.run(["verify", TestScenarios.smallCounty, "none.json"], cwd: work.path)
        #expect(missing.status == 2, "\(missing.transcript)")
        let badOption = try TidsplanCLI.run(["plan", TestScenarios.smallCounty, "--gap", "2"], cwd: work.path)
        #expect(badOption.status == 64, "\(badOption.transcript)")
        let check = try TidsplanCLI.run(["check", TestScenarios.smallCounty], cwd: work.path)
        #expect(check.status == 0, "\(check.transcript)")
    }
}
