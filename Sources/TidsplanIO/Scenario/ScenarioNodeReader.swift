import Foundation
import TidsplanCore
import Yams

/// Reads typed values out of a composed YAML tree, one field at a time, recording for every
/// field where it was written (for diagnostics) and carrying on after each problem, so that one
/// run of `check` reports everything.
///
/// Paths are the document's: `municipalities[2].quotaHours` (see `ValidationIssue`).
final class ScenarioNodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each path was written: the value's first character.
    private(set) var locations: [String: (line: Int, column: Int)] = [:]
    /// Paths whose value could not be read (a default stands in their place).
    private(set) var failed: Set<String> = []
    /// For list paths whose unreadable elements were skipped: document index of each kept element.
    private(set) var keptIndices: [String: [Int]] = [:]
    /// Keys the duplicate-key recovery renamed; they are skipped silently.
    let ignoredKeys: Set<String>
    /// Earliest and latest dates seen anywhere (to stand in for an unreadable project period).
    private(set) var earliestDay: Day?
    private(set) var latestDay: Day?

    /// Whole numbers beyond this are typos; the limit also keeps every sum the planner makes
    /// far from overflow.
    static let maxMagnitude = 1_000_000_000
    /// Diagnostics kept; a file of junk should not print a million lines.
    static let maxDiagnostics = 500
    /// Mapping/list visits before giving up (aliases can make a small file describe a huge tree).
    static let maxVisits = 500_000

    private var droppedErrors = 0
    private var droppedWarnings = 0
    private var visits = 0
    private(set) var exhausted = false

    init(file: String, ignoredKeys: Set<String> = []) {
        self.file = file
        self.ignoredKeys = ignoredKeys
    }

    // MARK: Reporting

    func location(_ node: Node?) -> (line: Int, column: Int) {
        guard let m = node?.mark else { return (1, 1) }
        return (max(1, m.line), max(1, m.column))
    }

    /// Whether another diagnostic would still be shown.
    var canReport: Bool { diagnostics.count < Self.maxDiagnostics }

    func report(_ severity: DiagnosticSeverity, line: Int, column: Int, _ message: Bilingual, hint: Bilingual? = nil) {
        guard diagnostics.count < Self.maxDiagnostics else {
            if severity == .error { droppedErrors += 1 } else { droppedWarnings += 1 }
            return
        }
        diagnostics.append(Diagnostic(severity, file: file, line: line, column: column, message, hint: hint))
    }

    func error(_ node: Node?, _ path: String, _ message: Bilingual, hint: Bilingual? = nil) {
        failed.insert(path)
        let l = location(node)
        report(.error, line: l.line, column: l.column, message, hint: hint)
    }

    func warning(_ node: Node?, _ message: Bilingual, hint: Bilingual? = nil) {
        let l = location(node)
        report(.warning, line: l.line, column: l.column, message, hint: hint)
    }

    /// One closing line for the diagnostics that did not fit.
    func finish() {
        let dropped = droppedErrors + droppedWarnings
        guard dropped > 0 else { return }
        diagnostics.append(Diagnostic(droppedErrors > 0 ? .error : .warning, file: file, line: 1, column: 1,
                                      Bilingual("\(dropped) problem till visas inte (\(droppedErrors) fel, \(droppedWarnings) varningar)",
                                                "\(dropped) more problems not shown (\(droppedErrors) errors, \(droppedWarnings) warnings)"),
                                      hint: Bilingual("rätta dem ovan först", "fix the ones above first")))
    }

    func record(_ path: String, _ node: Node) {
        if locations[path] == nil { locations[path] = location(node) }
    }

    private func visit() -> Bool {
        visits += 1
        if visits > Self.maxVisits, !exhausted {
            exhausted = true
            report(.error, line: 1, column: 1, Bilingual("dokumentet är för stort för att kontrolleras (över \(Self.maxVisits) poster, alias medräknade)",
                             "the document is too large to check (over \(Self.maxVisits) entries, counting aliases)"),
                   hint: Bilingual("ett scenario har några hundra poster; är det rätt fil?", "a scenario has a few hundred entries; is this the right file?"))
        }
        return !exhausted
    }

    // MARK: Structure

    /// The entries of a mapping, for typed reading. `what` names the thing in messages
    /// ("municipality Aneby"); set it once the name is known.
    struct Fields {
        let path: String
        let node: Node
        var what: String
        fileprivate let entries: [String: (key: Node, value: Node)]
        func has(_ key: String) -> Bool { entries[key] != nil }
    }

    static func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    /// Reads `node` as a mapping with the given keys. Unknown keys are warnings (with the nearest
    /// known key); a non-mapping is an error and gives nil.
    func fields(_ node: Node, path: String, what: String, keys allowed: [String]) -> Fields? {
        guard visit() else { return nil }
        record(path, node)
        guard case .mapping(let mapping) = node else {
            error(node, path, Bilingual("\(Self.sv(what)) ska vara en mappning med rader `nyckel: värde`, inte \(Self.kind(node).sv)", "\(what) should be a mapping of `key: value` lines, not \(Self.kind(node).en)"),
                  hint: Bilingual("väntade nycklar: \(Self.keyList(allowed))", "expected keys: \(Self.keyList(allowed))"))
            return nil
        }
        // `project: !!str` over a mapping asks for a string: the file says two things, so neither is taken.
        let tag = mapping.tag.rawValue
        if !["", "!", Tag.Name.map.rawValue].contains(tag) {
            error(node, path, Bilingual("\(Self.sv(what)) är märkt \(tag.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!")) men är en mappning", "\(what) is tagged \(tag.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!")) but is a mapping"),
                  hint: Bilingual("ta bort märkningen (`!!…` före mappningen)", "remove the tag (the `!!…` before the mapping)"))
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (k, v) in mapping {
            guard case .scalar(let ks) = k else {
                warning(k, Bilingual("\(Self.sv(what)): en nyckel ska vara ett enkelt namn, inte \(Self.kind(k).sv); hoppas över", "\(what): a key should be a plain name, not \(Self.kind(k).en); ignored"))
                continue
            }
            let key = ks.string
            if ignoredKeys.contains(key) { continue }
            guard allowed.contains(key) else {
                // Suggestions cost an edit distance per known key; skip them once nothing more is shown.
                let dym = canReport ? NameMatching.didYouMean(key, among: allowed) : nil
                warning(k, Bilingual("\(Self.sv(what)): okänd nyckel \"\(Self.short(key))\"\(dym.map { "; \($0.sv)" } ?? "") (hoppas över)",
                                      "\(what): unknown key \"\(Self.short(key))\"\(dym.map { "; \($0.en)" } ?? "") (ignored)"),
                        hint: dym == nil ? Bilingual("kända nycklar: \(Self.keyList(allowed))", "known keys: \(Self.keyList(allowed))") : nil)
                continue
            }
            entries[key] = (k, v)
            if !Self.isNull(v) { record(Self.join(path, key), v) }
        }
        return Fields(path: path, node: node, what: what, entries: entries)
    }

    /// The value of `key`, or nil when absent or null. A missing required key is an error at the
    /// mapping.
    func value(_ f: Fields, _ key: String, required: Bool) -> Node? {
        if let v = f.entries[key]?.value, !Self.isNull(v) { return v }
        if required {
            let p = Self.join(f.path, key)
            if let k = f.entries[key]?.key {
                error(k, p, Bilingual("\(Self.sv(f.what)): `\(key)` är tom", "\(f.what): `\(key)` is empty"), hint: Bilingual("den måste anges", "it is required"))
            } else {
                error(f.node, p, Bilingual("\(Self.sv(f.what)): `\(key)` saknas", "\(f.what): missing `\(key)`"), hint: Bilingual("den måste anges", "it is required"))
            }
        }
        return nil
    }

    /// Elements of a list; a single scalar counts as a one-element list when `scalarAsList`.
    func elements(_ f: Fields, _ key: String, required: Bool = false, scalarAsList: Bool = false) -> [(path: String, node: Node)]? {
        guard let v = value(f, key, required: required) else { return nil }
        let path = Self.join(f.path, key)
        switch v {
        case .sequence(let seq):
            guard visit() else { return nil }
            let items = seq.enumerated().map { ("\(path)[\($0.offset)]", $0.element) }
            for (p, node) in items { record(p, node) }
            return items
        case .scalar where scalarAsList:
            record("\(path)[0]", v)
            return [("\(path)[0]", v)]
        default:
            error(v, path, Bilingual("\(Self.sv(f.what)): `\(key)` ska vara en lista, inte \(Self.kind(v).sv)", "\(f.what): `\(key)` should be a list, not \(Self.kind(v).en)"),
                  hint: Bilingual("skriv en post per rad som börjar med `- `, eller [a, b] på en rad", "write one item per line starting with `- `, or [a, b] on one line"))
            return nil
        }
    }

    /// Parses each element of a list of mappings. Elements that are not mappings, or for which
    /// `parse` gives nil, are skipped; the document indices of the rest are kept so that paths
    /// into the result still point at the right line.
    func list<T>(_ f: Fields, _ key: String, required: Bool = false, what: String, keys: [String],
                 _ parse: (inout Fields) -> T?) -> [T] {
        guard let items = elements(f, key, required: required) else { return [] }
        var result: [T] = []
        var kept: [Int] = []
        for (i, item) in items.enumerated() {
            // Name the entry in messages by its name or id when it has one, else by its number.
            let label = ["name", "id", "course"].lazy.compactMap { item.node[$0]?.scalar?.string }.first { !$0.isEmpty }
            guard var itemFields = fields(item.node, path: item.path, what: "\(what) \(label ?? String(i + 1))", keys: keys),
                  let value = parse(&itemFields) else { continue }
            result.append(value)
            kept.append(i)
        }
        if kept.count != items.count { keptIndices[Self.join(f.path, key)] = kept }
        return result
    }

    /// Records the kept document indices of a list parsed by hand.
    func keep(_ indices: [Int], total: Int, at path: String) {
        if indices.count != total { keptIndices[path] = indices }
    }

    /// A mapping whose keys are data (municipality names in `perMunicipality`), in file order.
    func freeMapping(_ node: Node, path: String, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard visit() else { return nil }
        record(path, node)
        guard case .mapping(let mapping) = node else {
            error(node, path, Bilingual("\(Self.sv(what)) ska vara en mappning med rader `namn: värde`, inte \(Self.kind(node).sv)", "\(what) should be a mapping of `name: value` lines, not \(Self.kind(node).en)"))
            return nil
        }
        var out: [(key: String, keyNode: Node, value: Node)] = []
        for (k, v) in mapping {
            guard case .scalar(let ks) = k else {
                warning(k, Bilingual("\(Self.sv(what)): en nyckel ska vara ett enkelt namn, inte \(Self.kind(k).sv); hoppas över", "\(what): a key should be a plain name, not \(Self.kind(k).en); ignored"))
                continue
            }
            if ignoredKeys.contains(ks.string) { continue }
            record(Self.join(path, ks.string), v)
            out.append((ks.string, k, v))
        }
        return out
    }

    // MARK: Scalars

    /// The text of a scalar value (any quoting), or an error for a list or mapping.
    func text(_ f: Fields, _ key: String, required: Bool = false) -> String? {
        guard let v = value(f, key, required: required) else { return nil }
        return scalarText(v, Self.join(f.path, key), "\(f.what): `\(key)`")
    }

    func scalarText(_ v: Node, _ path: String, _ what: String) -> String? {
        guard case .scalar(let s) = v else {
            error(v, path, Bilingual("\(Self.sv(what)) ska vara ett enda värde, inte \(Self.kind(v).sv)", "\(what) should be a single value, not \(Self.kind(v).en)"))
            return nil
        }
        return s.string
    }

    func int(_ f: Fields, _ key: String, required: Bool = false) -> Int? {
        guard let v = value(f, key, required: required) else { return nil }
        return intValue(v, Self.join(f.path, key), "\(f.what): `\(key)`")
    }

    func intValue(_ v: Node, _ path: String, _ what: String) -> Int? {
        guard let raw = scalarText(v, path, what) else { return nil }
        switch NumberParsing.integer(raw) {
        case .value(let n) where n <= Self.maxMagnitude && n >= -Self.maxMagnitude:
            return n
        case .value, .tooLarge:
            // Far below zero is not "too large": say which way it is out of range.
            let negative = raw.trimmingCharacters(in: .whitespaces).hasPrefix("-")
            error(v, path, Bilingual("\(Self.sv(what)): \(Self.short(raw)) är \(negative ? "negativt och alldeles för litet" : "för stort")",
                                     "\(what): \(Self.short(raw)) is \(negative ? "negative and far too small" : "too large")"),
                  hint: Bilingual("heltal från -\(Self.maxMagnitude) till \(Self.maxMagnitude) godtas", "whole numbers from -\(Self.maxMagnitude) to \(Self.maxMagnitude) are accepted"))
        case .decimalComma:
            error(v, path, Bilingual("\(Self.sv(what)) ska vara ett heltal, men är \"\(Self.short(raw))\"", "\(what) should be a whole number, got \"\(Self.short(raw))\""),
                  hint: Bilingual("utan decimaler eller bråk", "no decimal comma or fraction"))
        case .fraction:
            error(v, path, Bilingual("\(Self.sv(what)) ska vara ett heltal, men är \(Self.short(raw))", "\(what) should be a whole number, got \(Self.short(raw))"))
        case .invalid:
            error(v, path, Bilingual("\(Self.sv(what)) ska vara ett heltal, men är \"\(Self.short(raw))\"", "\(what) should be a whole number, got \"\(Self.short(raw))\""))
        }
        return nil
    }

    func double(_ f: Fields, _ key: String, required: Bool = false) -> Double? {
        guard let v = value(f, key, required: required) else { return nil }
        return doubleValue(v, Self.join(f.path, key), "\(f.what): `\(key)`")
    }

    func doubleValue(_ v: Node, _ path: String, _ what: String) -> Double? {
        guard let raw = scalarText(v, path, what) else { return nil }
        switch NumberParsing.decimal(raw) {
        case .value(let x):
            if !(abs(x) <= Double(Self.maxMagnitude)) {
                error(v, path, Bilingual("\(Self.sv(what)): \(Self.short(raw)) är för stort", "\(what): \(Self.short(raw)) is too large"))
                return nil
            }
            return x
        case .decimalComma:
            error(v, path, Bilingual("\(Self.sv(what)): \"\(Self.short(raw))\" har decimalkomma", "\(what): \"\(Self.short(raw))\" uses a decimal comma"),
                  hint: Bilingual("skriv decimalpunkt, t.ex. 0.75", "write a decimal point, e.g. 0.75"))
        case .percent:
            error(v, path, Bilingual("\(Self.sv(what)): \"\(Self.short(raw))\" är en procentsats", "\(what): \"\(Self.short(raw))\" is a percentage"),
                  hint: Bilingual("skriv en andel: 0.75 för 75 %", "write a fraction: 0.75 for 75 %"))
        case .invalid:
            error(v, path, Bilingual("\(Self.sv(what)) ska vara ett tal, men är \"\(Self.short(raw))\"", "\(what) should be a number, got \"\(Self.short(raw))\""))
        }
        return nil
    }

    func bool(_ f: Fields, _ key: String) -> Bool? {
        guard let v = value(f, key, required: false) else { return nil }
        let path = Self.join(f.path, key)
        guard let raw = scalarText(v, path, "\(f.what): `\(key)`") else { return nil }
        switch raw.lowercased() {
        case "true", "yes", "on", "ja", "sant": return true
        case "false", "no", "off", "nej", "falskt": return false
        default:
            error(v, path, Bilingual("\(Self.sv(f.what)): `\(key)` ska vara true eller false, men är \"\(Self.short(raw))\"", "\(f.what): `\(key)` should be true or false, got \"\(Self.short(raw))\""))
            return nil
        }
    }

    func day(_ f: Fields, _ key: String, required: Bool = false) -> Day? {
        guard let v = value(f, key, required: required) else { return nil }
        return dayValue(v, Self.join(f.path, key), "\(f.what): `\(key)`")
    }

    func dayValue(_ v: Node, _ path: String, _ what: String) -> Day? {
        guard let raw = scalarText(v, path, what) else { return nil }
        let t = raw.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            error(v, path, Bilingual("\(Self.sv(what)) ska vara ett datum ÅÅÅÅ-MM-DD, men är \"\(Self.short(raw))\"", "\(what) should be a date YYYY-MM-DD, got \"\(Self.short(raw))\""),
                  hint: Bilingual("t.ex. 2024-03-01", "e.g. 2024-03-01"))
            return nil
        }
        guard (1900...2200).contains(y) else {
            error(v, path, Bilingual("\(Self.sv(what)): året \(y) ligger utanför det som godtas", "\(what): the year \(y) is out of range"),
                  hint: Bilingual("datum från 1900 till 2200 godtas", "dates from 1900 to 2200 are accepted"))
            return nil
        }
        guard let day = Day(year: y, month: m, day: d) else {
            let why = (1...12).contains(m)
                ? Bilingual("\(Self.swedishMonthNames[m - 1]) \(y) har \(Day.daysIn(month: m, year: y)) dagar", "\(Self.monthNames[m - 1]) \(y) has \(Day.daysIn(month: m, year: y)) days")
                : Bilingual("det finns ingen månad \(m)", "there is no month \(m)")
            error(v, path, Bilingual("\(Self.sv(what)): \(t) är inget datum i kalendern (\(why.sv))", "\(what): \(t) is not a date in the calendar (\(why.en))"))
            return nil
        }
        if earliestDay.map({ day < $0 }) ?? true { earliestDay = day }
        if latestDay.map({ day > $0 }) ?? true { latestDay = day }
        return day
    }

    static let swedishMonthNames = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                                    "september", "oktober", "november", "december"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// `"09:00"`, or unquoted `09:00` / `9:00` (which YAML 1.1 would read as the sexagesimal
    /// number 540: the raw text is what counts here). `09.00` is accepted too, as Swedes write it.
    func time(_ f: Fields, _ key: String, required: Bool = false) -> ClockTime? {
        guard let v = value(f, key, required: required) else { return nil }
        let path = Self.join(f.path, key)
        guard let raw = scalarText(v, path, "\(f.what): `\(key)`") else { return nil }
        let t = raw.trimmingCharacters(in: .whitespaces)
        let p = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        if p.count == 2, (1...2).contains(p[0].count), p[1].count == 2, p.allSatisfy({ $0.allSatisfy(\.isASCII) }),
           let h = Int(p[0]), let m = Int(p[1]), let time = ClockTime(hour: h, minute: m) {
            return time
        }
        error(v, path, Bilingual("\(Self.sv(f.what)): `\(key)` ska vara en tid TT:MM, men är \"\(Self.short(raw))\"", "\(f.what): `\(key)` should be a time HH:MM, got \"\(Self.short(raw))\""),
              hint: Bilingual("t.ex. \"09:00\" (00:00–23:59)", "e.g. \"09:00\" (00:00–23:59)"))
        return nil
    }

    /// One of `choices` (exact), with a "did you mean" for near misses.
    func choice(_ f: Fields, _ key: String, _ choices: [String], required: Bool = false) -> String? {
        guard let v = value(f, key, required: required) else { return nil }
        return choiceValue(v, Self.join(f.path, key), "\(f.what): `\(key)`", choices)
    }

    func choiceValue(_ v: Node, _ path: String, _ what: String, _ choices: [String]) -> String? {
        guard let raw = scalarText(v, path, what) else { return nil }
        if choices.contains(raw) { return raw }
        let dym = NameMatching.didYouMean(raw, among: choices)
        error(v, path, Bilingual("\(Self.sv(what)): \"\(Self.short(raw))\" är inte något av \(choices.joined(separator: ", "))\(dym.map { "; \($0.sv)" } ?? "")",
                                 "\(what): \"\(Self.short(raw))\" is not one of \(choices.joined(separator: ", "))\(dym.map { "; \($0.en)" } ?? "")"))
        return nil
    }

    /// A list of names (`[SE, IPS]`, or a single name).
    func names(_ f: Fields, _ key: String) -> [String] {
        guard let items = elements(f, key, scalarAsList: true) else { return [] }
        var out: [String] = []
        var kept: [Int] = []
        for (i, item) in items.enumerated() {
            if let s = scalarText(item.node, item.path, "\(f.what): `\(key)` item \(i + 1)") {
                out.append(s); kept.append(i)
            }
        }
        keep(kept, total: items.count, at: Self.join(f.path, key))
        return out
    }

    // MARK: Helpers

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    static func kind(_ node: Node) -> Bilingual {
        switch node {
        case .mapping: return Bilingual("en mappning", "a mapping")
        case .sequence: return Bilingual("en lista", "a list")
        case .scalar(let s): return Bilingual("värdet \"\(short(s.string))\"", "the value \"\(short(s.string))\"")
        case .alias: return Bilingual("ett alias", "an alias")
        }
    }

    /// YAML keys as the messages quote them: `id`, `name`.
    static func keyList(_ keys: [String]) -> String { keys.map { "`\($0)`" }.joined(separator: ", ") }

    /// A label of `what` in Swedish.
    static func sv(_ what: String) -> String { ScenarioLabel.swedish(what) }

    /// Long junk shortened for messages.
    static func short(_ s: String) -> String {
        let oneLine = s.replacingOccurrences(of: "\n", with: "⏎")
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "…" : oneLine
    }
}
