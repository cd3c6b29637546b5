import Foundation
import TidsplanCore

/// `tidsplan calendar FILE [--from D] [--to D] [--lang]`: the scenario's working calendar as CSV, one line
/// per day: `datum,veckodag,arbetsdag,orsak` (Swedish, the default) or `date,weekday,working,reason`, reason
/// the holiday, blackout or weekend; empty on working days. With a leader's name, the days are
/// that person's: their absences, employment, contract periods and weekdays count too.
public enum CalendarJob {
    /// In `lang` (Swedish by default): the header, weekdays, yes/no and the reasons; holidays, blackouts and
    /// absences keep the names they have (Swedish holidays by their Swedish names, the scenario's as written).
    public static func csv(scenario: Scenario, from: Day?, to: Day?, leader: String? = nil, lang: Language = .sv) -> String {
        let calendar = WorkingCalendar(scenario: scenario)
        let range = DateRange(from: from ?? scenario.project.period.from, to: to ?? scenario.project.period.to)
        let sv = lang == .sv
        var out = sv ? "datum,veckodag,arbetsdag,orsak\n" : "date,weekday,working,reason\n"
        for d in range.days {
            let reason = leader.map { calendar.reason(d, leader: $0) } ?? calendar.reason(d)
            let working = reason.isWorking ? (sv ? "ja" : "yes") : (sv ? "nej" : "no")
            out += "\(d.iso),\(sv ? d.weekday.swedish : d.weekday.rawValue),\(working),\(csvField(words(reason, sv: sv)))\n"
        }
        return out
    }

    static func words(_ reason: DayReason, sv: Bool) -> String {
        switch reason {
        case .weekend: return sv ? "helg" : "weekend"
        case .outsidePeriod: return sv ? "utanför projektperioden" : "outside project period"
        default: return reason.text
        }
    }

    /// RFC 4180: quote fields holding a comma, quote or line break.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
