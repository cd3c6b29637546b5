import TidsplanCore

/// The project's own check that a set of calendar files is a safe update of the set published before,
/// file by file, the way a subscriber of one file sees it, and that the files of one set never contradict
/// each other. Tests use it (an outside validator may check more, never instead).
///
/// Against the previous set: every old file is still there; every UID of an old file is still in the same
/// file; SEQUENCE never falls and rises when anything but DTSTAMP, LAST-MODIFIED and SEQUENCE changed;
/// LAST-MODIFIED never goes back, moves forward when the event changed and stays when it did not.
/// Within one set: no UID twice in a file, and no UID with different content under the same SEQUENCE in
/// two files.
public enum CalendarUpdateCheck {
    /// One event as a file holds it.
    public struct Event: Sendable, Equatable {
        public var uid: String
        public var sequence: Int
        public var lastModified: String
        /// STATUS (CONFIRMED when the event has none).
        public var status: String
        public var summary: String
        /// DTSTART's value.
        public var start: String
        /// Everything but DTSTAMP, LAST-MODIFIED and SEQUENCE, unfolded.
        public var content: String
    }

    /// The events of one file, in file order.
    public static func events(_ text: String) -> [Event] {
        var out: [Event] = []
        var current: Event?
        var body: [Substring] = []
        for line in ICalFormat.unfold(text).split(separator: "\r\n", omittingEmptySubsequences: true) {
            if line == "BEGIN:VEVENT" {
                current = Event(uid: "", sequence: 0, lastModified: "", status: "CONFIRMED", summary: "", start: "", content: "")
                body = []
                continue
            }
            guard var e = current else { continue }
            if line == "END:VEVENT" {
                e.content = body.joined(separator: "\n")
                out.append(e)
                current = nil
                continue
            }
            let (name, value) = split(line)
            switch name {
            case "UID": e.uid = value; body.append(line)
            case "SEQUENCE": e.sequence = Int(value) ?? -1
            case "LAST-MODIFIED": e.lastModified = value
            case "DTSTAMP": break
            case "STATUS": e.status = value; body.append(line)
            case "SUMMARY": e.summary = value; body.append(line)
            case "DTSTART": e.start = value; body.append(line)
            default: body.append(line)
            }
            current = e
        }
        return out
    }

    /// Property name (without parameters) and value of a content line.
    static func split(_ line: Substring) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (String(line), "") }
        let head = line[..<colon]
        let name = head.split(separator: ";", maxSplits: 1).first.map(String.init) ?? String(head)
        return (name, String(line[line.index(after: colon)...]))
    }

    /// What breaks a subscriber of some file of `old` (path → text) when it becomes `new`; empty when none.
    public static func problems(new: [String: String], old: [String: String]) -> [String] {
        var out: [String] = []
        for path in old.keys.sorted() {
            guard let newText = new[path] else { out.append("\(path): published before, missing now (its subscribers' link breaks)"); continue }
            let before = Dictionary(events(old[path] ?? "").map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
            let after = Dictionary(events(newText).map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
            for uid in before.keys.sorted() {
                guard let a = before[uid] else { continue }
                guard let b = after[uid] else { out.append("\(path): \(uid) was published here and is gone (subscribers keep it)"); continue }
                let changed = a.content != b.content
                if b.sequence < a.sequence { out.append("\(path): \(uid) SEQUENCE fell from \(a.sequence) to \(b.sequence)") }
                if changed && b.sequence <= a.sequence {
                    out.append("\(path): \(uid) changed but SEQUENCE stayed \(b.sequence) (clients ignore the change)")
                }
                if b.lastModified < a.lastModified { out.append("\(path): \(uid) LAST-MODIFIED went back") }
                if changed && b.lastModified <= a.lastModified { out.append("\(path): \(uid) changed but LAST-MODIFIED did not move") }
                if !changed && b.lastModified != a.lastModified { out.append("\(path): \(uid) unchanged but LAST-MODIFIED moved") }
                if !changed && b.sequence != a.sequence { out.append("\(path): \(uid) unchanged but re-sent (SEQUENCE \(a.sequence) → \(b.sequence))") }
            }
        }
        return out + conflicts(new)
    }

    /// Contradictions within one set of files: a UID twice in a file, or under one SEQUENCE with different
    /// content in two files.
    public static func conflicts(_ files: [String: String]) -> [String] {
        var out: [String] = []
        var seen: [String: (path: String, event: Event)] = [:]
        for path in files.keys.sorted() {
            var inFile = Set<String>()
            for e in events(files[path] ?? "") {
                if !inFile.insert(e.uid).inserted { out.append("\(path): \(e.uid) appears twice") }
                let key = e.uid + "\u{0}" + String(e.sequence)
                if let other = seen[key], other.event.content != e.content {
                    out.append("\(e.uid) SEQUENCE \(e.sequence) differs between \(other.path) and \(path)")
                } else if seen[key] == nil {
                    seen[key] = (path, e)
                }
            }
        }
        return out
    }

    /// Every file merged into one calendar by UID, as a client does: the highest SEQUENCE wins.
    public static func merged(_ files: [String: String]) -> [String: Event] {
        var out: [String: Event] = [:]
        for path in files.keys.sorted() {
            for e in events(files[path] ?? "") where (out[e.uid]?.sequence ?? -1) < e.sequence { out[e.uid] = e }
        }
        return out
    }
}
