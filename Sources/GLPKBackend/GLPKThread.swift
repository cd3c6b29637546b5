import Foundation

/// The one long-lived OS thread on which every GLPK call runs.
///
/// Debian builds GLPK with thread-local environments: a problem object, the hooks and the
/// memory limit belong to the thread that made them, and a fatal error frees that thread's
/// environment. Swift tasks may hop threads, so all GLPK work is queued here and the caller
/// blocks until its job is done.
final class GLPKThread: @unchecked Sendable {
    // Safety of @unchecked: `jobs` is only touched with `condition` locked; everything else is
    // immutable after init.
    static let shared = GLPKThread()

    private static let markerKey = "se.tidsplan.glpk-thread"

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    private init() {
        let thread = Thread { [self] in serve() }
        thread.name = "GLPK"
        // Branch-and-cut and the presolver recurse; be generous.
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// True on the GLPK thread itself, i.e. inside a solver callback.
    static var isCurrent: Bool { Thread.current.threadDictionary[markerKey] != nil }

    /// Runs `body` on the GLPK thread and waits for its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        // A progress handler or log sink that starts another solve would re-enter GLPK from
        // inside a GLPK callback, and wait for itself forever: a programmer error.
        precondition(!Self.isCurrent, "GLPK work started from inside a GLPK callback")
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

    private func serve() {
        Thread.current.threadDictionary[Self.markerKey] = true
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
