import LinearModel
import TidsplanCore

/// "Every area gets its share": each coverage target's area (and role) gets its hours, counted from the
/// places of the target groups it covers (`Audience`'s x columns). Each hour short costs
/// `coverageShortfallPerHour`.
enum CoverageGoal: ConstraintFamily {
    static let id = "coverage"
    static let explanation = "Each operational area (and role) with a coverage target gets its hours."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    static func apply(to b: WeekModelBuilder) {
        for (t, target) in b.scenario.coverage.enumerated() where target.minHours > 0 {
            var hours = WeekModelBuilder.zero
            for course in b.scenario.courses {
                for m in b.scenario.municipalities {
                    for (i, x) in (b.groupSeats[course.id]?[m.name] ?? [:]).sorted(by: { $0.key < $1.key })
                    where target.matches(m.groups[i]) {
                        hours.add(x, course.hoursPerParticipant)
                    }
                }
            }
            let short = b.model.addVariable("cov_short_\(t)", kind: .integer, lower: 0, upper: target.minHours.rounded(.up))
            b.tags.tag(short, .coverageShort(target: t))
            b.seatLike.append(short)
            hours.add(short)
            b.model.addConstraint("coverage_\(t)", hours, lower: target.minHours)
            b.objective.add(short, Double(b.scenario.weights.coverageShortfallPerHour))
        }
    }
}
