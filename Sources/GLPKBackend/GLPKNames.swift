/// Row and column names GLPK accepts and that survive both free MPS and CPLEX LP.
///
/// GLPK rejects names over 255 bytes (fatal), MPS needs unique names without blanks, and GLPK's
/// CPLEX LP writer replaces any name outside the LP alphabet by a generic `x_12`. So names are
/// mapped once, to one alphabet valid in both, and made unique; the same model always gets the
/// same names.
enum GLPKNames {
    static let maximumLength = 255

    /// The characters CPLEX LP allows in a name besides ASCII letters and digits.
    private static let punctuation: Set<Character> = ["!", "\"", "#", "$", "%", "&", "(", ")", "/",
                                                      ",", ".", ";", "?", "@", "_", "`", "'", "{",
                                                      "}", "|", "~"]

    /// `name` restricted to the LP alphabet: brackets become parentheses, anything else
    /// outside it an underscore; a leading digit or period gets an underscore in front.
    static func sanitised(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        for character in name {
            switch character {
            case "[": result.append("(")
            case "]": result.append(")")
            case _ where character.isASCII && (character.isLetter || character.isNumber):
                result.append(character)
            case _ where punctuation.contains(character): result.append(character)
            default: result.append("_")
            }
        }
        if let first = result.first, first == "." || first.isNumber { result.insert("_", at: result.startIndex) }
        // Everything is ASCII now, so characters are bytes.
        return String(result.prefix(maximumLength))
    }

    /// Sanitised, unique names in model order. Empty and repeated names fall back to
    /// `prefix` + 1-based position (`c12`, `r45`), with a suffix if even that is taken.
    static func unique(_ names: [String], fallbackPrefix prefix: String, reserved: Set<String> = []) -> [String] {
        var used = reserved
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (index, raw) in names.enumerated() {
            var name = sanitised(raw)
            if name.isEmpty || used.contains(name) {
                name = "\(prefix)\(index + 1)"
                var attempt = 2
                while used.contains(name) {
                    name = "\(prefix)\(index + 1)_\(attempt)"
                    attempt += 1
                }
            }
            used.insert(name)
            result.append(name)
        }
        return result
    }
}
