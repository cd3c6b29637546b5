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
