/// What the calendar files published from a plan said, so the next publication continues their series
/// wherever it is written (`export --out NEW`, a re-plan from a copied plan.json): per file, whose file it
/// is (a published name keeps its file), and per event its SEQUENCE, LAST-MODIFIED and a digest of
/// everything else a client sees (to tell whether it changed). Stored in plan.json as `calendarSeries`.
public struct CalendarSeries: Sendable, Equatable {
    /// One event as published in one file.
    public struct Event: Sendable, Equatable {
        public var sequence: Int
        /// `YYYYMMDDTHHMMSSZ`.
        public var lastModified: String
        /// 16 hex digits of FNV-1a (64 bit) over the event's content lines apart from UID, DTSTAMP,
        /// LAST-MODIFIED and SEQUENCE (unfolded, joined by `\n`).
        public var digest: String
        public init(sequence: Int, lastModified: String, digest: String) {
            self.sequence = sequence; self.lastModified = lastModified; self.digest = digest
        }
    }

    /// One published file.
    public struct File: Sendable, Equatable {
        /// The leader's or municipality's name, or the venue id, the file belongs to; "" for all.ics.
        public var owner: String
        /// UID → event.
        public var events: [String: Event]
        public init(owner: String, events: [String: Event] = [:]) { self.owner = owner; self.events = events }
    }

    /// Path below the output folder (`calendars/leaders/arla.ics`) → file.
    public var files: [String: File]

    public init(files: [String: File] = [:]) { self.files = files }

    public var isEmpty: Bool { files.isEmpty }

    /// The digest `Event.digest` holds, of content lines already unfolded and joined by `\n`.
    public static func digest(_ content: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in content.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
