import Foundation
import TidsplanCore
import Yams

/// The list sections: municipalities, venues, staff, trainers, courses, fixed events, pinned
/// sessions. A missing required field is reported and defaulted; the entry is kept, so that the
/// entries after it keep their numbers and references to it still resolve.
extension ScenarioDocument {
    typealias Fields = ScenarioNodeReader.Fields

    static let municipalityKeys = ["name", "countyPart", "rateKrPerHour", "hoursEach", "quotaHours", "persons",
                                   "statedElsewhere", "withdrawal", "reductions"]
    static let venueKeys = ["id", "name", "town", "countyPart", "capacity", "mode", "costPerDay", "link", "address"]
    static let staffKeys = ["name", "role", "shares", "courses", "absences"]
    static let trainerKeys = ["name", "organisation", "courses", "dayRate", "travelPerDay", "weekdays", "available",
                              "maxDays", "absences"]
    static let courseKeys = ["id", "name", "hours", "start", "end", "audience", "attendance", "participants", "delivery",
                             "venues", "prerequisites", "series", "leadersPerSession", "window", "description", "runs", "core",
                             "reserved", "after", "aheadOf"]
    static let eventKeys = ["id", "title", "kind", "date", "start", "end", "venue", "leaders", "municipalities", "description"]

    func readMunicipality(_ f: inout Fields) -> Municipality? {
        let name = r.text(f, "name", required: true) ?? ""
        if !name.isEmpty { f.what = "municipality \(name)" }
        let what = f.what
        let part = r.text(f, "countyPart", required: true) ?? ""
        let groups: [PersonGroup] = r.list(f, "persons", required: true, what: "\(what): group",
                                           keys: ["area", "role", "persons"]) { g in
            let area = r.text(g, "area", required: true) ?? ""
            let role = r.choice(g, "role", Role.allCases.map(\.rawValue), required: true).flatMap(Role.init(rawValue:))
            return PersonGroup(area: area, role: role ?? .staff, persons: r.int(g, "persons", required: true) ?? 0)
        }
        var stated: StatedTotals?
        if let sf = section(f, "statedElsewhere", what: "\(what): statedElsewhere", keys: ["hours", "persons", "cofinancingKr"]) {
            stated = StatedTotals(hours: r.int(sf, "hours"), persons: r.int(sf, "persons"), cofinancingKr: r.int(sf, "cofinancingKr"))
        }
        let reductions: [QuotaReduction] = r.list(f, "reductions", what: "\(what): reduction", keys: ["from", "quotaHours"]) { rf in
            guard let from = r.day(rf, "from", required: true), let q = r.int(rf, "quotaHours", required: true) else { return nil }
            return QuotaReduction(from: from, quotaHours: q)
        }
        return Municipality(name: name, countyPart: part, groups: groups, hoursEach: r.double(f, "hoursEach"),
                            quotaHours: r.int(f, "quotaHours", required: true) ?? 0,
                            rateKrPerHour: r.int(f, "rateKrPerHour", required: true) ?? 0,
                            withdrawal: r.day(f, "withdrawal"), reductions: reductions, statedElsewhere: stated)
    }

    func readVenue(_ f: inout Fields) -> Venue? {
        let id = r.text(f, "id", required: true) ?? ""
        if !id.isEmpty { f.what = "venue \(id)" }
        let mode = r.choice(f, "mode", ["physical", "digital"], required: true).flatMap(DeliveryMode.init(rawValue:))
        return Venue(id: id, name: r.text(f, "name") ?? id, town: r.text(f, "town") ?? "",
                     countyPart: r.text(f, "countyPart"), capacity: r.int(f, "capacity", required: true) ?? 1,
                     mode: mode ?? .physical, costPerDay: r.int(f, "costPerDay") ?? 0, link: r.text(f, "link"),
                     address: r.text(f, "address").flatMap { $0.isEmpty ? nil : $0 })
    }

    func readAbsences(_ f: Fields) -> [Blackout] {
        r.list(f, "absences", what: "\(f.what): absence", keys: ["name", "from", "to"]) { readNamedRange(&$0, "absence") }
    }

    func readStaff(_ f: inout Fields) -> StaffMember? {
        let name = r.text(f, "name", required: true) ?? ""
        if !name.isEmpty { f.what = "staff member \(name)" }
        let shares: [ShareSpan] = r.list(f, "shares", required: true, what: "\(f.what): share", keys: ["from", "to", "share"]) { sf in
            let share = r.double(sf, "share", required: true)
            guard let range = readRange(sf), let share else { return nil }
            return ShareSpan(range: range, share: share)
        }
        return StaffMember(name: name, role: r.text(f, "role") ?? "", shares: shares, courses: r.names(f, "courses"),
                           absences: readAbsences(f))
    }

    func readTrainer(_ f: inout Fields) -> ExternalTrainer? {
        let name = r.text(f, "name", required: true) ?? ""
        if !name.isEmpty { f.what = "trainer \(name)" }
        let what = f.what
        _ = r.value(f, "courses", required: true)  // reports a missing list; read below
        var weekdays: [Weekday] = []
        if let items = r.elements(f, "weekdays", scalarAsList: true) {
            var kept: [Int] = []
            for (i, item) in items.enumerated() {
                guard let text = r.scalarText(item.node, item.path, "\(what): weekday") else { continue }
                if let w = Weekday(name: text.trimmingCharacters(in: .whitespaces)) {
                    weekdays.append(w); kept.append(i)
                } else {
                    let dym = NameMatching.didYouMean(text, among: Weekday.allCases.map(\.rawValue))
                    r.error(item.node, item.path, Bilingual("\(ScenarioNodeReader.sv(what)): \"\(ScenarioNodeReader.short(text))\" är ingen veckodag\(dym.map { "; \($0.sv)" } ?? "")",
                                                           "\(what): \"\(ScenarioNodeReader.short(text))\" is not a weekday\(dym.map { "; \($0.en)" } ?? "")"),
                            hint: Bilingual("måndag … fredag, eller monday … friday", "monday … friday, or måndag … fredag"))
                }
            }
            r.keep(kept, total: items.count, at: ScenarioNodeReader.join(f.path, "weekdays"))
        }
        let available: [DateRange] = r.list(f, "available", what: "\(what): contract period", keys: ["from", "to"]) { readRange($0) }
        return ExternalTrainer(name: name, organisation: r.text(f, "organisation") ?? "", courses: r.names(f, "courses"),
                               dayRate: r.int(f, "dayRate", required: true) ?? 0, weekdays: weekdays,
                               available: available, maxDays: r.int(f, "maxDays"), absences: readAbsences(f),
                               travelPerDay: r.int(f, "travelPerDay") ?? 0)
    }

    func readCourse(_ f: inout Fields) -> Course? {
        let id = r.text(f, "id", required: true) ?? ""
        if !id.isEmpty { f.what = "course \(id)" }
        let what = f.what
        let start = r.time(f, "start", required: true), end = r.time(f, "end", required: true)
        let defaults = Course(id: id, name: id, hours: 1, start: ClockTime(minutes: 0), end: ClockTime(minutes: 60), audience: [])
        var c = Course(id: id, name: r.text(f, "name") ?? id, hours: r.double(f, "hours", required: true) ?? 1,
                       start: start ?? ClockTime(minutes: 0), end: end ?? ClockTime(minutes: 60), audience: [Audience()])
        if let items = r.elements(f, "audience") { c.audience = readAudience(items, what: what, path: ScenarioNodeReader.join(f.path, "audience")) }
        if let v = r.value(f, "attendance", required: false) {
            c.attendance = readAttendance(v, path: ScenarioNodeReader.join(f.path, "attendance"), what: what) ?? defaults.attendance
        }
        if let pf = section(f, "participants", what: "\(what): participants", keys: ["min", "max"]) {
            c.minParticipants = r.int(pf, "min") ?? c.minParticipants
            c.maxParticipants = r.int(pf, "max") ?? c.maxParticipants
        }
        c.delivery = r.choice(f, "delivery", ["countyPart", "county", "digital"]).flatMap(Delivery.init(rawValue:)) ?? c.delivery
        c.venues = r.names(f, "venues")
        if let items = r.elements(f, "prerequisites", scalarAsList: true) {
            c.prerequisites = readPrerequisites(items, what: what, path: ScenarioNodeReader.join(f.path, "prerequisites"))
        }
        if let sf = section(f, "series", what: "\(what): series", keys: ["meetings", "everyWeeks"]) {
            c.series = Series(meetings: r.int(sf, "meetings", required: true) ?? 1, everyWeeks: r.int(sf, "everyWeeks", required: true) ?? 1)
        }
        c.leadersPerSession = r.int(f, "leadersPerSession") ?? c.leadersPerSession
        if let wf = section(f, "window", what: "\(what): window", keys: ["from", "to"]) { c.window = readRange(wf) }
        c.description = r.text(f, "description") ?? ""
        if let rf = section(f, "runs", what: "\(what): runs", keys: ["min", "perCountyPart"]) {
            c.runs = RunRequirement(min: r.int(rf, "min") ?? 0, perCountyPart: r.int(rf, "perCountyPart") ?? 0)
        }
        c.core = r.bool(f, "core") ?? false
        if let items = r.elements(f, "reserved") {
            var kept: [Int] = []
            for (i, item) in items.enumerated() {
                guard let rf = r.fields(item.node, path: item.path, what: "\(what): reserved \(i + 1)", keys: ["organisation", "seats"]) else { continue }
                c.reserved.append(ReservedSeats(organisation: r.text(rf, "organisation", required: true) ?? "", seats: r.int(rf, "seats", required: true) ?? 0))
                kept.append(i)
            }
            r.keep(kept, total: items.count, at: ScenarioNodeReader.join(f.path, "reserved"))
        }
        if let items = r.elements(f, "after", scalarAsList: true) {
            c.after = readAfter(items, what: what, path: ScenarioNodeReader.join(f.path, "after"))
        }
        if let af = section(f, "aheadOf", what: "\(what): aheadOf", keys: ["courses", "slackWeeks"]) {
            c.aheadOf = AheadOf(courses: r.names(af, "courses"), slackWeeks: r.int(af, "slackWeeks") ?? 0)
        }
        return c
    }

    /// `[{area: EB}, {area: AME, role: staff}]`; a bare name is an area.
    func readAudience(_ items: [(path: String, node: Node)], what: String, path: String) -> [Audience] {
        var out: [Audience] = []
        var kept: [Int] = []
        for (i, item) in items.enumerated() {
            if case .scalar = item.node {
                if let area = r.scalarText(item.node, item.path, "\(what): audience") {
                    out.append(Audience(area: area)); kept.append(i)
                }
                continue
            }
            guard let af = r.fields(item.node, path: item.path, what: "\(what): audience \(i + 1)", keys: ["area", "role"]) else { continue }
            let role = r.choice(af, "role", Role.allCases.map(\.rawValue)).flatMap(Role.init(rawValue:))
            out.append(Audience(area: r.text(af, "area"), role: role)); kept.append(i)
        }
        r.keep(kept, total: items.count, at: path)
        return out
    }

    /// `all`, `asNeeded`, or `{perMunicipality: {Jönköping: 10}}`.
    func readAttendance(_ v: Node, path: String, what: String) -> Attendance? {
        if case .scalar = v {
            switch r.choiceValue(v, path, "\(what): `attendance`", ["all", "asNeeded"]) {
            case "all": return .all
            case "asNeeded": return .asNeeded
            default: return nil
            }
        }
        guard let af = r.fields(v, path: path, what: "\(what): attendance", keys: ["perMunicipality", "everyMunicipality", "share"]) else { return nil }
        var ask = GroupAsk()
        var counts: [String: Int] = [:]
        var byGroup = false
        if let pv = r.value(af, "perMunicipality", required: false),
           let entries = r.freeMapping(pv, path: ScenarioNodeReader.join(path, "perMunicipality"), what: "\(what): perMunicipality") {
            for e in entries {
                let at = ScenarioNodeReader.join(path, "perMunicipality.\(e.key)")
                if case .mapping = e.value {
                    byGroup = true
                    let groups = groupCounts(e.value, path: at, what: "\(what): persons from \(e.key)")
                    ask.perMunicipality.append((e.key, .groups(groups)))
                } else if let n = r.intValue(e.value, at, "\(what): persons from \(e.key)") {
                    counts[e.key] = n
                    ask.perMunicipality.append((e.key, .total(n)))
                }
            }
        }
        if let ev = r.value(af, "everyMunicipality", required: false) {
            byGroup = true
            ask.everyMunicipality = groupCounts(ev, path: ScenarioNodeReader.join(path, "everyMunicipality"), what: "\(what): everyMunicipality")
        }
        if let sv = r.value(af, "share", required: false),
           let entries = r.freeMapping(sv, path: ScenarioNodeReader.join(path, "share"), what: "\(what): share") {
            byGroup = true
            for e in entries {
                let at = ScenarioNodeReader.join(path, "share.\(e.key)")
                guard let key = groupKey(e.key, keyNode: e.keyNode, path: at, what: what),
                      let x = r.doubleValue(e.value, at, "\(what): share of \(e.key)") else { continue }
                ask.share.append((key, x))
            }
        }
        // Only totals per municipality: today's form, split over the audience's groups by the stated rule.
        return byGroup ? .perGroup(ask) : .perMunicipality(counts)
    }

    /// `{EB: 2, AME/staff: 1}`: persons per target group, in file order.
    func groupCounts(_ v: Node, path: String, what: String) -> [(key: GroupKey, persons: Int)] {
        guard let entries = r.freeMapping(v, path: path, what: what) else { return [] }
        var out: [(key: GroupKey, persons: Int)] = []
        for e in entries {
            let at = ScenarioNodeReader.join(path, e.key)
            guard let key = groupKey(e.key, keyNode: e.keyNode, path: at, what: what),
                  let n = r.intValue(e.value, at, "\(what): persons in \(e.key)") else { continue }
            out.append((key, n))
        }
        return out
    }

    func groupKey(_ text: String, keyNode: Node, path: String, what: String) -> GroupKey? {
        guard let key = GroupKey(text: text) else {
            r.error(keyNode, path, Bilingual("\(ScenarioNodeReader.sv(what)): \"\(text)\" är ingen målgrupp", "\(what): \"\(text)\" is not a target group"),
                    hint: Bilingual("skriv ett område (`EB`), ett område och en roll (`EB/staff`, `EB/manager`) eller `*/manager`",
                                    "write an area (`EB`), an area and a role (`EB/staff`, `EB/manager`), or `*/manager`"))
            return nil
        }
        return key
    }

    /// `[{course: HP, minGapWeeks: 2}]`; a bare id is a prerequisite with no gap.
    func readPrerequisites(_ items: [(path: String, node: Node)], what: String, path: String) -> [Prerequisite] {
        readCourseLinks(items, what: what, path: path, label: "prerequisite").map { Prerequisite(course: $0.course, minGapWeeks: $0.gap) }
    }

    /// `[{course: MIX-INTRO, minGapWeeks: 0}]`; a bare id is a course to hold first with no gap.
    func readAfter(_ items: [(path: String, node: Node)], what: String, path: String) -> [CourseAfter] {
        readCourseLinks(items, what: what, path: path, label: "after").map { CourseAfter(course: $0.course, minGapWeeks: $0.gap) }
    }

    /// A list of `{course, minGapWeeks}` entries (prerequisites, courses to hold first); a bare id has no gap.
    func readCourseLinks(_ items: [(path: String, node: Node)], what: String, path: String, label: String) -> [(course: String, gap: Int)] {
        var out: [(course: String, gap: Int)] = []
        var kept: [Int] = []
        for (i, item) in items.enumerated() {
            if case .scalar = item.node {
                if let id = r.scalarText(item.node, item.path, "\(what): \(label)") {
                    out.append((id, 0)); kept.append(i)
                    r.record(ScenarioNodeReader.join(item.path, "course"), item.node)
                }
                continue
            }
            guard let f = r.fields(item.node, path: item.path, what: "\(what): \(label) \(i + 1)",
                                   keys: ["course", "minGapWeeks"]) else { continue }
            out.append((r.text(f, "course", required: true) ?? "", r.int(f, "minGapWeeks") ?? 0))
            kept.append(i)
        }
        r.keep(kept, total: items.count, at: path)
        return out
    }

    func readFixedEvent(_ f: inout Fields) -> FixedEvent? {
        let id = r.text(f, "id", required: true) ?? ""
        if !id.isEmpty { f.what = "event \(id)" }
        let kind = r.choice(f, "kind", EventKind.allCases.map(\.rawValue)).flatMap(EventKind.init(rawValue:))
        let date = r.day(f, "date", required: true)
        let start = r.time(f, "start", required: true), end = r.time(f, "end", required: true)
        return FixedEvent(id: id, title: r.text(f, "title", required: true) ?? id, kind: kind ?? .meeting,
                          date: date ?? Day(ordinal: 0), start: start ?? ClockTime(minutes: 0), end: end ?? ClockTime(minutes: 60),
                          venue: r.text(f, "venue"), leaders: r.names(f, "leaders"),
                          municipalities: r.names(f, "municipalities"), description: r.text(f, "description") ?? "")
    }

    func readPinned(_ f: inout Fields) -> PinnedSession? {
        let course = r.text(f, "course", required: true) ?? ""
        if !course.isEmpty { f.what = "pinned session of \(course)" }
        let hadDate = r.value(f, "date", required: false) != nil
        let date = r.day(f, "date")
        // An unreadable date is reported; the entry is dropped rather than pinned to nothing.
        if hadDate && date == nil { return nil }
        return PinnedSession(course: course, countyPart: r.text(f, "countyPart"), date: date, leader: r.text(f, "leader"))
    }
}
