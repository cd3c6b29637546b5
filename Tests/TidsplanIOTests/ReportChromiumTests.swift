import Foundation
import Testing
import TidsplanCore
@testable import TidsplanIO

/// Renders the report in headless Chromium, as a steering-group member's browser would: the page
/// must draw (a non-trivial screenshot), show the municipalities, and log no console messages.
@Suite struct ReportChromiumTests {
    static let chromium: String? = ICalTestSupport.executable("chromium")
        ?? ICalTestSupport.executable("chromium-browser") ?? ICalTestSupport.executable("google-chrome")

    /// chromium is installed by `scripts/ensure-deps --test`: without it this test fails, it does not skip.
    @Test
    func rendersInHeadlessChromium() throws {
        let browser = try #require(Self.chromium)
        let dir = try ICalTestSupport.temporaryDirectory("report")
        defer { ICalTestSupport.remove(dir) }
        let calendars = ICalTestSupport.files()
        try ICalTestSupport.write(calendars, to: dir)
        let report = dir.appendingPathComponent("report.html")
        let html = ReportWriter.html(scenario: SamplePlan.scenario, plan: SamplePlan.plan, lang: .sv,
                                     calendarFiles: calendars.keys.sorted())
        try Data(html.utf8).write(to: report)

        let common = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                      "--user-data-dir=" + dir.appendingPathComponent("profile").path,
                      "--enable-logging=stderr", "--v=0"]
        // `timeout` guards against a browser that never exits; it is in coreutils on every Linux.
        let timeout = ICalTestSupport.executable("timeout")
        func browse(_ args: [String]) throws -> ICalTestSupport.ProcessResult {
            let full = common + args + [report.absoluteString]
            if let timeout { return try ICalTestSupport.run(timeout, ["20", browser] + full) }
            return try ICalTestSupport.run(browser, full)
        }

        let shot = dir.appendingPathComponent("report.png")
        let screenshot = try browse(["--screenshot=" + shot.path, "--window-size=1280,2000", "--hide-scrollbars"])
        #expect(screenshot.status == 0, "\(screenshot.stderr)")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // A blank 1280×2000 page compresses to a few kilobytes; the report's tables and colours do not.
        #expect(png.count > 40_000, "screenshot is only \(png.count) bytes: is the page blank?")

        let dom = try browse(["--dump-dom"])
        #expect(dom.status == 0, "\(dom.stderr)")
        for name in ["Aneby", "Jönköping", "Värnamo", "Timmar per kommun mot kvot", "Kalenderfiler"] {
            #expect(dom.stdout.contains(name), "rendered page lacks \(name)")
        }
        for output in [screenshot.stderr, dom.stderr] {
            let console = output.split(separator: "\n").filter { $0.contains(":CONSOLE") }
            #expect(console.isEmpty, "console messages: \(console)")
        }
    }
}
