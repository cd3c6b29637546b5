import TidsplanCore

/// The words of courses.csv and of the report's "promised versus planned" section, in one language.
public struct CourseWords: Sendable {
    public let lang: Language
    private var sv: Bool { lang == .sv }
    public init(lang: Language) { self.lang = lang }

    public var title: String { sv ? "Utlovat mot planerat, per kurs" : "Promised versus planned, per course" }
    public var course: String { sv ? "Kurs" : "Course" }
    public var status: String { sv ? "Läge" : "Status" }
    public var runs: String { sv ? "Omgångar" : "Runs" }
    public var sessions: String { sv ? "Tillfällen" : "Sessions" }
    public var persons: String { sv ? "Personer med plats" : "Persons with a place" }
    public var asked: String { sv ? "Efterfrågat" : "Asked for" }
    public var hours: String { sv ? "Deltagartimmar" : "Participant hours" }
    public var byArea: String { sv ? "Per verksamhetsområde" : "Per operational area" }
    public var shortMunicipalities: String { sv ? "Kommuner och målgrupper som saknar platser" : "Municipalities and target groups short of places" }
    /// `Aneby EB medarbetare` / `Aneby EB staff`.
    public func group(_ g: CourseCoverage.GroupCount) -> String { "\(g.municipality) \(g.area) \(role(g.role))" }
    public func role(_ r: Role) -> String {
        switch r {
        case .staff: return sv ? "medarbetare" : "staff"
        case .manager: return sv ? "chefer" : "managers"
        }
    }
    public var followUp: String { sv ? "Uppföljningsenkät" : "Follow-up survey" }

    public func status(_ s: CourseCoverage.Status) -> String {
        switch s {
        case .nothing: return sv ? "hålls inte" : "not held"
        case .short: return sv ? "delvis" : "partly"
        case .held: return sv ? "hålls" : "held"
        case .met: return sv ? "som begärt" : "as asked"
        }
    }

    public var asNeeded: String { sv ? "efter behov" : "as needed" }

    public func followUp(_ f: CourseCoverage.FollowUp) -> String {
        switch f {
        case .notAsked: return sv ? "ingen begärd" : "none asked for"
        case .noCourse: return "–"
        case .planned(let d): return d.iso
        case .afterProjectEnd(let d):
            return sv ? "ryms inte (\(d.iso), efter projektets slut)" : "does not fit (\(d.iso), after the project ends)"
        case .missing(let d): return sv ? "saknas i planen (\(d.iso))" : "not in the plan (due \(d.iso))"
        case .sentBeforeEnd(let sent, let due):
            return sv ? "\(sent.iso) (i förtid: skulle bli \(due.iso), efter projektets slut)" : "\(sent.iso) (early: due \(due.iso), after the project ends)"
        case let .perRun(dates, afterEnd, missing):
            var parts: [String] = []
            if let first = dates.first, let last = dates.last {
                let n = dates.count
                let count = sv ? (n == 1 ? "1 enkät" : "\(n) enkäter") : (n == 1 ? "1 survey" : "\(n) surveys")
                let span = first == last ? first.iso : first.iso + (sv ? "–" : " to ") + last.iso
                parts.append(count + ", " + span)
            }
            if afterEnd > 0 {
                parts.append(sv ? "\(afterEnd) \(afterEnd == 1 ? "omgång" : "omgångar") utan: fönstret öppnar efter projektets slut"
                                : "\(afterEnd) \(afterEnd == 1 ? "run" : "runs") without: the window opens after the project ends")
            }
            if missing > 0 {
                parts.append(sv ? "\(missing) saknas i planen" : "\(missing) not in the plan")
            }
            return parts.joined(separator: "; ")
        }
    }

    public var summaryNothing: String {
        sv ? "Kurser som utlovats men inte hålls alls" : "Courses promised but not held at all"
    }
    public func summary(nothing: Int, short: Int, total: Int) -> String {
        if nothing == 0 && short == 0 {
            return sv ? "Alla \(total) kurser hålls så som scenariot begär." : "All \(total) courses run as the scenario asks."
        }
        if nothing == 0 {
            return sv ? "Alla \(total) kurser hålls; \(short) bara delvis, de står först." : "All \(total) courses run; \(short) only partly, they come first."
        }
        return sv ? "Av \(total) kurser hålls \(nothing) inte alls och \(short) bara delvis; de står först."
                  : "Of \(total) courses, \(nothing) are not held at all and \(short) only partly; they come first."
    }
    public func areaHours(_ parts: [String], estimated: Bool) -> String {
        (sv ? "Deltagartimmar per verksamhetsområde: " : "Participant hours per operational area: ") + parts.joined(separator: ", ")
            + (estimated ? (sv ? " (≈: delvis uppskattat)" : " (≈: partly estimated)") : "") + "."
    }
    public var note: String {
        sv ? "Personer räknas en gång per kurs (en serie räknas vid första träffen). Efterfrågat är scenariots krav på deltagande; kurser som tas efter behov har inget krav. Fördelningen per verksamhetsområde följer kommunernas personer i kursens målgrupp; där en kommuns platser kan gälla flera områden delas de i proportion till antalet personer (≈)."
           : "Persons are counted once per course (a series counts at its first meeting). Asked for is the scenario's attendance requirement; courses taken as needed have none. The split by operational area follows the municipalities' persons in the course's audience; where a municipality's places may belong to several areas they are split in proportion to persons (≈)."
    }

    /// CSV column names.
    public var csvHeader: [String] {
        sv ? ["kurs_id", "kurs", "nivå", "namn", "läge", "omgångar", "omgångar_begärda", "tillfällen", "personer", "begärda_personer", "deltagartimmar", "uppföljningsenkät"]
           : ["course_id", "course", "level", "name", "status", "runs", "runs_asked", "sessions", "persons", "persons_asked", "participant_hours", "follow_up_survey"]
    }
    public var levelCourse: String { sv ? "kurs" : "course" }
    public var levelArea: String { sv ? "område" : "area" }
    public var levelAreaEstimated: String { sv ? "område (uppskattat)" : "area (estimated)" }
    public var levelMunicipality: String { sv ? "kommun" : "municipality" }
    public var levelGroupShort: String { sv ? "målgrupp som saknar platser" : "target group short of places" }
}

/// courses.csv: per course one `course` row, then one row per operational area and per municipality
/// with places or asked-for persons. Courses that got nothing come first.
public enum CoursesCSV {
    public static func text(scenario: Scenario, plan: Plan, lang: Language, dialect: CSVDialect) -> String {
        let w = CourseWords(lang: lang)
        func n(_ x: Int?) -> String { x.map(String.init) ?? "" }
        var rows = [w.csvHeader]
        for c in CourseCoverage.all(scenario: scenario, plan: plan) {
            rows.append([c.courseID, c.name, w.levelCourse, c.name, w.status(c.status), String(c.runs), n(c.runsAsked),
                         String(c.sessions), String(c.placed), n(c.asked),
                         NumberText.plain(c.hours, decimalSeparator: dialect.decimalSeparator) ?? "", w.followUp(c.followUp)])
            let areaLevel = c.areasEstimated ? w.levelAreaEstimated : w.levelArea
            for a in c.areas { rows.append([c.courseID, c.name, areaLevel, a.name, "", "", "", "", String(a.placed), n(a.asked), "", ""]) }
            for m in c.municipalities {
                rows.append([c.courseID, c.name, w.levelMunicipality, m.name, "", "", "", "", String(m.placed), n(m.asked), "", ""])
            }
            for g in c.groupsShort {
                rows.append([c.courseID, c.name, w.levelGroupShort, w.group(g), "", "", "", "", String(g.placed), String(g.asked), "", ""])
            }
        }
        return CSVTable.text(rows, dialect: dialect)
    }
}
