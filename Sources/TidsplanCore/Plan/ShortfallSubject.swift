/// Who or what a shortfall is about, as typed fields: each is nil (or false) where it does not apply.
/// A quota shortfall names a municipality; an attendance shortfall a course, a municipality and its target
/// group (area × role); a coverage target an area (and role); runs a course (and county part); a run that
/// found no day its run id; a part of the plan that could not be made its name.
public struct ShortfallSubject: Sendable, Equatable {
    public var course: String?
    public var municipality: String?
    /// The target group's area (an attendance or coverage shortfall).
    public var area: String?
    /// The target group's role (nil: every role of the area).
    public var role: Role?
    /// The county part a course's runs serve.
    public var countyPart: String?
    /// The course's county-wide (or digital) runs, as opposed to one county part's.
    public var countyWide: Bool
    /// A run id (`C1-norr-1`).
    public var run: String?
    /// A part of the plan by name (the project, an area of a plan made by area) when nothing above applies.
    public var name: String?

    public init(course: String? = nil, municipality: String? = nil, area: String? = nil, role: Role? = nil,
                countyPart: String? = nil, countyWide: Bool = false, run: String? = nil, name: String? = nil) {
        self.course = course; self.municipality = municipality; self.area = area; self.role = role
        self.countyPart = countyPart; self.countyWide = countyWide; self.run = run; self.name = name
    }

    public static func municipality(_ m: String) -> ShortfallSubject { ShortfallSubject(municipality: m) }
    public static func course(_ c: String) -> ShortfallSubject { ShortfallSubject(course: c) }

    /// Reads the composite string of plan.json files written before subjects were typed
    /// (`tidsplan-plan/1`): `<course> <municipality>` for attendance, `<course> <county part>` (or
    /// `county`, or nothing) for runs and courses, `<area>[ <role>]` for coverage, the municipality for
    /// a quota, the run id for a session, a name for a part of the plan. Course ids hold no spaces.
    public init(legacy text: String, kind: String) {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let head = parts.first ?? "", rest = parts.count > 1 ? parts[1] : ""
        switch kind {
        case "quota", "budget":
            self.init(municipality: text)
        case "attendance":
            self.init(course: head, municipality: rest.isEmpty ? nil : rest)
        case "runs", "course":
            if rest == "county" { self.init(course: head, countyWide: true) }
            else { self.init(course: head, countyPart: rest.isEmpty ? nil : rest) }
        case "followUp":
            self.init(course: text)
        case "coverage":
            if let space = text.lastIndex(of: " "), let role = Role(rawValue: String(text[text.index(after: space)...])) {
                self.init(area: String(text[..<space]), role: role)
            } else {
                self.init(area: text)
            }
        case "session":
            self.init(run: text)
        default:
            self.init(name: text)
        }
    }
}
