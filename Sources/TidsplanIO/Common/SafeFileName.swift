import Foundation

/// File names for people, venues and municipalities (`calendars/leaders/anna-aberg.ics`).
///
/// The result uses only `a-z`, `0-9` and `-`, so it is safe on every file system and in URLs:
/// no `/`, no `..`, no control characters, no leading dot (hidden files), no case clashes on
/// macOS/Windows. Letters with diacritics lose them (`Jönköping` → `jonkoping`); other scripts are
/// transliterated (`Иван Петров` → `ivan-petrov`, `Σωκράτης` → `sokrates`, `王小明` → `wang-xiao-ming`).
/// A name's file name depends on that name alone, so adding a person never hands an existing
/// subscription to someone else.
public enum SafeFileName {
    /// Longest name in bytes (before any extension the caller adds).
    public static let maxBytes = 80
    /// What an empty or all-punctuation name becomes.
    public static let fallback = "unnamed"

    /// Letters that do not decompose into a base letter plus accents.
    private static let specialLetters: [Character: String] = [
        "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ß": "ss", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "œ": "oe", "Œ": "oe",
    ]

    /// Device names Windows refuses as file names, whatever the extension.
    private static let windowsReserved: Set<String> = {
        var names: Set<String> = ["con", "prn", "aux", "nul"]
        for i in 1...9 { names.insert("com\(i)"); names.insert("lpt\(i)") }
        return names
    }()

    /// ICU's transliteration to Latin, then to ASCII (in Foundation on Linux and macOS).
    private static let toASCII = StringTransform("Any-Latin; Latin-ASCII")

    /// A stable, safe file name stem for `name`.
    public static func make(_ name: String) -> String {
        let latin = name.allSatisfy(\.isASCII) ? name : name.applyingTransform(toASCII, reverse: false) ?? name
        var out = ""
        var pendingDash = false
        func append(_ ascii: String) {
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out += ascii
        }
        for ch in latin {
            if let special = specialLetters[ch] { append(special); continue }
            // Canonical decomposition splits å into a + ring; the marks are dropped below.
            for scalar in String(ch).decomposedStringWithCanonicalMapping.unicodeScalars {
                switch scalar.value {
                case 0x30...0x39, 0x61...0x7A: append(String(scalar))
                case 0x41...0x5A: append(String(scalar).lowercased())
                default:
                    if scalar.properties.generalCategory == .nonspacingMark { continue }
                    pendingDash = true
                }
            }
        }
        // The loop never writes a leading or trailing dash; cut to length on a character boundary
        // (all ASCII here) and drop a dash the cut exposed.
        if out.utf8.count > maxBytes { out = String(out.prefix(maxBytes)) }
        while out.hasSuffix("-") { out.removeLast() }
        // Nothing readable left (emoji, symbols): the name's own hash keeps it apart from other such names.
        if out.isEmpty { return name.isEmpty ? fallback : fallback + "-" + hash(name) }
        if windowsReserved.contains(out) { out += "-file" }
        return out
    }

    /// Safe names for several things that share one folder. Each name gets `make(name)`; names whose
    /// stems clash (`Anna Ek`, `anna-ek`) each get the stem plus a hash of the name itself, so no name's
    /// file name depends on which other names exist or their order. Returns original name → stem.
    public static func unique(_ names: [String]) -> [String: String] {
        var byStem: [String: [String]] = [:]
        for name in Set(names) { byStem[make(name), default: []].append(name) }
        var result: [String: String] = [:]
        for (stem, clashing) in byStem {
            if clashing.count == 1 { result[clashing[0]] = stem; continue }
            for name in clashing { result[name] = suffixed(stem, name) }
        }
        return result
    }

    /// `stem` plus a hash of `name`, within `maxBytes`.
    public static func suffixed(_ stem: String, _ name: String) -> String {
        let suffix = "-" + hash(name)
        var cut = String(stem.prefix(maxBytes - suffix.utf8.count))
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut + suffix
    }

    /// 8 hex digits of FNV-1a over the name's UTF-8 bytes: stable across runs and machines.
    static func hash(_ name: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in name.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
