import Foundation
import Testing

/// `tidsplan export` re-renders the outputs from a saved plan.json: another language, the Swedish
/// Excel CSV, and the same plan byte for byte.
@Suite struct ExportCommandTests {
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The CSV's lines without the BOM, split on CRLF.
    private func csvLines(_ data: Data) -> [String] {
        var bytes = Array(data)
        if bytes.starts(with: Self.bom) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func excelSwedishEnglishExportFromASavedPlan() throws {
        let work = try TempFolder("export")
        try TestScenarios.planSmallCounty(out: "planned", in: work.path)
        try FileManager.default.copyItem(atPath: work.file("planned/plan.json"), toPath: work.file("saved.json"))

        let result = try TidsplanCLI.run(["export", TestScenarios.smallCounty, "saved.json", "--out", "excel",
                                       "--lang", "en", "--csv-dialect", "excel-sv"], cwd: work.path)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        let excel = FolderSnapshot(work.file("excel"))
        let planned = FolderSnapshot(work.file("planned"))

        // The plan itself is carried over unchanged (its calendars' series goes on: in English every event
        // says something new, so it is sent again); every rendered file is there again.
        func plan(_ data: Data?) -> String? {
            let text = data.map { String(decoding: $0, as: UTF8.self) }
            return text.flatMap { $0.range(of: ",\n  \"calendarSeries\"").map { String(text![..<$0.lowerBound]) } }
        }
        #expect(plan(excel.files["plan.json"]) != nil && plan(excel.files["plan.json"]) == plan(planned.files["plan.json"]))
        for file in ["timetable.csv", "timetable.md", "report.html", "calendars/all.ics"] {
            #expect(excel.files[file] != nil, "missing \(file)")
        }
        #expect(Set(excel.files(under: "calendars/").keys) == Set(planned.files(under: "calendars/").keys))

        // Swedish Excel: a BOM, semicolons, CRLF; the same rows as the RFC 4180 file.
        let csv = try #require(excel.files["timetable.csv"])
        #expect(Array(csv.prefix(3)) == Self.bom)
        #expect(String(decoding: csv, as: UTF8.self).contains("\r\n"))
        let rows = csvLines(csv), plainRows = csvLines(try #require(planned.files["timetable.csv"]))
        #expect(rows.count == plainRows.count && rows.count > 1)
        let header = try #require(rows.first)
        #expect(!header.contains(",") && header.split(separator: ";").count == plainRows[0].split(separator: ",").count,
                "\(header)")
        // The header follows --lang, not the dialect: English words in the Swedish Excel file, Swedish by default.
        #expect(header.hasSuffix("date;weekday;start;end;course;title;venue;mode;leaders;municipality;participants;hours"), "\(header)")
        #expect(plainRows[0].hasPrefix("datum,veckodag,"), "\(plainRows[0])")
        #expect(Array(try #require(planned.files["timetable.csv"]).prefix(3)) != Self.bom, "the default CSV has no BOM")

        // English report and timetable.
        let report = String(decoding: try #require(excel.files["report.html"]), as: UTF8.self)
        #expect(report.contains("lang=\"en\""))
        #expect(String(decoding: try #require(planned.files["report.html"]), as: UTF8.self).contains("lang=\"sv\""))
        #expect(excel.files["timetable.md"] != planned.files["timetable.md"])
        #expect(folderEntries(work.path) == ["excel", "planned", "saved.json"])
    }

    @Test func exportingInPlaceRewritesTheOutputFromItsOwnPlan() throws {
        let work = try TempFolder("export")
        try TestScenarios.planSmallCounty(out: "out", in: work.path, environment: TestScenarios.fixedNow)
        let before = FolderSnapshot(work.file("out"))
        let result = try TidsplanCLI.run(["export", TestScenarios.smallCounty, "out/plan.json", "--out", "out"],
                                      cwd: work.path, environment: TestScenarios.fixedNow)
        #expect(result.status == 0 && result.endedCleanly, "\(result.transcript)")
        let after = FolderSnapshot(work.file("out"))
        // Same plan, same options, same time stamp: the same files (export does not solve, so no run.json).
        for (path, bytes) in after.files {
            #expect(before.files[path] == bytes, "\(path) differs after exporting the same plan again")
        }
        #expect(Set(before.files.keys).subtracting(["run.json"]).isSubset(of: after.files.keys))
    }

    @Test func anUnknownDialectIsRefusedBeforeAnythingIsWritten() throws {
        let work = try TempFolder("export")
        try TestScenarios.planSmallCounty(out: "out", in: work.path)
        let before = FolderSnapshot(work.file("out"))
        let result = try TidsplanCLI.run(["export", TestScenarios.smallCounty, "out/plan.json", "--out", "out",
                                       "--csv-dialect", "excel-fi"], cwd: work.path)
        #expect(result.status != 0 && result.endedCleanly, "\(result.transcript)")
        #expect(result.stderr.contains("excel-sv"), "the message lists the choices: \(result.transcript)")
        #expect(FolderSnapshot(work.file("out")) == before)
    }
}
