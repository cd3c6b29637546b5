import Foundation
import TidsplanCore

/// Where a job writes what the user reads. Tests capture it; the CLI prints it.
public protocol Console: Sendable {
    func out(_ text: String, terminator: String)
    func err(_ text: String)
    /// A progress line that replaces itself (only on a terminal).
    func progress(_ text: String)
    var isTerminal: Bool { get }
    /// The run's language (`--lang`), for messages made before a job knows its own.
    var language: Language { get }
}

extension Console {
    public var language: Language { .sv }
}

public struct StandardConsole: Console {
    public let quiet: Bool
    public let language: Language
    public init(quiet: Bool = false, language: Language = .sv) { self.quiet = quiet; self.language = language }
    public func out(_ text: String, terminator: String) { FileHandle.standardOutput.write(Data((text + terminator).utf8)) }
    public func err(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    public func progress(_ text: String) {
        guard isTerminal, !quiet else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }
    public var isTerminal: Bool { isatty(2) != 0 }
}

extension Console {
    public func out(_ text: String) { out(text, terminator: "\n") }
}

/// Seconds since an arbitrary start, for measuring solves.
public func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}
