import LinearModel
import TidsplanCore

/// A course the application promises runs at least as often as the scenario says (`runs: {min, perCountyPart}`).
/// Elastic: each missing run costs `missingRunPerRun`, so the model stays feasible and the shortfall is explained.
enum RunMinimum: ConstraintFamily {
    static let id = "runs-min"
    static let explanation = "Every promised course runs at least as often as the scenario asks."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    static func apply(to b: WeekModelBuilder) {
        let weight = Double(b.scenario.weights.missingRunPerRun)
        for course in b.scenario.courses {
            guard let need = course.runs else { continue }
            if need.perCountyPart > 0, course.delivery == .countyPart {
                for part in b.scenario.countyParts {
                    let gs = b.groups(ofCourse: course.id).filter { b.groups[$0].countyPart == part }
                    require(b, gs, need.perCountyPart, course: course.id, part: part, weight: weight)
                }
            }
            if need.min > 0 { require(b, b.groups(ofCourse: course.id), need.min, course: course.id, part: nil, weight: weight) }
        }
    }

    static func require(_ b: WeekModelBuilder, _ gs: [Int], _ n: Int, course: String, part: String?, weight: Double) {
        var e = WeekModelBuilder.zero
        for g in gs { e.add(b.runs(g)) }
        let tag = "\(course)_\(part.map(Slug.make) ?? "all")"
        let short = b.model.addVariable("runs_short_\(tag)", kind: .integer, lower: 0, upper: Double(n))
        b.tags.tag(short, .runShort(course: course, countyPart: part))
        e.add(short)
        b.model.addConstraint("runs_min_\(tag)", e, lower: Double(n))
        b.objective.add(short, weight)
    }
}
