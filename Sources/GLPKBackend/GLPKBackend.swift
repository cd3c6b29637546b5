// Importing CGLPK from Swift is what links libglpk (its module map says `link "glpk"`); the C
// shim target alone would leave GLPK's symbols unresolved.
internal import CGLPK
internal import CGLPKShim
import Foundation
import LinearModel

/// Solves `LinearModel`s with GLPK (Debian's libglpk 5.0) through the C shim.
///
/// Every GLPK call runs on one dedicated thread (`GLPKThread`); `solve` and `export` block the
/// caller until it is done. A GLPK fatal error frees GLPK's environment and comes back as a
/// thrown `SolverError`; the next call works again.
public struct GLPKBackend: SolverBackend {
    /// The thread this backend's solves run on: the shared one, or one of `pool`'s.
    let thread: GLPKThread

    public init() { thread = .shared }

    init(thread: GLPKThread) { self.thread = thread }

    /// `size` backends on threads of their own (the first is the shared thread), for solves side by side:
    /// GLPK's environment is per thread, so two solves on two threads do not meet. Threads are made once
    /// per process and reused.
    public static func pool(_ size: Int) -> [GLPKBackend] {
        poolLock.lock()
        defer { poolLock.unlock() }
        while poolThreads.count < size - 1 { poolThreads.append(GLPKThread()) }
        return [GLPKBackend()] + poolThreads.prefix(max(0, size - 1)).map(GLPKBackend.init(thread:))
    }
    private static let poolLock = NSLock()
    nonisolated(unsafe) private static var poolThreads: [GLPKThread] = []

    public var name: String { "GLPK" }

    /// GLPK's own `glp_version()`, e.g. "5.0".
    public var version: String { Self.libraryVersion }

    private static let libraryVersion: String = (try? GLPKThread.shared.run {
        String(cString: cglpkshim_version())
    }) ?? "?"

    public func solve(_ model: LinearModel, options: SolveOptions, progress: ProgressHandler?) throws -> SolveResult {
        let flat = try GLPKFlatModel(model, roundingIntegerBounds: !options.relaxIntegrality)
        if flat.hasEmptyDomain {
            return SolveResult(termination: .infeasible, solution: nil, seconds: 0, nodes: 0)
        }
        let outcome: Result<SolveResult, SolverError>
        do {
            outcome = try thread.run { () -> Result<SolveResult, SolverError> in
                Result { () throws(SolverError) -> SolveResult in try Self.solveOnGLPKThread(flat, options, progress) }
            }
        } catch {
            // No thread, no memory for its stack: the solve ends as GLPK's own memory limit would, with no plan.
            return SolveResult(termination: .memoryLimit, solution: nil, seconds: 0, nodes: 0)
        }
        return try outcome.get()
    }

    public func export(_ model: LinearModel, format: ModelFormat) throws -> String {
        let flat = try GLPKFlatModel(model)
        let outcome = try thread.runOrThrow { () -> Result<String, SolverError> in
            Result { () throws(SolverError) -> String in try Self.exportOnGLPKThread(flat, format) }
        }
        return try outcome.get()
    }

    // MARK: - Test helpers

    /// Reads free MPS text back with GLPK and solves it (for export round-trip tests), honouring
    /// an `OBJSENSE MAX` section. The solution has one value per column read, in file order;
    /// no duals.
    func solveMPS(_ text: String, options: SolveOptions) throws -> SolveResult {
        let outcome = try thread.runOrThrow { () -> Result<SolveResult, SolverError> in
            Result { () throws(SolverError) -> SolveResult in try Self.solveMPSOnGLPKThread(text, options) }
        }
        return try outcome.get()
    }

    /// Makes GLPK hit a fatal error (a column index out of range) inside the shim's guard.
    /// Throws the `SolverError` GLPK's message becomes; the process carries on.
    func provokeFatalError() throws {
        let outcome = try thread.runOrThrow { () -> Result<Void, SolverError> in
            var message = [CChar](repeating: 0, count: 1024)
            let code = cglpkshim_provoke_fatal_error(&message, message.count)
            let text = Self.string(message)
            if code == 0 { return .success(()) }
            return Result { () throws(SolverError) in _ = try Self.termination(code: code, message: text) }
        }
        try outcome.get()
    }

    // MARK: - On the GLPK thread

    private static func solveOnGLPKThread(_ flat: GLPKFlatModel, _ options: SolveOptions,
                                          _ progress: ProgressHandler?) throws(SolverError) -> SolveResult {
        var shimOptions = shimOptions(options)
        // The model's own cuts only where the tree's columns are the model's (no presolve) and there is a tree.
        let separator = options.presolve || options.relaxIntegrality ? nil : options.cutSeparator
        let callbacks = GLPKSolveCallbacks(log: options.log, progress: progress, separator: separator)
        var result = cglpkshim_result()
        var values = [Double](repeating: 0, count: flat.columnCount)
        var duals = [Double](repeating: 0, count: flat.rowCount)
        var reducedCosts = [Double](repeating: 0, count: flat.columnCount)
        let start = options.presolve || options.relaxIntegrality ? nil : options.startValues
        callbacks.withInstalled(in: &shimOptions) { shimOptions in
            flat.withShimModel { model in
                withOptionalBuffer(start) { buffer in
                    shimOptions.start_values = buffer?.baseAddress
                    shimOptions.start_value_count = Int32(buffer?.count ?? 0)
                    _ = cglpkshim_solve(model, &shimOptions, &result, &values, &duals, &reducedCosts)
                }
            }
        }
        var solved = try solveResult(result, values: values, duals: duals, reducedCosts: reducedCosts)
        solved.cuts = callbacks.cuts
        return solved
    }

    private static func exportOnGLPKThread(_ flat: GLPKFlatModel, _ format: ModelFormat) throws(SolverError) -> String {
        switch format {
        case .cplexLP:
            // GLPK's LP writer states the sense and (as a comment) the constant itself.
            return try writeOnGLPKThread(flat, format)
        case .freeMPS:
            var withoutConstant = flat
            withoutConstant.objectiveConstant = 0
            let text = try writeOnGLPKThread(withoutConstant, format)
            return GLPKMPSConventions.addingObjectiveSense(to: text, maximize: flat.maximize,
                                                           constant: flat.objectiveConstant)
        }
    }

    private static func writeOnGLPKThread(_ flat: GLPKFlatModel, _ format: ModelFormat) throws(SolverError) -> String {
        var message = [CChar](repeating: 0, count: 1024)
        var text: UnsafeMutablePointer<CChar>?
        var length = 0
        let shimFormat = switch format {
        case .freeMPS: CGLPKSHIM_FORMAT_FREE_MPS
        case .cplexLP: CGLPKSHIM_FORMAT_CPLEX_LP
        }
        let code = flat.withShimModel { model in
            cglpkshim_write_model(model, Int32(shimFormat), &text, &length, &message, message.count)
        }
        guard code == 0, let text else {
            _ = try termination(code: code == 0 ? Int32(CGLPKSHIM_ERROR) : code, message: string(message))
            throw SolverError("GLPK could not write the model: \(string(message))")
        }
        defer { cglpkshim_free(text) }
        return String(decoding: UnsafeRawBufferPointer(start: text, count: length), as: UTF8.self)
    }

    private static func solveMPSOnGLPKThread(_ text: String, _ options: SolveOptions) throws(SolverError) -> SolveResult {
        var shimOptions = shimOptions(options)
        let callbacks = GLPKSolveCallbacks(log: options.log, progress: nil)
        var result = cglpkshim_result()
        // Every column appears on at least one line of the COLUMNS section.
        var values = [Double](repeating: 0, count: text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1)
        var columnCount: Int32 = 0
        let (glpkText, maximize) = GLPKMPSConventions.strippingObjectiveSense(from: text)
        let sense = Int32(maximize ? CGLPKSHIM_MAXIMIZE : CGLPKSHIM_MINIMIZE)
        var bytes = Array(glpkText.utf8)
        callbacks.withInstalled(in: &shimOptions) { shimOptions in
            bytes.withUnsafeMutableBytes { raw in
                let pointer = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
                _ = cglpkshim_solve_mps_text(pointer, raw.count, sense, &shimOptions, &result, &values,
                                             Int32(values.count), &columnCount)
            }
        }
        values.removeLast(values.count - min(values.count, Int(columnCount)))
        return try solveResult(result, values: values, duals: nil, reducedCosts: nil)
    }

    // MARK: - Translation

    private static func withOptionalBuffer<R>(_ values: [Double]?, _ body: (UnsafeBufferPointer<Double>?) -> R) -> R {
        guard let values else { return body(nil) }
        return values.withUnsafeBufferPointer { body($0) }
    }

    private static func shimOptions(_ options: SolveOptions) -> cglpkshim_options {
        var shim = cglpkshim_options()
        cglpkshim_default_options(&shim)
        if let limit = options.timeLimit, limit.isFinite {
            // 0 means "no limit" to the shim, so the shortest limit is 1 ms.
            shim.time_limit_ms = Int32(min(max((limit * 1000).rounded(.up), 1), Double(Int32.max - 1)))
        }
        shim.mip_gap = options.relativeGap.isFinite ? max(options.relativeGap, 0) : 0
        shim.presolve = options.presolve ? 1 : 0
        shim.gomory_cuts = options.gomoryCuts ? 1 : 0
        shim.mir_cuts = options.mirCuts ? 1 : 0
        shim.cover_cuts = options.coverCuts ? 1 : 0
        shim.clique_cuts = options.cliqueCuts ? 1 : 0
        shim.branching = switch options.branching {
        case .firstFractional: Int32(CGLPKSHIM_BRANCH_FIRST_FRACTIONAL)
        case .lastFractional: Int32(CGLPKSHIM_BRANCH_LAST_FRACTIONAL)
        case .mostFractional: Int32(CGLPKSHIM_BRANCH_MOST_FRACTIONAL)
        case .driebeckTomlin: Int32(CGLPKSHIM_BRANCH_DRIEBECK_TOMLIN)
        case .pseudocost: Int32(CGLPKSHIM_BRANCH_PSEUDOCOST)
        case .pseudocostAveraged: Int32(CGLPKSHIM_BRANCH_PSEUDOCOST_AVERAGED)
        }
        shim.backtracking = switch options.backtracking {
        case .depthFirst: Int32(CGLPKSHIM_BACKTRACK_DEPTH_FIRST)
        case .breadthFirst: Int32(CGLPKSHIM_BACKTRACK_BREADTH_FIRST)
        case .bestLocalBound: Int32(CGLPKSHIM_BACKTRACK_BEST_LOCAL_BOUND)
        case .bestProjection: Int32(CGLPKSHIM_BACKTRACK_BEST_PROJECTION)
        }
        shim.feasibility_pump = options.feasibilityPump ? 1 : 0
        shim.message_level = switch options.messageLevel {
        case .off: Int32(CGLPKSHIM_MSG_OFF)
        case .errors: Int32(CGLPKSHIM_MSG_ERRORS)
        case .normal: Int32(CGLPKSHIM_MSG_NORMAL)
        case .all: Int32(CGLPKSHIM_MSG_ALL)
        }
        shim.relax_integrality = options.relaxIntegrality ? 1 : 0
        if let memory = options.memoryLimitMiB, memory > 0 {
            shim.memory_limit_mib = Int32(clamping: memory)
        }
        shim.integral_objective = options.integralObjective ? 1 : 0
        shim.progress_interval_seconds = 0.2
        shim.node_limit = Int64(options.nodeLimit ?? 0)
        shim.strong_branching_threads = Int32(max(1, min(8, options.strongBranchingThreads)))
        return shim
    }

    /// The one place where the shim's codes become `Termination`s. A GLPK fatal error is not a
    /// result but the environment failing, so it throws.
    private static func termination(code: Int32, message: String) throws(SolverError) -> Termination {
        switch Int(code) {
        case Int(CGLPKSHIM_OPTIMAL): return .optimal
        case Int(CGLPKSHIM_INFEASIBLE): return .infeasible
        case Int(CGLPKSHIM_UNBOUNDED): return .unbounded
        case Int(CGLPKSHIM_TIME_LIMIT): return .timeLimit
        case Int(CGLPKSHIM_STOPPED): return .stopped
        case Int(CGLPKSHIM_MEMORY_LIMIT): return .memoryLimit
        case Int(CGLPKSHIM_NODE_LIMIT): return .nodeLimit
        case Int(CGLPKSHIM_ERROR): return .error(message.isEmpty ? "GLPK failed" : message)
        case Int(CGLPKSHIM_FATAL): throw SolverError("GLPK fatal error: \(message)")
        default: return .error("unknown GLPK shim code \(code): \(message)")
        }
    }

    private static func solveResult(_ result: cglpkshim_result, values: [Double], duals: [Double]?,
                                    reducedCosts: [Double]?) throws(SolverError) -> SolveResult {
        var message = result.message
        let text = withUnsafeBytes(of: &message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        let termination = try termination(code: result.termination, message: text)
        var solution: Solution?
        if result.has_solution != 0 {
            let bound = result.has_bound != 0 ? result.best_bound : nil
            let withDuals = result.has_duals != 0
            solution = Solution(values: values, objective: result.objective, bestBound: bound,
                                gap: relativeGap(result.objective, bound),
                                rowDuals: withDuals ? duals : nil, reducedCosts: withDuals ? reducedCosts : nil)
        }
        return SolveResult(termination: termination, solution: solution, seconds: result.seconds,
                           nodes: Int(result.nodes), bestBound: result.has_bound != 0 ? result.best_bound : nil)
    }

    private static func string(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
