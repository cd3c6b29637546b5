import TidsplanCore
import TidsplanIO

/// `tidsplan follow-up`: the steering group's monthly figures from the plan and the attendance register.
public enum FollowUpJob {
    public struct Request: Sendable {
        public var scenarioPath: String
        public var planPath: String
        public var attendancePath: String?
        public var year: Int
        public var month: Int
        public var outDir: String
        public var correct: Bool
        public var csvDialect: CSVDialect
        public var lang: Language
        public init(scenarioPath: String, planPath: String, attendancePath: String?, year: Int, month: Int, outDir: String,
                    correct: Bool = false, csvDialect: CSVDialect = .rfc4180, lang: Language = .sv) {
            self.scenarioPath = scenarioPath; self.planPath = planPath; self.attendancePath = attendancePath
            self.year = year; self.month = month; self.outDir = outDir; self.correct = correct
            self.csvDialect = csvDialect; self.lang = lang
        }
    }

    public static let files = ["follow-up.html", "follow-up.csv"]

    public static func run(_ r: Request, console: Console) -> Int32 {
        let sv = r.lang == .sv
        do {
            let scenario = try ScenarioInput.load(r.scenarioPath, console: console, lang: r.lang)
            var plan = try PlanInput.load(r.planPath, for: scenario, lang: r.lang)
            let month = FollowUpFigures.Month(year: r.year, month: r.month)
            let period = scenario.project.period
            guard month >= FollowUpFigures.Month(period.from), month <= FollowUpFigures.Month(period.to) else {
                throw JobError(sv ? "--month \(month.text) ligger utanför projektet (\(period.from.iso)–\(period.to.iso))"
                                  : "--month \(month.text) is outside the project (\(period.from.iso) to \(period.to.iso))")
            }
            try AtomicOutput.checkLocation(r.outDir, topLevel: files)
            var later = 0
            if let path = r.attendancePath {
                // One register kept for the whole project gives any earlier month: what came after is left out.
                let cut = try AttendanceInput.read(path, lang: r.lang).through(month.last, in: plan)
                later = cut.later
                plan = try AttendanceInput.recorded(cut.register, path: path, plan: plan, scenario: scenario, asOf: month.last,
                                                    correct: r.correct, lang: r.lang)
            }
            let figures = FollowUpFigures.make(plan: plan, scenario: scenario, month: month)
            try AtomicOutput.replace(directory: r.outDir, with: [
                OutputFile(path: "follow-up.html", text: FollowUpWriter.html(figures, lang: r.lang)),
                OutputFile(path: "follow-up.csv", text: FollowUpWriter.csv(figures, dialect: r.csvDialect, lang: r.lang)),
            ])
            let behind = figures.municipalities.filter { $0.fallingBehind && $0.withdrawn == nil }.map(\.name)
            let list = behind.isEmpty ? (sv ? "ingen" : "nobody") : behind.joined(separator: ", ")
            console.out(sv ? "\(r.outDir)/follow-up.html och follow-up.csv: \(month.text), \(figures.municipalities.count) kommuner; faller efter: \(list)."
                           : "\(r.outDir)/follow-up.html and follow-up.csv: \(month.text), \(figures.municipalities.count) municipalities; falling behind: \(list).")
            if later > 0, let path = r.attendancePath {
                console.out(sv ? "\(path): \(later) rader gäller pass efter \(month.text) och räknas inte i den här uppföljningen."
                               : "\(path): \(later) rows are for sessions after \(month.text) and do not count in this follow-up.")
            }
            return 0
        } catch {
            return JobFailure.report(error, lang: r.lang, console: console)
        }
    }
}
