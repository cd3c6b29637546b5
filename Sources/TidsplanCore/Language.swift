/// The language of human-readable output (timetable, report, calendar summaries, shortfall sentences).
/// Swedish is the default: the users are Swedish municipalities and their project leader.
public enum Language: String, Sendable, Equatable, CaseIterable {
    case sv, en
}
