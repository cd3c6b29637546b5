internal import CGLPKShim
import LinearModel

/// The Swift side of one solve's C callbacks (log lines, branch-and-cut progress).
///
/// The shim calls back with an opaque context; this object is that context, kept alive by the
/// solve that passes it. It is only ever touched on the GLPK thread.
final class GLPKSolveCallbacks {
    let log: (@Sendable (String) -> Void)?
    let progress: ProgressHandler?
    let separator: (any CutSeparator)?
    /// Cuts handed to the shim, by family.
    private(set) var cuts: CutCounts = [:]

    init(log: (@Sendable (String) -> Void)?, progress: ProgressHandler?, separator: (any CutSeparator)? = nil) {
        self.log = log
        self.progress = progress
        self.separator = separator
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
        if separator != nil {
            options.separate = { context, values, count, level, round, cuts in
                guard let context, let values, let cuts, count > 0 else { return }
                let callbacks = Unmanaged<GLPKSolveCallbacks>.fromOpaque(context).takeUnretainedValue()
                let point = SeparationPoint(values: Array(UnsafeBufferPointer(start: values, count: Int(count))),
                                            level: Int(level), round: Int(round))
                callbacks.add(callbacks.separator?.separate(point) ?? [], to: cuts, columnCount: Int(count))
            }
            options.separate_context = context
        }
        return withExtendedLifetime(self) { body(&options) }
    }

    /// Hands the separator's cuts to the shim (which checks them again before GLPK sees them).
    private func add(_ found: [Cut], to buffer: OpaquePointer, columnCount: Int) {
        for cut in found {
            // Exactly one side, finite; columns in range (a column repeated is caught by the shim).
            let side: (isLower: Bool, rhs: Double)? = switch (cut.lower, cut.upper) {
            case let (lower?, nil): (true, lower)
            case let (nil, upper?): (false, upper)
            default: nil
            }
            guard let side, side.rhs.isFinite, !cut.terms.isEmpty,
                  cut.terms.allSatisfy({ $0.variable.index >= 0 && $0.variable.index < columnCount && $0.coefficient.isFinite }),
                  zip(cut.terms, cut.terms.dropFirst()).allSatisfy({ $0.variable < $1.variable })
            else { continue }
            let columns = cut.terms.map { Int32($0.variable.index) }
            let coefficients = cut.terms.map(\.coefficient)
            if cglpkshim_cuts_add(buffer, Int32(columns.count), columns, coefficients, side.isLower ? 1 : 0, side.rhs) == 0 {
                cuts[cut.family, default: 0] += 1
            }
        }
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
