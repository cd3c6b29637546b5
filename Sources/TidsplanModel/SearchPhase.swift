import TidsplanCore

/// The named steps of the week model's search (`WeekSolveStrategy`), as the progress line shows them.
/// The raw value travels in `SolveProgress.phase` (LinearModel knows no Tidsplan types).
public enum SearchPhase: String, Sendable, CaseIterable {
    case fullModel = "full model"
    case bound = "bound"
    case hint = "the plan given as a start"
    case seatsRelaxed = "seats relaxed"
    case restrictedWholeSeats = "restricted, whole seats"
    case restricted = "restricted"
    case seatsRounded = "seats rounded"
    case seatsWhole = "seats whole"
    case seatsWholeRunsMayDrop = "seats whole, runs may drop"
    case fromPlan = "full model from the plan"

    public func words(_ lang: Language) -> String {
        guard lang == .sv else { return rawValue }
        switch self {
        case .fullModel: return "hela modellen"
        case .bound: return "gräns"
        case .hint: return "den givna planen som start"
        case .seatsRelaxed: return "platser relaxerade"
        case .restrictedWholeSeats: return "begränsad, hela platser"
        case .restricted: return "begränsad"
        case .seatsRounded: return "platser avrundade"
        case .seatsWhole: return "hela platser"
        case .seatsWholeRunsMayDrop: return "hela platser, tillfällen kan strykas"
        case .fromPlan: return "hela modellen från planen"
        }
    }
}
