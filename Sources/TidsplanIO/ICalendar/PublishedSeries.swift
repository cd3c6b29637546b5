import TidsplanCore

/// What was published before, for plans whose plan.json does not carry `calendarSeries` (written before
/// it did): read back from the calendar files themselves, or, with no files at hand, assumed from the plan.
public enum PublishedSeries {
    /// The series the files (path → text, paths like `calendars/leaders/arla.ics`) published. Owners are
    /// found the way those files were named then: each name of `plan` (the plan they were made from) and of
    /// the scenario through `SafeFileName.unique`; a file no name explains keeps its events but no owner.
    public static func read(files: [String: String], plan: Plan?, scenario: Scenario) -> CalendarSeries {
        var series = CalendarSeries()
        let owners = legacyOwners(plan: plan, scenario: scenario)
        for (path, text) in files where path.hasSuffix(".ics") {
            var file = CalendarSeries.File(owner: owners[path] ?? "")
            for (uid, e) in ICalPublishedEvents(text).events {
                file.events[uid] = CalendarSeries.Event(sequence: e.sequence, lastModified: e.lastModified ?? "",
                                                        digest: CalendarSeries.digest(e.content))
            }
            if path != ICalendarWriter.allPath && file.owner.isEmpty { continue }
            series.files[path] = file
        }
        return series
    }

    /// The series a plan published before per-file UIDs, when its calendars are not at hand: every session
    /// under `<id>@<domain>` in all.ics and in each file it appeared in, at the plan's SEQUENCE. The content
    /// is unknown (empty digest), so unchanged events keep the plan's SEQUENCE and get a new LAST-MODIFIED.
    public static func assumed(from plan: Plan, scenario: Scenario, now: ICalTimestamp) -> CalendarSeries {
        var series = CalendarSeries()
        let domain = scenario.project.uidDomain
        let paths = legacyPaths(plan: plan, scenario: scenario)
        func add(_ path: String, _ owner: String, _ s: PlannedSession) {
            series.files[path, default: CalendarSeries.File(owner: owner)].events[ICalendarWriter.uid(s.id, domain)] =
                CalendarSeries.Event(sequence: s.sequence, lastModified: now.text, digest: "")
        }
        var seen = Set<String>()
        for s in plan.sessions where seen.insert(s.id).inserted {
            add(ICalendarWriter.allPath, "", s)
            let files = s.calendarFiles.union(s.cancelledIn)
            for name in files.leaders { if let p = paths.leaders[name] { add(p, name, s) } }
            for name in files.municipalities { if let p = paths.municipalities[name] { add(p, name, s) } }
            for id in files.venues { if let p = paths.venues[id] { add(p, id, s) } }
        }
        return series
    }

    /// Path → owner as files were named before names were kept (every name of the plan through `unique`).
    static func legacyOwners(plan: Plan?, scenario: Scenario) -> [String: String] {
        let p = legacyPaths(plan: plan, scenario: scenario)
        var out: [String: String] = [:]
        for map in [p.leaders, p.municipalities, p.venues] { for (name, path) in map { out[path] = name } }
        return out
    }

    static func legacyPaths(plan: Plan?, scenario: Scenario)
        -> (leaders: [String: String], municipalities: [String: String], venues: [String: String]) {
        let sessions = plan?.sessions ?? []
        let leaders = sessions.flatMap { $0.leaders + $0.cancelledIn.leaders }
        let municipalities = scenario.municipalities.map(\.name) + sessions.flatMap { $0.municipalityNames + $0.cancelledIn.municipalities }
        let venues = sessions.flatMap { $0.calendarFiles.venues + $0.cancelledIn.venues }
        func paths(_ folder: String, _ names: [String]) -> [String: String] {
            SafeFileName.unique(names).mapValues { "calendars/\(folder)/\($0).ics" }
        }
        return (paths("leaders", leaders), paths("municipalities", municipalities), paths("venues", venues))
    }
}
