import TidsplanCore

/// The byte-level rules of RFC 5545 that every calendar file must keep: TEXT escaping (3.3.11),
/// line folding at 75 octets (3.1) and CRLF line ends.
public enum ICalFormat {
    public static let crlf = "\r\n"

    /// Escapes a TEXT value: backslash first, then `;` `,` and every kind of newline as `\n`.
    /// Other control characters are not allowed in TEXT, so they become spaces (tab is allowed).
    public static func escapeText(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for s in text.unicodeScalars {
            defer { previousWasCR = s == "\r" }
            switch s {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }  // CRLF is one newline
            case "\t": out.unicodeScalars.append(s)
            case "\u{2028}", "\u{2029}", "\u{85}": out += "\\n"
            default:
                if s.value < 0x20 || s.value == 0x7F { out += " " } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    /// A parameter value (RFC 5545 3.2): quoted, with the characters a quoted value cannot hold (`"`, control
    /// characters) left out.
    public static func parameterValue(_ text: String) -> String {
        "\"" + String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\"" && $0.value >= 0x20 && $0.value != 0x7F })) + "\""
    }

    /// Undoes `escapeText`: `\\n` and `\\N` become newlines, `\\;` `\\,` `\\\\` their character.
    public static func unescapeText(_ text: String) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                out.append(ch == "n" || ch == "N" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Folds one logical content line into physical lines of at most 75 octets each (continuation
    /// lines begin with one space, which counts), never splitting a UTF-8 sequence. Each physical
    /// line ends with CRLF.
    public static func fold(_ line: String, limit: Int = 75) -> String {
        precondition(limit >= 5, "a fold limit below one UTF-8 scalar plus the leading space is meaningless")
        var out = ""
        var current = 0
        for s in line.unicodeScalars {
            let n = UTF8.width(s)
            if current + n > limit {
                out += crlf + " "
                current = 1
            }
            out.unicodeScalars.append(s)
            current += n
        }
        return out + crlf
    }

    /// Undoes `fold`: removes every CRLF followed by one space or tab (used by tests and tools).
    public static func unfold(_ text: String) -> String {
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\r", i + 2 < scalars.count, scalars[i + 1] == "\n",
               scalars[i + 2] == " " || scalars[i + 2] == "\t" {
                i += 3
                continue
            }
            out.unicodeScalars.append(scalars[i])
            i += 1
        }
        return out
    }

    /// A zero-padded decimal number of at least `width` digits.
    static func digits(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// A DATE value (`20240312`), for all-day events.
    static func date(_ day: Day) -> String {
        let c = day.components
        return digits(c.year, 4) + digits(c.month, 2) + digits(c.day, 2)
    }

    /// A local DATE-TIME value (`20240312T090000`), to be used with a TZID parameter.
    static func localDateTime(_ day: Day, _ time: ClockTime) -> String {
        let c = day.components
        return digits(c.year, 4) + digits(c.month, 2) + digits(c.day, 2) + "T"
            + digits(time.hour, 2) + digits(time.minute, 2) + "00"
    }
}

/// Collects content lines and renders them folded, with CRLF.
struct ICalLines {
    private(set) var text = ""

    /// A property whose value is already in its final form (numbers, dates, enumerated values).
    mutating func raw(_ name: String, _ value: String) {
        text += ICalFormat.fold(name + ":" + value)
    }

    /// A TEXT property: the value is escaped here.
    mutating func text(_ name: String, _ value: String) {
        raw(name, ICalFormat.escapeText(value))
    }

    mutating func append(block: String) { text += block }
}
