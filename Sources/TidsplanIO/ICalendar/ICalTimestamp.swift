import TidsplanCore

/// A UTC instant as iCalendar writes it (`20260115T120000Z`), for DTSTAMP and LAST-MODIFIED.
///
/// The writers never read the clock themselves: the caller builds this from the clock (or a pinned
/// value in tests and reproducible runs), so the same plan and the same timestamp give the same bytes.
public struct ICalTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int

    public init(secondsSince1970: Int) { self.secondsSince1970 = secondsSince1970 }

    /// A UTC calendar date and time; nil when a field is out of range.
    public init?(day: Day, hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        secondsSince1970 = day.ordinal * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// Parses the iCalendar UTC form `YYYYMMDDTHHMMSSZ`.
    public init?(text: String) {
        let u = Array(text.utf8)
        guard u.count == 16, u[8] == UInt8(ascii: "T"), u[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for b in u[r] {
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                v = v * 10 + Int(b - UInt8(ascii: "0"))
            }
            return v
        }
        guard let y = number(0..<4), let mo = number(4..<6), let d = number(6..<8),
              let h = number(9..<11), let mi = number(11..<13), let s = number(13..<15),
              let day = Day(year: y, month: mo, day: d) else { return nil }
        self.init(day: day, hour: h, minute: mi, second: s)
    }

    /// `YYYYMMDDTHHMMSSZ`.
    public var text: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let rest = secondsSince1970 - days * 86_400
        let c = Day(ordinal: days).components
        return ICalFormat.digits(c.year, 4) + ICalFormat.digits(c.month, 2) + ICalFormat.digits(c.day, 2) + "T"
            + ICalFormat.digits(rest / 3_600, 2) + ICalFormat.digits(rest % 3_600 / 60, 2)
            + ICalFormat.digits(rest % 60, 2) + "Z"
    }

    public var description: String { text }

    public static func < (a: ICalTimestamp, b: ICalTimestamp) -> Bool { a.secondsSince1970 < b.secondsSince1970 }
}
