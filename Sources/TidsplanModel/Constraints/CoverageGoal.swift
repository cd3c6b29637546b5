import LinearModel
import TidsplanCore

/// "Every area gets its share": each coverage target's area (and role) gets its hours. The model's seats
/// are per municipality, not per area, so a course whose audience spans areas splits its seats: `a[t,c,m]`
/// are the seats of municipality m in course c counted for target t, no more than the target's persons in
/// the audience, and all targets' seats together no more than m's seats in c. Each hour short costs
/// `coverageShortfallPerHour`.
enum CoverageGoal: ConstraintFamily {
    static let id = "coverage"
    static let explanation = "Each operational area (and role) with a coverage target gets its hours."

    static func apply(to b: WeekModelBuilder) {
        let targets = b.scenario.coverage
        guard !targets.isEmpty else { return }
        var hours = Array(repeating: WeekModelBuilder.zero, count: targets.count)
        for course in b.scenario.courses {
            let gs = b.groups(ofCourse: course.id)
            guard !gs.isEmpty else { continue }
            for m in b.scenario.municipalities {
                var seats = WeekModelBuilder.zero
                for g in gs { if let z = b.seats[g][m.name] { seats.add(z) } }
                guard !seats.terms.isEmpty else { continue }
                var counted = WeekModelBuilder.zero
                for (t, target) in targets.enumerated() {
                    let persons = m.groups.filter { g in target.matches(g) && course.audience.contains { $0.matches(g) } }
                        .reduce(0) { $0 + $1.persons }
                    guard persons > 0 else { continue }
                    let a = b.model.addVariable("cov_\(t)_\(course.id)_\(Slug.make(m.name))", kind: .continuous, lower: 0,
                                                upper: Double(persons))
                    b.tags.tag(a, .coverageSeats(target: t, course: course.id, municipality: m.name))
                    counted.add(a)
                    hours[t].add(a, course.hoursPerParticipant)
                }
                guard !counted.terms.isEmpty else { continue }
                counted.add(seats, times: -1)
                b.model.addConstraint("cov_split_\(course.id)_\(Slug.make(m.name))", counted, upper: 0)
            }
        }
        for (t, target) in targets.enumerated() where target.minHours > 0 {
            let short = b.model.addVariable("cov_short_\(t)", kind: .integer, lower: 0, upper: target.minHours.rounded(.up))
            b.tags.tag(short, .coverageShort(target: t))
            b.seatLike.append(short)
            var e = hours[t]; e.add(short)
            b.model.addConstraint("coverage_\(t)", e, lower: target.minHours)
            b.objective.add(short, Double(b.scenario.weights.coverageShortfallPerHour))
        }
    }
}
