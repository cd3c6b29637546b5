internal import CGLPKShim
import LinearModel

/// The Swift side of one solve's C callbacks (log lines, branch-and-cut progress).
///
/// The shim calls back with an opaque context; this object is that context, kept alive by the
/// solve that passes it. It is only ever touched on the GLPK thread.
final class GLPKSolveCallbacks {
    let log: (@Sendable (String) -> Void)?
    let progress: ProgressHandler?

    init(log: (@Sendable (String) -> Void)?, progress: ProgressHandler?) {
        self.log = log
        self.progress = progress
    }

    /// Points the shim's options at this object's handlers, then runs `body`.
    func withInstalled<R>(in options: inout cglpkshim_options, _ body: (inout cglpkshim_options) -> R) -> R {
        let context = Unmanaged.passUnretained(self).toOpaque()
        if log != nil {
            options.log = { context, line in
                guard let context, let line else { return }
                let callbacks = Unmanaged<GLPKSolveCallbacks>.fromOpaque(context).takeUnretainedValue()
                callbacks.log?(String(cString: line))
            }
            options.log_context = context
        }
        if progress != nil {
            options.progress = { context, report in
                guard let context, let report else { return 0 }
                let callbacks = Unmanaged<GLPKSolveCallbacks>.fromOpaque(context).takeUnretainedValue()
                let decision = callbacks.progress?(GLPKSolveCallbacks.solveProgress(report.pointee))
                return decision == .stop ? 1 : 0
            }
            options.progress_context = context
        }
        return withExtendedLifetime(self) { body(&options) }
    }

    static func solveProgress(_ report: cglpkshim_progress) -> SolveProgress {
        let incumbent = report.has_incumbent != 0 ? report.incumbent : nil
        let bound = report.has_bound != 0 ? report.bound : nil
        return SolveProgress(incumbent: incumbent, bestBound: bound, gap: relativeGap(incumbent, bound),
                             nodes: Int(report.nodes), elapsed: report.elapsed_seconds)
    }
}

/// |objective - bound| / max(|objective|, 1e-9), when both are known.
func relativeGap(_ objective: Double?, _ bound: Double?) -> Double? {
    guard let objective, let bound else { return nil }
    return abs(objective - bound) / max(abs(objective), 1e-9)
}
