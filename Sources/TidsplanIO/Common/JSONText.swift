/// JSON string literals per RFC 8259, written by hand so output is byte-stable.
public enum JSONText {
    /// `s` as a quoted JSON string. Non-ASCII stays UTF-8; `"` and `\` are escaped; control
    /// characters use the short escapes (\n, \t …) or `\u00XX`. U+2028/U+2029 are escaped too, so
    /// the text is also safe inside a JavaScript `<script>` block.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + hexByte(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// A JSON number for `x`, or `null` when it is NaN or infinite (JSON has no such numbers).
    public static func number(_ x: Double) -> String { NumberText.plain(x) ?? "null" }

    /// A JSON number or `null` for an optional.
    public static func number(_ x: Double?) -> String { x.map(number) ?? "null" }

    private static func hexByte(_ b: UInt8) -> String {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}
