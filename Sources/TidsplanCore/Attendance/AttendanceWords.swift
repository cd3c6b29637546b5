/// The register checker's messages, in the user's language.
struct AttendanceWords {
    let lang: Language
    var sv: Bool { lang == .sv }

    func didYouMean(_ x: String) -> String { sv ? "; menade du \"\(x)\"?" : "; did you mean \"\(x)\"?" }
    func unknownSession(_ id: String) -> String {
        sv ? "okänt pass \"\(id)\": planen har inget utbildningspass med det id:t" : "unknown session \"\(id)\": the plan has no training session with that id"
    }
    func unknownMunicipality(_ name: String, known: [String]) -> String {
        let hint = NameMatching.suggestion(for: name, among: known).map { didYouMean($0) } ?? ""
        return (sv ? "okänd kommun \"\(name)\"" : "unknown municipality \"\(name)\"") + hint
    }
    func unknownGroup(_ text: String, _ m: Municipality) -> String {
        let known = m.groups.map { "\($0.area)/\($0.role.rawValue)" }.joined(separator: ", ")
        return sv ? "\(m.name) har ingen målgrupp \"\(text)\" (skriv OMRÅDE/roll; kommunens: \(known))"
                  : "\(m.name) has no target group \"\(text)\" (write AREA/role; its groups: \(known))"
    }
    func duplicate(_ line: Int) -> String {
        sv ? "samma pass, kommun och grupp står redan på rad \(line)" : "the same session, municipality and group are already on line \(line)"
    }
    func statusDisagrees(_ line: Int) -> String {
        sv ? "passets status eller datum skiljer sig från rad \(line): alla rader för ett pass säger samma sak om det"
           : "the session's status or date differs from line \(line): every row of a session says the same about it"
    }
    func future(_ id: String, _ day: Day, _ asOf: Day) -> String {
        sv ? "\(id) den \(day.iso) ligger efter \(asOf.iso) och har inte hållits än: närvaro kan inte anges för det"
           : "\(id) on \(day.iso) is after \(asOf.iso) and has not been held yet: no attendance can be recorded for it"
    }
    var movedWithoutDay: String {
        sv ? "ett flyttat pass behöver dagen det hölls (ÅÅÅÅ-MM-DD)" : "a moved session needs the day it was held (YYYY-MM-DD)"
    }
    func movedIntoFuture(_ day: Day, _ asOf: Day) -> String {
        sv ? "\(day.iso) ligger efter \(asOf.iso): ett pass flyttat framåt har inte hållits än; ta bort raden, så planeras det om"
           : "\(day.iso) is after \(asOf.iso): a session moved ahead has not been held yet; leave the row out and it is re-planned"
    }
    func movedToSameDay(_ day: Day) -> String {
        sv ? "\(day.iso) är passets planerade dag: skriv status genomförd" : "\(day.iso) is the session's planned day: write status held"
    }
    func outsidePeriod(_ day: Day, _ p: DateRange) -> String {
        sv ? "\(day.iso) ligger utanför projektet (\(p.from.iso)–\(p.to.iso))" : "\(day.iso) is outside the project (\(p.from.iso) to \(p.to.iso))"
    }
    func notWorkingDay(_ day: Day) -> String {
        sv ? "\(day.iso) är ingen arbetsdag i projektets kalender" : "\(day.iso) is not a working day in the project's calendar"
    }
    func leaderBusy(_ day: Day, _ who: String, _ other: String) -> String {
        sv ? "\(who) leder \(other) den \(day.iso): ingen kan leda två pass samma dag; kontrollera dagen"
           : "\(who) leads \(other) on \(day.iso): nobody leads two sessions a day; check the day"
    }
    func venueBusy(_ day: Day, _ venue: String, _ other: String) -> String {
        sv ? "lokalen \(venue) har \(other) den \(day.iso); kontrollera dagen" : "the venue \(venue) holds \(other) on \(day.iso); check the day"
    }
    func heldOnWithoutMove(_ day: Day) -> String {
        sv ? "hölls_den (\(day.iso)) gäller bara flyttade pass: skriv status flyttad eller töm kolumnen"
           : "held_on (\(day.iso)) is only for moved sessions: write status moved or empty the column"
    }
    func seriesMeetingCancelled(_ id: String) -> String {
        sv ? "\(id) är en träff i en serie: en serie går vidare, så skriv den som genomförd med 0 deltagare (eller flyttad)"
           : "\(id) is a meeting of a series: a series goes on, so record it as held with 0 attended (or as moved)"
    }
    func cancelledWithAttendance(_ n: Int) -> String {
        sv ? "ett inställt pass har ingen närvaro, men raden anger \(n)" : "a cancelled session has no attendance, but the row says \(n)"
    }
    func withdrawn(_ name: String, _ out: Day, _ day: Day) -> String {
        sv ? "\(name) lämnade projektet \(out.iso) och kan inte ha deltagit \(day.iso)"
           : "\(name) withdrew from the project on \(out.iso) and cannot have attended on \(day.iso)"
    }
    func morePersonsThanGroup(_ n: Int, _ persons: Int, _ m: String, _ g: String) -> String {
        sv ? "\(n) deltog, men \(m) har bara \(persons) personer i \(g)" : "\(n) attended, but \(m) has only \(persons) persons in \(g)"
    }
    func moreThanBooked(_ n: Int, _ booked: Int, _ id: String) -> String {
        sv ? "\(n) deltog, men planen bokade bara \(booked) platser för gruppen i \(id)"
           : "\(n) attended, but the plan booked only \(booked) places for the group in \(id)"
    }
    func statusChange(_ id: String, from: AttendanceStatus, _ fromDay: Day?, to: AttendanceStatus, _ toDay: Day?) -> String {
        func text(_ s: AttendanceStatus, _ d: Day?) -> String { s.word(lang) + (d.map { " \($0.iso)" } ?? "") }
        return "\(id): \(text(from, fromDay)) → \(text(to, toDay))"
    }
    func attendedChange(_ id: String, _ m: String, _ g: String, from: Int, to: Int) -> String {
        "\(id) \(m) \(g): \(from) → \(to)"
    }
    func contradicts(_ changes: [String]) -> String {
        (sv ? "motsäger ett tidigare registrerat utfall (" : "contradicts what an earlier register recorded (")
            + changes.joined(separator: "; ")
            + (sv ? "); ge --correct om det är en rättelse" : "); give --correct if this is a correction")
    }
}
