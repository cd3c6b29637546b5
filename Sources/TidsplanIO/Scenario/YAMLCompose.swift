import Foundation
import TidsplanCore
import Yams

/// Runs Yams' composer and turns its errors into diagnostics at the right line.
///
/// Yams stops at the first duplicate key in a mapping. So that `check` still reports everything
/// in one run, the duplicate is reported at its second occurrence, renamed in a working copy of
/// the text (to a key of the same length, so no column moves) and the text composed again; the
/// renamed keys are then skipped by the reader.
enum YAMLCompose {
    struct Outcome {
        var root: Node?
        var diagnostics: [Diagnostic] = []
        var renamedKeys: Set<String> = []
        /// A syntax error: nothing could be read.
        var failed = false
    }

    /// Duplicate-key recovery re-parses the text; bounded so a pathological file stays quick.
    static let maxRecoveries = 20
    static let maxRecoveryBytes = 2 * 1024 * 1024

    static func compose(_ text: String, file: String) -> Outcome {
        var out = Outcome()
        var working = text
        var scalars: [Unicode.Scalar]?
        for attempt in 0...maxRecoveries {
            do {
                out.root = try Yams.compose(yaml: working, .default, .default, .utf8)
                return out
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let key = duplicates.first ?? ""
                if scalars == nil { scalars = Array(working.unicodeScalars) }
                let found = scalars.flatMap { secondOccurrence(of: key, first: context.mark, in: $0) }
                let (line, column) = found.map { lineColumn(ofScalar: $0.offset, in: scalars ?? []) }
                    ?? (max(1, context.mark.line), max(1, context.mark.column))
                let first = found == nil ? Bilingual(same: "") : Bilingual(" (först på rad \(context.mark.line))", " (first on line \(context.mark.line))")
                out.diagnostics.append(Diagnostic(.error, file: file, line: line, column: column,
                                                  Bilingual("nyckeln \"\(ScenarioNodeReader.short(key))\" står två gånger i samma mappning\(first.sv)",
                                                            "duplicate key \"\(ScenarioNodeReader.short(key))\" in one mapping\(first.en)"),
                                                  hint: Bilingual("en nyckel får bara stå en gång i en mappning; ta bort eller byt namn på en av dem",
                                                                  "a key may appear only once in a mapping; remove or rename one of them")))
                guard let found, attempt < maxRecoveries, text.utf8.count <= maxRecoveryBytes,
                      var s = scalars else { break }
                let sentinel = sentinelKey(length: found.length, counter: attempt + 1)
                s.replaceSubrange(found.offset..<(found.offset + found.length), with: sentinel.unicodeScalars)
                scalars = s
                out.renamedKeys.insert(sentinel)
                var rebuilt = String.UnicodeScalarView()
                rebuilt.append(contentsOf: s)
                working = String(rebuilt)
            } catch {
                out.diagnostics.append(diagnostic(for: error, text: working, file: file))
                break
            }
        }
        out.failed = true
        return out
    }

    /// `_…_7`: as long as the key it replaces when possible.
    static func sentinelKey(length: Int, counter: Int) -> String {
        let digits = String(counter)
        if length >= digits.count + 2 { return String(repeating: "_", count: length - digits.count) + digits }
        return "__dup\(digits)"
    }

    // MARK: Locating the second occurrence of a duplicate key

    /// Where the key written at `first` appears again in the same mapping: on a later line at the
    /// same column (block style) or later on the same line (flow style). Offsets are in scalars.
    static func secondOccurrence(of key: String, first: Mark, in text: [Unicode.Scalar]) -> (offset: Int, length: Int)? {
        let lineStarts = lineStartOffsets(text)
        guard first.line >= 1, first.line <= lineStarts.count else { return nil }
        func line(_ n: Int) -> ArraySlice<Unicode.Scalar> {
            let start = lineStarts[n - 1]
            var end = n < lineStarts.count ? lineStarts[n] - 1 : text.count
            if end > start, text[end - 1] == "\r" { end -= 1 }
            return text[start..<max(start, end)]
        }
        let col = first.column - 1
        let firstLine = line(first.line)
        guard col >= 0, col < firstLine.count, let token = token(at: firstLine.startIndex + col, in: text, key: key) else { return nil }

        // Flow style: later on the same line, after "," or "{".
        var i = firstLine.startIndex + col + token.count
        while i < firstLine.endIndex {
            if text[i...].starts(with: token), followedByColon(text, i + token.count, firstLine.endIndex),
               precededBy(text, i, firstLine.startIndex, oneOf: [",", "{"]) {
                return (i, token.count)
            }
            i += 1
        }
        // Block style: a later line with only spaces (or "- ") before the same column.
        guard first.line < lineStarts.count else { return nil }
        for n in (first.line + 1)...lineStarts.count {
            let l = line(n)
            guard let firstNonSpace = l.firstIndex(where: { $0 != " " }) else { continue }
            if text[firstNonSpace] == "#" { continue }
            let indent = firstNonSpace - l.startIndex
            if indent < col && text[firstNonSpace] != "-" { return nil }  // the mapping has ended
            guard indent == col || text[l.startIndex..<min(l.endIndex, l.startIndex + col)].allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            let at = l.startIndex + col
            if at < l.endIndex, text[at...].starts(with: token), followedByColon(text, at + token.count, l.endIndex) {
                return (at, token.count)
            }
        }
        return nil
    }

    /// The key as written at `offset`: plain, or quoted with its quotes.
    static func token(at offset: Int, in text: [Unicode.Scalar], key: String) -> [Unicode.Scalar]? {
        let q = text[offset]
        if q == "\"" || q == "'" {
            var j = offset + 1
            while j < text.count, text[j] != q, text[j] != "\n" { j += text[j] == "\\" && q == "\"" ? 2 : 1 }
            guard j < text.count, text[j] == q else { return nil }
            return Array(text[offset...j])
        }
        let k = Array(key.unicodeScalars)
        guard !k.isEmpty, text[offset...].starts(with: k) else { return nil }
        return k
    }

    static func followedByColon(_ text: [Unicode.Scalar], _ from: Int, _ end: Int) -> Bool {
        var j = from
        while j < end, text[j] == " " { j += 1 }
        return j < end && text[j] == ":"
    }

    static func precededBy(_ text: [Unicode.Scalar], _ at: Int, _ start: Int, oneOf: [Unicode.Scalar]) -> Bool {
        var j = at - 1
        while j >= start, text[j] == " " { j -= 1 }
        return j >= start && oneOf.contains(text[j])
    }

    static func lineStartOffsets(_ text: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        for (i, c) in text.enumerated() where c == "\n" { starts.append(i + 1) }
        return starts
    }

    static func lineColumn(ofScalar offset: Int, in text: [Unicode.Scalar]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, text.count) where text[i] == "\n" { line += 1; lineStart = i + 1 }
        return (line, offset - lineStart + 1)
    }

    // MARK: Other Yams errors

    static func diagnostic(for error: Error, text: String, file: String) -> Diagnostic {
        guard let e = error as? YamlError else {
            return Diagnostic(.error, file: file, line: 1, column: 1, Bilingual("filen kunde inte läsas som YAML", "the file could not be read as YAML: \(error)"))
        }
        switch e {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's own words (problem, context) are English; the sentence around them follows the language.
            let svProblem = YAMLProblemWords.problem(problem).map { "syntaxfel i YAML: \($0)" } ?? "syntaxfel i YAML här"
            var message = Bilingual(svProblem, "YAML syntax error: \(problem)")
            var hint = context.map { Bilingual("\(YAMLProblemWords.context($0.text) ?? "i det") som började på rad \($0.mark.line), kolumn \($0.mark.column)",
                                               "\($0.text) that began on line \($0.mark.line), column \($0.mark.column)") }
            if character(at: mark, in: text) == "\t" {
                hint = Bilingual("indrag i YAML ska göras med mellanslag, inte tabbar", "YAML indentation must use spaces, not tabs")
            } else if (context?.text ?? "").contains("single document") {
                message = Bilingual("filen har ett andra YAML-dokument här (efter `---`)", "the file holds a second YAML document here (after `---`)")
                hint = Bilingual("ha ett scenario per fil", "keep one scenario per file")
            } else if problem.contains("nesting level") {
                message = Bilingual("YAML-strukturen är för djupt nästlad", "the YAML is nested too deeply")
                hint = Bilingual("ett scenario behöver fyra eller fem nivåer; är det rätt fil?", "a scenario needs four or five levels; is this the right file?")
            }
            return Diagnostic(.error, file: file, line: max(1, mark.line), column: max(1, mark.column), message, hint: hint)
        case .reader(let problem, let offset, let value, _):
            let (line, column) = offset.map { lineColumn(ofCharacter: $0, in: text) } ?? (1, 1)
            let code = value >= 0 ? String(format: " (U+%04X)", Int(value)) : ""
            return Diagnostic(.error, file: file, line: line, column: column,
                              Bilingual("texten kan inte läsas som YAML" + (YAMLProblemWords.problem(problem).map { ": \($0)\(code)" } ?? code),
                                        "the text cannot be read as YAML: \(problem)\(code)"),
                              hint: Bilingual("är det en scenariofil? den ska vara vanlig UTF-8-text", "is this a scenario file? it should be plain UTF-8 text"))
        case .memory:
            return Diagnostic(.error, file: file, line: 1, column: 1, Bilingual("minnet tog slut när YAML-filen lästes", "out of memory while reading the YAML"))
        default:
            return Diagnostic(.error, file: file, line: 1, column: 1, Bilingual("filen kunde inte läsas som YAML", "the file could not be read as YAML: \(e)"))
        }
    }

    static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        var line = 1, column = 1
        for c in text.unicodeScalars {
            if line == mark.line && column == mark.column { return c }
            if line > mark.line { return nil }
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// Yams gives reader errors as a count of Characters from the start.
    static func lineColumn(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, n = 0
        for ch in text {
            if n == offset { break }
            if ch == "\n" || ch == "\r\n" || ch == "\r" { line += 1; column = 1 } else { column += 1 }
            n += 1
        }
        return (line, column)
    }
}
