import TidsplanCore

/// Anchoring the validator's issues (paths into the scenario) at lines of the file.
extension ScenarioNodeReader {
    /// The validator indexes lists as the scenario holds them; where the reader skipped
    /// unreadable elements, map each index back to the element's place in the document.
    func documentPath(_ modelPath: String) -> String {
        var out = ""
        var rest = Substring(modelPath)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]"),
              let k = Int(rest[rest.index(after: open)..<close]) {
            out += rest[..<open]
            let doc = keptIndices[out].flatMap { k >= 0 && k < $0.count ? $0[k] : nil } ?? k
            out += "[\(doc)]"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The path itself if it was written, else its nearest written ancestor, else the top.
    func location(forPath path: String) -> (line: Int, column: Int) {
        var p = Substring(path)
        while !p.isEmpty {
            if let l = locations[String(p)] { return l }
            let cut = p.lastIndex { $0 == "." || $0 == "[" } ?? p.startIndex
            p = p[..<cut]
        }
        return locations[""] ?? (1, 1)
    }

    /// Whether `a` is `b` or lies inside it (`municipalities[2].name` inside `municipalities[2]`).
    static func isWithin(_ a: String, _ b: String) -> Bool {
        a == b || (a.hasPrefix(b) && (b.isEmpty || a.dropFirst(b.count).first.map { $0 == "." || $0 == "[" } == true))
    }

    /// The list element a path belongs to (`municipalities[2]` for `municipalities[2].persons[0].area`).
    static func element(of path: String) -> String? {
        guard let close = path.firstIndex(of: "]") else { return nil }
        return String(path[...close])
    }

    /// An issue about a value the reader could not read is a consequence, not news: drop it when
    /// its path and an unreadable path contain one another; drop warnings about any element with
    /// an unreadable field (their sums and comparisons used a default), and warnings about totals.
    func isConsequenceOfReadError(_ docPath: String, severity: DiagnosticSeverity) -> Bool {
        // Totals over all rows (stated hours against the quotas, the trainers' budget) are off
        // as soon as one row could not be read.
        if severity == .warning, !failed.isEmpty, Self.element(of: docPath) == nil { return true }
        if failed.contains(where: { Self.isWithin(docPath, $0) || Self.isWithin($0, docPath) }) { return true }
        if severity == .warning, let element = Self.element(of: docPath) {
            return failed.contains { Self.isWithin($0, element) }
        }
        return false
    }

    func report(_ issue: ValidationIssue) {
        let path = documentPath(issue.path)
        guard !isConsequenceOfReadError(path, severity: issue.severity) else { return }
        let at = location(forPath: path)
        var hint = issue.hintText
        if let related = issue.relatedPath {
            let first = location(forPath: documentPath(related))
            let note = Bilingual("står först på rad \(first.line)", "first defined on line \(first.line)")
            hint = hint.map { $0 + "; " + note } ?? note
        }
        report(issue.severity, line: at.line, column: at.column, issue.text, hint: hint)
    }
}
