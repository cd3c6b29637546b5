/// `series-cadence`: a run of a series course has its `meetings` sessions numbered 1…N, and meeting
/// k+1 falls exactly `everyWeeks` weeks (Monday to Monday) after meeting k. A meeting the attendance
/// register records as moved is not held to the rhythm (neither to the meeting before nor after).
enum SeriesCadenceRule: PlanRule {
    static let id = "series-cadence"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        var found: [RuleFinding] = []
        var runs: [RunKey: [PlannedSession]] = [:]
        for s in c.sessions {
            guard let course = c.course(s.course) else { continue }
            switch (course.series, s.series) {
            case (nil, nil): continue
            case (nil, .some):
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                    message: Bilingual("\(VerificationText.session(s).sv) är en träff i en serie men kursen \(course.id) är ingen serie",
                                     "\(VerificationText.session(s).en) is a series meeting but course \(course.id) is not a series")))
            case (.some, nil):
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                    message: Bilingual("\(VerificationText.session(s).sv) hör inte till någon omgång, men kursen \(course.id) är en serie",
                                     "\(VerificationText.session(s).en) belongs to no run, but course \(course.id) is a series")))
            case (.some, .some(let position)):
                runs[RunKey(course: course.id, run: position.run), default: []].append(s)
            }
        }
        for (key, meetings) in runs {
            guard let series = c.course(key.course)?.series, let first = meetings.first else { continue }
            let ordered = meetings.sorted { ($0.series?.meeting ?? 0, $0.date, $0.id) < ($1.series?.meeting ?? 0, $1.date, $1.id) }
            let numbers = ordered.map { $0.series?.meeting ?? 0 }
            let ids = meetings.map(\.id)
            // A run cut short by withdrawals: its last meetings are in the plan as cancelled.
            let cut = Set(c.plan.sessions.filter { $0.status == .cancelled && $0.series?.run == key.run && $0.course == key.course }
                .compactMap { $0.series?.meeting })
            let held = max(series.meetings, 1) - (1...max(series.meetings, 1)).reversed().prefix { cut.contains($0) }.count
            if numbers != Array(1...max(held, 1)) || ordered.contains(where: { $0.series?.of != series.meetings }) {
                found.append(RuleFinding(date: first.date, sessionIDs: ids,
                    message: Bilingual("Serieomgången \(key.run) av kursen \(key.course) har träffarna \(ordered.map { "\($0.series?.meeting ?? 0) av \($0.series?.of ?? 0) (\($0.id) den \($0.date.iso))" }.joined(separator: ", ")); den behöver träffarna 1 till \(series.meetings) av \(series.meetings)",
                                       "Series run \(key.run) of course \(key.course) has meetings \(ordered.map { "\($0.series?.meeting ?? 0) of \($0.series?.of ?? 0) (\($0.id) on \($0.date.iso))" }.joined(separator: ", ")); it needs meetings 1 to \(series.meetings) of \(series.meetings)")))
            }
            // Check the rhythm between consecutive meeting numbers that are both present once.
            let byNumber = Dictionary(grouping: ordered) { $0.series?.meeting ?? 0 }
            for k in byNumber.keys.sorted() {
                guard let this = byNumber[k], this.count == 1, let next = byNumber[k + 1], next.count == 1,
                      let a = this.first, let b = next.first else { continue }
                // A meeting the register records as held on another day broke the rhythm in fact, not in plan.
                if a.attendance?.plannedDate != nil || b.attendance?.plannedDate != nil { continue }
                let expected = a.date.monday.adding(days: 7 * series.everyWeeks)
                if b.date.monday != expected {
                    found.append(RuleFinding(date: b.date, sessionIDs: [a.id, b.id],
                        message: Bilingual("\(VerificationText.session(b).sv) (träff \(k + 1)) ligger i veckan som börjar \(b.date.monday.iso); \(series.everyWeeks) \(series.everyWeeks == 1 ? "vecka" : "veckor") efter träff \(k) (\(VerificationText.session(a).sv)) är veckan som börjar \(expected.iso)",
                                           "\(VerificationText.session(b).en) (meeting \(k + 1)) is in the week of \(b.date.monday.iso); \(series.everyWeeks) week(s) after meeting \(k) (\(VerificationText.session(a).en)) is the week of \(expected.iso)")))
                }
            }
        }
        return found
    }

    private struct RunKey: Hashable { var course: String; var run: String }
}
