/// `delivery`: sessions are held where the course says. County-part courses at a physical venue in the
/// session's county part with seats only from that part; county-wide courses at one of the course's
/// physical venues; digital courses at a digital venue.
enum DeliveryRule: PlanRule {
    static let id = "delivery"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        for s in c.sessions {
            func report(_ text: Bilingual) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id], message: VerificationText.session(s) + " " + text))
            }
            guard let course = c.course(s.course) else { continue }
            guard let venue = c.venue(s.venue) else {
                report(s.venue.isEmpty ? Bilingual("har ingen lokal", "has no venue")
                       : Bilingual("hålls i \(s.venue), som inte är någon lokal i scenariot", "is held at \(s.venue), which is not a venue of the scenario"))
                continue
            }
            switch course.delivery {
            case .countyPart:
                if venue.mode != .physical { report(Bilingual("hålls i \(venue.id), som inte är någon fysisk lokal", "is held at \(venue.id), which is not a physical venue")) }
                guard !s.countyPart.isEmpty else {
                    report(Bilingual("anger ingen länsdel, men kursen \(course.id) hålls per länsdel", "names no county part, but course \(course.id) is held per county part"))
                    continue
                }
                if venue.countyPart != s.countyPart {
                    report(Bilingual("är för \(s.countyPart) men \(venue.id) ligger i \(venue.countyPart ?? "ingen länsdel")", "serves \(s.countyPart) but \(venue.id) is in \(venue.countyPart ?? "no county part")"))
                }
                for (name, seats) in VerificationContext.seated(s) {
                    guard let part = c.municipality(name)?.countyPart, part != s.countyPart else { continue }
                    report(Bilingual("är för \(s.countyPart) men har \(seats) platser för \(name) i \(part)", "serves \(s.countyPart) but seats \(seats) from \(name) in \(part)"))
                }
            case .county:
                if !course.venues.contains(venue.id) {
                    report(Bilingual("hålls i \(venue.id), inte i lokalen för kursen \(course.id) (\(VerificationText.list(course.venues)))", "is held at \(venue.id), not at course \(course.id)'s venue (\(VerificationText.list(course.venues)))"))
                }
                if venue.mode != .physical { report(Bilingual("hålls i \(venue.id), som inte är någon fysisk lokal", "is held at \(venue.id), which is not a physical venue")) }
            case .digital:
                if venue.mode != .digital { report(Bilingual("är ett digitalt tillfälle men \(venue.id) är ingen digital lokal", "is a digital session but \(venue.id) is not a digital venue")) }
            }
        }
        return found
    }
}
