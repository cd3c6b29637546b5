/// Checks a scenario without any I/O: values in range, references that resolve, the application's
/// stated totals against its rows, and a plain-arithmetic look at demand against capacity.
///
/// Errors are kept for what makes planning impossible or meaningless (an unknown course, a period
/// that ends before it starts, a share of 1.5); everything that merely looks wrong (a stated total
/// that does not add up, a rate far from the others) is a warning. The YAML loader runs this after
/// reading and anchors each issue at the line of its path.
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

    mutating func error(_ path: String, _ message: String, hint: String? = nil, related: String? = nil) {
        issues.append(ValidationIssue(.error, path: path, message, hint: hint, relatedPath: related))
    }

    mutating func warning(_ path: String, _ message: String, hint: String? = nil, related: String? = nil) {
        issues.append(ValidationIssue(.warning, path: path, message, hint: hint, relatedPath: related))
    }

    /// Error for `from > to` in a date range.
    mutating func checkRange(_ r: DateRange, _ path: String, _ what: String) {
        if r.from > r.to {
            error(path, "\(what) ends (\(r.to)) before it starts (\(r.from))",
                  hint: "swap `from` and `to`, or correct the year")
        }
    }

    /// Whether `r` shares no day with the project period.
    func outsidePeriod(_ r: DateRange) -> Bool {
        r.to < s.project.period.from || r.from > s.project.period.to
    }

    /// `unknown <kind> "<name>"; did you mean "<x>"?` with the known names as a hint when no
    /// name is close.
    mutating func unknown(_ kind: String, _ name: String, among known: [String], at path: String) {
        if let dym = NameMatching.didYouMean(name, among: known) {
            error(path, "unknown \(kind) \"\(name)\"; \(dym)")
        } else {
            error(path, "unknown \(kind) \"\(name)\"", hint: Self.knownList(kind, known))
        }
    }

    static func knownList(_ kind: String, _ names: [String]) -> String {
        var known: [String] = []
        for n in names where !known.contains(n) { known.append(n) }
        if known.isEmpty { return "the scenario defines no \(kind)" }
        let shown = known.prefix(15).map { "\"\($0)\"" }.joined(separator: ", ")
        return "known: \(shown)\(known.count > 15 ? ", …" : "")"
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
}
