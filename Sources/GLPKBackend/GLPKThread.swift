import Foundation
import LinearModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one long-lived OS thread on which every GLPK call runs.
///
/// Debian builds GLPK with thread-local environments: a problem object, the hooks and the
/// memory limit belong to the thread that made them, and a fatal error frees that thread's
/// environment. Swift tasks may hop threads, so all GLPK work is queued here and the caller
/// blocks until its job is done.
///
/// The thread is started with `pthread_create`, whose answer is checked: under an address-space
/// limit (`ulimit -v`) its stack may not fit, and then every job fails at once with
/// `GLPKThread.NotStarted` instead of waiting forever for a thread that never runs.
final class GLPKThread: @unchecked Sendable {
    // Safety of @unchecked: `jobs` is only touched with `condition` locked; everything else is
    // immutable after init.
    static let shared = GLPKThread()

    /// Branch-and-cut and the presolver recurse; be generous.
    static let stackSize = 16 << 20

    /// The thread could not be started (the system's reason, e.g. "Resource temporarily unavailable").
    struct NotStarted: Error, CustomStringConvertible {
        let reason: String
        var description: String { "the solver thread could not be started: \(reason)" }
    }

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    /// Nil once the thread runs; the reason it could not start otherwise. Both set in init only.
    private var startFailure: NotStarted?
    private var thread: pthread_t?

    init(stackSize: Int = GLPKThread.stackSize) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        var failure: NotStarted?
        let sized = pthread_attr_setstacksize(&attributes, stackSize)
        if sized != 0 { failure = NotStarted(reason: String(cString: strerror(sized))) }
        var started: pthread_t?
        if failure == nil {
            let context = Unmanaged.passRetained(self)
            #if canImport(Glibc)
            var id = pthread_t()
            let code = pthread_create(&id, &attributes, { raw in
                guard let raw else { return nil }
                Unmanaged<GLPKThread>.fromOpaque(raw).takeRetainedValue().serve()
                return nil
            }, context.toOpaque())
            if code == 0 { started = id }
            #else
            var id: pthread_t?
            let code = pthread_create(&id, &attributes, { raw in
                Unmanaged<GLPKThread>.fromOpaque(raw).takeRetainedValue().serve()
                return nil
            }, context.toOpaque())
            if code == 0 { started = id }
            #endif
            if code != 0 {
                context.release()
                failure = NotStarted(reason: String(cString: strerror(code)))
            }
        }
        thread = started
        startFailure = failure
    }

    /// Runs `body` on the GLPK thread and waits for its result; throws at once if the thread never started.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) throws(NotStarted) -> T {
        if let startFailure { throw startFailure }
        // A progress handler or log sink that starts another solve would re-enter GLPK from
        // inside a GLPK callback, and wait for itself forever: a programmer error.
        precondition(!isOwnThread, "GLPK work started from inside a GLPK callback")
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        condition.lock()
        jobs.append {
            box.value = body()
            done.signal()
        }
        condition.signal()
        condition.unlock()
        done.wait()
        // The semaphore orders the write on the GLPK thread before this read.
        guard let value = box.value else { preconditionFailure("GLPK job finished without a result") }
        return value
    }

    /// `run`, with a failed start as a `SolverError` (for callers that throw those).
    func runOrThrow<T: Sendable>(_ body: @escaping @Sendable () -> T) throws(SolverError) -> T {
        do { return try run(body) } catch { throw SolverError("not enough memory: \(error)") }
    }

    private var isOwnThread: Bool { thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false }

    private func serve() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}

/// Carries one job's result from the GLPK thread back to the waiting caller.
private final class ResultBox<T>: @unchecked Sendable {
    // Safety of @unchecked: written once on the GLPK thread before the semaphore is signalled,
    // read once by the caller after waiting on it.
    var value: T?
}
