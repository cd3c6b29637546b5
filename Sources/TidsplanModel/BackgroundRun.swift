import Foundation

/// One job on a thread of its own, started now and waited for later: the re-plan's from-scratch comparison
/// runs on the second core while the re-plan itself runs on the first, and the week model's root-bound pass
/// beside the search for a plan.
public final class BackgroundRun<T: Sendable>: @unchecked Sendable {
    // Safety of @unchecked: `result` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var result: Result<T, any Error>?

    public init(_ body: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            let r = Result { try body() }
            condition.lock()
            result = r
            condition.signal()
            condition.unlock()
        }
    }

    public func wait() throws -> T {
        condition.lock()
        while result == nil { condition.wait() }
        let r = result!
        condition.unlock()
        return try r.get()
    }
}

/// A flag one thread sets and others read (a time limit reached, a stop requested).
public final class SharedFlag: @unchecked Sendable {
    // Safety of @unchecked: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value = false
    public init() {}
    public var isSet: Bool { lock.withLock { value } }
    public func set() { lock.withLock { value = true } }
}
