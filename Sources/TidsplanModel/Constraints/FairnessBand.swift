import LinearModel
import TidsplanCore

/// Equal opportunity (a stated aim and a horizontal principle): every municipality's target group gets
/// hours per person inside the scenario's band (`rules.hoursPerPerson`), so a small municipality or a small
/// area is not left with a token course while others take everything. Soft, like the quotas: each hour
/// outside the band (over the group's persons) costs `fairnessPerHour`, so the model stays feasible and
/// the plan reports who is outside it.
enum FairnessBand: ConstraintFamily {
    static let id = "fairness"
    static let explanation = "Every municipality's target group gets hours per person within the equal-opportunity band."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    static func apply(to b: WeekModelBuilder) {
        guard let band = b.scenario.rules.hoursPerPerson else { return }
        let weight = Double(b.scenario.weights.fairnessPerHour)
        guard weight > 0 else { return }
        let integral = b.scenario.courses.allSatisfy { $0.hoursPerParticipant == $0.hoursPerParticipant.rounded() }
        let kind: VariableKind = integral ? .integer : .continuous
        for m in b.scenario.municipalities where m.withdrawal == nil {
            for (i, group) in m.groups.enumerated() where group.persons > 0 {
                var hours = WeekModelBuilder.zero
                for course in b.scenario.courses {
                    if let x = b.groupSeat(course.id, m.name, i) { hours.add(x, course.hoursPerParticipant) }
                }
                // A group no course is open to cannot be helped by the plan (`check` and the report say so).
                guard !hours.terms.isEmpty else { continue }
                let tag = "\(Slug.make(m.name))_\(Slug.make(group.area))_\(group.role.rawValue)_\(i)"
                let short = b.model.addVariable("fair_short_\(tag)", kind: kind, lower: 0)
                b.seatLike.append(short)
                b.tags.tag(short, .fairnessShort(municipality: m.name, group: i))
                var low = hours; low.add(short)
                b.model.addConstraint("fair_min_\(tag)", low, lower: band.min * Double(group.persons))
                b.objective.add(short, weight)
                if let max = band.max {
                    let over = b.model.addVariable("fair_over_\(tag)", kind: kind, lower: 0)
                    b.seatLike.append(over)
                    var high = hours; high.add(over, -1)
                    b.model.addConstraint("fair_max_\(tag)", high, upper: max * Double(group.persons))
                    b.objective.add(over, weight)
                }
            }
        }
    }
}
