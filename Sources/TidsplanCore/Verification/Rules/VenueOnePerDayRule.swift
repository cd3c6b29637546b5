/// `venue-one-per-day`: a physical venue hosts at most one session per date (digital rooms are unlimited).
enum VenueOnePerDayRule: PlanRule {
    static let id = "venue-one-per-day"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        let physical = c.sessions.filter { c.venue($0.venue)?.mode == .physical }
        let byVenueDate = Dictionary(grouping: physical) { VenueDate(venue: $0.venue, date: $0.date) }
        return byVenueDate.filter { $0.value.count > 1 }.map { key, hosted in
            RuleFinding(date: key.date, sessionIDs: hosted.map(\.id),
                message: Bilingual("\(key.venue) har \(hosted.count) tillfällen den \(key.date.iso): \(VerificationText.list(hosted.map(\.id)))",
                                   "\(key.venue) hosts \(hosted.count) sessions on \(key.date.iso): \(VerificationText.list(hosted.map(\.id)))"))
        }
    }

    private struct VenueDate: Hashable { var venue: String; var date: Day }
}
