import Foundation
import TidsplanCore
import TidsplanIO

/// Reads a scenario for a job: warnings are shown, errors stop the job with every diagnostic listed.
enum ScenarioInput {
    static func load(_ path: String, console: Console, lang: Language? = nil) throws -> Scenario {
        let lang = lang ?? console.language
        let result = ScenarioLoader.load(path: path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let scenario = result.scenario else {
            for d in result.diagnostics.filter({ $0.severity == .error }) { console.err(d.rendered(lang)) }
            throw JobError(lang == .sv ? "\(path) har \(errors.count) fel; kör `tidsplan check \(path)` för att se alla problem och tips"
                                       : "\(path) has \(errors.count) error(s); run `tidsplan check \(path)` for every problem and hint")
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
            throw JobError("\(path): " + (sv ? "inte UTF-8-text; är det en plan.json som tidsplan har skrivit?"
                                               : "not UTF-8 text; is this a plan.json written by tidsplan?"))
        }
        do { return try PlanJSONReader.decode(text, file: path) } catch { throw JobError(error.text(lang)) }
    }

    /// A plan.json made for `scenario`; one made for another scenario is refused, naming both.
    static func load(_ path: String, for scenario: Scenario, lang: Language) throws -> Plan {
        let plan = try load(path, lang: lang)
        guard plan.scenario == scenario.project.id else {
            throw JobError(ReplanRefusals(lang: lang).otherScenario(path: path, plan: plan.scenario, scenario: scenario.project.id))
        }
        return plan
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
