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
        // Nothing readable: "unnamed" plus the name's own hash, so two such names never share a file.
        #expect(SafeFileName.make("..").hasPrefix("unnamed-"))
        #expect(SafeFileName.make("...").hasPrefix("unnamed-"))
        #expect(SafeFileName.make("..") != SafeFileName.make("..."))
        #expect(SafeFileName.make(".hidden") == "hidden")
        #expect(SafeFileName.make("") == "unnamed")
        #expect(SafeFileName.make("   ").hasPrefix("unnamed-"))
        #expect(SafeFileName.make("😀") == "unnamed-" + SafeFileName.hash("😀"))
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

    /// Greek, Cyrillic and CJK names are transliterated to readable ASCII (ICU's Any-Latin, then Latin-ASCII).
    @Test func otherScriptsAreTransliterated() {
        #expect(SafeFileName.make("Σωκράτης Παπαδόπουλος") == "sokrates-papadopoulos")
        #expect(SafeFileName.make("Иван Петров") == "ivan-petrov")
        #expect(SafeFileName.make("王小明") == "wang-xiao-ming")
        #expect(SafeFileName.make("東京") == "dong-jing")
    }

    /// A name's file name depends on that name alone: adding or reordering names never changes another's,
    /// except that names whose stems clash each get their own hash (nobody inherits a file).
    @Test func uniqueNamesDependOnTheNameAlone() {
        let names = ["Anna Åberg", "anna aberg", "Bo", "Иван Петров"]
        let unique = SafeFileName.unique(names)
        #expect(unique["Bo"] == "bo" && unique["Иван Петров"] == "ivan-petrov")
        #expect(unique["Anna Åberg"] == "anna-aberg-" + SafeFileName.hash("Anna Åberg"))
        #expect(unique["anna aberg"] == "anna-aberg-" + SafeFileName.hash("anna aberg"))
        #expect(SafeFileName.unique(names.reversed()) == unique)
        #expect(SafeFileName.unique(names + ["Ада", "Zoë"])["Bo"] == "bo")
        #expect(Set(unique.values).count == unique.count)
        let long = String(repeating: "x", count: 100)
        let u = SafeFileName.unique([long, long + "!"])
        #expect(u.values.allSatisfy { $0.utf8.count <= SafeFileName.maxBytes })
        #expect(Set(u.values).count == 2)
    }
}
