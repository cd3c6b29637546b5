import TidsplanCore

/// A shortfall in one language, for the report and the console summary alike: what falls short (full
/// names), by how much, and why. The headline is built from the shortfall's typed fields, never from its
/// text. `Shortfall.reason` is the model's English sentence; it is shown in English output only, so a
/// Swedish page never mixes languages. Typed causes, once the model gives them, are worded here.
public struct ShortfallWords: Sendable {
    public let lang: Language
    private var sv: Bool { lang == .sv }

    public init(lang: Language) { self.lang = lang }

    /// Who falls short, from the subject's typed fields: `MIX, grundutbildning, Aneby, EB medarbetare` for
    /// an attendance shortfall (course name, municipality, target group), the course's name and county part
    /// for runs, `EB medarbetare` for an area's coverage, the municipality for a quota.
    public func subject(_ s: Shortfall, scenario: Scenario) -> String {
        let t = s.subject
        var parts: [String] = []
        if let c = t.course { parts.append(scenario.course(c)?.name ?? c) }
        if let m = t.municipality { parts.append(m) }
        if let a = t.area { parts.append(a + (t.role.map { " " + role($0) } ?? "")) }
        if let p = t.countyPart { parts.append(p) } else if t.countyWide { parts.append(sv ? "hela länet" : "county-wide") }
        if let r = t.run { parts.append(r) }
        if let n = t.name { parts.append(n) }
        return parts.joined(separator: ", ")
    }

    func role(_ r: Role) -> String {
        switch r {
        case .staff: return sv ? "medarbetare" : "staff"
        case .manager: return sv ? "chefer" : "managers"
        }
    }

    public func kind(_ kind: String) -> String {
        switch kind {
        case "quota": return sv ? "Kvot" : "Quota"
        case "attendance": return sv ? "Deltagande" : "Attendance"
        case "session", "course", "runs": return sv ? "Tillfällen" : "Sessions"
        case "coverage": return sv ? "Område" : "Area"
        case "followUp": return sv ? "Uppföljning" : "Follow-up"
        case "budget": return sv ? "Budget" : "Budget"
        case "plan": return sv ? "Planering" : "Planning"
        default: return kind
        }
    }

    /// `3 personer får ingen plats`, `41 timmar saknas till kvoten`.
    public func amount(_ s: Shortfall, number: (Double) -> String) -> String {
        let n = number(s.amount)
        let one = s.amount == 1
        let amount: String
        switch s.unit {
        case "hours": amount = n + (sv ? (one ? " timme" : " timmar") : (one ? " hour" : " hours"))
        case "persons": amount = n + (sv ? (one ? " person" : " personer") : (one ? " person" : " persons"))
        case "sessions": amount = n + (sv ? (one ? " tillfälle" : " tillfällen") : (one ? " session" : " sessions"))
        case "runs": amount = n + (sv ? (one ? " omgång" : " omgångar") : (one ? " run" : " runs"))
        case "surveys": amount = n + (sv ? (one ? " enkät" : " enkäter") : (one ? " survey" : " surveys"))
        case "kr": amount = n + " kr"
        default: amount = n + " " + s.unit
        }
        switch s.kind {
        case "quota": return amount + (sv ? " saknas till kvoten" : " short of the quota")
        case "attendance": return amount + (sv ? " får ingen plats" : " without a place")
        case "session": return amount + (sv ? " kunde inte planeras" : " could not be planned")
        case "runs": return amount + (sv ? " färre än begärt" : " fewer than asked for")
        case "coverage": return amount + (sv ? " saknas till målet" : " short of the target")
        case "followUp": return amount + (sv ? " ryms inte före projektets slut" : (one ? " does not fit" : " do not fit") + " before the project ends")
        case "course": return sv ? "kursen kan inte hållas här" : "the course cannot be held here"
        case "budget": return amount + (sv ? " över budget" : " over budget")
        case "plan": return sv ? "delar av planen kunde inte göras" : "parts of the plan could not be made"
        default: return amount + (sv ? " saknas" : " missing")
        }
    }

    /// Why, in this language; nil when the model's reason is not in it. (A typed cause from the model,
    /// when the plan has one, is worded here in either language, with the scenario's course names.)
    public func reason(_ s: Shortfall, scenario: Scenario) -> String? {
        if let cause = s.cause {
            return ShortfallSentence.render(cause, lang) { scenario.course($0)?.name ?? $0 }
        }
        guard !sv, !s.reason.isEmpty else { return nil }
        return s.reason
    }

    /// One line: `MIX – grundutbildning, Aneby: 3 personer får ingen plats`, and in English the reason.
    public func sentence(_ s: Shortfall, scenario: Scenario, number: (Double) -> String) -> String {
        let head = subject(s, scenario: scenario) + ": " + amount(s, number: number)
        guard let why = reason(s, scenario: scenario) else { return head }
        return head + ". " + why
    }
}
