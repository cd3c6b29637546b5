import TidsplanCore

/// The limits a search ran under, so a message can name the one that ended it.
public struct SearchLimits: Sendable {
    public var timeLimit: Double?
    public var memoryLimitMiB: Int?
    public init(timeLimit: Double? = nil, memoryLimitMiB: Int? = nil) {
        self.timeLimit = timeLimit; self.memoryLimitMiB = memoryLimitMiB
    }
}

/// Why a search gave no plan, and what to do about it: each end of a search in its own words, so a memory
/// limit is never blamed on time, nor an interrupt on the scenario.
public enum SearchEndWords {
    /// "why; advice" for a solve whose plan has no solution (`SolverStatus.hasPlan` false).
    public static func noPlan(_ solver: SolverSummary, limits: SearchLimits, lang: Language) -> (why: String, advice: String) {
        let sv = lang == .sv
        let end = solver.searchEnd ?? (solver.status == .infeasible ? .infeasible
            : solver.status == .error ? .solverError(sv ? "okänt fel" : "unknown error") : nil)
        switch end {
        case .timeLimit:
            let s = limits.timeLimit.map { "\(Int($0.rounded())) s" }
            return (sv ? "ingen plan hittades inom tidsgränsen\(s.map { " (\($0))" } ?? "")"
                       : "no plan was found within the time limit\(s.map { " (\($0))" } ?? "")",
                    sv ? "ge mer tid med --time-limit" : "allow more time with --time-limit")
        case .memoryLimit:
            guard let m = limits.memoryLimitMiB else {
                // No --memory-limit: the system itself (little memory, or a limit such as `ulimit -v`) said no.
                return (sv ? "lösaren fick inte tillräckligt med minne av systemet innan någon plan hittades"
                           : "the solver did not get enough memory from the system before any plan was found",
                        sv ? "frigör minne (stäng andra program) eller höj gränsen för processen (ulimit -v), och kör igen"
                           : "free memory (close other programs) or raise the process's limit (ulimit -v), and run again")
            }
            return (sv ? "lösaren nådde minnesgränsen (\(m) MiB) innan någon plan hittades"
                       : "the solver reached the memory limit (\(m) MiB) before any plan was found",
                    sv ? "ge mer minne med --memory-limit, eller utelämna den" : "allow more memory with --memory-limit, or leave it out")
        case .nodeBudget:
            return (sv ? "sökningen använde hela sin nodbudget utan att hitta någon plan"
                       : "the search used up its node budget without finding a plan",
                    sv ? "scenariot är troligen för trångt; se `tidsplan capacity` eller planera per område med --decompose on"
                       : "the scenario is probably too tight; see `tidsplan capacity`, or plan by area with --decompose on")
        case .interrupted:
            return (sv ? "sökningen avbröts (Ctrl-C eller en signal) innan någon plan hittades"
                       : "the search was interrupted (Ctrl-C or a signal) before any plan was found",
                    sv ? "kör igen och låt den bli klar" : "run again and let it finish")
        case .solverError(let message):
            return (sv ? "lösaren misslyckades: \(message)" : "the solver failed: \(message)",
                    sv ? "det beror inte på scenariot; kör igen, och om felet kommer tillbaka, rapportera det med scenariofilen"
                       : "this is not the scenario's fault; run again, and if it repeats, report it with the scenario file")
        case .infeasible:
            return (sv ? "ingen plan kan följa alla regler" : "no plan can keep every rule",
                    sv ? "se vad som är för trångt med `tidsplan check` och `tidsplan capacity`"
                       : "find what is too tight with `tidsplan check` and `tidsplan capacity`")
        case .infeasibleFrozenPast(let problems):
            let head = sv ? "den tidigare planens genomförda tillfällen bryter mot scenariots regler:"
                          : "the previous plan's held sessions break the scenario's rules:"
            // The first ones name the trouble; thousands of lines would bury it.
            let shown = problems.prefix(20).map { "  - " + $0 }
            let more = problems.count > 20 ? ["  … " + (sv ? "och \(problems.count - 20) till" : "and \(problems.count - 20) more")] : []
            return (([head] + shown + more).joined(separator: "\n"),
                    sv ? "rätta den tidigare planen eller scenariot så att de stämmer (det förflutna planeras inte om)"
                       : "correct the previous plan or the scenario so that they agree (the past is not re-planned)")
        case nil:
            return (sv ? "ingen plan hittades" : "no plan was found",
                    sv ? "ge mer tid med --time-limit" : "allow more time with --time-limit")
        }
    }

    /// The whole message of a job that wrote nothing because the solve gave no plan.
    public static func nothingWritten(_ solver: SolverSummary, limits: SearchLimits, outDir: String, lang: Language) -> String {
        let (why, advice) = noPlan(solver, limits: limits, lang: lang)
        return lang == .sv ? "\(why)\nInget skrevs (\(outDir) är oförändrad). Åtgärd: \(advice)."
                           : "\(why)\nNothing was written (\(outDir) is unchanged). What to do: \(advice)."
    }
}
