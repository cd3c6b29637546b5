import TidsplanAnalysis
import TidsplanCore
import TidsplanIO

extension BasePlanFailed {
    /// How capacity and compare end on an error: what went wrong, in the run's language, exit code 1.
    static func report(_ error: Error, timeLimit: Double, outDir: String, lang: Language, console: Console) -> Int32 {
        console.progress("")
        guard let e = error as? BasePlanFailed else { return JobFailure.report(error, lang: lang, console: console) }
        console.err((lang == .sv ? "fel: " : "error: ") + SearchEndWords.nothingWritten(e.plan.solver, limits: SearchLimits(timeLimit: timeLimit),
                                                                                   outDir: outDir, lang: lang))
        return 1
    }
}
