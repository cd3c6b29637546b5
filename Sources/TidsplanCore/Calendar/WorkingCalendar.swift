/// Why a day is or is not a working day.
public enum DayReason: Sendable, Equatable {
    case working
    case weekend
    /// A Swedish public holiday or de-facto non-working day, with its Swedish name.
    case holiday(String)
    /// A named blackout period of the scenario (summer break, Christmas).
    case blackout(String)
    /// A person's absence.
    case absence(String)
    case outsidePeriod

    public var isWorking: Bool { self == .working }
    /// Short text for CSV and messages.
    public var text: String {
        switch self {
        case .working: return ""
        case .weekend: return "weekend"
        case .holiday(let n): return n
        case .blackout(let n): return n
        case .absence(let n): return n
        case .outsidePeriod: return "outside project period"
        }
    }

    /// The reason in words of both languages; holiday, blackout and absence names are the scenario's own.
    public var words: Bilingual {
        switch self {
        case .weekend: return Bilingual("helg", "weekend")
        case .outsidePeriod: return Bilingual("utanför projektperioden", "outside project period")
        default: return Bilingual(same: text)
        }
    }
}
