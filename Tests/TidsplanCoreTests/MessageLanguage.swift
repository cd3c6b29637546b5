import Foundation
import Testing
import TidsplanCore

/// Whether a `Bilingual` message keeps to its languages: no common English word in the Swedish text, no
/// common Swedish word in the English one (whole words; identifiers in `backticks` and "quotes" left out).
/// The end-to-end word-list test (ErrorLanguageTests) checks what the binary prints with the same idea.
enum MessageLanguage {
    static let english: Set<String> = ["the", "must", "should", "not", "failed", "expected", "unknown", "did", "mean", "cannot",
                                       "is", "are", "has", "have", "with", "which", "before", "after", "only", "of", "and", "or",
                                       "than", "more", "session", "sessions", "leads", "seats", "from", "but", "week", "days"]
    static let swedish: Set<String> = ["inte", "måste", "saknas", "okänd", "okänt", "och", "är", "har", "ska", "kan", "menade",
                                       "finns", "ingen", "inget", "eller", "för", "som", "på", "med", "av", "till", "efter",
                                       "före", "den", "leder", "platser", "tillfällen", "veckan", "dagar"]

    static func foreign(_ text: String, _ list: Set<String>) -> [String] {
        var t = text
        if let regex = try? NSRegularExpression(pattern: #"`[^`]*`|"[^"\n]*""#) {
            t = regex.stringByReplacingMatches(in: t, range: NSRange(location: 0, length: (t as NSString).length), withTemplate: " ")
        }
        return Set(t.lowercased().split { !$0.isLetter }.map(String.init)).intersection(list).sorted()
    }

    static func expectKept(_ b: Bilingual, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(foreign(b.sv, english).isEmpty, "Swedish text has English \(foreign(b.sv, english)): \(b.sv)", sourceLocation: sourceLocation)
        #expect(foreign(b.en, swedish).isEmpty, "English text has Swedish \(foreign(b.en, swedish)): \(b.en)", sourceLocation: sourceLocation)
        #expect(b.sv != b.en, "the same text in both languages: \(b.en)", sourceLocation: sourceLocation)
    }
}

@Suite struct MessageLanguageTests {
    /// The check finds words of the other language and lets identifiers through, so a silent pass means something.
    @Test func theCheckFindsForeignWords() {
        #expect(MessageLanguage.foreign("MI-1 den 2024-03-05 is not a working day", MessageLanguage.english) == ["is", "not"])
        #expect(MessageLanguage.foreign("Aneby has 5 seats och mer", MessageLanguage.swedish) == ["och"])
        #expect(MessageLanguage.foreign("okänd nyckel `after` \"the\"", MessageLanguage.english).isEmpty)
        #expect(MessageLanguage.foreign("MI-1 den 2024-03-05 (helg) är ingen arbetsdag", MessageLanguage.english).isEmpty)
    }
}
