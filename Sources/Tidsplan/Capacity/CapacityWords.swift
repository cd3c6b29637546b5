import TidsplanCore
import TidsplanIO

/// Every word of `tidsplan capacity` (capacity.md, the CSV headers, the console lines), in Swedish
/// (default) or English. The analysis itself keeps typed values; they are worded only here.
struct CapacityWords {
    let lang: Language
    var sv: Bool { lang == .sv }

    /// `4,5` (sv) or `4.5` (en), thousands spaced.
    func number(_ x: Double, decimals: Int = 1) -> String { CapacityText.number(x, decimals: decimals, decimalComma: sv) }

    /// `112 %`; an infinite share (no capacity at all) in words. A solver's gap takes one decimal: "gap 0 %"
    /// beside "stopped early" read as a contradiction.
    func percent(_ fraction: Double?, decimals: Int = 0) -> String {
        guard let fraction else { return "" }
        guard fraction.isFinite else { return sv ? "över" : "over" }
        return number(fraction * 100, decimals: decimals) + " %"
    }

    // MARK: resources, units, statuses

    func resource(_ r: CapacityResource) -> String {
        switch r.kind {
        case .budget: return budget(r.name)
        case .staff: return "\(r.name) (" + (sv ? "projektpersonal" : "staff") + ")"
        case .trainer: return "\(r.name) (" + (sv ? "extern utbildare" : "external trainer") + ")"
        case .venue: return (sv ? "lokalen " : "venue ") + r.name
        }
    }

    func budget(_ name: String) -> String {
        guard sv else { return BudgetName.words(name) }
        switch name {
        case BudgetName.trainers: return "utbildningsbudgeten (arvoden)"
        case BudgetName.travel: return "utbildarnas resebudget"
        case BudgetName.premises: return "lokalbudgeten"
        default: return "budgeten \(name)"
        }
    }

    /// A resource's name in a CSV cell: budgets by a short word of the language, others by their own name.
    func name(_ r: CapacityResource) -> String {
        guard sv, r.kind == .budget else { return r.name }
        switch r.name {
        case BudgetName.trainers: return "arvoden"
        case BudgetName.travel: return "resor"
        case BudgetName.premises: return "lokaler"
        default: return r.name
        }
    }

    func unit(_ u: String) -> String {
        guard sv else { return u }
        switch u {
        case "days": return "dagar"
        case "sessions": return "tillfällen"
        default: return u
        }
    }

    func kind(_ k: CapacityResourceKind) -> String {
        guard sv else { return k.rawValue }
        switch k {
        case .staff: return "personal"
        case .trainer: return "utbildare"
        case .venue: return "lokal"
        case .budget: return "budget"
        }
    }

    /// "optimal", or "stopped early, gap 1.2 %", or the status word.
    func status(_ s: SolverSummary) -> String {
        switch s.status {
        case .optimal: return "optimal"
        case .feasible, .timeLimit, .stopped: return (sv ? "avbruten i förtid, gap " : "stopped early, gap ") + percent(s.gap ?? 0, decimals: 1)
        case .notSolved: return sv ? "ingen plan" : "no plan"
        case .infeasible: return sv ? "omöjlig" : "infeasible"
        case .error: return sv ? "fel i lösaren" : "solver error"
        }
    }
    func status(_ plan: Plan) -> String { status(plan.solver) }

    func elasticStatus(_ s: ElasticStatus) -> String {
        switch s {
        case .optimal: return "optimal"
        case .stopped(let gap, let by):
            let cause = switch by {
            case .stopped: sv ? "avbruten" : "interrupted"
            case .memoryLimit: sv ? "minnesgränsen" : "memory limit"
            case .nodeLimit: sv ? "nodbudgeten" : "node budget"
            default: sv ? "tidsgränsen" : "time limit"
            }
            guard let gap else { return sv ? "inget svar (\(cause))" : "no answer (\(cause))" }
            return (sv ? "avbruten i förtid (\(cause)), gap " : "stopped early (\(cause)), gap ") + percent(gap, decimals: 1)
        case .infeasible: return sv ? "omöjlig" : "infeasible"
        case .unbounded: return sv ? "obegränsad" : "unbounded"
        case .error(let m): return (sv ? "fel i lösaren: " : "solver error: ") + m
        }
    }

    func rule(_ rule: BindingRule) -> String { rule.words(lang) }

    // MARK: marginal values and additions

    func unitWords(_ v: MarginalValue) -> String {
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

    func note(_ n: MarginalNote) -> String {
        switch n {
        case .resolveCap(let most):
            return sv ? "inte omlöst: högst \(most) omlösningar per körning" : "not re-solved: at most \(most) re-solves per run"
        case .stopped: return sv ? "inte omlöst: avbrutet" : "not re-solved: stopped"
        case .noPlan(let status): return sv ? "omlösningen gav ingen plan (\(status.rawValue))" : "the re-solve found no plan (\(status.rawValue))"
        case .stoppedEarly(let base, let resolve):
            return sv ? "en lösning avbröts i förtid (bas: \(status(base)), omlösning: \(status(resolve))), så skillnaden bär det gapet"
                      : "a solve stopped early (base: \(status(base)), re-solve: \(status(resolve))), so the difference carries that gap"
        }
    }

    /// The sentence for the user, naming the method.
    func sentence(_ v: MarginalValue) -> String {
        let words = unitWords(v)
        let subject = words.prefix(1).uppercased() + words.dropFirst()
        guard let hours = v.resolvedQuotaHours else {
            var s = subject + (sv ? ": inte omlöst" : ": not re-solved")
            if let change = v.relaxationObjectiveChange {
                s += sv ? "; LP-relaxationen värderar den till \(number(-change)) målfunktionspoäng"
                        : "; the LP relaxation values it at \(number(-change)) objective points"
            }
            if let n = v.note { s += " (\(note(n)))" }
            return s + "."
        }
        var s: String
        if abs(hours) < 0.05 && !v.improvesObjective {
            s = subject + (sv ? " ger ingenting: inga fler kvottimmar och ingen bättre plan (omlösning"
                              : " would buy nothing: no more quota hours and no better plan (re-solve")
            if let obj = v.resolvedObjectiveChange, obj != 0 {
                s += sv ? "; ändringen \(number(obj)) i målfunktionen ligger inom lösarens gap"
                        : "; objective change \(number(obj)) is within the solver's gap"
            }
            s += ")"
        } else {
            s = subject + (sv ? " skulle ge \(number(hours)) fler planerade kvottimmar (omlösning"
                              : " would let \(number(hours)) more quota hours be planned (re-solve")
            if let obj = v.resolvedObjectiveChange {
                s += (sv ? "; målfunktion " : "; objective ") + (obj > 0 ? "+" : "") + number(obj)
            }
            s += ")"
            if abs(hours) < 0.05 { s += sv ? ": inga fler kvottimmar, men en billigare eller jämnare plan" : ": no more quota hours, but a cheaper or evener plan" }
        }
        if let n = v.note { s += "; " + note(n) }
        return s + "."
    }

    /// In words, for the list of what is missing.
    func addition(_ a: CapacityAddition) -> String {
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

    var progressPlanning: String { sv ? "planerar scenariot" : "planning the scenario" }
    var progressRelaxation: String { sv ? "löser LP-relaxationen för bindande rader" : "solving the LP relaxation for binding rows" }
    var progressElastic: String { sv ? "löser den elastiska modellen för vad som saknas" : "solving the elastic model for what is missing" }
    var progressCheck: String { sv ? "planerar igen med tilläggen" : "planning again with the additions" }
    func progressResolve(_ v: MarginalValue, _ n: Int, of total: Int) -> String {
        (sv ? "löser om med " : "re-solving with ") + unitWords(v) + " (\(n)/\(total))"
    }

    // MARK: CSV headers

    var capacityHeader: [String] {
        sv ? ["typ", "resurs", "månad", "enhet", "kapacitet", "använt", "utnyttjande", "överbokad"]
           : ["kind", "resource", "month", "unit", "capacity", "used", "utilisation", "over_allocated"]
    }
    var yes: String { sv ? "ja" : "yes" }
    var total: String { sv ? "totalt" : "total" }
    var bottlenecksHeader: [String] {
        sv ? ["rang", "typ", "resurs", "enhet", "lp_bindande_rader", "lp_vinst_målfunktion", "lp_uppskattade_kvottimmar",
              "omlöst_kvottimmar", "omlöst_vinst_målfunktion", "anmärkning"]
           : ["rank", "kind", "resource", "unit", "lp_binding_rows", "lp_objective_gain", "lp_quota_hours_estimate",
              "resolved_quota_hours", "resolved_objective_gain", "note"]
    }
}
