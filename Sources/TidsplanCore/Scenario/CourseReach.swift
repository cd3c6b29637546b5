/// What the scenario alone allows a course and a municipality, before any solver runs: the window a
/// course can run in, the days its leaders have there, and the hours a municipality's required courses
/// need against its quota ceiling. Shared by `check` and the shortfall explanations.
public enum CourseReach {
    /// The days a course may run: its window inside the training period.
    public static func window(_ c: Course, _ s: Scenario) -> DateRange {
        let from = max(s.project.trainingFrom, c.window?.from ?? s.project.period.from)
        let to = min(s.project.period.to, c.window?.to ?? s.project.period.to)
        return DateRange(from: from, to: to)
    }

    /// Days `leader` can lead `c`: their working days in the course window, at most their contract's maxDays.
    public static func leaderDays(_ c: Course, leader: String, _ s: Scenario, _ calendar: WorkingCalendar) -> Int {
        let w = window(c, s)
        guard w.from <= w.to else { return 0 }
        let days = calendar.workingDays(in: w, leader: leader).count
        if let t = s.trainer(leader), let max = t.maxDays { return min(days, max) }
        return days
    }

    /// A core course: marked `core`, or a prerequisite of another course.
    public static func isCore(_ c: Course, _ s: Scenario) -> Bool {
        c.core || s.courses.contains { $0.prerequisites.contains { $0.course == c.id } }
    }

    /// Persons of `m` the course must reach (attendance `all` or a number per municipality).
    public static func requiredPersons(_ c: Course, _ m: Municipality) -> Int {
        guard m.withdrawal == nil else { return 0 }
        return TargetGroupDemand.askedPersons(c, m)
    }

    /// Hours each required course needs for `m`, in file order (courses with none left out).
    public static func requiredHours(_ m: Municipality, _ s: Scenario) -> [(course: String, hours: Double)] {
        s.courses.compactMap { c in
            let n = requiredPersons(c, m)
            return n > 0 ? (c.id, Double(n) * c.hoursPerParticipant) : nil
        }
    }

    /// The most hours `m` may be planned for: its quota plus the tolerance (a reduced commitment is a ceiling).
    public static func ceiling(_ m: Municipality, _ s: Scenario) -> Double {
        m.quotaCeilingHours(tolerance: s.rules.quotaTolerance)
    }

    /// The required course whose removal closes a gap of `over` hours: the smallest that is big enough,
    /// else the biggest.
    public static func courseToDrop(_ needs: [(course: String, hours: Double)], over: Double) -> (course: String, hours: Double)? {
        let bigEnough = needs.filter { $0.hours >= over }.min { $0.hours < $1.hours }
        return bigEnough ?? needs.max { $0.hours < $1.hours }
    }
}
