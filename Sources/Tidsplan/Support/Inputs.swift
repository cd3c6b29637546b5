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
    static func load(_ path: String) throws -> Plan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JobError("\(path): cannot read the file (does it exist?)")
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
