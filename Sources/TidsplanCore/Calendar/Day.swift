/// A civil date with no time zone (the project's local calendar). Stored as days since 1970-01-01,
/// so arithmetic and ordering are exact and independent of Foundation's calendars.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Returns nil for impossible dates (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let i = ((ordinal % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[i]
    }

    /// ISO 8601 week-numbering year and week.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 3 - weekday.index)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.ordinal - jan1.ordinal) / 7 + 1)
    }

    /// The Monday of this date's week.
    public var monday: Day { adding(days: -weekday.index) }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Same day-of-month `n` months later, clamped to the month's end.
    public func adding(months n: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(c.day, Day.daysIn(month: m, year: y)))!
    }

    /// `YYYY-MM`.
    public var monthKey: String {
        let c = components
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)"
    }

    public var iso: String {
        let c = components
        func pad(_ v: Int, _ n: Int) -> String { String(repeating: "0", count: max(0, n - String(v).count)) + String(v) }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }
    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "\"\(s)\" is not a date of the form YYYY-MM-DD"))
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

public enum Weekday: String, CaseIterable, Sendable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    /// 0 = Monday … 6 = Sunday.
    public var index: Int { Weekday.allCases.firstIndex(of: self) ?? 0 }
    public var isWeekend: Bool { self == .saturday || self == .sunday }
    public var swedish: String {
        ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"][index]
    }
    public var english: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    /// Accepts English or Swedish names and three-letter abbreviations, any case.
    public init?(name: String) {
        let n = name.lowercased()
        let sv = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]
        for w in Weekday.allCases where n == w.rawValue || n == String(w.rawValue.prefix(3))
            || n == w.swedish || n == sv[w.index] { self = w; return }
        return nil
    }
}

/// An inclusive range of days.
public struct DateRange: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day
    public init(from: Day, to: Day) { self.from = from; self.to = to }
    public func contains(_ d: Day) -> Bool { from <= d && d <= to }
    public var days: [Day] { from <= to ? (from.ordinal...to.ordinal).map(Day.init(ordinal:)) : [] }
}

/// A local wall-clock time, minutes after midnight.
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let minutes: Int
    public init(minutes: Int) { self.minutes = minutes }
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }
    /// Parses `HH:MM`.
    public init?(text: String) {
        let p = text.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count == 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]) else { return nil }
        self.init(hour: h, minute: m)
    }
    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }
    public var text: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
    public var description: String { text }
    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let t = ClockTime(text: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "\"\(s)\" is not a time of the form HH:MM"))
        }
        self = t
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
