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
    ///     written, as CANCELLED with its SEQUENCE raised by one, so no subscriber keeps a ghost event.
    ///     (The planner already keeps removed sessions as cancelled; this is a second line of defence.)
    ///   - now: DTSTAMP and LAST-MODIFIED of every event; pass a pinned value for reproducible output.
    ///   - lang: language of the calendar names, descriptions and the "cancelled" prefix.
    public static func calendars(scenario: Scenario, plan: Plan, previous: Plan?, now: ICalTimestamp,
                                 lang: Language = .sv) -> [(path: String, text: String)] {
        let sessions = sessionsToPublish(plan: plan, previous: previous)
        let words = CalendarWords(lang: lang)
        let events = sessions.map { session in
            (session: session, text: vevent(session, scenario: scenario, now: now, words: words))
        }
        let project = scenario.project.name

        var files: [(path: String, text: String)] = []
        files.append((path: "calendars/all.ics",
                      text: calendarFile(name: words.allName(project), events: events.map(\.text))))

        // Leaders: everyone who leads or attends something in this plan or the previous one.
        let leaderNames = Set(sessions.flatMap(\.leaders)).sorted()
        for (name, stem) in fileStems(for: leaderNames) {
            let mine = events.filter { $0.session.leaders.contains(name) }.map(\.text)
            files.append((path: "calendars/leaders/\(stem).ics",
                          text: calendarFile(name: words.leaderName(project, name), events: mine)))
        }

        // Municipalities: every municipality of the scenario gets a file, even an empty one, so a
        // manager's subscription keeps working after a withdrawal; plus any name only the plan knows.
        var municipalityNames = scenario.municipalities.map(\.name)
        for name in sessions.flatMap(\.municipalityNames).sorted() where !municipalityNames.contains(name) {
            municipalityNames.append(name)
        }
        for (name, stem) in fileStems(for: municipalityNames) {
            let theirs = events.filter { $0.session.municipalityNames.contains(name) }.map(\.text)
            files.append((path: "calendars/municipalities/\(stem).ics",
                          text: calendarFile(name: words.municipalityName(project, name), events: theirs)))
        }

        let venueIDs = Set(sessions.map(\.venue).filter { !$0.isEmpty }).sorted()
        for (id, stem) in fileStems(for: venueIDs) {
            let hosted = events.filter { $0.session.venue == id }.map(\.text)
            let venueName = scenario.venue(id)?.name ?? id
            files.append((path: "calendars/venues/\(stem).ics",
                          text: calendarFile(name: words.venueName(project, venueName), events: hosted)))
        }
        return files
    }

    /// The sessions to write: the plan's (first of each id), plus the previous plan's sessions whose
    /// id the plan no longer has, cancelled with a raised SEQUENCE; in canonical order.
    static func sessionsToPublish(plan: Plan, previous: Plan?) -> [PlannedSession] {
        var seen = Set<String>()
        var out: [PlannedSession] = []
        for s in plan.sessions where seen.insert(s.id).inserted { out.append(s) }
        for var s in previous?.sessions ?? [] where seen.insert(s.id).inserted {
            s.status = .cancelled
            s.sequence += 1
            out.append(s)
        }
        out.sort { ($0.date, $0.start, $0.id) < ($1.date, $1.start, $1.id) }
        return out
    }

    /// Names with their unique safe file stems, sorted by name.
    static func fileStems(for names: [String]) -> [(name: String, stem: String)] {
        SafeFileName.unique(names).sorted { $0.key < $1.key }.map { (name: $0.key, stem: $0.value) }
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

    static func vevent(_ s: PlannedSession, scenario: Scenario, now: ICalTimestamp, words: CalendarWords) -> String {
        let cancelled = s.status == .cancelled
        var e = ICalLines()
        e.raw("BEGIN", "VEVENT")
        e.raw("UID", ICalFormat.escapeText(s.id) + "@" + scenario.project.uidDomain)
        e.raw("DTSTAMP", now.text)
        e.raw("LAST-MODIFIED", now.text)
        e.raw("SEQUENCE", String(max(0, s.sequence)))
        e.raw("DTSTART;TZID=\(StockholmTimeZone.tzid)", ICalFormat.localDateTime(s.date, s.start))
        // An end not after the start would make clients reject or crash on the event (khal does);
        // without DTEND the event simply has no length.
        if s.end > s.start {
            e.raw("DTEND;TZID=\(StockholmTimeZone.tzid)", ICalFormat.localDateTime(s.date, s.end))
        }
        e.text("SUMMARY", (cancelled ? words.cancelledPrefix : "") + summary(s, words: words))
        if let location = location(s, scenario: scenario) { e.text("LOCATION", location) }
        e.text("DESCRIPTION", description(s, scenario: scenario, words: words))
        e.text("CATEGORIES", s.kind == .training ? s.course : words.eventKind(s.course))
        e.raw("STATUS", cancelled ? "CANCELLED" : "CONFIRMED")
        e.raw("TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE")
        e.raw("END", "VEVENT")
        return e.text
    }

    static func summary(_ s: PlannedSession, words: CalendarWords) -> String {
        guard let p = s.series, p.of > 1 else { return s.title }
        return s.title + " (" + words.meeting(p.meeting, of: p.of) + ")"
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
        if let v = scenario.venue(s.venue), let link = v.link, !link.isEmpty, s.mode == .digital || v.mode == .digital {
            lines.append(words.link + ": " + link)
        }
        return lines.joined(separator: "\n")
    }
}

/// The words calendars show, in Swedish or English.
struct CalendarWords {
    let lang: Language

    private var sv: Bool { lang == .sv }
    var cancelledPrefix: String { sv ? "INSTÄLLT: " : "CANCELLED: " }
    var cancelledNote: String { sv ? "Tillfället är inställt." : "This session is cancelled." }
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

