import Foundation

/// One flat JSON object per line, keys sorted, so `scripts/bench` can read the figures and the same
/// run gives the same text apart from the measured times.
struct BenchRecord {
    private var fields: [String: String] = [:]

    mutating func set(_ key: String, _ value: Double?) {
        guard let value, value.isFinite else { fields[key] = "null"; return }
        fields[key] = String(format: "%.6g", value)
    }

    mutating func set(_ key: String, _ value: Int) { fields[key] = String(value) }

    mutating func set(_ key: String, _ value: String) { fields[key] = Self.quoted(value) }

    mutating func set(_ key: String, _ values: [String]) {
        fields[key] = "[" + values.map(Self.quoted).joined(separator: ", ") + "]"
    }

    var line: String {
        "{" + fields.keys.sorted().map { "\(Self.quoted($0)): \(fields[$0] ?? "null")" }.joined(separator: ", ") + "}"
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
