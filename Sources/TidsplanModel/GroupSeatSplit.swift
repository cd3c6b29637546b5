import TidsplanCore

/// Splits each session's seats per municipality over the municipality's areas and roles (`groupSeats`),
/// so hours per area come from the plan. Per course and municipality the seats of all runs are split once
/// (a person takes a course once): first as the week model counted them for coverage targets, then in
/// file order; runs then take their share in id order, and every meeting of a run has the same split.
struct GroupSeatSplit {
    let scenario: Scenario
    let evidence: WeekEvidence?

    func apply(_ sessions: [PlannedSession]) -> [PlannedSession] {
        let training = sessions.filter { $0.kind == .training && $0.status == .planned }
        // First meetings carry a run's seats.
        let firsts = training.filter { ($0.series?.meeting ?? 1) == 1 }.sorted { ($0.series?.run ?? $0.id) < ($1.series?.run ?? $1.id) }
        var byRun: [String: [GroupSeats]] = [:]
        for course in scenario.courses {
            let runs = firsts.filter { $0.course == course.id }
            guard !runs.isEmpty else { continue }
            for m in scenario.municipalities {
                let total = runs.reduce(0) { $0 + ($1.seats[m.name] ?? 0) }
                guard total > 0 else { continue }
                var left = AreaSeats.split(seats: total, course: course, municipality: m, preferred: preferred(course, m))
                for run in runs {
                    var need = run.seats[m.name] ?? 0
                    var mine: [GroupSeats] = []
                    for i in left.keys.sorted() where need > 0 {
                        let n = min(need, left[i] ?? 0)
                        guard n > 0 else { continue }
                        left[i]? -= n; need -= n
                        mine.append(GroupSeats(municipality: m.name, area: m.groups[i].area, role: m.groups[i].role, seats: n))
                    }
                    byRun[run.series?.run ?? run.id, default: []] += mine
                }
            }
        }
        return sessions.map { s in
            guard s.kind == .training else { return s }
            var s = s
            s.groupSeats = byRun[s.series?.run ?? s.id, default: []].filter { (s.seats[$0.municipality] ?? 0) > 0 }
            return s
        }
    }

    /// Seats per person group that the week model counted towards coverage targets (rounded down).
    func preferred(_ course: Course, _ m: Municipality) -> [Int: Int] {
        guard let e = evidence else { return [:] }
        var out: [Int: Int] = [:]
        for (t, target) in scenario.coverage.enumerated() {
            guard var n = e.value(.coverageSeats(target: t, course: course.id, municipality: m.name)).map({ Int(($0 + 1e-6).rounded(.down)) }) else { continue }
            for i in m.groups.indices where n > 0 && target.matches(m.groups[i]) && course.audience.contains(where: { $0.matches(m.groups[i]) }) {
                let k = min(n, m.groups[i].persons - (out[i] ?? 0))
                if k > 0 { out[i, default: 0] += k; n -= k }
            }
        }
        return out
    }
}
