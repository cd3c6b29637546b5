import LinearModel
import TidsplanCore

/// The families of cuts the week model separates itself (`WeekModelCuts`), each measured on its own in
/// docs/benchmarks.md ("cuts of our own").
public enum WeekCutFamily: String, Sendable, CaseIterable {
    /// Per course: the seats its runs can carry against the places its target groups asked for.
    case courseDemand = "course-demand"
    /// Per run group: the session-size rows (seats against runs, minimum and maximum, per municipality).
    case sessionSize = "session-size"
    /// Per municipality: the quota rows (hours are multiples of the course hours).
    case quota = "quota"

    /// The families the planner uses by default: those that paid in the measurements.
    public static let kept: Set<WeekCutFamily> = Set(allCases)

    /// Reads a comma-separated list of family names ("none" or "" for none); nil when some name is unknown.
    public static func parse(_ text: String) -> Set<WeekCutFamily>? {
        let names = text.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty && $0 != "none" }
        let families = names.compactMap(WeekCutFamily.init(rawValue:))
        return families.count == names.count ? Set(families) : nil
    }
}

/// Cuts for the week model, found from its typed row tags and row families (never from names), by
/// mixed-integer rounding (`MixedIntegerRounding`, valid for any valid base inequality) of:
///
/// - course-demand: for a course c, the sum of
///     its groups' `size_max` rows   Σ_m z_gm − M_g·R_g ≤ U_g            (seats a run group's runs carry),
///     its `audience` rows (≥ side)  −Σ_g z_gm + Σ_i x_cmi ≤ −F_cm          (seats are the groups' places),
///     its `attendance` rows (≥ side) −x_cmi − short_cmi ≤ −need_cmi        (places asked for),
///   in which every seat column z and every place column x with an attendance row cancels:
///     −Σ_g M_g·R_g − Σ short_cmi + Σ (x without an attendance row) ≤ Σ U_g − Σ F_cm − Σ need_cmi.
///   A sum of valid inequalities (equalities on either side) is valid; rounding it says that runs come
///   whole: with M seats a run, 25 places asked for need 3 runs or a shortfall. The LP spreads fractional
///   runs exactly over the places instead; GLPK's own MIR does not aggregate across integer seat columns.
/// - session-size and quota: each row of the family on its own (each side of a ranged row), rounded.
///
/// Only inequalities of the model being solved go in, with that model's bounds and integrality, so the cuts
/// are valid for it and for every model with the same rows and tighter bounds.
struct WeekModelCuts: CutSeparator {
    /// A base inequality `terms ≤ upper` and the family its cuts count under.
    struct Base: Sendable {
        let family: String
        let terms: [Term]
        let upper: Double
    }

    let bases: [Base]
    let columns: [MixedIntegerRounding.Column]
    /// Cuts added per call, most efficacious first.
    static let maxCutsPerRound = 100
    /// Deepest node that gets cuts (0: the root only).
    let maxLevel: Int
    /// Calls per node.
    static let maxRounds = 20

    init(model: LinearModel, tags: ModelTags, rowFamilies: [String], groupKeysByCourse: [(course: String, groupKeys: [String])],
         families: Set<WeekCutFamily>, maxLevel: Int = 0) {
        columns = MixedIntegerRounding.columns(of: model)
        self.maxLevel = maxLevel
        var bases: [Base] = []
        func sides(_ id: ConstraintID, _ family: WeekCutFamily) {
            let row = model[id]
            if let upper = row.upper { bases.append(Base(family: family.rawValue, terms: row.terms, upper: upper)) }
            if let lower = row.lower {
                bases.append(Base(family: family.rawValue, terms: row.terms.map { Term($0.variable, -$0.coefficient) }, upper: -lower))
            }
        }
        if families.contains(.sessionSize) || families.contains(.quota) {
            for (index, family) in rowFamilies.enumerated() {
                if family == SessionSize.id && families.contains(.sessionSize) { sides(ConstraintID(index: index), .sessionSize) }
                if family == QuotaGoal.id && families.contains(.quota) { sides(ConstraintID(index: index), .quota) }
            }
        }
        if families.contains(.courseDemand) {
            // Rows by course, in row order (deterministic).
            var audience: [String: [ConstraintID]] = [:], attendance: [String: [ConstraintID]] = [:]
            for index in tags.rowTag.keys.sorted() {
                switch tags.rowTag[index] {
                case let .audience(course, _)?: audience[course, default: []].append(ConstraintID(index: index))
                case let .attendance(course, _, _)?: attendance[course, default: []].append(ConstraintID(index: index))
                default: break
                }
            }
            for (course, keys) in groupKeysByCourse {
                var sum: [Int: Double] = [:]
                var rhs = 0.0
                var complete = true
                func add(_ id: ConstraintID, lowerSide: Bool) {
                    let row = model[id]
                    guard let bound = lowerSide ? row.lower : row.upper else { complete = false; return }
                    let sign = lowerSide ? -1.0 : 1.0
                    for t in row.terms { sum[t.variable.index, default: 0] += sign * t.coefficient }
                    rhs += sign * bound
                }
                for key in keys {
                    guard let id = tags.id(of: .sessionSizeMax(groupKey: key)) else { complete = false; continue }
                    add(id, lowerSide: false)
                }
                for id in audience[course] ?? [] { add(id, lowerSide: true) }
                for id in attendance[course] ?? [] { add(id, lowerSide: true) }
                guard complete, !keys.isEmpty else { continue }
                let terms = sum.filter { abs($0.value) > 1e-9 }.sorted { $0.key < $1.key }.map { Term(VariableID(index: $0.key), $0.value) }
                bases.append(Base(family: WeekCutFamily.courseDemand.rawValue, terms: terms, upper: rhs))
            }
        }
        self.bases = bases
    }

    func separate(_ point: SeparationPoint) -> [Cut] {
        guard point.level <= maxLevel, point.round < Self.maxRounds else { return [] }
        var cuts: [Cut] = []
        for base in bases {
            if let cut = MixedIntegerRounding.cut(of: base.terms, upTo: base.upper, columns: columns, values: point.values,
                                                  family: base.family) {
                cuts.append(cut)
            }
        }
        // Most efficacious first; the sort is stable, so ties keep the base order.
        let order = cuts.indices.sorted { cuts[$0].efficacy > cuts[$1].efficacy || (cuts[$0].efficacy == cuts[$1].efficacy && $0 < $1) }
        return order.prefix(Self.maxCutsPerRound).map { cuts[$0] }
    }
}

extension WeekModelBuilder {
    /// The week model's own cuts for `model` (this builder's model, perhaps with tighter bounds).
    func cutSeparator(for model: LinearModel, families: Set<WeekCutFamily>, maxLevel: Int = 0) -> WeekModelCuts? {
        guard !families.isEmpty else { return nil }
        let courses = scenario.courses.map { c in (course: c.id, groupKeys: groups(ofCourse: c.id).map { groups[$0].key }) }
        return WeekModelCuts(model: model, tags: tags, rowFamilies: rowFamilies, groupKeysByCourse: courses,
                             families: families, maxLevel: maxLevel)
    }
}

extension Planner {
    /// The week model and its own cuts, for benchmarks and tests that solve it directly.
    public static func weekModelWithCuts(scenario: Scenario, families: Set<WeekCutFamily>, maxLevel: Int = 0)
        -> (model: LinearModel, separator: CutSeparator?) {
        let calendar = WorkingCalendar(scenario: scenario)
        let grid = TimeGrid(scenario: scenario, calendar: calendar)
        let groups = RunGroupGenerator.generate(scenario: scenario, minimumRuns: [:]).groups
        let builder = WeekModelBuilder(scenario: scenario, grid: grid, groups: groups, replan: nil, previousRuns: [], forbidden: [:])
        let model = builder.build()
        return (model, builder.cutSeparator(for: model, families: families, maxLevel: maxLevel))
    }
}
