import TidsplanCore

/// Writes the plan as iCalendar files (RFC 5545) that trainers and municipal managers subscribe to:
///
/// - `calendars/all.ics`: every session and fixed event;
/// - `calendars/leaders/<name>.ics`: what each staff member or trainer leads or attends;
/// - `calendars/municipalities/<name>.ics`: sessions with the municipality's seats and the fixed
///   events it attends;
/// - `calendars/venues/<id>.ics`: what each venue hosts.
///
/// **UIDs never conflict.** all.ics carries a session as `<id>@<domain>`; every other file carries its own
/// copy under a UID of its own, `<id>.<folder>.<file>@<domain>`, so no UID is in two files and a client that
/// merges several files (or Radicale, which refuses one UID under two names) never sees a held session as
/// cancelled because it left some other person's file. A session that leaves a file stays in it, cancelled.
///
/// **Calendars published before per-file UIDs** carried `<id>@<domain>` in every file. Such an event keeps
/// that UID (identical in every file) while it stays in every file that has it; when it leaves one of them
/// while still held, the shared UID is retired: cancelled, identically, in every file that has it, and the
/// session goes on under the new UIDs. So no subscriber keeps a stale event and no client sees a conflict.
///
/// **The series continues.** An event's SEQUENCE rises, and its LAST-MODIFIED moves, only when something
/// a client shows changed (judged against `published`); file names, once published, stay with their owner.
public enum ICalendarWriter {
    /// PRODID (RFC 5545 3.7.3): the last part names the language of the text.
    public static func productID(_ lang: Language) -> String {
        "-//Tidsplan//Tidsplan 1.0//" + (lang == .sv ? "SV" : "EN")
    }

    /// Every calendar file for `plan` (sorted by path, all.ics first) and the series to record in plan.json.
    ///
    /// - Parameters:
    ///   - previous: the plan published before this one. A session it has but `plan` lacks is still
    ///     written, as CANCELLED with its SEQUENCE raised by one, and a session that left a file (its
    ///     municipality lost its seats, its leader or venue changed) stays in that file as CANCELLED.
    ///   - published: what the calendars published before said (see `CalendarSeries`); empty for a first plan.
    ///   - now: DTSTAMP and LAST-MODIFIED of changed events; pass a pinned value for reproducible output.
    ///   - lang: language of the calendar names, descriptions and the "cancelled" prefix.
    public static func publish(scenario: Scenario, plan: Plan, previous: Plan?, now: ICalTimestamp,
                               lang: Language = .sv, published: CalendarSeries = CalendarSeries()) -> CalendarOutput {
        let sessions = sessionsToPublish(plan: plan, previous: previous)
        let words = CalendarWords(lang: lang)
        let project = scenario.project.name
        let domain = scenario.project.uidDomain

        // The files and their owners; a published owner keeps its file even when nothing of it is left.
        let leaderNames = sessions.flatMap { $0.leaders + $0.cancelledIn.leaders }
        let municipalityNames = scenario.municipalities.map(\.name)
            + sessions.flatMap { $0.municipalityNames + $0.cancelledIn.municipalities }
        let venueIDs = sessions.flatMap { $0.calendarFiles.venues + $0.cancelledIn.venues }
        let leaders = CalendarFileNames.assign(folder: "calendars/leaders", names: leaderNames, published: published)
        let municipalities = CalendarFileNames.assign(folder: "calendars/municipalities", names: municipalityNames,
                                                      published: published)
        let venues = CalendarFileNames.assign(folder: "calendars/venues", names: venueIDs, published: published)
        var titles: [String: String] = [allPath: words.allName(project)]
        var owners: [String: String] = [allPath: ""]
        for (name, path) in leaders { titles[path] = words.leaderName(project, name); owners[path] = name }
        for (name, path) in municipalities { titles[path] = words.municipalityName(project, name); owners[path] = name }
        for (id, path) in venues {
            titles[path] = words.venueName(project, scenario.venue(id)?.name ?? id); owners[path] = id
        }
        func paths(_ f: CalendarFiles) -> [String] {
            f.leaders.compactMap { leaders[$0] } + f.municipalities.compactMap { municipalities[$0] }
                + f.venues.compactMap { venues[$0] }
        }
        // Which files published which UID: a UID once in a file stays in it.
        var publishedIn: [String: [String]] = [:]
        // And which files published a copy of a session under their own UID (by the session's escaped id).
        var ownCopies: [String: [String]] = [:]
        for (path, file) in published.files {
            let suffix = "." + fileTag(path) + "@" + domain
            for uid in file.events.keys {
                publishedIn[uid, default: []].append(path)
                if uid.hasSuffix(suffix) { ownCopies[String(uid.dropLast(suffix.count)), default: []].append(path) }
            }
        }

        // Each file's events, in session order: UID and content.
        var entries: [String: [(uid: String, body: EventBody)]] = [:]
        for s in sessions {
            let shared = uid(s.id, domain)
            let asIs = vevent(s, scenario: scenario, words: words)
            let shown = paths(s.calendarFiles)
            let shownSet = Set(shown)
            var left = paths(s.cancelledIn).filter { !shownSet.contains($0) }
            for path in (publishedIn[shared] ?? []) + (ownCopies[ICalFormat.escapeText(s.id)] ?? [])
            where path != allPath && owners[path] != nil && !shownSet.contains(path) && !left.contains(path) {
                left.append(path)
            }
            left.sort()
            // Files that carry the shared UID from before per-file UIDs.
            let legacy = Set((publishedIn[shared] ?? []).filter { $0 != allPath })
            let retired = publishedIn[uid(s.id, domain, file: allPath)] != nil
                || (!legacy.isEmpty && s.status == .planned && legacy.contains { !shownSet.contains($0) })
            let retiredBody = retired ? retiredVevent(s, words: words) : nil

            if let retiredBody {
                entries[allPath, default: []].append((shared, retiredBody))
                entries[allPath, default: []].append((uid(s.id, domain, file: allPath), asIs))
            } else {
                entries[allPath, default: []].append((shared, asIs))
            }
            for path in shown {
                if legacy.contains(path) {
                    if let retiredBody {
                        entries[path, default: []].append((shared, retiredBody))
                    } else {
                        entries[path, default: []].append((shared, asIs))
                        continue
                    }
                }
                // A municipality's own copy says in its title how many of its own people go.
                let own = path.hasPrefix("calendars/municipalities/") ? (owners[path]).flatMap { s.seats[$0] } ?? 0 : 0
                let body = s.kind == .training && own > 0 ? vevent(s, scenario: scenario, words: words, ownPlaces: own) : asIs
                entries[path, default: []].append((uid(s.id, domain, file: path), body))
            }
            for path in left {
                let own = uid(s.id, domain, file: path)
                if legacy.contains(path) {
                    entries[path, default: []].append((shared, retiredBody ?? asIs))
                    if publishedIn[own]?.contains(path) != true { continue }
                }
                entries[path, default: []].append((own, leftVevent(s, words: words)))
            }
        }

        // One state per UID over every file it is in, so a UID reads the same everywhere.
        var states: [String: CalendarSeries.Event] = [:]
        var series = CalendarSeries()
        var files: [(path: String, text: String)] = []
        for path in [allPath] + owners.keys.filter({ $0 != allPath }).sorted() {
            var events: [String] = []
            var record = CalendarSeries.File(owner: owners[path] ?? "")
            for (uid, body) in entries[path] ?? [] {
                let state = states[uid] ?? body.state(uid: uid, now: now, published: published, in: publishedIn[uid] ?? [])
                states[uid] = state
                record.events[uid] = state
                events.append(body.text(uid: uid, state: state))
            }
            series.files[path] = record
            files.append((path, calendarFile(name: titles[path] ?? "", lang: lang, events: events)))
        }
        return CalendarOutput(files: files, series: series)
    }

    /// The files alone (tests and callers that keep no series).
    public static func calendars(scenario: Scenario, plan: Plan, previous: Plan?, now: ICalTimestamp,
                                 lang: Language = .sv, published: CalendarSeries = CalendarSeries()) -> [(path: String, text: String)] {
        publish(scenario: scenario, plan: plan, previous: previous, now: now, lang: lang, published: published).files
    }

    static let allPath = "calendars/all.ics"

    /// The sessions to write: the plan's (first of each id), plus the previous plan's sessions whose
    /// id the plan no longer has, cancelled with a raised SEQUENCE; each remembering the files it left
    /// since the previous plan; in canonical order.
    static func sessionsToPublish(plan: Plan, previous: Plan?) -> [PlannedSession] {
        var before: [String: PlannedSession] = [:]
        for s in previous?.sessions ?? [] where before[s.id] == nil { before[s.id] = s }
        var seen = Set<String>()
        var out: [PlannedSession] = []
        for var s in plan.sessions where seen.insert(s.id).inserted {
            s.cancelledIn = s.filesLeft(since: before[s.id])
            out.append(s)
        }
        for var s in previous?.sessions ?? [] where seen.insert(s.id).inserted {
            if s.status != .cancelled { s.sequence += 1 }
            s.status = .cancelled
            out.append(s)
        }
        out.sort { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }
        return out
    }

    /// The UID of a session in all.ics (and, before per-file UIDs, in every file).
    static func uid(_ id: String, _ domain: String) -> String { ICalFormat.escapeText(id) + "@" + domain }

    /// The UID of a session's copy in one file: `<id>.<folder>.<file>@<domain>` (`<id>.all@…` in all.ics, used
    /// only once a shared UID was retired there).
    static func uid(_ id: String, _ domain: String, file path: String) -> String {
        ICalFormat.escapeText(id) + "." + fileTag(path) + "@" + domain
    }

    /// `calendars/leaders/arla.ics` → `leaders.arla`.
    static func fileTag(_ path: String) -> String {
        path.dropFirst("calendars/".count).dropLast(".ics".count).replacingOccurrences(of: "/", with: ".")
    }

    static func calendarFile(name: String, lang: Language, events: [String]) -> String {
        var c = ICalLines()
        c.raw("BEGIN", "VCALENDAR")
        c.raw("VERSION", "2.0")
        c.raw("PRODID", productID(lang))
        c.raw("CALSCALE", "GREGORIAN")
        c.text("NAME", name)
        c.text("X-WR-CALNAME", name)
        c.raw("X-WR-TIMEZONE", StockholmTimeZone.tzid)
        // Subscribers: ask clients to refresh twice a day (RFC 7986 and the Outlook/Apple variant).
        c.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT12H")
        c.raw("X-PUBLISHED-TTL", "PT12H")
        c.append(block: StockholmTimeZone.vtimezone)
        for e in events { c.append(block: e) }
        c.raw("END", "VCALENDAR")
        return c.text
    }

    /// DTSTART and DTEND of a session: all-day for a survey, else local times in Stockholm.
    static func times(_ s: PlannedSession, into e: inout ICalLines) {
        if isSendOut(s) {
            // A survey is sent, not attended: an all-day event (RFC 5545 3.6.1: DATE values, DTEND the
            // next day, exclusive) that blocks no time, so a day's surveys never stack as meetings.
            e.raw("DTSTART;VALUE=DATE", ICalFormat.date(s.date))
            e.raw("DTEND;VALUE=DATE", ICalFormat.date(s.date.adding(days: 1)))
        } else {
            e.raw("DTSTART;TZID=\(StockholmTimeZone.tzid)", ICalFormat.localDateTime(s.date, s.start))
            // An end not after the start would make clients reject or crash on the event (khal does);
            // without DTEND the event simply has no length.
            if s.end > s.start {
                e.raw("DTEND;TZID=\(StockholmTimeZone.tzid)", ICalFormat.localDateTime(s.date, s.end))
            }
        }
    }

    /// The event as it is (UID, DTSTAMP, LAST-MODIFIED and SEQUENCE are added per UID by `EventBody.text`).
    /// `ownPlaces`: in a municipality's file, its own participants (named in the title).
    static func vevent(_ s: PlannedSession, scenario: Scenario, words: CalendarWords, ownPlaces: Int? = nil) -> EventBody {
        let cancelled = s.status == .cancelled
        var e = ICalLines()
        times(s, into: &e)
        let places = ownPlaces.map { " – " + words.ownPlaces($0) } ?? ""
        e.text("SUMMARY", (cancelled ? words.cancelledPrefix : "") + summary(s, words: words) + places)
        if let location = location(s, scenario: scenario) { e.text("LOCATION", location) }
        e.text("DESCRIPTION", description(s, scenario: scenario, words: words))
        if let link = link(s, scenario: scenario) { e.raw("URL", link) }
        if let contact = scenario.project.contact {
            // ORGANIZER needs an address (RFC 5545 3.8.4.3); CONTACT says it in words, phone included.
            if let email = contact.email {
                e.raw("ORGANIZER;CN=" + ICalFormat.parameterValue(contact.name), "mailto:" + email)
            }
            e.text("CONTACT", ([contact.name] + [contact.email, contact.phone].compactMap { $0 }).joined(separator: ", "))
        }
        e.text("CATEGORIES", s.kind == .training ? s.course : words.eventKind(s.course))
        e.raw("STATUS", cancelled ? "CANCELLED" : "CONFIRMED")
        e.raw("TRANSP", cancelled || isSendOut(s) ? "TRANSPARENT" : "OPAQUE")
        return EventBody(sequence: max(0, s.sequence), lines: e.text, followsPlan: true)
    }

    /// The copy a file keeps of a session that left it: cancelled there, with only what does not depend on
    /// who else takes part, so it is not sent again when others' seats or leaders change.
    static func leftVevent(_ s: PlannedSession, words: CalendarWords) -> EventBody {
        cancelledBody(s, words: words, note: s.status == .cancelled ? words.cancelledNote : words.noLongerHereNote)
    }

    /// A retired shared UID (see the type's doc): cancelled, the same in every file that has it.
    static func retiredVevent(_ s: PlannedSession, words: CalendarWords) -> EventBody {
        cancelledBody(s, words: words, note: s.status == .cancelled ? words.cancelledNote : words.replacedNote)
    }

    private static func cancelledBody(_ s: PlannedSession, words: CalendarWords, note: String) -> EventBody {
        var e = ICalLines()
        times(s, into: &e)
        e.text("SUMMARY", words.cancelledPrefix + summary(s, words: words))
        e.text("DESCRIPTION", note)
        e.text("CATEGORIES", s.kind == .training ? s.course : words.eventKind(s.course))
        e.raw("STATUS", "CANCELLED")
        e.raw("TRANSP", "TRANSPARENT")
        return EventBody(sequence: max(0, s.sequence), lines: e.text, followsPlan: false)
    }

    /// Surveys (generated follow-ups and the scenario's own survey events) go out on a day; nobody attends them.
    static func isSendOut(_ s: PlannedSession) -> Bool {
        s.kind == .event && s.course == EventKind.survey.rawValue
    }

    /// The title, with the meeting of a series in words ("träff 1 av 2") instead of the title's own "(1/2)".
    static func summary(_ s: PlannedSession, words: CalendarWords) -> String {
        let full = s.title(in: words.lang)
        guard let p = s.series, p.of > 1 else { return full }
        let short = " (\(p.meeting)/\(p.of))"
        let title = full.hasSuffix(short) ? String(full.dropLast(short.count)) : full
        return title + " (" + words.meeting(p.meeting, of: p.of) + ")"
    }

    /// The meeting link of a digital session (or a session in a digital room).
    static func link(_ s: PlannedSession, scenario: Scenario) -> String? {
        guard let v = scenario.venue(s.venue), let link = v.link, !link.isEmpty, s.mode == .digital || v.mode == .digital,
              link.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        return link
    }

    /// "Venue name, street address, town" (the town left out when the name already says it); nil when no venue.
    static func location(_ s: PlannedSession, scenario: Scenario) -> String? {
        guard !s.venue.isEmpty else { return nil }
        guard let v = scenario.venue(s.venue) else { return s.venue }
        let street = v.address.map { ", " + $0 } ?? ""
        if v.town.isEmpty || v.name.contains(v.town) { return v.name + street }
        return v.name + street + ", " + v.town
    }

    static func description(_ s: PlannedSession, scenario: Scenario, words: CalendarWords) -> String {
        var lines: [String] = []
        if s.status == .cancelled { lines.append(words.cancelledNote) }
        switch s.kind {
        case .training:
            lines.append(words.course + ": " + (scenario.course(s.course)?.name ?? s.title))
            if let about = scenario.course(s.course)?.description, !about.isEmpty { lines.append(about) }
            if let p = s.series, p.of > 1 { lines.append(words.meetingLine(p.meeting, of: p.of)) }
            if !s.leaders.isEmpty { lines.append(words.leaders + ": " + s.leaders.joined(separator: ", ")) }
            let seated = s.seats.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            if !seated.isEmpty {
                let each = seated.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                lines.append(words.participants + ": \(s.participants) (" + each + ")")
            }
        case .event:
            if let fixed = scenario.fixedEvents.first(where: { $0.id == s.id }), !fixed.description.isEmpty {
                lines.append(fixed.description)
            }
            if !s.municipalityNames.isEmpty {
                lines.append((isSendOut(s) ? words.sentTo : words.invited) + ": " + words.staffFrom(s.municipalityNames))
            }
            if !s.leaders.isEmpty { lines.append(words.fromProject + ": " + s.leaders.joined(separator: ", ")) }
        }
        if let link = link(s, scenario: scenario) { lines.append(words.link + ": " + link) }
        return lines.joined(separator: "\n")
    }
}

/// The words calendars show, in Swedish or English.
struct CalendarWords {
    let lang: Language

    private var sv: Bool { lang == .sv }
    var cancelledPrefix: String { sv ? "INSTÄLLT: " : "CANCELLED: " }
    var cancelledNote: String { sv ? "Tillfället är inställt." : "This session is cancelled." }
    var replacedNote: String {
        sv ? "Ändrad plan: tillfället finns kvar under en ny post i kalendern om det gäller dig."
           : "Changed plan: the session goes on under a new entry in the calendar if it concerns you."
    }
    var noLongerHereNote: String {
        sv ? "Ändrad plan: tillfället ingår inte längre i den här kalendern." : "Changed plan: this session is no longer part of this calendar."
    }
    var course: String { sv ? "Kurs" : "Course" }
    var leaders: String { sv ? "Ledare" : "Leaders" }
    var participants: String { sv ? "Deltagare" : "Participants" }
    var fromProject: String { sv ? "Från projektet" : "From the project" }
    var invited: String { sv ? "Inbjudna" : "Invited" }
    var sentTo: String { sv ? "Skickas till" : "Sent to" }
    /// "personal från Habo, Mullsjö" / "staff from Habo, Mullsjö".
    func staffFrom(_ names: [String]) -> String { (sv ? "personal från " : "staff from ") + names.joined(separator: ", ") }
    var link: String { sv ? "Länk" : "Link" }

    /// "3 deltagare" / "3 participants" (a municipality's own, in its calendar's titles).
    func ownPlaces(_ n: Int) -> String { sv ? "\(n) deltagare" : "\(n) \(n == 1 ? "participant" : "participants")" }
    func meeting(_ k: Int, of n: Int) -> String { sv ? "träff \(k) av \(n)" : "meeting \(k) of \(n)" }
    func meetingLine(_ k: Int, of n: Int) -> String { sv ? "Träff \(k) av \(n)" : "Meeting \(k) of \(n)" }

    func allName(_ project: String) -> String { project + (sv ? ": alla tillfällen" : ": all sessions") }
    func leaderName(_ project: String, _ leader: String) -> String { project + ": " + leader }
    func municipalityName(_ project: String, _ m: String) -> String {
        project + ": " + m + (sv ? ", personal på utbildning" : ", staff away on training")
    }
    func venueName(_ project: String, _ venue: String) -> String {
        project + ": " + (sv ? "lokal " : "venue ") + venue
    }

    /// The event kind's raw value (`steering-group`) in words.
    func eventKind(_ raw: String) -> String {
        switch EventKind(rawValue: raw) {
        case .steeringGroup: return sv ? "Styrgrupp" : "Steering group"
        case .network: return sv ? "Nätverk" : "Network"
        case .survey: return sv ? "Enkät" : "Survey"
        case .meeting: return sv ? "Möte" : "Meeting"
        case .training: return sv ? "Utbildning" : "Training"
        case nil: return raw
        }
    }
}


/// The calendar files of one publication and the series they continue (for plan.json).
public struct CalendarOutput: Sendable {
    public var files: [(path: String, text: String)]
    public var series: CalendarSeries
}

/// One event's content lines apart from UID, DTSTAMP, LAST-MODIFIED and SEQUENCE.
struct EventBody {
    /// The plan's SEQUENCE for the session.
    let sequence: Int
    let lines: String
    /// Whether the plan's SEQUENCE applies (the event as it is); cancelled copies follow their own content only.
    let followsPlan: Bool

    var digest: String { CalendarSeries.digest(ICalPublishedEvents.content(lines)) }

    /// SEQUENCE and LAST-MODIFIED for `uid`, against what the files in `paths` published: unchanged
    /// everywhere, it keeps the highest published SEQUENCE and the latest LAST-MODIFIED; changed (or new in
    /// a file that had it not), LAST-MODIFIED is `now` (at least a second after the published one) and
    /// SEQUENCE rises above every published one.
    func state(uid: String, now: ICalTimestamp, published: CalendarSeries, in paths: [String]) -> CalendarSeries.Event {
        let digest = self.digest
        let old = paths.compactMap { published.files[$0]?.events[uid] }
        guard let highest = old.map(\.sequence).max(), let latest = old.map(\.lastModified).max() else {
            return CalendarSeries.Event(sequence: sequence, lastModified: now.text, digest: digest)
        }
        // An empty digest: published by a plan.json with no calendars at hand; the plan's SEQUENCE says it all.
        let changed = old.contains { $0.digest.isEmpty ? !followsPlan : $0.digest != digest }
        if !changed { return CalendarSeries.Event(sequence: highest, lastModified: latest, digest: digest) }
        // LAST-MODIFIED moves forward on a change even when the clock (or a pinned time) does not.
        let after = ICalTimestamp(text: latest).map { ICalTimestamp(secondsSince1970: $0.secondsSince1970 + 1) }
        let stamp = after.map { max($0, now) } ?? now
        return CalendarSeries.Event(sequence: max(followsPlan ? sequence : 0, highest + 1), lastModified: stamp.text, digest: digest)
    }

    /// The whole VEVENT.
    func text(uid: String, state: CalendarSeries.Event) -> String {
        var e = ICalLines()
        e.raw("BEGIN", "VEVENT")
        e.raw("UID", uid)
        // Without METHOD, DTSTAMP is when the event was last revised (RFC 5545 3.8.7.2): so an unchanged
        // file stays byte for byte the same, and a server can answer a subscriber 304 Not Modified.
        e.raw("DTSTAMP", state.lastModified)
        e.raw("LAST-MODIFIED", state.lastModified)
        e.raw("SEQUENCE", String(state.sequence))
        e.append(block: lines)
        e.raw("END", "VEVENT")
        return e.text
    }
}

/// The events of a calendar file published before: per UID, its LAST-MODIFIED, SEQUENCE and other content.
struct ICalPublishedEvents {
    var events: [String: (lastModified: String?, sequence: Int, content: String)] = [:]

    init(_ text: String) {
        guard !text.isEmpty else { return }
        var uid: String?, lastModified: String?, sequence = 0, body: [Substring] = []
        var inEvent = false
        for line in ICalFormat.unfold(text).split(separator: "\r\n", omittingEmptySubsequences: true) {
            if line == "BEGIN:VEVENT" { inEvent = true; uid = nil; lastModified = nil; sequence = 0; body = []; continue }
            guard inEvent else { continue }
            if line == "END:VEVENT" {
                if let uid { events[uid] = (lastModified, sequence, body.joined(separator: "\n")) }
                inEvent = false
            } else if line.hasPrefix("UID:") { uid = String(line.dropFirst(4)) }
            else if line.hasPrefix("LAST-MODIFIED:") { lastModified = String(line.dropFirst(14)) }
            else if line.hasPrefix("SEQUENCE:") { sequence = Int(line.dropFirst(9)) ?? 0 }
            else if !line.hasPrefix("DTSTAMP:") { body.append(line) }
        }
    }

    /// Folded lines → the form `init` keeps, for comparison.
    static func content(_ folded: String) -> String {
        ICalFormat.unfold(folded).split(separator: "\r\n", omittingEmptySubsequences: true).joined(separator: "\n")
    }
}
