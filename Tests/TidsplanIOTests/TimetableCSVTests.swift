import Testing
import TidsplanCore
@testable import TidsplanIO

@Suite struct TimetableCSVTests {
    @Test func rfc4180MatchesGoldenFile() {
        assertGolden(TimetableWriter.csv(plan: SamplePlan.plan, scenario: SamplePlan.scenario, dialect: .rfc4180),
                     named: "timetable.csv")
    }

    @Test func excelSwedishMatchesGoldenFile() {
        assertGolden(TimetableWriter.csv(plan: SamplePlan.plan, scenario: SamplePlan.scenario, dialect: .excelSwedish),
                     named: "timetable-excel-sv.csv")
    }

    @Test func rowsEndWithCRLFAndOnlyExcelGetsABOM() {
        let plain = TimetableWriter.csv(plan: SamplePlan.plan, scenario: SamplePlan.scenario, dialect: .rfc4180)
        let excel = TimetableWriter.csv(plan: SamplePlan.plan, scenario: SamplePlan.scenario, dialect: .excelSwedish)
        #expect(plain.hasPrefix("date,weekday,start,end,course,title,venue,mode,leaders,municipality,participants,hours\r\n"))
        #expect(Array(excel.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(excel.dropFirst().hasPrefix("datum;veckodag;start;slut;kurs;titel;lokal;form;ledare;kommun;deltagare;timmar\r\n"))
        for text in [plain, excel] {
            #expect(text.utf8.last == UInt8(ascii: "\n"))
            // Every LF is part of a CRLF: no bare line ends (the sample has no line breaks in cells).
            let bytes = Array(text.utf8)
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        }
    }

    /// One row per session and municipality; the cancelled session is left out; the hours
    /// column sums to each municipality's planned hours.
    @Test func rowsAddUpToPlannedHours() throws {
        let rows = try parseCSV(TimetableWriter.csv(plan: SamplePlan.plan, scenario: SamplePlan.scenario))
        let header = try #require(rows.first)
        let muni = try #require(header.firstIndex(of: "municipality"))
        let hours = try #require(header.firstIndex(of: "hours"))
        var sums: [String: Double] = [:]
        for row in rows.dropFirst() where !row[muni].isEmpty { sums[row[muni], default: 0] += Double(row[hours]) ?? .nan }
        for m in SamplePlan.plan.municipalities {
            #expect(sums[m.name] == m.plannedHours, "\(m.name)")
            #expect(SamplePlan.plan.plannedHours(m.name) == m.plannedHours, "sample plan is consistent: \(m.name)")
        }
        #expect(!rows.contains { $0.contains("MI-ggvv-1") || $0[0] == "2024-04-18" })
        // Header + 3 fixed events (one row each) + HP-1 (3 municipalities) + 5 single-municipality sessions.
        #expect(rows.count == 1 + 3 + 3 + 5)
        #expect(rows.allSatisfy { $0.count == 12 })
    }

    @Test func fractionalHoursUseTheDialectsDecimalSeparator() throws {
        var plan = SamplePlan.plan
        plan.sessions = [plan.sessions[1]]  // HP-1, 2.5 hours
        plan.sessions[0].seats = ["Aneby": 5]
        let plain = TimetableWriter.csv(plan: plan, scenario: SamplePlan.scenario, dialect: .rfc4180)
        let excel = TimetableWriter.csv(plan: plan, scenario: SamplePlan.scenario, dialect: .excelSwedish)
        #expect(plain.hasSuffix(",digital,Konsult Lind,Aneby,5,12.5\r\n"))
        #expect(excel.hasSuffix(";digital;Konsult Lind;Aneby;5;12,5\r\n"))
    }

    @Test func cellsAreQuotedAndNeutralised() {
        let cell = { (s: String) in TimetableWriter.csvCell(s, separator: ",") }
        #expect(cell("Werket") == "Werket")
        #expect(cell("Stadshuset, Värnamo") == "\"Stadshuset, Värnamo\"")
        #expect(cell("MI \"steg 1\"") == "\"MI \"\"steg 1\"\"\"")
        #expect(cell("two\nlines") == "\"two\nlines\"")
        #expect(cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(cell("+46 36") == "'+46 36")
        // A plain signed number is data (bottlenecks.csv showed "'-2"); anything more after a sign is neutralised.
        #expect(cell("-1") == "-1")
        #expect(cell("-2,5") == "\"-2,5\"")
        #expect(TimetableWriter.csvCell("-2,5", separator: ";") == "-2,5")
        #expect(cell("+3.25") == "+3.25")
        #expect(cell("-1+1") == "'-1+1")
        #expect(cell("-2,") == "\"'-2,\"")
        #expect(cell("-") == "'-")
        #expect(cell("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0")
        #expect(cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(cell("\tx") == "'\tx")
        #expect(cell("\r\nx") == "\"'\r\nx\"")
        #expect(cell("a;b") == "a;b")
        #expect(TimetableWriter.csvCell("a;b", separator: ";") == "\"a;b\"")
        // A quote followed by a combining mark is one Character but still a quote to a CSV reader.
        #expect(cell("\"\u{301}") == "\"\"\"\u{301}\"")
    }

    @Test func hostileNamesSurviveAParser() throws {
        var plan = SamplePlan.plan
        plan.sessions = [plan.sessions[2]]
        plan.sessions[0].title = "=cmd|' /C calc'!A0"
        plan.sessions[0].leaders = ["Anna \"Q\" <script>", "-Bo"]
        plan.sessions[0].seats = ["Ort, med\nradbrytning": 3]
        let rows = try parseCSV(TimetableWriter.csv(plan: plan, scenario: SamplePlan.scenario))
        #expect(rows.count == 2)
        #expect(rows[1][5] == "'=cmd|' /C calc'!A0")
        #expect(rows[1][8] == "Anna \"Q\" <script>; -Bo")
        #expect(rows[1][9] == "Ort, med\nradbrytning")
    }
}

/// A strict RFC 4180 reader for the tests (comma separator, CRLF rows), independent of the writer.
func parseCSV(_ text: String, separator: Unicode.Scalar = ",") throws -> [[String]] {
    struct Malformed: Error {}
    var rows: [[String]] = []
    var row: [String] = []
    var cell = String.UnicodeScalarView()
    var inQuotes = false
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var i = 0
    while i < scalars.count {
        let c = scalars[i]
        if inQuotes {
            if c == "\"" {
                if i + 1 < scalars.count && scalars[i + 1] == "\"" { cell.append("\""); i += 1 } else { inQuotes = false }
            } else {
                cell.append(c)
            }
        } else if c == "\"" {
            guard cell.isEmpty else { throw Malformed() }
            inQuotes = true
        } else if c == separator {
            row.append(String(cell)); cell = .init()
        } else if c == "\r" {
            guard i + 1 < scalars.count, scalars[i + 1] == "\n" else { throw Malformed() }
            row.append(String(cell)); cell = .init()
            rows.append(row); row = []
            i += 1
        } else if c == "\n" {
            throw Malformed()
        } else {
            cell.append(c)
        }
        i += 1
    }
    guard !inQuotes, cell.isEmpty, row.isEmpty else { throw Malformed() }
    return rows
}
