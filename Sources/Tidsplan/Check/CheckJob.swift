import TidsplanCore
import TidsplanIO

/// `tidsplan check FILE`: load the scenario, print every problem (by line, then column) and a
/// summary. Exit code 0 when there is no error (warnings are fine), 1 otherwise.
public enum CheckJob {
    public static func run(path: String, lang: Language = .sv) -> (output: String, exitCode: Int32) {
        let result = ScenarioLoader.load(path: path)
        return (render(result.diagnostics, path: path, lang: lang), result.errors.isEmpty ? 0 : 1)
    }

    /// The diagnostics, then `2 fel, 5 varningar` / `2 errors, 5 warnings` or `FILE: OK (3 varningar)`.
    public static func render(_ diagnostics: [Diagnostic], path: String, lang: Language = .sv) -> String {
        let sorted = Diagnostic.sortedByPosition(diagnostics)
        let errors = sorted.filter(\.isError).count
        let warnings = sorted.count - errors
        var lines = sorted.map { $0.rendered(lang) }
        if errors > 0 {
            lines.append("\(errorCount(errors, lang)), \(warningCount(warnings, lang))")
        } else {
            lines.append("\(path): OK" + (warnings > 0 ? " (\(warningCount(warnings, lang)))" : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func errorCount(_ n: Int, _ lang: Language) -> String { lang == .sv ? "\(n) fel" : "\(n) error\(n == 1 ? "" : "s")" }
    static func warningCount(_ n: Int, _ lang: Language) -> String {
        lang == .sv ? "\(n) \(n == 1 ? "varning" : "varningar")" : "\(n) warning\(n == 1 ? "" : "s")"
    }
}
