import TidsplanCore

/// Writes the plan as iCalendar files (RFC 5545) that trainers import or subscribe to and that
/// municipal managers read to see when their staff are away:
///
/// - `calendars/all.ics`: every session and fixed event;
/// - `calendars/leaders/<name>.ics`: what each staff member or trainer leads or attends;
/// - `calendars/municipalities/<name>.ics`: sessions with the municipality's seats and the fixed
///   events it attends;
/// - `calendars/venues/<id>.ics`: what each venue hosts.
///
/// A session renders to the same VEVENT bytes in every file, so a client that sees it through two
/// feeds sees one event. UIDs come from the session id only; SEQUENCE is the plan's. Cancelled
/// sessions stay in the files as STATUS:CANCELLED so calendars remove them on the next refresh.
public enum ICalendarWriter {
    public static let productID = "-//Tidsplan//Tidsplan 1.0//SV"

    /// Every calendar file for `plan`, sorted by path (all.ics first).
    ///
    /// - Parameters:
    ///   - previous: the plan published before this one. A session it has but `plan` lacks is still
    ///     written, as CANCELLED with its SEQUENCE raised by one, and a session that left a file (its
    ///     municipality lost its seats, its leader or venue changed) stays in that file as CANCELLED.
    ///     (The planner already records both in the plan; this is a second line of defence.)
    ///   - previousFiles: the calendar files published before (path → text), when at hand: an event
    ///     whose content did not change keeps its LAST-MODIFIED from there.
    ///   - now: DTSTAMP of every event and LAST-MODIFIED of changed ones; pass a pinned value for
    ///     reproducible output.
    ///   - lang: language of the calendar names, descriptions and the "cancelled" prefix.
    public static func calendars(scenario: Scenario, plan: Plan, previous: Plan?, now: ICalTimestamp,
                                 lang: Language = .sv, previousFiles: [String: String] = [:]) -> [(path: String, text: String)] {
        let sessions = sessionsToPublish(plan: plan, previous: previous)
        let words = CalendarWords(lang: lang)
        // Each session's event as it is, and as a file it has left shows it (cancelled there).
        let asIs = sessions.map { vevent($0, scenario: scenario, words: words, leftThisFile: false) }
        let leftBehind = sessions.map { vevent($0, scenario: scenario, words: words, leftThisFile: true) }
        let project = scenario.project.name

        func file(_ path: String, _ name: String, shows: (CalendarFiles) -> Bool) -> (path: String, text: String) {
            let old = ICalPublishedEvents(previousFiles[path] ?? "")
            var events: [String] = []
            for (k, s) in sessions.enumerated() {
                let body: EventBody
                if shows(s.calendarFiles) { body = asIs[k] } else if shows(s.cancelledIn) { body = leftBehind[k] } else { continue }
                events.append(body.text(uid: uid(s, scenario), now: now, previous: old))
            }
            return (path: path, text: calendarFile(name: name, events: events))
        }

        var files: [(path: String, text: String)] = [
            file("calendars/all.ics", words.allName(project)) { _ in true },
        ]
        // Leaders: everyone who leads or attends something in this plan or the previous one.
        let leaderNames = sessions.flatMap { $0.leaders + $0.cancelledIn.leaders }
        for (name, stem) in fileStems(for: leaderNames) {
            files.append(file("calendars/leaders/\(stem).ics", words.leaderName(project, name)) { $0.leaders.contains(name) })
        }
        // Municipalities: every municipality of the scenario gets a file, even an empty one, so a
        // manager's subscription keeps working after a withdrawal; plus any name only the plan knows.
        let municipalityNames = scenario.municipalities.map(\.name)
            + sessions.flatMap { $0.municipalityNames + $0.cancelledIn.municipalities }
        for (name, stem) in fileStems(for: municipalityNames) {
            files.append(file("calendars/municipalities/\(stem).ics", words.municipalityName(project, name)) {
                $0.municipalities.contains(name)
            })
        }
        let venueIDs = sessions.flatMap { $0.calendarFiles.venues + $0.cancelledIn.venues }
        for (id, stem) in fileStems(for: venueIDs) {
            let venueName = scenario.venue(id)?.name ?? id
            files.append(file("calendars/venues/\(stem).ics", words.venueName(project, venueName)) { $0.venues.contains(id) })
        }
        return files
    }

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

    /// Names with their safe file stems (each from its own name alone), sorted by name, each name once.
    static func fileStems(for names: [String]) -> [(name: String, stem: String)] {
        SafeFileName.unique(names).sorted { $0.key < $1.key }.map { (name: $0.key, stem: $0.value) }
    }

    static func uid(_ s: PlannedSession, _ scenario: Scenario) -> String {
        ICalFormat.escapeText(s.id) + "@" + scenario.project.uidDomain
    }

    static func calendarFile(name: String, events: [String]) -> String {
        var c = ICalLines()
        c.raw("BEGIN", "VCALENDAR")
        c.raw("VERSION", "2.0")
        c.raw("PRODID", productID)
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

    /// The event without UID, DTSTAMP and LAST-MODIFIED (added per file by `EventBody.text`).
    /// `leftThisFile`: the version for a file the session has left: cancelled there, whatever it is elsewhere.
    static func vevent(_ s: PlannedSession, scenario: Scenario, words: CalendarWords, leftThisFile: Bool) -> EventBody {
        let cancelled = s.status == .cancelled || leftThisFile
        var e = ICalLines()
        let sendOut = isSendOut(s)
        if sendOut {
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
        e.text("SUMMARY", (cancelled ? words.cancelledPrefix : "") + summary(s, words: words))
        if let location = location(s, scenario: scenario) { e.text("LOCATION", location) }
        var text = description(s, scenario: scenario, words: words)
        if leftThisFile && s.status != .cancelled { text = words.noLongerHereNote + "\n" + text }
        e.text("DESCRIPTION", text)
        if let link = link(s, scenario: scenario) { e.raw("URL", link) }
        e.text("CATEGORIES", s.kind == .training ? s.course : words.eventKind(s.course))
        e.raw("STATUS", cancelled ? "CANCELLED" : "CONFIRMED")
        e.raw("TRANSP", cancelled || sendOut ? "TRANSPARENT" : "OPAQUE")
        return EventBody(sequence: max(0, s.sequence), lines: e.text)
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

    /// "Venue name, town" (the town left out when the name already says it); nil when no venue.
    static func location(_ s: PlannedSession, scenario: Scenario) -> String? {
        guard !s.venue.isEmpty else { return nil }
        guard let v = scenario.venue(s.venue) else { return s.venue }
        if v.town.isEmpty || v.name.contains(v.town) { return v.name }
        return v.name + ", " + v.town
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
            if !s.leaders.isEmpty { lines.append(words.fromProject + ": " + s.leaders.joined(separator: ", ")) }
            if !s.municipalityNames.isEmpty {
                lines.append(words.municipalities + ": " + s.municipalityNames.joined(separator: ", "))
            }
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
    var noLongerHereNote: String {
        sv ? "Ändrad plan: tillfället ingår inte längre i den här kalendern." : "Changed plan: this session is no longer part of this calendar."
    }
    var course: String { sv ? "Kurs" : "Course" }
    var leaders: String { sv ? "Ledare" : "Leaders" }
    var participants: String { sv ? "Deltagare" : "Participants" }
    var fromProject: String { sv ? "Från projektet" : "From the project" }
    var municipalities: String { sv ? "Kommuner" : "Municipalities" }
    var link: String { sv ? "Länk" : "Link" }

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


/// One event's content lines apart from UID, DTSTAMP, LAST-MODIFIED and SEQUENCE.
struct EventBody {
    let sequence: Int
    let lines: String

    /// The whole VEVENT, against the event published before in the same file (when at hand): unchanged,
    /// it keeps that LAST-MODIFIED; changed, LAST-MODIFIED is `now` and SEQUENCE rises above the
    /// published one even if the plan's did not (say, the calendars switched language).
    func text(uid: String, now: ICalTimestamp, previous: ICalPublishedEvents) -> String {
        var seq = sequence
        var lastModified = now.text
        if let old = previous.events[uid] {
            if old.content == ICalPublishedEvents.content(lines) {
                lastModified = old.lastModified ?? now.text
                seq = max(seq, old.sequence)
            } else {
                seq = max(seq, old.sequence + 1)
            }
        }
        var e = ICalLines()
        e.raw("BEGIN", "VEVENT")
        e.raw("UID", uid)
        e.raw("DTSTAMP", now.text)
        e.raw("LAST-MODIFIED", lastModified)
        e.raw("SEQUENCE", String(seq))
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
