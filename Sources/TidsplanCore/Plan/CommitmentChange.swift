/// A change to a municipality's commitment that a plan was made for: a withdrawal, a reduced quota, or
/// extra hours taken over by compensation. A plan records the changes in force (plan.json
/// `commitmentChanges`), so a later re-plan, export or verify judges it against the commitments it was
/// made for, even when the scenario file does not say them.
public struct CommitmentChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The municipality takes part no more from `from`.
        case withdrawal
        /// From `from`, the municipality's quota is `quotaHours` in total (it lowered its commitment).
        case reduction
        /// From `from`, the municipality is planned towards `quotaHours`, to make up for hours others lost.
        /// It stays within what it committed: the ceiling is still its own quota plus the tolerance.
        case compensation
    }

    public var municipality: String
    public var kind: Kind
    public var from: Day
    /// The quota in force from `from` (nil for a withdrawal).
    public var quotaHours: Int?

    public init(municipality: String, kind: Kind, from: Day, quotaHours: Int? = nil) {
        self.municipality = municipality; self.kind = kind; self.from = from; self.quotaHours = quotaHours
    }
}

extension Municipality {
    /// The quota the municipality committed to: the last reduction, else the original quota.
    /// Compensation does not change it.
    public var committedQuotaHours: Int {
        reductions.filter { !$0.compensation }.max { $0.from < $1.from }?.quotaHours ?? quotaHours
    }

    /// It lowered its own commitment (a reduction, not hours taken over from others).
    public var hasReducedCommitment: Bool { reductions.contains { !$0.compensation } }

    /// The most hours it may be planned for: its committed quota plus the tolerance (never less than the
    /// quota in force). A municipality that lowered its commitment said how much it will pay for: its new
    /// commitment is the ceiling, with no tolerance above it.
    public func quotaCeilingHours(tolerance: Double) -> Double {
        let allowance = hasReducedCommitment ? 0 : tolerance
        return max(Double(committedQuotaHours) * (1 + allowance), Double(effectiveQuotaHours))
    }
}

extension Scenario {
    /// The commitment changes in force in this scenario, by municipality (file order), then date.
    public var commitmentChanges: [CommitmentChange] {
        municipalities.flatMap { m -> [CommitmentChange] in
            var out = m.reductions.sorted { $0.from < $1.from }.map {
                CommitmentChange(municipality: m.name, kind: $0.compensation ? .compensation : .reduction,
                                 from: $0.from, quotaHours: $0.quotaHours)
            }
            if let w = m.withdrawal { out.append(CommitmentChange(municipality: m.name, kind: .withdrawal, from: w)) }
            return out
        }
    }

    /// The scenario with a plan's recorded changes in force as well: an earlier withdrawal stays (the earlier
    /// date wins), a reduction or compensation not yet in the scenario is added. Names the scenario does not
    /// know are left out.
    public func applying(_ changes: [CommitmentChange]) -> Scenario {
        var s = self
        for c in changes {
            guard let i = s.municipalities.firstIndex(where: { $0.name == c.municipality }) else { continue }
            switch c.kind {
            case .withdrawal:
                s.municipalities[i].withdrawal = min(s.municipalities[i].withdrawal ?? c.from, c.from)
            case .reduction, .compensation:
                let r = QuotaReduction(from: c.from, quotaHours: c.quotaHours ?? s.municipalities[i].quotaHours,
                                       compensation: c.kind == .compensation)
                if !s.municipalities[i].reductions.contains(r) { s.municipalities[i].reductions.append(r) }
            }
        }
        return s
    }
}
