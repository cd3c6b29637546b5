import ArgumentParser
import Foundation
import TidsplanCore

/// The run's language, read from the command line before the parser runs: a flag the parser refuses
/// (or one it checks before `--lang` is read) is reported in the language asked for. An unknown value
/// of `--lang` itself falls back to Swedish, the default.
let runLanguage: Language = CommandLineErrors.language(in: CommandLine.arguments)

/// A refusal of a flag or value, in the run's language.
func refuse(_ sv: String, _ en: String) -> ValidationError {
    ValidationError(runLanguage == .sv ? sv : en)
}

enum CommandLineErrors {
    static func language(in arguments: [String]) -> Language {
        var value: String?
        for (i, a) in arguments.enumerated() {
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count { value = arguments[i + 1] }
            if a.hasPrefix("--lang=") { value = String(a.dropFirst("--lang=".count)) }
        }
        return value.flatMap(Language.init(rawValue:)) ?? .sv
    }

    /// `tidsplan help SUB --lang en`: the parser's help command takes no options, so `--lang` (already read into
    /// `runLanguage`) is taken out for it; every other command has its own `--lang`.
    static func helpArguments(_ arguments: [String]) -> [String] {
        guard arguments.first == "help" else { return arguments }
        var out: [String] = []
        var skipNext = false
        for a in arguments {
            if skipNext { skipNext = false; continue }
            if a == "--lang" { skipNext = true; continue }
            if a.hasPrefix("--lang=") { continue }
            out.append(a)
        }
        return out
    }

    /// Help, version and exit codes as the parser has them; a refusal as `fel: …` / `Error: …` with where to
    /// read more, in the run's language. Exit code 64 for bad usage, as the parser gives.
    static func exit(_ error: Error, arguments: [String], lang: Language) -> Never {
        let code = TidsplanCommand.exitCode(for: error)
        let message = TidsplanCommand.message(for: error)
        // Help (`--help`, exit 0) and the jobs' own exit codes (already reported) go through unchanged.
        // Help (`--help`, exit 0) in Swedish: the parser's headings too.
        if code == .success, !message.isEmpty, lang == .sv, !(error is ExitCode) {
            print(HelpLanguage.swedish(TidsplanCommand.fullMessage(for: error)))
            Foundation.exit(0)
        }
        if code == .success || error is ExitCode || message.isEmpty || lang == .en {
            TidsplanCommand.exit(withError: error)
        }
        let command = arguments.dropFirst().first { !$0.hasPrefix("-") }.map { " " + $0 } ?? ""
        let known = ["plan", "replan", "export", "check", "calendar", "verify", "capacity", "compare", "serve", "attendance", "follow-up"]
        let help = "tidsplan" + (known.contains(command.trimmingCharacters(in: .whitespaces)) ? command : "") + " --help"
        FileHandle.standardError.write(Data("fel: \(swedish(message))\nSe `\(help)` för hur kommandot används.\n".utf8))
        Foundation.exit(code.rawValue)
    }

    /// The parser's own refusals in Swedish; the option names, values and placeholders stay as written.
    static func swedish(_ message: String) -> String {
        let patterns: [(String, String)] = [
            (#"^Unknown option '(.*)'$"#, "okänd flagga '$1'"),
            (#"^Unknown option '(.*)'\. Did you mean '(.*)'\?$"#, "okänd flagga '$1'; menade du '$2'?"),
            (#"^Missing expected argument '(.*)'$"#, "argumentet '$1' saknas"),
            (#"^Missing value for '(.*)'$"#, "värde saknas för '$1'"),
            (#"^The value '(.*)' is invalid for '(.*)'$"#, "värdet '$1' duger inte för '$2'"),
            (#"^The value '(.*)' is invalid for '(.*)': (.*)$"#, "värdet '$1' duger inte för '$2'"),
            (#"^Unexpected argument '(.*)'$"#, "oväntat argument '$1'"),
            (#"^Unexpected arguments (.*)$"#, "oväntade argument $1"),
            (#"^Missing expected arguments (.*)$"#, "argumenten $1 saknas"),
        ]
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let translated = lines.map { line -> String in
            for (pattern, template) in patterns {
                guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
                let range = NSRange(line.startIndex..., in: line)
                if regex.firstMatch(in: line, range: range) != nil {
                    return regex.stringByReplacingMatches(in: line, range: range, withTemplate: template)
                }
            }
            return line
        }
        return translated.joined(separator: "\n")
    }
}

/// A help text in the run's language: Swedish, or English with `--lang en`.
func tr(_ sv: String, _ en: String) -> String { runLanguage == .sv ? sv : en }
func tr(_ sv: String, _ en: String) -> ArgumentHelp { ArgumentHelp(runLanguage == .sv ? sv : en) }

enum HelpLanguage {
    /// The parser's own words in a help text (headings, the help flag, defaults) in Swedish; ours are already.
    static func swedish(_ help: String) -> String {
        let words: [(String, String)] = [
            ("OVERVIEW:", "ÖVERSIKT:"), ("USAGE:", "ANVÄNDNING:"), ("ARGUMENTS:", "ARGUMENT:"), ("OPTIONS:", "FLAGGOR:"),
            ("SUBCOMMANDS:", "UNDERKOMMANDON:"), ("Show help information.", "Visa hjälpen."),
            ("Show the version.", "Visa versionen."), ("[<options>]", "[<flaggor>]"),
            ("See 'tidsplan help <subcommand>' for detailed help.", "Se 'tidsplan help <underkommando>' för utförlig hjälp."),
            ("<subcommand>", "<underkommando>"),
        ]
        let translated = words.reduce(help) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        // "(default: x)" may be wrapped onto the next line after "default:".
        return translated.replacingOccurrences(of: #"\(default:(\s)"#, with: "(standard:$1", options: .regularExpression)
    }
}
