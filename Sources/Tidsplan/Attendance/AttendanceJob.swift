import Foundation
import TidsplanCore
import TidsplanIO

/// Reads an attendance register for a job: every bad row is named with file:line, and nothing is taken
/// unless every row is good.
enum AttendanceInput {
    /// A register is a few rows per session; anything this large is the wrong file.
    static let maxBytes = 16 * 1024 * 1024

    static func read(_ path: String, lang: Language) throws -> AttendanceRegister {
        let sv = lang == .sv
        if let problem = InputFileProblem.of(path) { throw JobError("\(path): \(problem.message(lang))") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JobError("\(path): " + (sv ? "filen kan inte läsas" : "the file cannot be read"))
        }
        guard data.count <= maxBytes else {
            throw JobError("\(path): " + (sv ? "filen är för stor för ett närvaroregister" : "the file is too large for an attendance register"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JobError("\(path): " + (sv ? "inte UTF-8-text; spara registret som CSV UTF-8" : "not UTF-8 text; save the register as CSV UTF-8"))
        }
        switch AttendanceCSV.read(text, file: path, lang: lang) {
        case .success(let r): return r
        case .failure(let f): throw failure(f, path: path, lang: lang)
        }
    }

    /// `plan` with the register at `path` recorded on its sessions.
    static func recorded(_ path: String, plan: Plan, scenario: Scenario, asOf: Day, correct: Bool, lang: Language) throws -> Plan {
        try recorded(read(path, lang: lang), path: path, plan: plan, scenario: scenario, asOf: asOf, correct: correct, lang: lang)
    }

    /// `plan` with `register` (read from `path`) recorded on its sessions.
    static func recorded(_ register: AttendanceRegister, path: String, plan: Plan, scenario: Scenario, asOf: Day, correct: Bool,
                         lang: Language) throws -> Plan {
        switch AttendanceBook.apply(register, to: plan, scenario: scenario, options: .init(asOf: asOf, correct: correct, lang: lang)) {
        case .success(let p): return p
        case .failure(let f): throw failure(f, path: path, lang: lang)
        }
    }

    static func failure(_ f: AttendanceFailure, path: String, lang: Language) -> JobError {
        let head = lang == .sv ? "\(path): \(f.problems.count) fel i närvaroregistret; inget skrevs:"
                               : "\(path): \(f.problems.count) error(s) in the attendance register; nothing was written:"
        return JobError(([head] + f.problems.map { $0.text(lang) }).joined(separator: "\n"))
    }
}

/// `tidsplan attendance`: the register template for a date range, or the check of a filled register.
public enum AttendanceJob {
    public struct Request: Sendable {
        public var scenarioPath: String
        public var planPath: String
        public var from: Day?
        public var to: Day?
        /// Where the template goes.
        public var out: String?
        /// A filled register to check instead.
        public var check: String?
        public var asOf: Day?
        public var correct: Bool
        public var csvDialect: CSVDialect
        public var lang: Language
        public init(scenarioPath: String, planPath: String, from: Day? = nil, to: Day? = nil, out: String? = nil,
                    check: String? = nil, asOf: Day? = nil, correct: Bool = false, csvDialect: CSVDialect = .rfc4180,
                    lang: Language = .sv) {
            self.scenarioPath = scenarioPath; self.planPath = planPath; self.from = from; self.to = to; self.out = out
            self.check = check; self.asOf = asOf; self.correct = correct; self.csvDialect = csvDialect; self.lang = lang
        }
    }

    public static func run(_ r: Request, console: Console) -> Int32 {
        let sv = r.lang == .sv
        do {
            let scenario = try ScenarioInput.load(r.scenarioPath, console: console, lang: r.lang)
            let plan = try PlanInput.load(r.planPath, for: scenario, lang: r.lang)
            if let path = r.check {
                guard let asOf = r.asOf else {
                    throw JobError(sv ? "--check behöver --as-of DATUM: dagen till och med vilken passen har hållits"
                                      : "--check needs --as-of DATE: the day up to which sessions have been held")
                }
                let recorded = try AttendanceInput.recorded(path, plan: plan, scenario: scenario, asOf: asOf, correct: r.correct, lang: r.lang)
                let rows = try AttendanceInput.read(path, lang: r.lang).rows.count
                let sessions = recorded.sessions.filter { s in s.attendance != nil && plan.session(s.id)?.attendance != s.attendance }.count
                console.out(sv ? "\(path): OK: \(rows) rader, \(sessions) pass registrerade."
                               : "\(path): OK: \(rows) rows, \(sessions) sessions recorded.")
                return 0
            }
            guard let out = r.out else {
                throw JobError(sv ? "ange --out FIL för mallen (eller --check REGISTER för att kontrollera ett ifyllt register)"
                                  : "give --out FILE for the template (or --check REGISTER to check a filled register)")
            }
            let from = r.from ?? scenario.project.period.from, to = r.to ?? scenario.project.period.to
            guard from <= to else {
                throw JobError(sv ? "--from \(from.iso) ligger efter --to \(to.iso)" : "--from \(from.iso) is after --to \(to.iso)")
            }
            let text = AttendanceCSV.template(plan, from: from, to: to, dialect: r.csvDialect, lang: r.lang)
            try writeFile(out, text, lang: r.lang)
            let rows = text.split(separator: "\r\n").count - 1
            console.out(sv ? "\(out): \(rows) rader (pass × kommun × grupp) \(from.iso)–\(to.iso), ifyllda som planerat."
                           : "\(out): \(rows) rows (session × municipality × group) \(from.iso) to \(to.iso), prefilled as planned.")
            return 0
        } catch {
            return JobFailure.report(error, lang: r.lang, console: console)
        }
    }

    /// Writes one file whole or not at all (a temporary file beside it, renamed over it).
    static func writeFile(_ path: String, _ text: String, lang: Language) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw JobError("\(path): " + (lang == .sv ? "detta är en mapp; ange en fil" : "this is a folder; give a file name"))
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) }
        catch { throw JobError("\(path): " + (lang == .sv ? "kan inte skrivas: " : "cannot be written: ") + error.localizedDescription) }
    }
}
