import GLPKBackend
import Tidsplan
import TidsplanAnalysis
import TidsplanCore

/// The bottleneck test scenario (also `scenarios/tests/bottleneck-staff.yaml`): one staff member is the
/// only bottleneck, and what one more teaching day a month buys can be worked out by hand.
///
/// 2025-02-03 … 2025-04-30, two municipalities in county part "Norra" (Alfa, Beta: 100 EB staff and 20 EB
/// managers each, quota 630 h each). Two digital courses, 8–20 participants, at most half of a
/// municipality away a day (so 20 seats each per session):
/// - MI (6 h, EB staff) led only by "Kursledare MI", 40 % of full time; teaching share 0.5, 0.5
///   preparation days per session day. Monthly teaching capacity = 0.5 × 0.4 × working days: February
///   20 days → 4 days, March 21 → 4.2, April 20 (Good Friday and Easter Monday off) → 4. A session costs
///   1.5 days, so two sessions a month (6 in all, 720 h). One more teaching day a month (5, 5.2, 5) fits a
///   third session in each month: 3 × 20 participants × 6 h = 360 more quota hours.
/// - HP (3 h, EB managers) led by the external "Konsult HP", 2 contract days at 5 000 kr, training budget
///   10 000 kr: exactly the 2 sessions that seat all 40 managers (120 h). Trainer and budget are full, but
///   more of them buys nothing: every manager has taken HP.
/// Quotas: 1 260 h against 840 h planned, so 420 h short; ten MI sessions (all 200 staff) would meet them.
enum CapacityTestScenario {
    static let staffName = "Kursledare MI"
    static let trainerName = "Konsult HP"

    static func day(_ s: String) -> Day {
        guard let d = Day(iso: s) else { preconditionFailure("bad test date \(s)") }
        return d
    }

    static func time(_ s: String) -> ClockTime {
        guard let t = ClockTime(text: s) else { preconditionFailure("bad test time \(s)") }
        return t
    }

    static func scenario() -> Scenario {
        let period = DateRange(from: day("2025-02-03"), to: day("2025-04-30"))
        let staff = [Audience(area: "EB", role: .staff)], managers = [Audience(area: "EB", role: .manager)]
        let groups = [PersonGroup(area: "EB", role: .staff, persons: 100), PersonGroup(area: "EB", role: .manager, persons: 20)]
        return Scenario(
            project: Project(id: "bottleneck-staff", name: "Flaskhals: en kursledare", period: period),
            municipalities: [
                Municipality(name: "Alfa", countyPart: "Norra", groups: groups, quotaHours: 630, rateKrPerHour: 417),
                Municipality(name: "Beta", countyPart: "Norra", groups: groups, quotaHours: 630, rateKrPerHour: 417),
            ],
            venues: [Venue(id: "digitalt", name: "Digitalt", countyPart: nil, capacity: 100, mode: .digital)],
            staff: [StaffMember(name: staffName, role: "development-leader",
                                shares: [ShareSpan(range: period, share: 0.4)], courses: ["MI"])],
            trainers: [ExternalTrainer(name: trainerName, courses: ["HP"], dayRate: 5000, maxDays: 2)],
            courses: [
                Course(id: "MI", name: "Motiverande samtal", hours: 6, start: time("09:00"), end: time("16:00"), audience: staff,
                       minParticipants: 8, maxParticipants: 20, delivery: .digital, venues: ["digitalt"]),
                Course(id: "HP", name: "Horisontella principer", hours: 3, start: time("09:00"), end: time("12:00"), audience: managers,
                       minParticipants: 8, maxParticipants: 20, delivery: .digital, venues: ["digitalt"]),
            ],
            rules: Rules(maxTrainingDaysPerWeek: 5, maxShareAwayPerDay: 0.5, quotaTolerance: 0.05,
                         prepDaysPerSessionDay: 0.5, maxTeachingShare: 0.5),
            budget: Budget(trainersKr: 10000))
    }

    /// Plans with GLPK under a generous limit (each solve takes well under a second).
    static var solver: ScenarioSolver { ScenarioSolver(backend: GLPKBackend(), timeLimit: 30) }
}
