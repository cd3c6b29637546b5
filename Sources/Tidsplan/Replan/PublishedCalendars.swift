import Foundation

/// The calendar files published before (`calendars/**.ics` in a folder, keyed by their path below it),
/// so an unchanged event keeps its LAST-MODIFIED. Missing or unreadable files just mean "none".
enum PublishedCalendars {
    /// The calendars beside `planPath` (the previous plan's output folder).
    static func beside(planPath: String) -> [String: String] {
        load(folder: (planPath as NSString).deletingLastPathComponent)
    }

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
