import Synchronization
import LinearModel

/// Collects log lines from the GLPK thread.
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}

/// Records progress reports from the GLPK thread.
final class ProgressRecorder: Sendable {
    private let storage = Mutex<[SolveProgress]>([])
    func record(_ progress: SolveProgress) { storage.withLock { $0.append(progress) } }
    var reports: [SolveProgress] { storage.withLock { $0 } }
}
