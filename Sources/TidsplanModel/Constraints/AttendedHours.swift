import LinearModel
import TidsplanCore

extension WeekModelBuilder {
    /// Hours a municipality attended in held series meetings minus what the week model counts for them.
    /// The model counts a held run's seats (those of its first meeting) for every meeting; an attendance
    /// register records each meeting as it went, so a meeting fewer came to counts fewer hours.
    func attendedHoursCorrection(_ municipality: String) -> Double {
        guard let replan else { return 0 }
        var firstSeats: [String: Int] = [:]
        for r in previousRuns where r.frozen { firstSeats[r.id] = r.seats[municipality] ?? 0 }
        var out = 0.0
        for s in replan.previous.sessions where s.kind == .training && s.isRecorded && s.date <= replan.asOf {
            guard let run = s.series?.run, let first = firstSeats[run] else { continue }
            let came = s.status == .planned ? (s.seats[municipality] ?? 0) : 0
            out += Double(came - first) * s.hours
        }
        return out
    }
}

extension WeekModelBuilder {
    /// The value an expression of run counts has from its lower bounds alone: the held runs it counts.
    /// The week model's own limits, stricter than the rules, must not make what was held infeasible.
    func heldPart(_ e: LinearExpression) -> Double {
        e.terms.reduce(e.constant) { $0 + $1.coefficient * (model[$1.variable].lower ?? 0) }
    }
}
