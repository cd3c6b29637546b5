import TidsplanCore

/// timetable.md: the plan month by month, a table per month with its totals, then the totals
/// for the whole plan. One row per session (municipalities and their seats in one cell).
/// Cancelled sessions are not listed. Every text from the scenario is escaped so it cannot
/// break the table or turn into markup.
extension TimetableWriter {
    public static func markdown(plan: Plan, scenario: Scenario, lang: Language = .sv) -> String {
        let words = Words(lang)
        let entries = TimetableEntry.entries(plan: plan, scenario: scenario)
        var out = "# \(words.title): \(inline(scenario.project.name))\n\n"
        out += "\(words.period): \(plan.period.from.iso) – \(plan.period.to.iso)"
        out += "\n"
        if let asOf = plan.asOf { out += "\n\(words.frozenUntil): \(asOf.iso)\n" }
        if entries.isEmpty {
            out += "\n\(words.noSessions)\n"
            return out
        }

        var months: [(key: String, first: Day, entries: [TimetableEntry])] = []
        for e in entries {
            if months.last?.key == e.session.date.monthKey {
                months[months.count - 1].entries.append(e)
            } else {
                months.append((e.session.date.monthKey, e.session.date, [e]))
            }
        }
        for month in months {
            out += "\n## \(capitalised(lang.monthAndYear(month.first)))\n\n"
            out += "| " + words.columns.joined(separator: " | ") + " |\n"
            // The last two columns are numbers: right-aligned.
            out += "|" + words.columns.indices.map { $0 >= words.columns.count - 2 ? "---:" : "---" }
                .joined(separator: "|") + "|\n"
            for e in month.entries { out += row(e, lang: lang, words: words) }
            out += "\n**\(words.total) \(lang.monthAndYear(month.first)):** \(totals(month.entries, lang: lang, words: words))\n"
        }
        out += "\n## \(words.planTotal)\n\n\(totals(entries, lang: lang, words: words))\n"
        return out
    }

    private static func row(_ e: TimetableEntry, lang: Language, words: Words) -> String {
        let s = e.session
        var title = s.title(in: lang)
        if let series = s.series { title += " (\(words.meeting) \(series.meeting) \(words.of) \(series.of))" }
        let who: String
        let participants: String
        let hours: String
        if e.isTraining {
            who = e.seated.map { "\($0.name) \($0.seats)" }.joined(separator: ", ")
            participants = NumberText.human(Double(s.participants), lang: lang)
            hours = NumberText.human(e.participantHours, lang: lang)
        } else {
            who = s.municipalityNames.joined(separator: ", ")
            participants = ""
            hours = ""
        }
        let when = s.isSentNotAttended ? (lang == .sv ? "hela dagen" : "all day") : "\(s.start.text)–\(s.end.text)"
        let cells = [s.date.iso, lang.weekdayName(s.date.weekday), when, title,
                     e.venueName, s.leaders.joined(separator: ", "), who, participants, hours]
        return "| " + cells.map(cell).joined(separator: " | ") + " |\n"
    }

    private static func totals(_ entries: [TimetableEntry], lang: Language, words: Words) -> String {
        let training = entries.filter(\.isTraining)
        // Persons, not seats × meetings: a series' participants count at its first meeting.
        let participants = training.filter { ($0.session.series?.meeting ?? 1) == 1 }.reduce(0) { $0 + $1.session.participants }
        let hours = training.reduce(0.0) { $0 + $1.participantHours }
        var parts = [words.count(training.count, words.trainingSession),
                     "\(NumberText.human(Double(participants), lang: lang)) \(words.participants(participants))",
                     "\(NumberText.human(hours, lang: lang)) \(words.participantHours)"]
        let events = entries.count - training.count
        if events > 0 { parts.append(words.count(events, words.otherEvent)) }
        return parts.joined(separator: ", ")
    }

    /// A table cell: backslash escapes for Markdown punctuation that would end the cell or start
    /// markup (GFM renders any escaped ASCII punctuation literally), line breaks as `<br>`.
    static func cell(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            switch scalar {
            case "\r", "\n", "\u{2028}", "\u{2029}": out += "<br>"
            case "\\", "|", "<", ">", "`", "*", "_", "[", "]", "&", "#":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                // Other control characters have no business in a table.
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Running text (the heading): like a cell, but a line break becomes a space.
    static func inline(_ text: String) -> String {
        cell(text).replacingOccurrencesOfBreaks()
    }

    private static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// The words of the timetable in one language.
    private struct Words {
        let lang: Language
        init(_ lang: Language) { self.lang = lang }
        var sv: Bool { lang == .sv }
        var title: String { sv ? "Tidsplan" : "Timetable" }
        var period: String { sv ? "Period" : "Period" }
        var frozenUntil: String { sv ? "Genomfört och låst till och med" : "Held and frozen up to and including" }
        var noSessions: String { sv ? "Planen har inga tillfällen." : "The plan has no sessions." }
        var columns: [String] {
            sv ? ["Datum", "Dag", "Tid", "Aktivitet", "Plats", "Ledare", "Kommuner", "Deltagare", "Deltagartimmar"]
               : ["Date", "Day", "Time", "Activity", "Venue", "Leaders", "Municipalities", "Participants", "Participant hours"]
        }
        var meeting: String { sv ? "träff" : "meeting" }
        var of: String { sv ? "av" : "of" }
        var total: String { sv ? "Summa" : "Total" }
        var planTotal: String { sv ? "Summa för hela planen" : "Total for the whole plan" }
        var trainingSession: (String, String) { sv ? ("utbildningstillfälle", "utbildningstillfällen") : ("training session", "training sessions") }
        var otherEvent: (String, String) { sv ? ("övrigt möte", "övriga möten") : ("other event", "other events") }
        var participantHours: String { sv ? "deltagartimmar" : "participant hours" }
        func participants(_ n: Int) -> String {
            sv ? (n == 1 ? "person börjar en kurs" : "personer börjar en kurs") : (n == 1 ? "person starts a course" : "persons start a course")
        }
        func count(_ n: Int, _ noun: (String, String)) -> String {
            "\(NumberText.human(Double(n), lang: lang)) \(n == 1 ? noun.0 : noun.1)"
        }
    }
}

extension String {
    fileprivate func replacingOccurrencesOfBreaks() -> String {
        split(separator: "<br>", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
