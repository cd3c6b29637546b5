import Foundation
import TidsplanCore

/// `tidsplan calendar FILE [--from D] [--to D]`: the scenario's working calendar as CSV, one line
/// per day: `date,weekday,working,reason` (weekday in English lower case, working yes/no, reason
/// the holiday, blackout or "weekend"; empty on working days). With a leader's name, the days are
/// that person's: their absences, employment, contract periods and weekdays count too.
public enum CalendarJob {
    public static func csv(scenario: Scenario, from: Day?, to: Day?, leader: String? = nil) -> String {
        let calendar = WorkingCalendar(scenario: scenario)
        let range = DateRange(from: from ?? scenario.project.period.from, to: to ?? scenario.project.period.to)
        var out = "date,weekday,working,reason\n"
        for d in range.days {
            let reason = leader.map { calendar.reason(d, leader: $0) } ?? calendar.reason(d)
            out += "\(d.iso),\(d.weekday.rawValue),\(reason.isWorking ? "yes" : "no"),\(csvField(reason.text))\n"
        }
        return out
    }

    /// RFC 4180: quote fields holding a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
