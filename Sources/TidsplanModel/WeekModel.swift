import LinearModel
import TidsplanCore

/// A re-plan's link to the previous plan.
public struct ReplanContext: Sendable {
    public var previous: Plan
    /// Sessions on or before this day are frozen exactly as they were.
    public var asOf: Day
    public init(previous: Plan, asOf: Day) { self.previous = previous; self.asOf = asOf }
}

/// What the previous plan said about one run.
struct PreviousRun: Sendable {
    let id: String
    let groupKey: String
    let startWeek: Int
    /// Leaders and date by meeting number.
    let leaders: [Int: [String]]
    let dates: [Int: Day]
    let seats: [String: Int]
    /// The seats by target group, as the previous plan recorded them (empty for plans that did not).
    var groupSeats: [GroupSeats] = []
    /// Some meeting is on or before as-of: the run is frozen.
    let frozen: Bool
}

/// One named family of constraints or goals in the week model, with the words that explain it.
/// Each family names the verifier rules (`PlanVerifier.ruleIDs`) whose hard rule it models, so every rule
/// the verifier judges is one the model keeps (the day model settles the day-level part of some of them,
/// see `DayModelBuilder.verifierRules`).
protocol ConstraintFamily: Sendable {
    static var id: String { get }
    static var explanation: String { get }
    static var verifierRules: [String] { get }
    static func apply(to b: WeekModelBuilder)
}

/// Builds the first-stage MILP: per run group, how many runs start in each ISO week, how many meetings
/// each leader leads per week, and how many seats each municipality gets. Which run gets which leader,
/// seats and day is settled afterwards (`RunIdentity`, `DayModelBuilder`).
final class WeekModelBuilder {
    let scenario: Scenario
    let grid: TimeGrid
    let groups: [RunGroup]
    let replan: ReplanContext?
    let previousRuns: [PreviousRun]
    /// Per group key and start week: how many fewer runs to allow (days did not fit in an earlier round).
    let forbidden: [String: [Int: Int]]

    var model = LinearModel(name: "tidsplan-weeks")
    var objective = LinearExpression([], constant: 0)

    /// n[g][s]: runs of group g starting in week s.
    var starts: [[Int: VariableID]] = []
    /// R[g] = Σ_s n[g][s]: runs of group g held. The size rows and costs are written on this one column
    /// instead of on every n[g][s]: the same LP with a third fewer nonzeros, and GLPK's Gomory cuts on
    /// whole run counts then close far more of the gap (see docs/benchmarks.md).
    var runCount: [VariableID?] = []
    /// y[course][leader][week]: meetings of a course a leader leads that week (courses with a choice of leader).
    var leadCount: [String: [String: [Int: VariableID]]] = [:]
    /// z[g][municipality]: seats over all runs of group g.
    var seats: [[String: VariableID]] = []
    /// x[course][municipality][person-group index]: places of one target group in a course, over all its runs
    /// (`Audience`). The z of a municipality's run groups add up to its x.
    var groupSeats: [String: [String: [Int: VariableID]]] = [:]
    /// Seat counts and the shortfalls they drive: relaxed to continuous in the first passes of the solve.
    var seatLike: [VariableID] = []
    /// Typed tags on the columns and rows that explanations read.
    var tags = ModelTags()
    /// The family that wrote each row, by row index.
    private(set) var rowFamilies: [String] = []

    init(scenario: Scenario, grid: TimeGrid, groups: [RunGroup], replan: ReplanContext?,
         previousRuns: [PreviousRun], forbidden: [String: [Int: Int]]) {
        self.scenario = scenario; self.grid = grid; self.groups = groups; self.replan = replan
        self.previousRuns = previousRuns; self.forbidden = forbidden
    }

    static let families: [ConstraintFamily.Type] = [
        RunPlacement.self, LeaderAssignment.self, SessionSize.self, Audience.self, Withdrawal.self,
        StaffLoad.self, TrainerContracts.self, BudgetCaps.self, VenueWeek.self, MunicipalityWeekLimit.self,
        Prerequisites.self, CourseOrder.self, ManagersAhead.self, Pinned.self, QuotaGoal.self, AttendanceGoal.self, FairnessBand.self, RunMinimum.self, CoverageGoal.self, CoreSpread.self, CostGoal.self,
        TravelGoal.self, EvennessGoal.self, ReplanStability.self,
    ]

    func build() -> LinearModel {
        starts = Array(repeating: [:], count: groups.count)
        runCount = Array(repeating: nil, count: groups.count)
        seats = Array(repeating: [:], count: groups.count)
        for family in Self.families {
            family.apply(to: self)
            rowFamilies += Array(repeating: family.id, count: model.constraints.count - rowFamilies.count)
        }
        model.setObjective(objective, .minimize)
        return model
    }

    /// The built model with its typed tags and row families (after `build()`).
    var artefact: WeekModelArtefact { WeekModelArtefact(model: model, tags: tags, rowFamilies: rowFamilies) }

    // MARK: Shared helpers for the families

    static var zero: LinearExpression { LinearExpression([], constant: 0) }

    /// Runs of group g held.
    func runs(_ g: Int) -> LinearExpression {
        if let r = runCount[g] { return [Term(r, 1)] }
        return LinearExpression(starts[g].keys.sorted().compactMap { s in starts[g][s].map { Term($0, 1) } }, constant: 0)
    }

    /// Weeks in which the meetings of a run of group g fall when it starts in week s.
    func meetingWeeks(_ g: Int, startWeek s: Int) -> [Int] {
        (0..<groups[g].meetings).map { s + $0 * groups[g].everyWeeks }
    }

    /// Meetings of the groups `gs` in week v.
    func meetingsIn(week v: Int, groups gs: [Int]) -> LinearExpression {
        var e = Self.zero
        for g in gs {
            for j in 0..<groups[g].meetings { if let n = starts[g][v - j * groups[g].everyWeeks] { e.add(n) } }
        }
        return e
    }

    /// Meetings leader p leads in week v, over every course p may lead.
    func leads(_ p: String, week v: Int) -> LinearExpression {
        var e = Self.zero
        for (course, byLeader) in leadCount { if let y = byLeader[p]?[v] { _ = course; e.add(y) } }
        let fixed = groups.indices.filter { !groups[$0].needsLeaderChoice && groups[$0].leaderPool.contains(p) }
        e.add(meetingsIn(week: v, groups: fixed))
        return e
    }

    func seatSum(_ g: Int) -> LinearExpression {
        LinearExpression(seats[g].keys.sorted().compactMap { m in seats[g][m].map { Term($0, 1) } }, constant: 0)
    }

    /// Groups that serve county part `part` for a course: the part's own and every county-wide or digital group.
    func groupsServing(countyPart part: String, course: String) -> [Int] {
        groups.indices.filter { groups[$0].course.id == course && (groups[$0].countyPart == nil || groups[$0].countyPart == part) }
    }

    func groups(ofCourse c: String) -> [Int] { groups.indices.filter { groups[$0].course.id == c } }

    /// Places of a target group in a course (nil: the group gets none).
    func groupSeat(_ course: String, _ m: String, _ i: Int) -> VariableID? { groupSeats[course]?[m]?[i] }

    /// Seats of municipality m in course c's frozen runs, by person-group index, and those a previous plan
    /// did not attribute to a group (plans made before seats were decided per group).
    func frozenGroupSeats(_ c: String, _ m: Municipality) -> (byGroup: [Int: Int], unattributed: Int) {
        var byGroup: [Int: Int] = [:]
        var total = 0, attributed = 0
        for g in groups(ofCourse: c) {
            for r in frozenRuns(g) {
                total += r.seats[m.name] ?? 0
                for s in r.groupSeats where s.municipality == m.name {
                    guard let i = m.groupIndex(area: s.area, role: s.role) else { continue }
                    byGroup[i, default: 0] += s.seats
                    attributed += s.seats
                }
            }
        }
        return (byGroup, max(0, total - attributed))
    }

    var notBefore: Day? { replan?.asOf }

    func previous(_ g: Int) -> [PreviousRun] { previousRuns.filter { $0.groupKey == groups[g].key } }
    func frozenRuns(_ g: Int) -> [PreviousRun] { previous(g).filter(\.frozen) }

    /// Capacity of leader p in week w, in days, and the days one session day costs them. Sessions p already
    /// leads elsewhere (`Commitments`) are taken off.
    func leaderWeekCapacity(_ p: String, week w: Int) -> (capacity: Double, load: Double) {
        let days = grid.weeks[w].workingDays.filter { grid.calendar.reason($0, leader: p).isWorking }
        let committed = Double(grid.commitments.daysLed(p, among: grid.weeks[w].workingDays))
        if let staff = scenario.staffMember(p) {
            let load = 1 + scenario.rules.prepDaysPerSessionDay
            let cap = days.reduce(0.0) { $0 + staff.share(on: $1) }
            return (max(0, cap - load * committed), load)
        }
        let atEvents = Double(grid.commitments.eventDays(p, among: days))
        return (max(0, Double(days.count) - committed - atEvents), 1)
    }

    /// All leaders anyone could need.
    var allLeaders: [String] { Set(groups.flatMap(\.leaderPool)).sorted() }
}
