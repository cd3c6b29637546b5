import Foundation
import TidsplanCore
import TidsplanIO

/// What the calendars published before said (`CalendarSeries`), so a new publication continues their
/// series: from plan.json's `calendarSeries` when it has one, else from the calendar files beside it,
/// else assumed from the plan itself (a plan.json written before it carried the series).
enum PublishedCalendars {
    /// The series `plan` (read from `planPath`) published; `fallbackFolder` is searched for calendar
    /// files too (the output folder about to be replaced).
    static func series(of plan: Plan, planPath: String, fallbackFolder: String?, scenario: Scenario,
                       now: ICalTimestamp) -> CalendarSeries {
        if let recorded = plan.calendarSeries { return recorded }
        var files = beside(planPath: planPath)
        if files.isEmpty, let fallbackFolder { files = load(folder: fallbackFolder) }
        if !files.isEmpty { return PublishedSeries.read(files: files, plan: plan, scenario: scenario) }
        return PublishedSeries.assumed(from: plan, scenario: scenario, now: now)
    }

    /// With no previous plan: whatever the output folder about to be replaced published (names keep their
    /// files, unchanged events their LAST-MODIFIED); empty when it holds no output.
    static func series(inOutputFolder folder: String, scenario: Scenario) -> CalendarSeries {
        let planPath = (folder.isEmpty ? "." : folder) + "/plan.json"
        let old = FileManager.default.contents(atPath: planPath)
            .flatMap { String(data: $0, encoding: .utf8) }
            .flatMap { try? PlanJSONReader.decode($0, file: planPath) }
        if let recorded = old?.calendarSeries, old?.scenario == scenario.project.id { return recorded }
        let files = load(folder: folder)
        return files.isEmpty ? CalendarSeries() : PublishedSeries.read(files: files, plan: old, scenario: scenario)
    }

    /// The calendars beside `planPath` (the previous plan's output folder).
    static func beside(planPath: String) -> [String: String] {
        load(folder: (planPath as NSString).deletingLastPathComponent)
    }

    /// `calendars/**.ics` in a folder, keyed by their path below it; missing or unreadable files are left out.
    static func load(folder: String) -> [String: String] {
        let root = (folder.isEmpty ? "." : folder) + "/calendars"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [:] }
        var out: [String: String] = [:]
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".ics"), let data = FileManager.default.contents(atPath: root + "/" + relative),
                  let text = String(data: data, encoding: .utf8) else { continue }
            out["calendars/" + relative] = text
        }
        return out
    }
}
