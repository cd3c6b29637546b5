import Foundation
/// The reader names what it reads in English labels built as it goes ("municipality Åby: reduction",
/// "course MI: `hours`"); this gives the Swedish label: known words are translated part by part, names,
/// `keys` and numbers stay as written.
enum ScenarioLabel {
    /// Longest first, so "pinned session of" wins over "pinned session".
    static let words: [(String, String)] = [
        ("project narrative totals", "ansökningstextens totaler"), ("project stated totals", "projektets angivna totaler"),
        ("project contact", "projektets kontaktperson"), ("project period", "projektperioden"), ("project", "projektet"),
        ("the scenario", "scenariot"), ("pinned session of", "det låsta tillfället av"), ("pinned session", "det låsta tillfället"),
        ("coverage target", "täckningsmålet"), ("staff member", "personen"), ("municipality", "kommunen"), ("venue", "lokalen"),
        ("trainer", "utbildaren"), ("course", "kursen"), ("event", "händelsen"), ("closed day", "den stängda dagen"),
        ("blackout", "uppehållet"), ("absence", "frånvaron"), ("calendar", "kalendern"), ("contract period", "avtalsperiod"),
        ("persons from", "personer från"), ("participants", "deltagare"), ("reduction", "minskning"), ("reserved", "reserverade"),
        ("audience", "målgrupp"), ("window", "fönster"), ("series", "serie"), ("share", "andel"), ("group", "grupp"),
    ]

    static func swedish(_ label: String) -> String {
        var parts: [String] = []
        var rest = Substring(label)
        // Parts are separated by ": "; a part may end in "`key` item N".
        while true {
            let cut = rest.range(of: ": ")
            let part = cut.map { rest[..<$0.lowerBound] } ?? rest
            parts.append(translatePart(String(part)))
            guard let cut else { break }
            rest = rest[cut.upperBound...]
        }
        return parts.joined(separator: ": ")
    }

    static func translatePart(_ part: String) -> String {
        var p = part
        if let r = p.range(of: " item ") { p.replaceSubrange(r, with: " nummer ") }
        if p.hasPrefix("`") { return p }
        for (en, sv) in words where p == en || p.hasPrefix(en + " ") {
            return sv + p.dropFirst(en.count)
        }
        // A list item named by its YAML key ("after 1"): the key is an identifier.
        let words = p.split(separator: " ")
        if words.count == 2, Int(words[1]) != nil, words[0].allSatisfy({ $0.isASCII && $0.isLetter }) {
            return "`\(words[0])` nummer \(words[1])"
        }
        return p
    }
}
