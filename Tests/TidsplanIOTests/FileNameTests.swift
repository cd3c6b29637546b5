import Testing
@testable import TidsplanIO

@Suite struct FileNameTests {
    @Test func swedishNamesAreTransliterated() {
        #expect(SafeFileName.make("Jönköping") == "jonkoping")
        #expect(SafeFileName.make("Värnamo") == "varnamo")
        #expect(SafeFileName.make("Anna Åberg") == "anna-aberg")
        #expect(SafeFileName.make("ÅÄÖ åäö é É") == "aao-aao-e-e")
        #expect(SafeFileName.make("Södra Vätterbygden") == "sodra-vatterbygden")
        #expect(SafeFileName.make("Stadshuset, Värnamo") == "stadshuset-varnamo")
        #expect(SafeFileName.make("Digitalt (Teams)") == "digitalt-teams")
        #expect(SafeFileName.make("Søren Æbelø") == "soren-aebelo")
        // Decomposed input (as macOS file names come) gives the same result.
        #expect(SafeFileName.make("Jo\u{308}nko\u{308}ping") == "jonkoping")
    }

    @Test func hostileNamesBecomeHarmless() {
        #expect(SafeFileName.make("../../etc/passwd") == "etc-passwd")
        #expect(SafeFileName.make("Anna \"Q\" <script>") == "anna-q-script")
        #expect(SafeFileName.make("line\nbreak\r\ttab") == "line-break-tab")
        #expect(SafeFileName.make("nul\u{0}byte") == "nul-byte")
        #expect(SafeFileName.make("😀 Emoji 🎉 Person 👩‍👩‍👧") == "emoji-person")
        #expect(SafeFileName.make("..") == "unnamed")
        #expect(SafeFileName.make("...") == "unnamed")
        #expect(SafeFileName.make(".hidden") == "hidden")
        #expect(SafeFileName.make("") == "unnamed")
        #expect(SafeFileName.make("   ") == "unnamed")
        #expect(SafeFileName.make("😀") == "unnamed")
        #expect(SafeFileName.make("C:\\Windows\\System32") == "c-windows-system32")
        #expect(SafeFileName.make("--a--b--") == "a-b")
        #expect(SafeFileName.make("CON") == "con-file")
    }

    @Test func resultsOnlyUseTheSafeAlphabetAndFitTheLimit() {
        let names = ["../../etc/passwd", "Anna \"Q\" <script>", "a\u{0}b", String(repeating: "å", count: 300),
                     String(repeating: "ab-", count: 100), "x/../y", "🙂.ics", "\u{202E}evil\u{202D}"]
        for name in names {
            let safe = SafeFileName.make(name)
            #expect(!safe.isEmpty)
            #expect(safe.utf8.count <= SafeFileName.maxBytes, "\(name.debugDescription)")
            #expect(safe.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            #expect(!safe.hasPrefix("-") && !safe.hasSuffix("-") && !safe.contains("--"))
        }
        #expect(SafeFileName.make(String(repeating: "å", count: 300)) == String(repeating: "a", count: 80))
        // A cut that ends on a dash drops it.
        #expect(SafeFileName.make(String(repeating: "abc ", count: 40)).utf8.count == 79)
    }

    @Test func uniqueNamesAreNumberedInSortedOrder() {
        let names = ["Anna Åberg", "anna aberg", "Anna-Aberg", "Bo", "ANNA ÅBERG"]
        let unique = SafeFileName.unique(names)
        // Sorted: "ANNA ÅBERG" < "Anna Åberg" < "Anna-Aberg" < "Bo" < "anna aberg".
        #expect(unique == ["ANNA ÅBERG": "anna-aberg", "Anna Åberg": "anna-aberg-2", "Anna-Aberg": "anna-aberg-3",
                           "Bo": "bo", "anna aberg": "anna-aberg-4"])
        #expect(SafeFileName.unique(names.reversed()) == unique)
        #expect(Set(unique.values).count == unique.count)
    }

    @Test func uniqueNamesAvoidGeneratedSuffixCollisions() {
        let unique = SafeFileName.unique(["a", "A", "a-2"])
        #expect(Set(unique.values).count == 3)
        #expect(unique == ["A": "a", "a": "a-2", "a-2": "a-2-2"])
        let long = String(repeating: "x", count: 100)
        let u = SafeFileName.unique([long, long + "!"])
        #expect(u.values.allSatisfy { $0.utf8.count <= SafeFileName.maxBytes })
        #expect(Set(u.values).count == 2)
    }
}
