import Foundation

/// File names for people, venues and municipalities (`calendars/leaders/anna-aberg.ics`).
///
/// The result uses only `a-z`, `0-9` and `-`, so it is safe on every file system and in URLs:
/// no `/`, no `..`, no control characters, no leading dot (hidden files), no case clashes on
/// macOS/Windows. Letters with diacritics lose them (`Jönköping` → `jonkoping`).
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

    /// A stable, safe file name stem for `name`.
    public static func make(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        func append(_ ascii: String) {
            if pendingDash && !out.isEmpty { out += "-" }
            pendingDash = false
            out += ascii
        }
        for ch in name {
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
        if out.isEmpty { return fallback }
        if windowsReserved.contains(out) { out += "-file" }
        return out
    }

    /// Safe names for several things that share one folder: equal stems get `-2`, `-3` … in
    /// sorted order of the original names, so the result does not depend on input order.
    /// Returns original name → file name stem.
    public static func unique(_ names: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var taken: Set<String> = []
        for name in Set(names).sorted() {
            let base = make(name)
            var candidate = base
            var n = 2
            while taken.contains(candidate) {
                let suffix = "-\(n)"
                var stem = String(base.prefix(maxBytes - suffix.utf8.count))
                while stem.hasSuffix("-") { stem.removeLast() }
                candidate = stem + suffix
                n += 1
            }
            taken.insert(candidate)
            result[name] = candidate
        }
        return result
    }
}
