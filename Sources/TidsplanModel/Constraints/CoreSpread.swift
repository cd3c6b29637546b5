import LinearModel
import TidsplanCore

/// Core courses (`core: true`, or a prerequisite of another course) are not left to the end of their
/// window: their runs start in its first two thirds. Stated as bounds on the start columns (runs already
/// held keep theirs), so the model gets no rows and no columns: presolve drops the late starts.
enum CoreSpread: ConstraintFamily {
    static let id = "core-spread"
    static let explanation = "Core courses start in the first two thirds of their window, not at its end."
    /// A goal, not a hard rule: the verifier has nothing to check.
    static let verifierRules: [String] = []

    static func apply(to b: WeekModelBuilder) {
        for course in b.scenario.courses where CourseReach.isCore(course, b.scenario) {
            let window = CourseReach.window(course, b.scenario)
            let weeks = b.grid.weeks.indices.filter { b.grid.weeks[$0].workingDays.contains { window.contains($0) } }
            guard let lateFrom = lateFrom(weeks) else { continue }
            for g in b.groups(ofCourse: course.id) {
                for (s, n) in b.starts[g] where s >= lateFrom {
                    let held = b.model[n].lower ?? 0
                    b.model.setBounds(n, lower: held, upper: held)
                }
            }
        }
    }

    /// First week of the last third of `weeks` (nil when the window is too short to cut).
    static func lateFrom(_ weeks: [Int]) -> Int? {
        guard let first = weeks.first, let last = weeks.last, last - first >= 5 else { return nil }
        return last - (last - first) / 3 + 1
    }
}
