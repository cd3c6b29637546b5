import Foundation
import GLPKBackend
import LinearModel

/// Planning runs that do not depend on each other (capacity's units, compare's variants) run side by side,
/// one per core: each is bounded by nodes, not seconds, so its plan is the same whatever runs beside it.
enum SideBySide {
    /// At most this many runs at once: each holds a model of its own in memory.
    static let maxRuns = 4

    /// More backends for `ScenarioSolver`, on GLPK threads of their own; none beside a backend that is not
    /// GLPK's (a test's fake solves alone).
    static func backends(beside backend: SolverBackend) -> [SolverBackend] {
        guard backend is GLPKBackend else { return [] }
        let cores = min(maxRuns, max(1, ProcessInfo.processInfo.activeProcessorCount))
        return Array(GLPKBackend.pool(cores).dropFirst())
    }
}

/// One job on a thread of its own, started now and waited for later: the re-plan's from-scratch comparison
/// runs on the second core while the re-plan itself runs on the first.
final class BackgroundRun<T: Sendable>: @unchecked Sendable {
    // Safety of @unchecked: `result` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var result: Result<T, any Error>?

    init(_ body: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            let r = Result { try body() }
            condition.lock()
            result = r
            condition.signal()
            condition.unlock()
        }
    }

    func wait() throws -> T {
        condition.lock()
        while result == nil { condition.wait() }
        let r = result!
        condition.unlock()
        return try r.get()
    }
}
