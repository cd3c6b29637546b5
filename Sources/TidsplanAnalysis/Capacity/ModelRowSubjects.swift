import LinearModel
import TidsplanModel
import TidsplanCore

/// A rule (not a resource) whose rows can bind, in words for the steering group.
public enum BindingRule: String, Sendable, CaseIterable, Comparable {
    case audience, municipalityDaysPerWeek, quotaCeiling, sessionSizeMax, sessionSizeMin, seatsOneMunicipality
    case withdrawal, prerequisite, attendance

    public func words(_ lang: Language) -> String {
        let sv = lang == .sv
        switch self {
        case .audience: return sv ? "platser bara till målgrupper som bett om dem (var och en går en kurs en gång)"
                                  : "places only for target groups that asked (each person takes a course once)"
        case .municipalityDaysPerWeek: return sv ? "utbildningsdagar i veckan per kommun" : "training days a week per municipality"
        case .quotaCeiling: return sv ? "kvotens tak (kvot plus tolerans)" : "quota ceiling (quota plus tolerance)"
        case .sessionSizeMax: return sv ? "största gruppstorlek" : "largest session size"
        case .sessionSizeMin: return sv ? "minsta gruppstorlek" : "smallest session size"
        case .seatsOneMunicipality: return sv ? "platser en kommun får ta på ett tillfälle (personal borta samma dag)"
                                              : "seats one municipality may take in a session (staff away a day)"
        case .withdrawal: return sv ? "utträden" : "withdrawals"
        case .prerequisite: return sv ? "förkunskapskrav" : "prerequisites"
        case .attendance: return sv ? "platser som målgrupperna bett om" : "places the target groups asked for"
        }
    }

    public static func < (a: BindingRule, b: BindingRule) -> Bool { a.rawValue < b.rawValue }
}

/// What a row of the week model is about, read from its typed tag (`ModelTags.Row`), never from its name.
package struct ModelRowSubjects {
    package enum Subject: Equatable {
        /// A capacity row of one resource; `month` for monthly staff rows, `week` for weekly rows.
        case capacity(CapacityResource, month: String?, week: Int?)
        /// A rule that is not a resource (audience, days a week per municipality…).
        case rule(BindingRule)
        /// Bookkeeping rows (definitions of shortfall, indicators of the order rules…).
        case other
    }

    package let scenario: Scenario
    package let artefact: WeekModelArtefact

    package func subject(of row: ConstraintID) -> Subject {
        guard let tag = artefact.tags.row(row) else { return .other }
        switch tag {
        case .leaderWeek(let leader, let week): return .capacity(leaderResource(leader), month: nil, week: week)
        case .staffMonth(let leader, let month): return .capacity(leaderResource(leader), month: month, week: nil)
        case .trainerMaxDays(let trainer): return .capacity(CapacityResource(kind: .trainer, name: trainer), month: nil, week: nil)
        case .budget(let line): return .capacity(CapacityResource(kind: .budget, name: line.rawValue), month: nil, week: nil)
        case .venueWeek(let venue, let week): return .capacity(CapacityResource(kind: .venue, name: venue), month: nil, week: week)
        case .countyPartWeek: return .rule(.municipalityDaysPerWeek)
        case .quotaCeiling: return .rule(.quotaCeiling)
        case .sessionSizeMax: return .rule(.sessionSizeMax)
        case .sessionSizeMin: return .rule(.sessionSizeMin)
        case .seatsOneMunicipality: return .rule(.seatsOneMunicipality)
        case .audience: return .rule(.audience)
        case .withdrawn: return .rule(.withdrawal)
        case .prerequisiteWeek, .prerequisiteSeats: return .rule(.prerequisite)
        case .attendance: return .rule(.attendance)
        }
    }

    /// Project staff by their name; anyone else who leads is an external trainer.
    private func leaderResource(_ name: String) -> CapacityResource {
        CapacityResource(kind: scenario.staffMember(name) != nil ? .staff : .trainer, name: name)
    }
}
