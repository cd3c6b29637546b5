import Foundation
import Testing

/// `tidsplan calendar`: the working calendar in the run's language, Swedish by default.
@Suite struct CalendarCommandTests {
    static let scenario = TidsplanCLI.packageFile("scenarios/rakna-med-oss-2024.yaml")

    @Test func swedishByDefaultEnglishOnRequest() throws {
        let cwd = try TempFolder("calendar")
        let sv = try TidsplanCLI.run(["calendar", Self.scenario, "--from", "2024-06-05", "--to", "2024-06-08"], cwd: cwd.path)
        #expect(sv.status == 0, "\(sv.transcript)")
        #expect(sv.stdout == """
            datum,veckodag,arbetsdag,orsak
            2024-06-05,onsdag,ja,
            2024-06-06,torsdag,nej,nationaldagen
            2024-06-07,fredag,ja,
            2024-06-08,lördag,nej,helg

            """)
        let en = try TidsplanCLI.run(["calendar", Self.scenario, "--from", "2024-06-05", "--to", "2024-06-08", "--lang", "en"], cwd: cwd.path)
        #expect(en.status == 0, "\(en.transcript)")
        #expect(en.stdout == """
            date,weekday,working,reason
            2024-06-05,wednesday,yes,
            2024-06-06,thursday,no,nationaldagen
            2024-06-07,friday,yes,
            2024-06-08,saturday,no,weekend

            """)
    }

    @Test func anUnknownLeaderIsNamedInTheRunsLanguage() throws {
        let cwd = try TempFolder("calendar")
        for (lang, words) in [("sv", "fel: okänd ledare \"Nobody\""), ("en", "error: unknown leader \"Nobody\"")] {
            let r = try TidsplanCLI.run(["calendar", Self.scenario, "--leader", "Nobody", "--lang", lang], cwd: cwd.path)
            #expect(r.status == 1 && r.stdout.isEmpty, "\(r.transcript)")
            #expect(r.stderr.contains(words), "\(r.transcript)")
        }
    }
}
