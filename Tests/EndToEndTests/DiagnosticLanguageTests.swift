import Foundation
import Testing
import TidsplanCore
import TidsplanIO

/// Every problem `check` can report reads in one language: the fuzz cases (mutations of every shipped and test
/// scenario) give hundreds of reader and validator diagnostics; each one's Swedish text (message and hint) is
/// searched for English words and its English text for Swedish words, as the end-to-end word-list test does.
@Suite struct DiagnosticLanguageTests {
    /// Names the scenario gives, from the text (they may be in either language).
    static func names(in text: String) -> [String] {
        let pattern = #"(?:name|title|owner|organisation|town|description|countyPart|area|id):\s*(?:"([^"\n]+)"|([^,}\n#]+))"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
            .map { m in ns.substring(with: m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range(at: 2))
                .trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    @Test func everyDiagnosticOfTheFuzzCasesIsInOneLanguage() {
        var seen = 0
        var bad: [String] = []
        for i in 0..<FuzzScenarios.caseCount {
            let c = FuzzScenarios.makeCase(i, firstSeed: FuzzScenarios.firstSeed)
            let text = String(decoding: c.bytes, as: UTF8.self)
            let names = Self.names(in: text)
            for d in ScenarioLoader.load(text: text, file: c.name).diagnostics {
                seen += 1
                let sv = d.text.sv + " " + (d.hintText?.sv ?? "")
                let en = d.text.en + " " + (d.hintText?.en ?? "")
                let english = ErrorLanguageTests.foreignWords(sv, ErrorLanguageTests.english, names: names)
                let swedish = ErrorLanguageTests.foreignWords(en, ErrorLanguageTests.swedish, names: names)
                if !english.isEmpty { bad.append("\(c.summary): sv has \(english): \(sv)") }
                if !swedish.isEmpty { bad.append("\(c.summary): en has \(swedish): \(en)") }
            }
        }
        #expect(seen > 200, "only \(seen) diagnostics: the cases test too little")
        #expect(bad.isEmpty, "\(bad.count) diagnostics mix languages:\n\(bad.prefix(30).joined(separator: "\n"))")
    }
}
