/// The columns of an attendance register, with their header words in each language. A register is read
/// back whichever language its header is in.
public enum AttendanceColumn: String, Sendable, CaseIterable {
    case session, date, start, course, municipality, group, booked, attended, status, heldOn, note

    public func header(_ lang: Language) -> String {
        switch (self, lang) {
        case (.session, .sv): "pass"
        case (.session, .en): "session"
        case (.date, .sv): "datum"
        case (.date, .en): "date"
        case (.start, .sv): "start"
        case (.start, .en): "start"
        case (.course, .sv): "kurs"
        case (.course, .en): "course"
        case (.municipality, .sv): "kommun"
        case (.municipality, .en): "municipality"
        case (.group, .sv): "grupp"
        case (.group, .en): "group"
        case (.booked, .sv): "bokade"
        case (.booked, .en): "booked"
        case (.attended, .sv): "deltog"
        case (.attended, .en): "attended"
        case (.status, .sv): "status"
        case (.status, .en): "status"
        case (.heldOn, .sv): "hölls_den"
        case (.heldOn, .en): "held_on"
        case (.note, .sv): "anteckning"
        case (.note, .en): "note"
        }
    }

    /// Columns a register must have; the others (date, start, course, booked, note) are there to help
    /// the person filling it in and are not read.
    public static let required: [AttendanceColumn] = [.session, .municipality, .group, .attended, .status]

    /// The column a header word names, in either language (case and surrounding spaces ignored).
    public static func named(_ text: String) -> AttendanceColumn? {
        let t = String(text.trimmingSpaces).lowercased()
        return allCases.first { c in Language.allCases.contains { c.header($0) == t } }
    }
}

extension AttendanceStatus {
    public func word(_ lang: Language) -> String {
        switch (self, lang) {
        case (.held, .sv): "genomförd"
        case (.held, .en): "held"
        case (.cancelled, .sv): "inställd"
        case (.cancelled, .en): "cancelled"
        case (.moved, .sv): "flyttad"
        case (.moved, .en): "moved"
        }
    }

    /// The status a word names, in either language.
    public static func named(_ text: String) -> AttendanceStatus? {
        let t = String(text.trimmingSpaces).lowercased()
        return allCases.first { s in Language.allCases.contains { s.word($0) == t } }
    }
}
