import Foundation
import Testing

/// The folder of golden files, found from this source file so tests need no bundle lookup.
let goldenDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()   // Support/
    .deletingLastPathComponent()   // TidsplanIOTests/
    .appendingPathComponent("Golden", isDirectory: true)

/// Compares `text` byte for byte with `Tests/TidsplanIOTests/Golden/<named>`.
///
/// With `TIDSPLAN_RECORD_GOLDEN=1` in the environment the file is (re)written instead and the
/// test passes; review the diff with git before committing it.
func assertGolden(_ text: String, named: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = goldenDirectory.appendingPathComponent(named)
    let actual = Data(text.utf8)
    if ProcessInfo.processInfo.environment["TIDSPLAN_RECORD_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try actual.write(to: url)
        } catch {
            Issue.record("could not record golden file \(named): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = FileManager.default.contents(atPath: url.path) else {
        Issue.record("golden file \(named) is missing; run with TIDSPLAN_RECORD_GOLDEN=1 to record it",
                     sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let difference = firstDifference(expected: expected, actual: actual)
    Issue.record("\(named) differs from the golden file: \(difference); run with TIDSPLAN_RECORD_GOLDEN=1 to re-record",
                 sourceLocation: sourceLocation)
}

/// Names the first line that differs, so a failure says where to look.
private func firstDifference(expected: Data, actual: Data) -> String {
    // Split on LF only: CR stays visible in the lines, which matters for CRLF formats.
    let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : "<end of file>"
        let al = i < a.count ? String(a[i]) : "<end of file>"
        if el != al {
            return "line \(i + 1): expected \(el.debugDescription), got \(al.debugDescription)"
        }
    }
    return "same lines, different bytes (\(expected.count) vs \(actual.count) bytes)"
}
