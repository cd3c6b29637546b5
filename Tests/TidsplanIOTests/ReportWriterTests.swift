import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// The HTML report: golden pages, Swedish and English wording and numbers, the figures behind the
/// tables, escaping, and that the page needs nothing from outside.
@Suite struct ReportWriterTests {
    static let calendarFiles = ICalendarWriter.calendars(scenario: SamplePlan.scenario, plan: SamplePlan.plan,
                                                         previous: nil, now: ICalTestSupport.now).map(\.path)

    static func report(_ plan: Plan = SamplePlan.plan, scenario: Scenario = SamplePlan.scenario, lang: Language = .sv,
                       extra: [ReportSection] = []) -> String {
        ReportWriter.html(scenario: scenario, plan: plan, lang: lang, calendarFiles: calendarFiles, extraSections: extra)
    }

    static let nbsp = "\u{00A0}"

    @Test func goldenPagesForTheSamplePlan() {
        assertGolden(Self.report(), named: "report-sv.html")
        assertGolden(Self.report(lang: .en), named: "report-en.html")
    }

    @Test func swedishByDefaultWithSwedishNumbers() {
        let html = ReportWriter.html(scenario: SamplePlan.scenario, plan: SamplePlan.plan, calendarFiles: [])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(html.contains("Timmar per kommun mot kvot"))
        // Jönköping: quota 1 290 h, 537 930 kr; co-financing of 230 h at 417 kr = 95 910 kr.
        #expect(html.contains(">1\(Self.nbsp)290</td>"))
        #expect(html.contains(">537\(Self.nbsp)930\(Self.nbsp)kr</td>"))
        #expect(html.contains(">95\(Self.nbsp)910\(Self.nbsp)kr</td>"))
        // Totals: 375 of 2 070 hours; 375 × 417 = 156 375 kr.
        #expect(html.contains("375 av 2\(Self.nbsp)070 (18\(Self.nbsp)%)"))
        #expect(html.contains("156\(Self.nbsp)375\(Self.nbsp)kr av 863\(Self.nbsp)190\(Self.nbsp)kr"))
        #expect(html.contains("Ingen annan plan kan vara mer än 2,8\(Self.nbsp)% bättre på scenariots mål"))
        #expect(html.contains("2 januari 2024 – 31 maj 2026 (29 månader)"))
    }

    @Test func englishWordsAndNumbers() {
        let html = Self.report(lang: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("Hours per municipality against quota"))
        #expect(html.contains(">1,290</td>"))
        #expect(html.contains(">537,930\(Self.nbsp)kr</td>"))
        #expect(html.contains("No other plan can be more than 2.8% better on the scenario&#39;s goals"))
        #expect(html.contains("2 January 2024 – 31 May 2026 (29 months)"))
        #expect(!html.contains("Timmar per kommun"))
    }

    @Test func solverStatusInPlainWords() {
        func status(_ s: SolverSummary, _ lang: Language = .sv) -> String {
            var plan = SamplePlan.plan
            plan.solver = s
            return Self.report(plan, lang: lang)
        }
        #expect(status(SolverSummary(name: "glpk", version: "5.0", status: .optimal, gap: 0))
            .contains("Planen är optimal"))
        #expect(status(SolverSummary(name: "glpk", version: "5.0", status: .timeLimit, gap: 0.008))
            .contains("mer än 0,8\(Self.nbsp)% bättre på scenariots mål; sökningen slutade när tidsgränsen nåddes innan"))
        #expect(status(SolverSummary(name: "glpk", version: "5.0", status: .feasible))
            .contains("hur nära bästa möjliga plan den är kunde inte visas"))
        #expect(status(SolverSummary(name: "glpk", version: "5.0", status: .infeasible))
            .contains("Ingen plan kan följa alla regler"))
        #expect(status(SolverSummary(name: "glpk", version: "5.0", status: .optimal), .en)
            .contains("The plan is optimal"))
    }

    @Test func timelineCountsPlannedSessionsPerCourseAndMonth() throws {
        let months = ReportFigures.months(of: SamplePlan.period)
        #expect(months.count == 29)
        #expect(months.first?.range.from == SamplePlan.period.from)  // clipped to the period start
        #expect(months.last?.range.to == SamplePlan.period.to)
        let rows = ReportFigures.timeline(scenario: SamplePlan.scenario, plan: SamplePlan.plan, months: months)
        #expect(rows.map(\.courseID) == ["HP", "MI", "SE"])
        let mi = try #require(rows.first { $0.courseID == "MI" })
        // April 2024 is month 3 (0-based), September month 8; the cancelled MI-ggvv-1 is not counted.
        #expect(mi.counts[3] == 2)
        #expect(mi.counts[8] == 1)
        #expect(mi.total == 3)
        let events = ReportFigures.eventCounts(plan: SamplePlan.plan, months: months)
        #expect(events[2] == 1 && events[8] == 1 && events[9] == 1 && events.reduce(0, +) == 3)
    }

    @Test func leaderLoadAgainstTheTeachingShare() throws {
        let months = ReportFigures.months(of: SamplePlan.period)
        let rows = ReportFigures.load(scenario: SamplePlan.scenario, plan: SamplePlan.plan, months: months,
                                      calendar: WorkingCalendar(scenario: SamplePlan.scenario))
        #expect(rows.map(\.name) == ["Projektledare", "Anna Åberg", "Erik Öst", "Konsult Lind"])
        let anna = try #require(rows.first { $0.name == "Anna Åberg" })
        #expect(anna.days[4] == 2)  // two SE meetings in May 2024
        // May 2024: 23 weekdays minus 1 May and Ascension (9 May) = 21 working days at full time;
        // 0.6 teaching share ÷ 1.5 (preparation) → 8.4 session days allowed.
        let may = try #require(anna.allowedDays[4])
        #expect(abs(may - 8.4) < 1e-9)
        // July 2024 lies in the summer blackout: nothing allowed.
        #expect(anna.allowedDays[6] == 0)
        let erik = try #require(rows.first { $0.name == "Erik Öst" })
        #expect(erik.days[3] == 2 && erik.days[8] == 1 && erik.total == 3 && erik.maxDays == 20)
        #expect(erik.allowedDays.allSatisfy { $0 == nil })
    }

    @Test func budgetUsedAndLeft() {
        let lines = ReportFigures.budget(scenario: SamplePlan.scenario, plan: SamplePlan.plan)
        // Fees: Lind 6 000 (HP-1) + Öst 3 × 5 000; travel: Öst 3 × 800; premises: Högland 2 500 +
        // Werket 3 × 3 000 (MI + two SE meetings); Stadshuset and Teams cost nothing. Cancelled: nothing.
        #expect(lines.map(\.used) == [21_000, 2_400, 11_500])
        #expect(lines.map(\.left) == [1_379_000, 97_600, 188_500])
        let html = Self.report()
        #expect(html.contains(">1\(Self.nbsp)379\(Self.nbsp)000\(Self.nbsp)kr</td>"))
    }

    @Test func shortfallsAndEventsInPlainWords() {
        let html = Self.report()
        // Swedish: the headline from the typed fields, no English sentence from the model.
        #expect(html.contains("Aneby:</span> 92 timmar saknas till kvoten</li>"))
        #expect(!html.contains("Only 10 persons"))
        #expect(Self.report(lang: .en).contains("Aneby:</span> 92 hours short of the quota. Only 10 persons in the audience"))
        #expect(html.contains("ons\(Self.nbsp)2024-03-20"))
        var plan = SamplePlan.plan
        plan.shortfalls = []
        #expect(Self.report(plan).contains("Inga brister"))
    }

    @Test func linksToEveryCalendarFileWithRealNames() {
        let html = Self.report()
        for path in Self.calendarFiles { #expect(html.contains("href=\"\(path)\""), "no link to \(path)") }
        #expect(html.contains("<a href=\"calendars/leaders/erik-ost.ics\">Erik Öst</a>"))
        #expect(html.contains("<a href=\"calendars/municipalities/jonkoping.ics\">Jönköping</a>"))
        #expect(html.contains("<a href=\"calendars/venues/stadshuset-varnamo.ics\">Stadshuset, Värnamo</a>"))
        #expect(html.contains("<a href=\"calendars/all.ics\">Alla tillfällen</a>"))
    }

    @Test func selfContainedWithoutScriptsOrDownloads() {
        let html = Self.report()
        for forbidden in ["<script", "src=", "@import", "url(", "href=\"http", "href=\"//", "<link", "<iframe"] {
            #expect(!html.contains(forbidden), "report contains \(forbidden)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("<style>"))
    }

    @Test func extraSectionsGoBeforeTheCalendarLinks() throws {
        let html = Self.report(extra: [ReportSection(title: "Kapacitet <&>", html: "<p class=\"x\">färdig</p>\n")])
        let extra = try #require(html.range(of: "<h2>Kapacitet &lt;&amp;&gt;</h2>\n<p class=\"x\">färdig</p>"))
        let calendars = try #require(html.range(of: "<section id=\"kalendrar\">"))
        #expect(extra.lowerBound < calendars.lowerBound)
        #expect(html.contains("<a href=\"#extra-1\">Kapacitet &lt;&amp;&gt;</a>"))
    }

    @Test func hostileNamesAreEscaped() {
        let html = ReportWriter.html(scenario: HostileSample.scenario, plan: HostileSample.plan, lang: .sv,
                                     calendarFiles: ICalendarWriter.calendars(
                                        scenario: HostileSample.scenario, plan: HostileSample.plan, previous: nil,
                                        now: ICalTestSupport.now).map(\.path))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>") && !html.contains("<u>") && !html.contains("<i>"))
        #expect(html.contains("Eva &quot;Q&quot; Berg, &lt;script&gt;alert(1)&lt;/script&gt;; ..\\x"))
        #expect(html.contains("../Aneby;\nDROP, &quot;x&quot; &amp; &lt;b&gt;"))
        #expect(html.contains("<title>Räkna &amp; &quot;oss&quot; &lt;b&gt;!&lt;/b&gt; &#39;sv&#39; – "))
        // The model's (English) reason shows in the English report only; escaped there too.
        let en = ReportWriter.html(scenario: HostileSample.scenario, plan: HostileSample.plan, lang: .en, calendarFiles: [])
        #expect(en.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!en.contains("<img"))
        // Attribute values cannot be closed early: every title="…" holds no raw quote.
        #expect(html.contains("title=\"Eva &quot;Q&quot; Berg, &lt;script&gt;"))
    }

    @Test func escapingAndHrefHelpers() {
        #expect(HTMLText.escape("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
        #expect(HTMLText.escape("x\u{0}y\u{1B}z") == "xyz")
        #expect(HTMLText.relativeHref("calendars/leaders/anna-aberg.ics") == "calendars/leaders/anna-aberg.ics")
        #expect(HTMLText.relativeHref("javascript:alert(1)") == "javascript%3Aalert%281%29")
        #expect(HTMLText.relativeHref("//evil.example/x y\"") == "evil.example/x%20y%22")
    }

    @Test func numberFormats() {
        let sv = ReportFormat(lang: .sv), en = ReportFormat(lang: .en)
        #expect(sv.number(2_498_664) == "2\(Self.nbsp)498\(Self.nbsp)664")
        #expect(sv.number(2.5) == "2,5")
        #expect(sv.number(-1234.25, decimals: 2) == "\u{2212}1\(Self.nbsp)234,25")
        #expect(sv.kronor(62_550) == "62\(Self.nbsp)550\(Self.nbsp)kr")
        #expect(sv.percent(0.027986) == "2,8\(Self.nbsp)%")
        #expect(en.number(2_498_664) == "2,498,664")
        #expect(en.percent(0.027986) == "2.8%")
        #expect(sv.dayWithWeekday(SamplePlan.day("2024-03-20")) == "ons\(Self.nbsp)2024-03-20")
    }

    @Test func sameInputSameBytes() {
        #expect(Self.report() == Self.report())
    }
}
