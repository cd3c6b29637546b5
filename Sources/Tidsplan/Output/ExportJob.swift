import TidsplanCore
import TidsplanIO

/// How to render a plan's files.
public struct ExportOptions: Sendable {
    public var csvDialect: CSVDialect
    public var lang: Language
    /// DTSTAMP / LAST-MODIFIED of calendar events: the caller reads the clock (or pins a value for
    /// reproducible runs); the rendering itself never does.
    public var now: ICalTimestamp
    /// The plan published before this one: calendars then cancel sessions it had and this lacks.
    public var previous: Plan?
    /// Extra report sections (capacity, changes) from other jobs.
    public var extraSections: [ReportSection]
    /// What the calendars published before said: names keep their files, unchanged events their
    /// SEQUENCE and LAST-MODIFIED.
    public var published = CalendarSeries()

    public init(csvDialect: CSVDialect = .rfc4180, lang: Language = .sv, now: ICalTimestamp,
                previous: Plan? = nil, extraSections: [ReportSection] = []) {
        self.csvDialect = csvDialect; self.lang = lang; self.now = now; self.previous = previous
        self.extraSections = extraSections
    }
}

/// Renders everything a plan run writes, in memory; `AtomicOutput.replace` puts it on disk.
public enum ExportJob {
    /// plan.json, timetable.csv, timetable.md, courses.csv, report.html, index.html (the calendars to subscribe
    /// to) and the calendars/ tree, sorted by path.
    /// plan.json records the calendars' series (`Plan.calendarSeries`), so the next run continues it.
    public static func render(scenario: Scenario, plan: Plan, options: ExportOptions) -> [OutputFile] {
        let calendars = ICalendarWriter.publish(scenario: scenario, plan: plan, previous: options.previous,
                                                now: options.now, lang: options.lang, published: options.published)
        var published = plan
        published.calendarSeries = calendars.series
        var files: [OutputFile] = [
            OutputFile(path: "plan.json", text: PlanJSONWriter.encode(published)),
            OutputFile(path: "timetable.csv", text: TimetableWriter.csv(plan: plan, scenario: scenario,
                                                                        dialect: options.csvDialect, lang: options.lang)),
            OutputFile(path: "courses.csv", text: CoursesCSV.text(scenario: scenario, plan: plan, lang: options.lang,
                                                                  dialect: options.csvDialect)),
            OutputFile(path: "timetable.md", text: TimetableWriter.markdown(plan: plan, scenario: scenario,
                                                                            lang: options.lang)),
        ]
        files += calendars.files.map { OutputFile(path: $0.path, text: $0.text) }
        // The report sits next to calendars/, so the writer's paths are also the links.
        let report = ReportWriter.html(scenario: scenario, plan: plan, lang: options.lang,
                                       calendarFiles: calendars.files.map(\.path), extraSections: options.extraSections)
        files.append(OutputFile(path: "report.html", text: report))
        // The links page: every calendar to subscribe to, whatever web server hosts the folder.
        let entries = calendars.files.map { SubscribePage.Entry(path: $0.path, name: SubscribePage.calendarName($0.text) ?? $0.path) }
        files.append(OutputFile(path: "index.html", text: SubscribePage.html(title: scenario.project.name, entries: entries,
                                                                             lang: options.lang, baseURL: nil)))
        return files.sorted { $0.path < $1.path }
    }
}
