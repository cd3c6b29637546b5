import TidsplanCore
import TidsplanIO

/// Every word of `tidsplan capacity` (capacity.md, the CSV headers, the console lines), in Swedish
/// (default) or English. The analysis itself keeps typed values; they are worded only here.
package struct CapacityWords {
    package let lang: Language
    /// Venues by id → their names, so sentences name the room, not its id.
    package var venueNames: [String: String] = [:]
    package var sv: Bool { lang == .sv }

    package init(lang: Language, scenario: Scenario? = nil) {
        self.lang = lang
        for v in scenario?.venues ?? [] { venueNames[v.id] = v.name }
    }

    /// `4,5` (sv) or `4.5` (en), thousands spaced.
    package func number(_ x: Double, decimals: Int = 1) -> String { CapacityText.number(x, decimals: decimals, decimalComma: sv) }

    /// `112 %`; an infinite share (no capacity at all) in words. A solver's gap takes one decimal: "gap 0 %"
    /// beside "stopped early" read as a contradiction.
    package func percent(_ fraction: Double?, decimals: Int = 0) -> String {
        guard let fraction else { return "" }
        guard fraction.isFinite else { return sv ? "över" : "over" }
        return number(fraction * 100, decimals: decimals) + " %"
    }

    // MARK: resources, units, statuses

    package func resource(_ r: CapacityResource) -> String {
        switch r.kind {
        case .budget: return budget(r.name)
        case .staff: return "\(r.name) (" + (sv ? "projektpersonal" : "staff") + ")"
        case .trainer: return "\(r.name) (" + (sv ? "extern utbildare" : "external trainer") + ")"
        case .venue: return (sv ? "lokalen " : "venue ") + (venueNames[r.name] ?? r.name)
        }
    }

    package func budget(_ name: String) -> String {
        guard sv else { return BudgetName.words(name) }
        switch name {
        case BudgetName.trainers: return "utbildningsbudgeten (arvoden)"
        case BudgetName.travel: return "utbildarnas resebudget"
        case BudgetName.premises: return "lokalbudgeten"
        default: return "budgeten \(name)"
        }
    }

    /// A resource's name in a CSV cell: budgets by a short word of the language, others by their own name.
    package func name(_ r: CapacityResource) -> String {
        guard sv, r.kind == .budget else { return r.name }
        switch r.name {
        case BudgetName.trainers: return "arvoden"
        case BudgetName.travel: return "resor"
        case BudgetName.premises: return "lokaler"
        default: return r.name
        }
    }

    package func unit(_ u: String) -> String {
        guard sv else { return u }
        switch u {
        case "days": return "dagar"
        case "sessions": return "tillfällen"
        default: return u
        }
    }

    package func kind(_ k: CapacityResourceKind) -> String {
        guard sv else { return k.rawValue }
        switch k {
        case .staff: return "personal"
        case .trainer: return "utbildare"
        case .venue: return "lokal"
        case .budget: return "budget"
        }
    }

    /// "proven best", or "within 1.2 % of the best possible", or the status word.
    package func status(_ s: SolverSummary) -> String {
        switch s.status {
        case .optimal where s.optimalWithinTolerance == nil: return sv ? "bevisat bäst" : "proven best"
        case .optimal, .feasible, .timeLimit, .stopped:
            guard let gap = s.gap else { return sv ? "inte bevisat bäst" : "not proven best" }
            let text = NumberText.gapPercent(gap, lang: lang)
            return sv ? "inom \(text) av bästa möjliga" : "within \(text) of the best possible"
        case .notSolved: return sv ? "ingen plan" : "no plan"
        case .infeasible: return sv ? "omöjlig" : "infeasible"
        case .error: return sv ? "fel i lösaren" : "solver error"
        }
    }
    package func status(_ plan: Plan) -> String { status(plan.solver) }

    /// How the search for what is missing ended, when it did not finish: nil when it did.
    package func missingSearchEnd(_ s: ElasticStatus) -> String? {
        switch s {
        case .optimal: return nil
        case .stopped(let gap, let by):
            let cause = switch by {
            case .stopped: sv ? "avbröts" : "was interrupted"
            case .memoryLimit: sv ? "nådde minnesgränsen" : "reached the memory limit"
            default: sv ? "nådde tidsgränsen (--time-limit)" : "reached the time limit (--time-limit)"
            }
            guard gap != nil else { return sv ? "beräkningen \(cause) innan den hade något svar" : "the calculation \(cause) before it had any answer" }
            return sv ? "beräkningen \(cause), så tilläggen kan vara fler än som behövs" : "the calculation \(cause), so the additions may be more than needed"
        case .infeasible, .unbounded: return sv ? "beräkningen gav inget svar" : "the calculation gave no answer"
        case .error(let m): return (sv ? "beräkningen misslyckades: " : "the calculation failed: ") + m
        }
    }

    package func rule(_ rule: BindingRule) -> String { rule.words(lang) }

    // MARK: marginal values and additions

    package func unitWords(_ v: MarginalValue) -> String {
        switch v.addition {
        case .staffDays(let name, _):
            let months = v.months ?? ""
            return sv ? "en undervisningsdag till i månaden för \(name) under \(months)"
                      : "one more teaching day a month for \(name) in \(months)"
        case .trainerDays(let name, _):
            return sv ? "en avtalsdag till för \(name)" : "one more contract day for \(name)"
        case .budget(let name, let kr):
            return sv ? "\(number(Double(kr))) kr mer i \(budget(name))" : "\(number(Double(kr))) kr more in \(budget(name))"
        }
    }

    package func note(_ n: MarginalNote) -> String {
        switch n {
        case .resolveCap(let most):
            return sv ? "inte prövat: högst \(most) prövningar per körning" : "not tried: at most \(most) trials per run"
        case .stopped: return sv ? "inte prövat: avbrutet" : "not tried: interrupted"
        case .noPlan: return sv ? "planeringen med tillägget gav ingen plan" : "planning with the addition gave no plan"
        case .worseThanWithout(let resolve):
            // Only a time limit is helped by more time; a search that used up its steps would end the same way again.
            let advice = resolve.searchEnd == .timeLimit
                ? (sv ? "; ge mer tid med --time-limit eller kör på en mindre belastad dator" : "; allow more time with --time-limit or run on a less busy machine")
                : (sv ? "; vad enheten ger går därför inte att säga" : "; so what the unit buys cannot be told")
            return sv ? "planeringen med tillägget blev sämre än utan (\(status(resolve))), vilket mer kapacitet inte kan ge: sökningen kom inte lika långt\(advice)"
                      : "planning with the addition came out worse than without (\(status(resolve))), which more capacity cannot cause: the search did not get as far\(advice)"
        case .outOfTime(let limit):
            let s = limit.map { " (\(Int($0.rounded())) s)" } ?? ""
            return sv ? "planeringen med tillägget hann inte bli klar inom tidsgränsen\(s); ge mer tid med --time-limit"
                      : "planning with the addition did not finish within the time limit\(s); allow more time with --time-limit"
        case .stoppedEarly(let base, let resolve):
            return sv ? "planerna är inte bevisat bäst (utan: \(status(base)), med: \(status(resolve))), så skillnaden kan vara något av"
                      : "the plans are not proven best (without: \(status(base)), with: \(status(resolve))), so the difference may be a little off"
        }
    }

    /// What the unit buys, for the list of bottlenecks: hours with their co-financing, places, kronor.
    package func sentence(_ v: MarginalValue) -> String {
        let words = unitWords(v)
        let subject = words.prefix(1).uppercased() + words.dropFirst()
        guard v.resolvedQuotaHours != nil else {
            return subject + ": " + (v.note.map(note) ?? (sv ? "inte prövat" : "not tried")) + "."
        }
        guard v.buysSomething else {
            return subject + (sv ? " ger inga fler kvottimmar, platser eller lägre kostnad." : " buys no more quota hours, places or savings.")
        }
        var gains: [String] = []
        if let h = v.resolvedQuotaHours, h >= 0.5 {
            let kr = v.resolvedCofinancingKr.map { " (" + number($0, decimals: 0) + (sv ? " kr medfinansiering)" : " kr co-financing)") } ?? ""
            gains.append(sv ? "\(number(h)) kvottimmar till\(kr)" : "\(number(h)) more quota hours\(kr)")
        }
        if let p = v.resolvedPlaces, p > 0 {
            gains.append(sv ? "\(p) \(p == 1 ? "plats" : "platser") till av dem målgrupperna bett om" : "\(p) more place\(p == 1 ? "" : "s") the target groups asked for")
        }
        if let c = v.resolvedCostKr, c <= -1 {
            gains.append(sv ? "\(number(-c, decimals: 0)) kr lägre kostnad" : "\(number(-c, decimals: 0)) kr lower cost")
        }
        var text = subject + (sv ? " ger " : " buys ") + list(gains)
        if let c = v.resolvedCostKr, c >= 1 { text += sv ? " och kostar \(number(c, decimals: 0)) kr mer" : " and costs \(number(c, decimals: 0)) kr more" }
        if let n = v.note { text += "; " + note(n) }
        return text + "."
    }

    /// The bottleneck list as the console and capacity.md show it: what buys something (numbered, most valuable
    /// first), then one line each for what was tried and bought nothing, what was not tried, and resources at
    /// their limit that were not tried.
    package func bottleneckLines(_ a: CapacityAnalysis) -> (ranked: [String], others: [String]) {
        let ranked = a.marginalValues.filter(\.buysSomething).map(sentence)
        var others: [String] = []
        let nothing = a.marginalValues.filter { $0.resolvedQuotaHours != nil && !$0.buysSomething }.map { unitWords($0) }
        if !nothing.isEmpty {
            others.append((sv ? "Prövat utan effekt (inga fler kvottimmar, platser eller lägre kostnad): "
                              : "Tried, buys nothing (no more quota hours, places or savings): ") + nothing.joined(separator: "; ") + ".")
        }
        let untried = a.marginalValues.filter { $0.resolvedQuotaHours == nil }
        if !untried.isEmpty {
            others.append((sv ? "Inte mätt: " : "Not measured: ")
                          + untried.map { unitWords($0) + ($0.note.map { " (" + note($0) + ")" } ?? "") }.joined(separator: "; ") + ".")
        }
        let measured = Set(a.marginalValues.map(\.resource))
        let atLimit = a.relaxation.bindings.filter { !measured.contains($0.resource) }
        if !atLimit.isEmpty {
            others.append((sv ? "Vid sin gräns men inte prövat: " : "At their limit but not tried: ")
                          + atLimit.map { resource($0.resource) + " (" + notTriedReason($0.resource) + ")" }.joined(separator: "; ") + ".")
        }
        return (ranked, others)
    }

    package func notTriedReason(_ r: CapacityResource) -> String {
        switch r.kind {
        case .venue: return sv ? "mer plats betyder en annan lokal: en ändring i scenariot" : "more room means another venue: a change to the scenario"
        case .trainer: return sv ? "det är dagarna utbildaren kan arbeta som räcker inte, inte avtalets gräns" : "the days the trainer can work fall short, not the contract's limit"
        case .staff, .budget: return sv ? "inte mätt i den här körningen" : "not measured in this run"
        }
    }

    /// "a, b och c" / "a, b and c".
    package func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (sv ? " och " : " and ") + (items.last ?? "")
    }

    /// In words, for the list of what is missing.
    package func addition(_ a: CapacityAddition) -> String {
        switch a {
        case .staffDays(let name, let perMonth):
            let total = perMonth.values.reduce(0, +)
            let months = perMonth.keys.sorted().map { "\($0): +\(perMonth[$0] ?? 0)" }.joined(separator: ", ")
            return sv ? "\(name): \(total) \(total == 1 ? "undervisningsdag" : "undervisningsdagar") till (\(months))"
                      : "\(name): \(total) more teaching day\(total == 1 ? "" : "s") (\(months))"
        case .trainerDays(let name, let days):
            return sv ? "\(name): \(days) \(days == 1 ? "avtalsdag" : "avtalsdagar") till" : "\(name): \(days) more contract day\(days == 1 ? "" : "s")"
        case .budget(let name, let kr):
            let b = budget(name)
            return (b.prefix(1).uppercased() + b.dropFirst()) + ": " + number(Double(kr)) + (sv ? " kr till" : " kr more")
        }
    }

    // MARK: progress lines

    package var progressPlanning: String { sv ? "planerar scenariot" : "planning the scenario" }
    package var progressRelaxation: String { sv ? "ser var trycket ligger" : "finding where the pressure is" }
    package var progressElastic: String { sv ? "räknar ut vad som saknas för att nå kvoterna" : "working out what is missing to meet the quotas" }
    package var progressCheck: String { sv ? "planerar igen med tilläggen" : "planning again with the additions" }
    package func progressResolve(_ v: MarginalValue, _ n: Int, of total: Int) -> String {
        (sv ? "prövat " : "tried ") + unitWords(v) + " (\(n)/\(total))"
    }

    // MARK: CSV headers

    package var capacityHeader: [String] {
        sv ? ["typ", "resurs", "månad", "enhet", "kapacitet", "använt", "utnyttjande", "överbokad"]
           : ["kind", "resource", "month", "unit", "capacity", "used", "utilisation", "over_allocated"]
    }
    package var yes: String { sv ? "ja" : "yes" }
    package var no: String { sv ? "nej" : "no" }
    package var total: String { sv ? "totalt" : "total" }
    /// What one more unit buys, measured by planning again with it: quota hours, their co-financing, places the
    /// target groups asked for, and the change in cost (negative: cheaper).
    package var bottlenecksHeader: [String] {
        sv ? ["rang", "typ", "resurs", "enhet", "kvottimmar_till", "medfinansiering_kr_till", "platser_till", "kostnadsändring_kr", "ger_något", "anmärkning"]
           : ["rank", "kind", "resource", "unit", "more_quota_hours", "more_cofinancing_kr", "more_places", "cost_change_kr", "buys_something", "note"]
    }
}
