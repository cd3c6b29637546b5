import Foundation

/// Any JSON value, for reading plan.json as a user's tool would (not through Tidsplan's own codec),
/// comparing sessions object by object, and hand-editing a plan the way a user might.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    static func parse(file path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        return try parse(data)
    }

    subscript(key: String) -> JSONValue? {
        get { if case .object(let o) = self { return o[key] } else { return nil } }
        set {
            guard case .object(var o) = self else { return }
            o[key] = newValue
            self = .object(o)
        }
    }

    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    var object: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }

    /// The same object without `key`.
    func removing(_ key: String) -> JSONValue {
        guard case .object(var o) = self else { return self }
        o.removeValue(forKey: key)
        return .object(o)
    }

    /// Compact JSON text with sorted keys; whole numbers without a fraction, as Tidsplan writes them.
    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
            return "\(n)"
        case .string(let s): return Self.quoted(s)
        case .array(let a): return "[" + a.map(\.text).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.keys.sorted().map { "\(Self.quoted($0)):\(o[$0]?.text ?? "null")" }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

extension JSONValue: Decodable {
    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }
}

/// A plan.json read as plain JSON, with the few views the tests need.
struct PlanFile {
    let json: JSONValue

    init(_ path: String) throws { json = try JSONValue.parse(file: path) }

    var sessions: [JSONValue] { json["sessions"]?.array ?? [] }

    /// Training sessions (not fixed events) with status "planned".
    var plannedTraining: [JSONValue] {
        sessions.filter { $0["kind"]?.string == "training" && $0["status"]?.string == "planned" }
    }

    var solverStatus: String? { json["solver"]?["status"]?.string }

    /// plannedHours by municipality name, as the plan states them.
    var plannedHours: [String: Double] {
        var out: [String: Double] = [:]
        for m in json["municipalities"]?.array ?? [] {
            if let name = m["name"]?.string, let h = m["plannedHours"]?.number { out[name] = h }
        }
        return out
    }

    /// Participants × session hours by municipality, summed over planned training sessions:
    /// the definition of a municipality's hours, recomputed independently of the planner.
    var hoursFromSessions: [String: Double] {
        var out: [String: Double] = [:]
        for s in plannedTraining {
            let hours = s["hours"]?.number ?? 0
            for (name, seats) in s["seats"]?.object ?? [:] { out[name, default: 0] += (seats.number ?? 0) * hours }
        }
        return out
    }

    /// Every municipality's stated hours equal its hours recomputed from the sessions, and no session
    /// seats a municipality the plan does not list.
    var hoursAgreeWithSessions: Bool {
        let stated = plannedHours, computed = hoursFromSessions
        return Set(computed.keys).isSubset(of: stated.keys)
            && stated.allSatisfy { abs($0.value - computed[$0.key, default: 0]) < 1e-6 }
    }
}
