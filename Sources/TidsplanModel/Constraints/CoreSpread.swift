import LinearModel
import TidsplanCore

/// Core courses (`core: true`, or a prerequisite of another course) are not left to the end of their
/// window: in each group at most a third of the runs start in the window's last third (a single run
/// starts in its first two thirds). Each run too many costs `lateCoreRunPerRun`.
enum CoreSpread: ConstraintFamily {
    static let id = "core-spread"
    static let explanation = "Core courses are spread over the period rather than left to its end."

    static func apply(to b: WeekModelBuilder) {
        let weight = Double(b.scenario.weights.lateCoreRunPerRun)
        guard weight > 0 else { return }
        for course in b.scenario.courses where CourseReach.isCore(course, b.scenario) {
            let window = CourseReach.window(course, b.scenario)
            let weeks = b.grid.weeks.indices.filter { b.grid.weeks[$0].workingDays.contains { window.contains($0) } }
            guard let first = weeks.first, let last = weeks.last, last - first >= 2 else { continue }
            let lateFrom = last - (last - first) / 3
            for g in b.groups(ofCourse: course.id) {
                var late = WeekModelBuilder.zero
                for (s, n) in b.starts[g] where s >= lateFrom { late.add(n, 3) }
                guard !late.terms.isEmpty else { continue }
                late.add(b.runs(g), times: -1)
                let tag = "\(course.id)_\(b.groups[g].slug)"
                let over = b.model.addVariable("late_core_\(tag)", kind: .integer, lower: 0)
                late.add(over, -3)
                b.model.addConstraint("core_spread_\(tag)", late, upper: 0)
                b.objective.add(over, weight)
            }
        }
    }
}
