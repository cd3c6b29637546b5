/// "Did you mean …?" for names typed by hand: municipality names with å/ä/ö typed without them
/// (the OCR'd seed lost them too), course ids in the wrong case, misspelt YAML keys.
public enum NameMatching {
    /// Lower case, Swedish and other Latin diacritics removed, spaces and punctuation dropped:
    /// "Södra Vätterbygden" and "sodra-vatterbygden" fold to the same text.
    public static func fold(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased() {
            if let plain = plainLetter[ch] { out += plain; continue }
            if ch.isLetter || ch.isNumber { out.append(ch) }
        }
        return out
    }

    private static let plainLetter: [Character: String] = {
        var m: [Character: String] = [:]
        for (plain, accented) in [("a", "åäáàâãā"), ("o", "öóòôõøō"), ("e", "éèêëē"), ("u", "üúùûū"),
                                  ("i", "íìîïī"), ("c", "ç"), ("n", "ñ"), ("y", "ýÿ"), ("ae", "æ"), ("ss", "ß")] {
            for ch in accented { m[ch] = plain }
        }
        return m
    }()

    /// Levenshtein distance; `nil` when it exceeds `limit` (so long junk costs little).
    public static func editDistance(_ a: String, _ b: String, limit: Int) -> Int? {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return nil }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return nil }
            swap(&previous, &current)
        }
        return previous[y.count] <= limit ? previous[y.count] : nil
    }

    /// The candidate `name` most likely meant, or nil if none is close. Equal after folding wins;
    /// otherwise the smallest edit distance within about a third of the length; ties go to the
    /// earlier candidate, so the answer does not depend on hashing.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        let target = fold(name)
        guard !target.isEmpty, target.count <= 80 else { return nil }
        var best: (distance: Int, name: String)?
        for c in candidates where c != name {
            let folded = fold(c)
            guard !folded.isEmpty else { continue }
            if folded == target { return c }
            let limit = max(1, min(target.count, folded.count) / 3)
            if let d = editDistance(target, folded, limit: limit), best.map({ d < $0.distance }) ?? true {
                best = (d, c)
            }
        }
        return best?.name
    }

    /// `menade du "X"?` / `did you mean "X"?`, or nil.
    public static func didYouMean(_ name: String, among candidates: [String]) -> Bilingual? {
        suggestion(for: name, among: candidates).map { Bilingual("menade du \"\($0)\"?", "did you mean \"\($0)\"?") }
    }
}
