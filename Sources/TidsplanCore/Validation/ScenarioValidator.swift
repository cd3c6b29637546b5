/// Checks a scenario without any I/O: values in range, references that resolve, the application's
/// stated totals against its rows, and a plain-arithmetic look at demand against capacity.
///
/// Errors are kept for what makes planning impossible or meaningless (an unknown course, a period
/// that ends before it starts, a share of 1.5); everything that merely looks wrong (a stated total
/// that does not add up, a rate far from the others) is a warning. The YAML loader runs this after
/// reading and anchors each issue at the line of its path. Messages are `Bilingual`: `check --lang` picks.
public enum ScenarioValidator {
    public static func validate(_ scenario: Scenario) -> [ValidationIssue] {
        var c = ScenarioIssueCollector(scenario: scenario)
        c.checkValues()
        c.checkReferences()
        c.checkStatedTotals()
        c.checkRates()
        c.checkCapacity()
        c.checkPromises()
        return c.issues
    }
}

/// A kind of name a scenario refers to, in the forms messages need.
struct NameKind {
    /// "okänd kurs" / "okänt område".
    var unknownSv: String
    /// "unknown course".
    var unknownEn: String
    /// "kurser" / "courses": the scenario defines none.
    var pluralSv: String
    var pluralEn: String
    /// "kursen" / "course": "… is defined twice".
    var definiteSv: String
    var singularEn: String

    static let countyPart = NameKind(unknownSv: "okänd länsdel", unknownEn: "unknown county part", pluralSv: "länsdelar",
                                     pluralEn: "county parts", definiteSv: "länsdelen", singularEn: "county part")
    static let course = NameKind(unknownSv: "okänd kurs", unknownEn: "unknown course", pluralSv: "kurser", pluralEn: "courses",
                                 definiteSv: "kursen", singularEn: "course")
    static let venue = NameKind(unknownSv: "okänd lokal", unknownEn: "unknown venue", pluralSv: "lokaler", pluralEn: "venues",
                                definiteSv: "lokalen", singularEn: "venue")
    static let leader = NameKind(unknownSv: "okänd ledare", unknownEn: "unknown leader", pluralSv: "ledare", pluralEn: "leaders",
                                 definiteSv: "ledaren", singularEn: "leader")
    static let municipality = NameKind(unknownSv: "okänd kommun", unknownEn: "unknown municipality", pluralSv: "kommuner",
                                       pluralEn: "municipalities", definiteSv: "kommunen", singularEn: "municipality")
    static let area = NameKind(unknownSv: "okänt område", unknownEn: "unknown area", pluralSv: "områden", pluralEn: "areas",
                               definiteSv: "området", singularEn: "area")
    static let event = NameKind(unknownSv: "okänd händelse", unknownEn: "unknown event", pluralSv: "händelser", pluralEn: "events",
                                definiteSv: "händelsen", singularEn: "event")
    static let staffMember = NameKind(unknownSv: "okänd person i personalen", unknownEn: "unknown staff member",
                                      pluralSv: "personer i personalen", pluralEn: "staff members", definiteSv: "personen",
                                      singularEn: "staff member")
}

/// Shared state of one validation run; the checks live in extensions, one file per family.
struct ScenarioIssueCollector {
    let s: Scenario
    let calendar: WorkingCalendar
    var issues: [ValidationIssue] = []

    init(scenario: Scenario) {
        s = scenario
        // An absurdly long period is reported as an error; the calendar need not span it.
        var bounded = scenario
        let p = scenario.project.period
        if p.to.ordinal - p.from.ordinal > 11 * 366 {
            bounded.project.period = DateRange(from: p.from, to: p.from.adding(days: 11 * 366))
        }
        calendar = WorkingCalendar(scenario: bounded)
    }

    mutating func error(_ path: String, _ message: Bilingual, hint: Bilingual? = nil, related: String? = nil) {
        issues.append(ValidationIssue(.error, path: path, message, hint: hint, relatedPath: related))
    }

    mutating func warning(_ path: String, _ message: Bilingual, hint: Bilingual? = nil, related: String? = nil) {
        issues.append(ValidationIssue(.warning, path: path, message, hint: hint, relatedPath: related))
    }

    /// Error for `from > to` in a date range.
    mutating func checkRange(_ r: DateRange, _ path: String, _ what: Bilingual) {
        if r.from > r.to {
            error(path, Bilingual("\(what.sv) slutar (\(r.to)) innan den börjar (\(r.from))",
                                  "\(what.en) ends (\(r.to)) before it starts (\(r.from))"),
                  hint: Bilingual("byt plats på `from` och `to`, eller rätta årtalet", "swap `from` and `to`, or correct the year"))
        }
    }

    /// Whether `r` shares no day with the project period.
    func outsidePeriod(_ r: DateRange) -> Bool {
        r.to < s.project.period.from || r.from > s.project.period.to
    }

    /// `unknown <kind> "<name>"; did you mean "<x>"?` with the known names as a hint when no
    /// name is close.
    mutating func unknown(_ kind: NameKind, _ name: String, among known: [String], at path: String) {
        let head = Bilingual("\(kind.unknownSv) \"\(name)\"", "\(kind.unknownEn) \"\(name)\"")
        if let dym = NameMatching.didYouMean(name, among: known) {
            error(path, head + "; " + dym)
        } else {
            error(path, head, hint: Self.knownList(kind, known))
        }
    }

    static func knownList(_ kind: NameKind, _ names: [String]) -> Bilingual {
        var known: [String] = []
        for n in names where !known.contains(n) { known.append(n) }
        if known.isEmpty { return Bilingual("scenariot har inga \(kind.pluralSv)", "the scenario defines no \(kind.pluralEn)") }
        let shown = known.prefix(15).map { "\"\($0)\"" }.joined(separator: ", ") + (known.count > 15 ? ", …" : "")
        return Bilingual("kända \(kind.pluralSv): \(shown)", "known: \(shown)")
    }
}

extension ScenarioIssueCollector {
    /// Plain digits, at most two decimals: "150", "12.5".
    static func num(_ x: Double) -> String {
        guard x.isFinite else { return String(x) }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String((x * 100).rounded() / 100)
    }
    static func num(_ x: Int) -> String { String(x) }
    /// `num` with the decimal comma Swedish text uses: "12,5".
    static func numSv(_ x: Double) -> String { String(num(x).map { $0 == "." ? "," : $0 }) }
    static func numSv(_ x: Int) -> String { String(x) }
}
