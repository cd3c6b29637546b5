/// HTML escaping for the report. Every string that comes from a scenario or plan goes through
/// `escape` before it reaches the page, in text and in attribute values alike.
public enum HTMLText {
    /// Escapes `& < > " '` (enough for text and quoted attributes). Control characters other than
    /// tab and newline are dropped: they are invalid in HTML and only arrive by accident.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(s)
            case "\r": out += "\n"
            default:
                if s.value < 0x20 || (0x7F...0x9F).contains(s.value) { continue }
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// A relative link target: percent-encodes everything but unreserved characters and `/`, so a
    /// file name can never become `javascript:` or leave the attribute; then HTML-escapes.
    static func relativeHref(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0x0F)])
            }
        }
        // A leading "/" or "//" would leave the output folder; keep links relative.
        while out.hasPrefix("/") { out.removeFirst() }
        return escape(out)
    }
}
