/// One file of a run's output, relative to the output folder (e.g. `calendars/all.ics`).
public struct OutputFile: Sendable, Equatable {
    /// Relative path with `/` separators; no `..`, no leading `/` (checked by `AtomicOutput`).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
    public init(path: String, text: String) { self.path = path; self.bytes = Array(text.utf8) }
}
