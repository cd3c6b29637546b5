import Testing
import TidsplanCore
@testable import TidsplanIO

@Suite struct TimetableMarkdownTests {
    @Test func swedishMatchesGoldenFile() {
        assertGolden(TimetableWriter.markdown(plan: SamplePlan.plan, scenario: SamplePlan.scenario),
                     named: "timetable.sv.md")
    }

    @Test func englishMatchesGoldenFile() {
        assertGolden(TimetableWriter.markdown(plan: SamplePlan.plan, scenario: SamplePlan.scenario, lang: .en),
                     named: "timetable.en.md")
    }

    @Test func monthsInOrderWithTotals() {
        let md = TimetableWriter.markdown(plan: SamplePlan.plan, scenario: SamplePlan.scenario)
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## Mars 2024", "## April 2024", "## Maj 2024", "## September 2024", "## Oktober 2024",
                             "## Summa för hela planen"])
        // April: HP-1 (22 × 2.5) and two MI sessions (8 and 20 × 6); the cancelled one is left out.
        #expect(md.contains("**Summa april 2024:** 3 utbildningstillfällen, 50 personer börjar en kurs, 223 deltagartimmar\n"))
        // Whole plan: 6 training sessions (375 participant hours = 58 + 230 + 87) and 3 other events; the SE
        // series' 10 persons count once (72 persons, not 82 seats).
        #expect(md.hasSuffix("## Summa för hela planen\n\n6 utbildningstillfällen, 72 personer börjar en kurs, 375 deltagartimmar, 3 övriga möten\n"))
        #expect(!md.contains("2024-04-18"))
    }

    @Test func everyTableRowHasTheSameNumberOfCells() {
        var plan = SamplePlan.plan
        plan.sessions[2].title = "a | b \\| c\nnew line\r\n<b>bold</b> *x* [link](y)"
        let md = TimetableWriter.markdown(plan: plan, scenario: SamplePlan.scenario, lang: .en)
        for line in md.split(separator: "\n") where line.hasPrefix("|") {
            // Unescaped pipes separate cells: 9 columns → 10 pipes.
            var pipes = 0
            var escaped = false
            for ch in line {
                if escaped { escaped = false; continue }
                if ch == "\\" { escaped = true } else if ch == "|" { pipes += 1 }
            }
            #expect(pipes == 10, "\(line)")
        }
        #expect(md.contains(#"a \| b \\\| c<br>new line<br>\<b\>bold\</b\> \*x\* \[link\](y)"#))
    }

    @Test func numbersFollowTheLanguage() {
        var plan = SamplePlan.plan
        plan.sessions = [plan.sessions[1]]  // HP-1, 2.5 hours
        plan.sessions[0].seats = ["Aneby": 401, "Jönköping": 600]
        let sv = TimetableWriter.markdown(plan: plan, scenario: SamplePlan.scenario, lang: .sv)
        let en = TimetableWriter.markdown(plan: plan, scenario: SamplePlan.scenario, lang: .en)
        #expect(sv.contains("| Aneby 401, Jönköping 600 | 1 001 | 2 502,5 |\n"))
        #expect(sv.contains("1 utbildningstillfälle, 1 001 personer börjar en kurs, 2 502,5 deltagartimmar\n"))
        #expect(en.contains("| Aneby 401, Jönköping 600 | 1,001 | 2,502.5 |\n"))
        #expect(en.contains("1 training session, 1,001 persons start a course, 2,502.5 participant hours\n"))
    }

    @Test func emptyPlanSaysSo() {
        var plan = SamplePlan.plan
        plan.sessions = []
        let md = TimetableWriter.markdown(plan: plan, scenario: SamplePlan.scenario, lang: .en)
        #expect(md.hasSuffix("The plan has no sessions.\n"))
    }
}
