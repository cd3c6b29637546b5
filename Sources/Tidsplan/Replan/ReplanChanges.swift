import TidsplanCore
import TidsplanIO

/// Changes asked for on the command line (`--withdraw`, `--reduce`, `--compensate`), applied to the
/// scenario on top of the changes the previous plan was made for (a chain of re-plans never forgets an
/// earlier withdrawal). Refuses, in one line, what cannot be meant: an unknown name, the same municipality
/// twice or both withdrawn and reduced, a change that changes nothing (a second withdrawal, a reduction to
/// the commitment in force, `--compensate` with nothing lost), a "reduction" above the commitment in force
/// or below the hours the municipality has already attended.
enum ScenarioChanges {
    struct Result {
        var scenario: Scenario
        /// What `--compensate` asked of the others, before solving (`CompensationOutcome.measured` gives the plan's figures).
        var compensation: CompensationRequest?
        /// The municipalities this run withdraws or reduces.
        var changed: [String]
    }

    static func apply(withdraw: [String], reduce: [(name: String, hours: Int)], asOf: Day?, compensate: Bool,
                      previous: Plan?, to loaded: Scenario, lang: Language = .sv) throws -> Result {
        let w = ReplanRefusals(lang: lang)
        var s = previous.map { loaded.applying($0.commitmentChanges) } ?? loaded
        let names = s.municipalities.map(\.name)
        func index(_ name: String) throws -> Int {
            if let i = names.firstIndex(of: name) { return i }
            throw JobError(w.unknown(name, suggestion: NameMatching.suggestion(for: name, among: names), known: names))
        }
        if (!withdraw.isEmpty || !reduce.isEmpty || compensate) && asOf == nil {
            throw JobError(w.needsAsOf)
        }
        guard let asOf else { return Result(scenario: s, compensation: nil, changed: []) }
        // Contradictions and repeats among the options themselves, before anything is looked up.
        var seenWithdraw: Set<String> = []
        for name in withdraw where !seenWithdraw.insert(name).inserted { throw JobError(w.withdrawTwice(name)) }
        var seenReduce: [String: Int] = [:]
        for (name, hours) in reduce {
            if let earlier = seenReduce[name] { throw JobError(w.reduceTwice(name, earlier, hours)) }
            seenReduce[name] = hours
            if seenWithdraw.contains(name) { throw JobError(w.withdrawAndReduce(name, hours)) }
        }
        if compensate && withdraw.isEmpty && reduce.isEmpty { throw JobError(w.compensateAlone) }

        let from = asOf.adding(days: 1)
        let held = heldHours(previous, asOf: asOf)
        for name in withdraw {
            let i = try index(name)
            if let earlier = s.municipalities[i].withdrawal { throw JobError(w.alreadyWithdrawn(name, earlier)) }
            s.municipalities[i].withdrawal = from
        }
        for (name, hours) in reduce {
            let i = try index(name)
            let m = s.municipalities[i]
            if let earlier = m.withdrawal { throw JobError(w.reduceWithdrawn(name, hours, earlier)) }
            guard hours >= 0 else { throw JobError(w.negative(name, hours)) }
            guard hours != m.committedQuotaHours else { throw JobError(w.sameAsCommitment(name, hours)) }
            guard hours < m.committedQuotaHours else { throw JobError(w.notLower(name, hours, committed: m.committedQuotaHours)) }
            let attended = held[name] ?? 0
            guard Double(hours) + 1e-9 >= attended else {
                throw JobError(w.belowAttended(name, hours, attended: attended, asOf: asOf))
            }
            s.municipalities[i].reductions.append(QuotaReduction(from: from, quotaHours: hours))
        }
        // The same for reductions written in the scenario file (`plan --previous`).
        for m in s.municipalities where !m.reductions.isEmpty && Double(m.committedQuotaHours) + 1e-9 < (held[m.name] ?? 0) {
            throw JobError(w.fileReductionBelowAttended(m.name, m.committedQuotaHours, attended: held[m.name] ?? 0, asOf: asOf))
        }
        let changed = withdraw + reduce.map(\.name)
        guard compensate else { return Result(scenario: s, compensation: nil, changed: changed) }
        // What the changed municipalities lose against the plan in force (not against their quotas: the
        // previous plan may have given them less).
        var lost = 0.0
        for name in changed {
            guard let m = s.municipality(name) else { continue }
            let before = previous?.plannedHours(name) ?? Double(m.quotaHours)
            let after = m.withdrawal != nil ? (held[name] ?? 0) : min(before, Double(m.committedQuotaHours))
            lost += max(0, before - after)
        }
        let request = Compensation.spread(Int(lost.rounded()), scenario: &s, except: Set(changed), from: from, previous: previous)
        return Result(scenario: s, compensation: request, changed: changed)
    }

    /// Hours each municipality is held to by `asOf`, per the previous plan: training attended on or before it,
    /// and the later meetings of a series begun by then (its participants stay the same to the end, and the
    /// re-plan keeps the run).
    static func heldHours(_ plan: Plan?, asOf: Day) -> [String: Double] {
        let training = (plan?.activeSessions ?? []).filter { $0.kind == .training }
        let begun = Set(training.filter { $0.date <= asOf }.compactMap { $0.series?.run })
        var out: [String: Double] = [:]
        for s in training where s.date <= asOf || s.series.map({ begun.contains($0.run) }) == true {
            for (name, seats) in s.seats { out[name, default: 0] += Double(seats) * s.hours }
        }
        return out
    }
}

/// What `--compensate` asks before solving: each remaining municipality's extra hours within what it
/// committed (its quota in force is raised by them), and the hours that would need some municipality to
/// commit to more.
struct CompensationRequest {
    var asked: [(name: String, hours: Int)]
    /// Hours nobody can take within their committed tolerance: a proposal that needs their consent.
    var proposal: [(name: String, hours: Int)]
}

/// What `--compensate` did, measured on the plans: the hours the changed municipalities lost and those
/// each other municipality took over (new plan against the previous one), and the proposal that needs
/// consent. So the figures printed are the plan's own.
struct CompensationOutcome {
    var lost: Int
    var taken: [(name: String, hours: Int)]
    var proposal: [(name: String, hours: Int)]
    var untaken: Int { max(0, lost - taken.reduce(0) { $0 + $1.hours }) }

    static func measured(_ request: CompensationRequest, changed: [String], previous: Plan, current: Plan) -> CompensationOutcome {
        func hours(_ p: Plan, _ name: String) -> Double { p.plannedHours(name) }
        let lost = changed.reduce(0.0) { $0 + max(0, hours(previous, $1) - hours(current, $1)) }
        let taken = request.asked.compactMap { a -> (name: String, hours: Int)? in
            let rise = Int((hours(current, a.name) - hours(previous, a.name)).rounded())
            return rise > 0 ? (a.name, rise) : nil
        }
        return CompensationOutcome(lost: Int(lost.rounded()), taken: taken, proposal: request.proposal)
    }
}

/// `--compensate`: the hours a withdrawal or reduction loses are spread over the remaining municipalities
/// in proportion to their quotas (the application's remedy: arrange more training), but no municipality
/// beyond its own committed quota plus the tolerance, and none that has reduced its own commitment or
/// withdrawn. What does not fit is reported as a proposal.
enum Compensation {
    /// `previous`: the plan in force; hours it already gave a municipality above its quota count as taken.
    static func spread(_ lost: Int, scenario s: inout Scenario, except changed: Set<String>, from: Day,
                       previous: Plan? = nil) -> CompensationRequest {
        let tolerance = s.rules.quotaTolerance
        let others = s.municipalities.indices.filter {
            let m = s.municipalities[$0]
            return !changed.contains(m.name) && m.withdrawal == nil && !m.hasReducedCommitment
        }
        // What each is planned for now: its quota in force, or more where the plan in force already gave more.
        func now(_ i: Int) -> Int {
            let m = s.municipalities[i]
            return max(m.effectiveQuotaHours, Int((previous?.plannedHours(m.name) ?? 0).rounded(.down)))
        }
        func room(_ i: Int) -> Int {
            max(0, Int((s.municipalities[i].quotaCeilingHours(tolerance: tolerance) + 1e-6).rounded(.down)) - now(i))
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
        var asked: [(name: String, hours: Int)] = []
        var proposal: [(name: String, hours: Int)] = []
        for i in others {
            let want = wanted[i] ?? 0
            let extra = min(want, room(i))
            let name = s.municipalities[i].name
            if extra > 0 {
                asked.append((name, extra))
                s.municipalities[i].reductions.append(QuotaReduction(from: from, quotaHours: now(i) + extra, compensation: true))
            }
            if want > extra { proposal.append((name, want - extra)) }
        }
        if others.isEmpty && lost > 0 { proposal.append(("", lost)) }
        return CompensationRequest(asked: asked, proposal: proposal)
    }

    /// The console's account of it, in the user's language.
    static func text(_ c: CompensationOutcome, lang: Language) -> String {
        func h(_ x: Int) -> String { NumberText.human(Double(x), lang: lang, decimals: 0) }
        func list(_ items: [(name: String, hours: Int)]) -> String {
            items.filter { !$0.name.isEmpty }.map { "\($0.name) +\(h($0.hours))" }.joined(separator: ", ")
        }
        let sv = lang == .sv
        let taken = list(c.taken)
        var out = sv ? "Kompensation: \(h(c.lost)) förlorade timmar; inom sina åtaganden (kvot + tolerans) tar \(taken.isEmpty ? "ingen" : taken) över."
                     : "Compensation: \(h(c.lost)) hours lost; within their commitments (quota + tolerance) \(taken.isEmpty ? "nobody" : taken) take\(c.taken.count == 1 ? "s" : "") them over."
        if c.untaken > 0 {
            out += sv ? " \(h(c.untaken)) timmar tas inte över." : " \(h(c.untaken)) hours are not taken over."
        }
        let proposal = list(c.proposal)
        if !proposal.isEmpty {
            out += sv ? " Förslag som kräver kommunernas samtycke (mer än kvot + tolerans): \(proposal)."
                      : " A proposal that needs the municipalities' consent (beyond quota + tolerance): \(proposal)."
        } else if c.proposal.contains(where: { $0.name.isEmpty }) {
            out += sv ? " Ingen kvarvarande kommun kan ta dem." : " No municipality remains to take them."
        } else if c.untaken > 0 {
            out += sv ? " Resten får inte plats i planen inom kommunernas åtaganden (kurserna ger timmar i hela steg per person)."
                      : " The rest does not fit the plan within the municipalities' commitments (courses give hours in whole steps per person)."
        }
        return out
    }
}
