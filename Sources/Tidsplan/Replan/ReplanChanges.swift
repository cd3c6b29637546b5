import TidsplanCore
import TidsplanIO

/// Changes asked for on the command line (`--withdraw`, `--reduce`, `--compensate`), applied to the
/// scenario on top of the changes the previous plan was made for (a chain of re-plans never forgets an
/// earlier withdrawal). Refuses what cannot be meant: an unknown name, a "reduction" above the quota in
/// force, or below the hours the municipality has already attended.
enum ScenarioChanges {
    struct Result {
        var scenario: Scenario
        var compensation: CompensationOutcome?
    }

    static func apply(withdraw: [String], reduce: [(name: String, hours: Int)], asOf: Day?, compensate: Bool,
                      previous: Plan?, to loaded: Scenario) throws -> Result {
        var s = previous.map { loaded.applying($0.commitmentChanges) } ?? loaded
        let names = s.municipalities.map(\.name)
        func index(_ name: String) throws -> Int {
            if let i = names.firstIndex(of: name) { return i }
            let hint = NameMatching.didYouMean(name, among: names).map { "; \($0)" } ?? ""
            throw JobError("unknown municipality \"\(name)\"\(hint). Known: \(names.joined(separator: ", "))")
        }
        if (!withdraw.isEmpty || !reduce.isEmpty || compensate) && asOf == nil {
            throw JobError("--withdraw, --reduce and --compensate need --as-of DATE (and --previous PLAN.json)")
        }
        guard let asOf else { return Result(scenario: s, compensation: nil) }
        let from = asOf.adding(days: 1)
        let held = heldHours(previous, asOf: asOf)
        var lost: Double = 0
        for name in withdraw {
            let i = try index(name)
            let m = s.municipalities[i]
            if let earlier = m.withdrawal, earlier <= from { continue }
            lost += max(0, Double(m.effectiveQuotaHours) - (held[name] ?? 0))
            s.municipalities[i].withdrawal = from
        }
        for (name, hours) in reduce {
            let i = try index(name)
            let m = s.municipalities[i]
            guard hours >= 0 else { throw JobError("--reduce \(name)=\(hours): hours must be 0 or more") }
            guard hours <= m.committedQuotaHours else {
                throw JobError("--reduce \(name)=\(hours): \(name)'s quota in force is \(m.committedQuotaHours) hours; "
                               + "--reduce only lowers a commitment. To raise a quota, change quotaHours in the scenario file.")
            }
            let attended = held[name] ?? 0
            guard Double(hours) + 1e-9 >= attended else {
                throw JobError("--reduce \(name)=\(hours): \(name) has already attended \(PlanSummary.num(attended)) hours "
                               + "on or before \(asOf.iso); a commitment cannot be lowered below the hours held.")
            }
            lost += Double(max(0, m.effectiveQuotaHours - hours))
            s.municipalities[i].reductions.append(QuotaReduction(from: from, quotaHours: hours))
        }
        // The same for reductions written in the scenario file (`plan --previous`).
        for m in s.municipalities where !m.reductions.isEmpty && Double(m.committedQuotaHours) + 1e-9 < (held[m.name] ?? 0) {
            throw JobError("\(m.name): its reduced quota of \(m.committedQuotaHours) hours is below the \(PlanSummary.num(held[m.name] ?? 0)) "
                           + "hours it has already attended on or before \(asOf.iso); a commitment cannot be lowered below the hours held.")
        }
        guard compensate else { return Result(scenario: s, compensation: nil) }
        let changed = Set(withdraw + reduce.map(\.name))
        let outcome = Compensation.spread(Int(lost.rounded()), scenario: &s, except: changed, from: from)
        return Result(scenario: s, compensation: outcome)
    }

    /// Hours each municipality attended in planned training on or before `asOf`, per the previous plan.
    static func heldHours(_ plan: Plan?, asOf: Day) -> [String: Double] {
        var out: [String: Double] = [:]
        for s in plan?.activeSessions ?? [] where s.kind == .training && s.date <= asOf {
            for (name, seats) in s.seats { out[name, default: 0] += Double(seats) * s.hours }
        }
        return out
    }
}

/// What `--compensate` did: the hours taken over by each municipality (within what it committed), and the
/// hours that would need some municipality to commit to more.
struct CompensationOutcome {
    var lost: Int
    var taken: [(name: String, hours: Int)]
    /// Hours nobody can take within their committed tolerance: a proposal that needs their consent.
    var proposal: [(name: String, hours: Int)]
    var untaken: Int { proposal.reduce(0) { $0 + $1.hours } }
}

/// `--compensate`: the hours a withdrawal or reduction loses are spread over the remaining municipalities
/// in proportion to their quotas (the application's remedy: arrange more training), but no municipality
/// beyond its own committed quota plus the tolerance. What does not fit is reported as a proposal.
enum Compensation {
    static func spread(_ lost: Int, scenario s: inout Scenario, except changed: Set<String>, from: Day) -> CompensationOutcome {
        let tolerance = s.rules.quotaTolerance
        let others = s.municipalities.indices.filter {
            !changed.contains(s.municipalities[$0].name) && s.municipalities[$0].withdrawal == nil
        }
        func room(_ i: Int) -> Int {
            let m = s.municipalities[i]
            return max(0, Int((m.quotaCeilingHours(tolerance: tolerance) + 1e-6).rounded(.down)) - m.effectiveQuotaHours)
        }
        let base = others.reduce(0) { $0 + s.municipalities[$1].effectiveQuotaHours }
        var wanted: [Int: Int] = [:]
        var given = 0
        for (k, i) in others.enumerated() where base > 0 {
            let q = s.municipalities[i].effectiveQuotaHours
            let share = k == others.count - 1 ? lost - given : Int((Double(lost) * Double(q) / Double(base)).rounded())
            wanted[i] = max(0, share)
            given += max(0, share)
        }
        var taken: [(name: String, hours: Int)] = []
        var proposal: [(name: String, hours: Int)] = []
        for i in others {
            let want = wanted[i] ?? 0
            let extra = min(want, room(i))
            let name = s.municipalities[i].name
            if extra > 0 {
                taken.append((name, extra))
                s.municipalities[i].reductions.append(QuotaReduction(
                    from: from, quotaHours: s.municipalities[i].effectiveQuotaHours + extra, compensation: true))
            }
            if want > extra { proposal.append((name, want - extra)) }
        }
        if others.isEmpty && lost > 0 { proposal.append(("", lost)) }
        return CompensationOutcome(lost: lost, taken: taken, proposal: proposal)
    }

    /// The console's account of it, in the user's language.
    static func text(_ c: CompensationOutcome, lang: Language) -> String {
        func list(_ items: [(name: String, hours: Int)]) -> String {
            items.filter { !$0.name.isEmpty }.map { "\($0.name) +\($0.hours)" }.joined(separator: ", ")
        }
        let sv = lang == .sv
        var out = sv ? "Kompensation: \(c.lost) förlorade timmar; inom sina åtaganden (kvot + tolerans) tar \(list(c.taken).isEmpty ? "ingen" : list(c.taken)) över."
                     : "Compensation: \(c.lost) hours lost; within their commitments (quota + tolerance) \(list(c.taken).isEmpty ? "nobody" : list(c.taken)) take them over."
        if c.untaken > 0 {
            out += sv ? " \(c.untaken) timmar ryms inte: förslag som kräver kommunernas samtycke: \(list(c.proposal).isEmpty ? "inga kvarvarande kommuner" : list(c.proposal))."
                      : " \(c.untaken) hours do not fit: a proposal that needs the municipalities' consent: \(list(c.proposal).isEmpty ? "no municipality remains" : list(c.proposal))."
        }
        return out
    }
}
