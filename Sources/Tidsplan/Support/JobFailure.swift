import TidsplanCore
import TidsplanIO

/// How a job ends on an error it did not handle itself: one line on stderr in the run's language, exit code 1.
enum JobFailure {
    static func report(_ error: Error, lang: Language, console: Console) -> Int32 {
        let prefix = lang == .sv ? "fel: " : "error: "
        switch error {
        case let e as AtomicOutputError: console.err(prefix + e.text(lang))
        case let e as JobError: console.err(prefix + e.description)
        case let e as PlanReadError: console.err(prefix + e.text(lang))
        default: console.err(prefix + "\(error)")
        }
        return 1
    }
}
