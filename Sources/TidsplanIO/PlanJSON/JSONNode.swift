import Foundation
import TidsplanCore

/// A value parsed by JSONSerialization plus where it sits in the document, with typed accessors
/// that throw `PlanReadError` naming that place. Keeps the plan reader free of `as?` chains.
struct JSONNode {
    let value: Any
    let path: String
    let file: String

    func error(_ message: Bilingual) -> PlanReadError { PlanReadError(file: file, path: path, message: message) }

    var isNull: Bool { value is NSNull }

    /// JSONSerialization gives booleans as NSNumber too; their type code is "c" (char).
    private var number: NSNumber? {
        guard let n = value as? NSNumber, String(cString: n.objCType) != "c" else { return nil }
        return n
    }
    private var boolean: Bool? {
        guard let n = value as? NSNumber, String(cString: n.objCType) == "c" else { return nil }
        return n.boolValue
    }

    func string() throws(PlanReadError) -> String {
        guard let s = value as? String else { throw error(Bilingual("väntade en sträng, fann \(found.sv)", "expected a string, found \(found.en)")) }
        return s
    }

    func nonEmptyString() throws(PlanReadError) -> String {
        let s = try string()
        guard !s.isEmpty else { throw error(Bilingual("får inte vara tomt", "must not be empty")) }
        return s
    }

    func bool() throws(PlanReadError) -> Bool {
        guard let b = boolean else { throw error(Bilingual("väntade true eller false, fann \(found.sv)", "expected true or false, found \(found.en)")) }
        return b
    }

    func double() throws(PlanReadError) -> Double {
        guard let n = number else { throw error(Bilingual("väntade ett tal, fann \(found.sv)", "expected a number, found \(found.en)")) }
        let d = n.doubleValue
        guard d.isFinite else { throw error(Bilingual("\(n) är inget ändligt tal", "\(n) is not a finite number")) }
        return d
    }

    func nonNegativeDouble() throws(PlanReadError) -> Double {
        let d = try double()
        guard d >= 0 else { throw error(Bilingual("\(JSONText.number(d)) är negativt", "\(JSONText.number(d)) is negative")) }
        return d
    }

    /// A number or null.
    func optionalDouble() throws(PlanReadError) -> Double? {
        if isNull { return nil }
        guard number != nil else { throw error(Bilingual("väntade ett tal eller null, fann \(found.sv)", "expected a number or null, found \(found.en)")) }
        return try double()
    }

    func int() throws(PlanReadError) -> Int {
        guard let n = number else { throw error(Bilingual("väntade ett heltal, fann \(found.sv)", "expected a whole number, found \(found.en)")) }
        guard let i = Int(exactly: n.doubleValue) else { throw error(Bilingual("\(n) är inget heltal", "\(n) is not a whole number")) }
        return i
    }

    func nonNegativeInt() throws(PlanReadError) -> Int {
        let i = try int()
        guard i >= 0 else { throw error(Bilingual("\(i) är negativt", "\(i) is negative")) }
        return i
    }

    func day() throws(PlanReadError) -> Day {
        let s = try string()
        guard let d = Day(iso: s) else { throw error(Bilingual("\(JSONText.quote(s)) är inget datum (ÅÅÅÅ-MM-DD)", "\(JSONText.quote(s)) is not a date (YYYY-MM-DD)")) }
        return d
    }

    func time() throws(PlanReadError) -> ClockTime {
        let s = try string()
        guard let t = ClockTime(text: s) else { throw error(Bilingual("\(JSONText.quote(s)) är ingen tid (TT:MM)", "\(JSONText.quote(s)) is not a time (HH:MM)")) }
        return t
    }

    /// One of `allowed` (raw values of an enum), else an error listing them.
    func oneOf(_ allowed: [String]) throws(PlanReadError) -> String {
        let s = try string()
        guard allowed.contains(s) else {
            throw error(Bilingual("\(JSONText.quote(s)) är inte något av \(allowed.map(JSONText.quote).joined(separator: ", "))", "\(JSONText.quote(s)) is not one of \(allowed.map(JSONText.quote).joined(separator: ", "))"))
        }
        return s
    }

    func array() throws(PlanReadError) -> [JSONNode] {
        guard let items = value as? [Any] else { throw error(Bilingual("väntade en lista (array), fann \(found.sv)", "expected an array, found \(found.en)")) }
        return items.enumerated().map { JSONNode(value: $0.element, path: "\(path)[\($0.offset)]", file: file) }
    }

    func strings() throws(PlanReadError) -> [String] {
        var out: [String] = []
        for item in try array() { out.append(try item.string()) }
        return out
    }

    func object() throws(PlanReadError) -> JSONObjectNode {
        guard let dict = value as? [String: Any] else { throw error(Bilingual("väntade ett objekt, fann \(found.sv)", "expected an object, found \(found.en)")) }
        return JSONObjectNode(dict: dict, node: self)
    }

    /// The value in words for error messages: `"six"`, `a number (6)`, `true`, `null`, `an array`.
    var found: Bilingual {
        if value is NSNull { return Bilingual(same: "null") }
        if let s = value as? String { return Bilingual(same: JSONText.quote(s.count > 40 ? String(s.prefix(40)) + "…" : s)) }
        if let b = boolean { return Bilingual(same: b ? "true" : "false") }
        if let n = number { return Bilingual("ett tal (\(n))", "a number (\(n))") }
        if value is [Any] { return Bilingual("en lista (array)", "an array") }
        if value is [String: Any] { return Bilingual("ett objekt", "an object") }
        return Bilingual("ett okänt värde", "an unknown value")
    }
}

/// A JSON object whose fields are read by name; reading every field, then calling
/// `rejectUnknownFields`, catches both missing and misspelt keys.
struct JSONObjectNode {
    let dict: [String: Any]
    let node: JSONNode

    var keys: [String] { dict.keys.sorted() }

    func has(_ key: String) -> Bool { dict[key] != nil }

    func field(_ key: String) throws(PlanReadError) -> JSONNode {
        guard let v = dict[key] else { throw node.error(Bilingual("fältet \(JSONText.quote(key)) saknas", "missing field \(JSONText.quote(key))")) }
        return child(key, v)
    }

    func optionalField(_ key: String) -> JSONNode? { dict[key].map { child(key, $0) } }

    /// A child whose key is data (a municipality name), not schema: `seats["Jönköping"]`.
    func entry(_ key: String) -> JSONNode {
        JSONNode(value: dict[key] ?? NSNull(), path: "\(node.path)[\(JSONText.quote(key))]", file: node.file)
    }

    func rejectUnknownFields(_ known: [String]) throws(PlanReadError) {
        if let unknown = keys.first(where: { !known.contains($0) }) {
            throw node.error(Bilingual("okänt fält \(JSONText.quote(unknown)) (kända: \(known.joined(separator: ", ")))", "unknown field \(JSONText.quote(unknown)) (known: \(known.joined(separator: ", ")))"))
        }
    }

    private func child(_ key: String, _ v: Any) -> JSONNode {
        JSONNode(value: v, path: node.path.isEmpty ? key : "\(node.path).\(key)", file: node.file)
    }
}
