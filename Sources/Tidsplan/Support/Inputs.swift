import Foundation
import TidsplanCore
import TidsplanIO

/// Reads a scenario for a job: warnings are shown, errors stop the job with every diagnostic listed.
enum ScenarioInput {
    static func load(_ path: String, console: Console) throws -> Scenario {
        let result = ScenarioLoader.load(path: path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let scenario = result.scenario else {
            for d in result.diagnostics.filter({ $0.severity == .error }) { console.err(d.rendered) }
            throw JobError("\(path) has \(errors.count) error(s); run `tidsplan check \(path)` for every problem and hint")
        }
        return scenario
    }
}

/// Reads a plan.json for a job.
enum PlanInput {
    /// The largest plan.json accepted. A plan Tidsplan writes takes about 600 bytes a session, so this is
    /// some 13 000 sessions: far beyond any project, while a stray huge file is refused at once.
    static let maxBytes = 8 * 1024 * 1024

    static func load(_ path: String, lang: Language = .sv) throws -> Plan {
        let sv = lang == .sv
        if let problem = InputFileProblem.of(path) { throw JobError("\(path): \(problem.message(lang))") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw JobError("\(path): " + (sv ? "filen kan inte öppnas" : "the file cannot be opened"))
        }
        defer { try? handle.close() }
        // One byte more than allowed, so a file that grew since it was measured is caught too.
        guard let data = try? handle.read(upToCount: maxBytes + 1) ?? Data() else {
            throw JobError("\(path): " + (sv ? "filen kan inte läsas" : "the file cannot be read"))
        }
        guard data.count <= maxBytes else {
            let mb = maxBytes / 1_048_576
            throw JobError("\(path): " + (sv ? "filen är större än \(mb) MB; en plan.json från Tidsplan är mycket mindre (ungefär 600 byte per tillfälle). Är det rätt fil?"
                                               : "the file is larger than \(mb) MB; a plan.json Tidsplan writes is far smaller (about 600 bytes a session). Is this the right file?"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JobError("\(path): not UTF-8 text; is this a plan.json written by tidsplan?")
        }
        do { return try PlanJSONReader.decode(text, file: path) } catch { throw JobError(error.description) }
    }
}

/// The time stamp calendar files carry: the clock, unless pinned for reproducible output with
/// `TIDSPLAN_NOW` (e.g. `20260115T120000Z`) or `SOURCE_DATE_EPOCH` (seconds).
public enum Clock {
    public static func icalNow(environment: [String: String] = ProcessInfo.processInfo.environment) -> ICalTimestamp {
        if let text = environment["TIDSPLAN_NOW"], let t = ICalTimestamp(text: text) { return t }
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) { return ICalTimestamp(secondsSince1970: epoch) }
        return ICalTimestamp(secondsSince1970: Int(Date().timeIntervalSince1970))
    }
}

/// Changes asked for on the command line (`--withdraw`, `--reduce`), applied to the scenario.
enum ScenarioChanges {
    static func apply(withdraw: [String], reduce: [(name: String, hours: Int)], asOf: Day?, compensate: Bool,
                      to scenario: Scenario) throws -> Scenario {
        var s = scenario
        let names = s.municipalities.map(\.name)
        func index(_ name: String) throws -> Int {
            if let i = names.firstIndex(of: name) { return i }
            let hint = names.min { editDistance($0.lowercased(), name.lowercased()) < editDistance($1.lowercased(), name.lowercased()) }
            throw JobError("unknown municipality \"\(name)\"\(hint.map { "; did you mean \"\($0)\"?" } ?? ""). Known: \(names.joined(separator: ", "))")
        }
        if (!withdraw.isEmpty || !reduce.isEmpty) && asOf == nil {
            throw JobError("--withdraw and --reduce need --as-of DATE (and --previous PLAN.json)")
        }
        guard let asOf else { return s }
        let from = asOf.adding(days: 1)
        for name in withdraw { s.municipalities[try index(name)].withdrawal = from }
        for (name, hours) in reduce {
            guard hours >= 0 else { throw JobError("--reduce \(name)=\(hours): hours must be 0 or more") }
            s.municipalities[try index(name)].reductions.append(QuotaReduction(from: from, quotaHours: hours))
        }
        if compensate { s = Compensation.spread(scenario: s, changed: Set(withdraw + reduce.map(\.name))) }
        return s
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}

/// `--compensate`: the hours a withdrawal or reduction loses are spread over the remaining
/// municipalities in proportion to their quotas (the application's remedy: arrange more training).
/// The planner then fills what capacity and rules allow; the summary says what could not be recovered.
enum Compensation {
    static func spread(scenario: Scenario, changed: Set<String>) -> Scenario {
        var s = scenario
        var lost = 0
        for m in s.municipalities where changed.contains(m.name) {
            lost += m.withdrawal != nil ? m.quotaHours : max(0, m.quotaHours - m.effectiveQuotaHours)
        }
        let others = s.municipalities.indices.filter { !changed.contains(s.municipalities[$0].name) && s.municipalities[$0].withdrawal == nil }
        let base = others.reduce(0) { $0 + s.municipalities[$1].effectiveQuotaHours }
        guard lost > 0, base > 0 else { return s }
        var given = 0
        for (k, i) in others.enumerated() {
            let q = s.municipalities[i].effectiveQuotaHours
            let extra = k == others.count - 1 ? lost - given : Int((Double(lost) * Double(q) / Double(base)).rounded())
            given += extra
            let from = s.municipalities.compactMap(\.withdrawal).min() ?? s.project.period.from
            s.municipalities[i].reductions.append(QuotaReduction(from: from, quotaHours: q + extra))
        }
        return s
    }
}
