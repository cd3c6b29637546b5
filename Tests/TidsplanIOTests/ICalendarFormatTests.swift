import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// RFC 5545 byte rules on their own: TEXT escaping, 75-octet folding, UTC timestamps.
@Suite struct ICalendarFormatTests {
    @Test func escapesBackslashSemicolonCommaAndNewlines() {
        #expect(ICalFormat.escapeText(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalFormat.escapeText("rad 1\nrad 2\r\nrad 3\rrad 4") == #"rad 1\nrad 2\nrad 3\nrad 4"#)
        // The backslash is escaped first, so an existing "\n" in the text stays two characters.
        #expect(ICalFormat.escapeText(#"C:\new"#) == #"C:\\new"#)
        #expect(ICalFormat.escapeText("\"citat\" <script>../x</script>") == "\"citat\" <script>../x</script>")
        #expect(ICalFormat.escapeText("tab\there\u{07}bell") == "tab\there bell")
        #expect(ICalFormat.escapeText("Jönköping") == "Jönköping")
    }

    @Test func foldsA200OctetMultiByteSummaryIntoValidLines() throws {
        // 18 × (2 + 3 + 4 + 2 octets) + 2 = 200 octets: scalars of every UTF-8 width meet the fold points.
        let title = String(repeating: "ö€😀å", count: 18) + "ä"
        #expect(title.utf8.count == 200)
        let line = "SUMMARY:" + ICalFormat.escapeText(title)
        let folded = ICalFormat.fold(line)
        let (lines, onlyCRLF) = ICalTestSupport.physicalLines(folded)
        #expect(onlyCRLF)
        #expect(folded.hasSuffix("\r\n"))
        #expect(lines.count == 3)  // 208 octets: at most 75 + 74 + 74 fit in three lines
        for (i, bytes) in lines.enumerated() {
            #expect(bytes.count <= 75, "line \(i + 1) has \(bytes.count) octets")
            #expect(String(validating: bytes, as: UTF8.self) != nil, "line \(i + 1) is not valid UTF-8 on its own")
            if i > 0 { #expect(bytes.first == 0x20) }
        }
        #expect(ICalFormat.unfold(folded) == line + "\r\n")
    }

    @Test func foldingIsGreedyAndLossless() {
        // Every length from 0 to 240 scalars of a mixed-width text: lines are as full as the rule
        // allows (the next scalar would not fit), never over 75 octets, and unfold restores the line.
        let pool = Array("aö€😀 ,;å".unicodeScalars)
        for n in 0...240 {
            var line = "X:"
            for i in 0..<n { line.unicodeScalars.append(pool[(i * 7 + n) % pool.count]) }
            let folded = ICalFormat.fold(line)
            #expect(ICalFormat.unfold(folded) == line + "\r\n")
            let physical = Array(folded.components(separatedBy: "\r\n").dropLast())
            for (i, p) in physical.enumerated() {
                #expect(p.utf8.count <= 75)
                if i + 1 < physical.count, let next = physical[i + 1].unicodeScalars.dropFirst().first {
                    #expect(p.utf8.count + UTF8.width(next) > 75, "line \(i + 1) of length \(n) could hold more")
                }
            }
        }
    }

    @Test func shortLinesAreNotFolded() {
        let line = String(repeating: "x", count: 75)
        #expect(ICalFormat.fold(line) == line + "\r\n")
        #expect(ICalFormat.fold(line + "y") == line + "\r\n y\r\n")
    }

    @Test func timestampFormatsAndParsesUTC() throws {
        let t = try #require(ICalTimestamp(text: "20260115T120000Z"))
        #expect(t.text == "20260115T120000Z")
        #expect(ICalTimestamp(secondsSince1970: 0).text == "19700101T000000Z")
        // 2024-02-29 23:59:59 UTC = 1709251199 (a leap day).
        #expect(ICalTimestamp(secondsSince1970: 1_709_251_199).text == "20240229T235959Z")
        #expect(ICalTimestamp(text: "20240229T235959Z")?.secondsSince1970 == 1_709_251_199)
        #expect(ICalTimestamp(secondsSince1970: -1).text == "19691231T235959Z")
        #expect(ICalTimestamp(text: "20230229T000000Z") == nil)
        #expect(ICalTimestamp(text: "20240101T000000") == nil)
        #expect(ICalTimestamp(text: "20240101T246000Z") == nil)
    }

    @Test func localDateTimeIsZeroPadded() throws {
        let d = try #require(Day(iso: "2024-03-05"))
        let t = try #require(ClockTime(text: "09:05"))
        #expect(ICalFormat.localDateTime(d, t) == "20240305T090500")
    }
}
