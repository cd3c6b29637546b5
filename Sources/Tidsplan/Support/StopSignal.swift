#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM during a solve: the first asks the search to stop and keep the best plan
/// so far; a second one ends the process at once (outputs are written atomically, so nothing is half-written).
public enum StopSignal {
    nonisolated(unsafe) static var requested: sig_atomic_t = 0

    public static var isRequested: Bool { requested != 0 }

    public static func install() {
        let handler: @convention(c) (Int32) -> Void = { sig in
            if StopSignal.requested != 0 { _exit(128 + sig) }
            StopSignal.requested = 1
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A process started from a thread that blocks these signals inherits the mask: unblock them.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
