import TidsplanCore

extension ReplanContext {
    /// The most hours a re-plan may give `m`: what the plan in force gave it, unless its commitment in
    /// force rose since (compensation, or a higher quota in the scenario file), then up to that. A
    /// municipality that did not agree to more is never planned for more co-financing than before because
    /// another one left. Hours the plan in force booked count, not who came: a municipality whose staff
    /// attended less than booked (the attendance register) may make the difference up. Nil for a
    /// municipality the previous plan did not have.
    public func hoursCap(_ m: Municipality) -> Double? {
        guard let before = previous.municipalities.first(where: { $0.name == m.name }) else { return nil }
        let hours = previous.bookedHours(m.name)
        return m.effectiveQuotaHours > before.quotaHours ? max(hours, Double(m.effectiveQuotaHours)) : hours
    }
}
