import TidsplanCore
import TidsplanIO

/// `tidsplan check FILE`: load the scenario, print every problem (by line, then column) and a
/// summary. Exit code 0 when there is no error (warnings are fine), 1 otherwise.
public enum CheckJob {
    public static func run(path: String) -> (output: String, exitCode: Int32) {
        let result = ScenarioLoader.load(path: path)
        return (render(result.diagnostics, path: path), result.errors.isEmpty ? 0 : 1)
    }

    /// The diagnostics, then `2 errors, 5 warnings` or `FILE: OK (3 warnings)`.
    public static func render(_ diagnostics: [Diagnostic], path: String) -> String {
        let sorted = Diagnostic.sortedByPosition(diagnostics)
        let errors = sorted.filter(\.isError).count
        let warnings = sorted.count - errors
        var lines = sorted.map(\.rendered)
        if errors > 0 {
            lines.append("\(count(errors, "error")), \(count(warnings, "warning"))")
        } else {
            lines.append("\(path): OK" + (warnings > 0 ? " (\(count(warnings, "warning")))" : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
