/// The months after a run's last meeting in which its follow-up survey may go out (the application:
/// "a follow-up survey after 3–6 months"). Both ends are included.
public struct FollowUpWindow: Sendable, Equatable {
    public var from: Int
    public var to: Int
    public init(from: Int, to: Int) { self.from = from; self.to = to }

    /// The window's days after a last meeting on `last`.
    public func days(after last: Day) -> DateRange {
        DateRange(from: last.adding(months: from), to: last.adding(months: to))
    }
}

extension Rules {
    /// The window in force: `followUpWindowMonths`, else one month before to two after
    /// `followUpAfterMonths`; nil when the scenario asks for no surveys.
    public var followUpWindow: FollowUpWindow? {
        if let w = followUpWindowMonths { return w }
        guard let p = followUpAfterMonths else { return nil }
        return FollowUpWindow(from: max(0, p - 1), to: p + 2)
    }

    /// The month to aim for: `followUpAfterMonths` kept inside the window, else the window's start.
    public var followUpPreferredMonths: Int? {
        guard let w = followUpWindow else { return nil }
        return min(max(followUpAfterMonths ?? w.from, w.from), w.to)
    }
}

/// One follow-up survey per run (cohort), named after the run so that a re-plan keeps its id.
public enum FollowUpSurvey {
    public static let idPrefix = "uppfoljning-"

    public static func id(run: String) -> String { idPrefix + run }

    /// The run a survey id names (or, in plans made before surveys went per run, the course).
    public static func subject(ofSurveyID id: String) -> String? {
        id.hasPrefix(idPrefix) ? String(id.dropFirst(idPrefix.count)) : nil
    }

    /// The run a training session belongs to: its series run, else the session itself.
    public static func run(of s: PlannedSession) -> String { s.series?.run ?? s.id }

    /// The survey's title: the course and the run it follows up, by the run's last meeting (the run's
    /// participants know it by when they attended; several runs' surveys often go out the same day).
    public static func title(course: String, lastMeeting: Day) -> String {
        "\(titlePrefix)\(course) (\(runWordsSV)\(lastMeeting.iso))"
    }
    public static let titlePrefix = "Uppföljningsenkät: "
    static let runWordsSV = "omgången som slutade "

    /// A generated survey title in English (plan.json keeps the Swedish one); other titles unchanged.
    public static func englishTitle(_ title: String) -> String {
        guard title.hasPrefix(titlePrefix) else { return title }
        return "Follow-up survey: " + String(title.dropFirst(titlePrefix.count)).replacing("(" + runWordsSV, with: "(the run that ended ")
    }

    /// Is `s` a generated follow-up survey (not a fixed event of the scenario)?
    public static func isSurvey(_ s: PlannedSession) -> Bool {
        s.kind == .event && s.course == EventKind.survey.rawValue && s.id.hasPrefix(idPrefix)
    }

    /// Last planned meeting per run, over the plan's planned training sessions.
    public static func lastMeetings(_ sessions: [PlannedSession], course: String? = nil) -> [String: Day] {
        var last: [String: Day] = [:]
        for s in sessions where s.kind == .training && s.status == .planned && (course == nil || s.course == course) {
            let run = run(of: s)
            last[run] = max(last[run] ?? s.date, s.date)
        }
        return last
    }
}

/// When a run's follow-up survey goes out.
public enum FollowUpDate {
    /// The first working day on or after `last` + `preferredMonths`, inside the window, the period
    /// and not before `notBefore` (a re-plan cannot send in the past); when the preferred day is past
    /// all of that (a run late in the project), the latest working day of the window that is left;
    /// nil when the window holds no such working day at all.
    public static func sent(after last: Day, window: FollowUpWindow, preferredMonths: Int, period: DateRange,
                            notBefore: Day? = nil, calendar: WorkingCalendar) -> Day? {
        let w = window.days(after: last)
        var lo = max(w.from, period.from)
        if let notBefore { lo = max(lo, notBefore) }
        let hi = min(w.to, period.to)
        guard lo <= hi else { return nil }
        let preferred = min(max(last.adding(months: preferredMonths), lo), hi.adding(days: 1))
        var d = preferred
        while d <= hi {
            if calendar.isWorkingDay(d) { return d }
            d = d.adding(days: 1)
        }
        d = preferred.adding(days: -1)
        while d >= lo {
            if calendar.isWorkingDay(d) { return d }
            d = d.adding(days: -1)
        }
        return nil
    }

    /// The period's last working day (the latest a survey can go out).
    public static func lastWorkingDay(_ calendar: WorkingCalendar) -> Day? {
        var d = calendar.period.to
        while d >= calendar.period.from {
            if calendar.isWorkingDay(d) { return d }
            d = d.adding(days: -1)
        }
        return nil
    }
}
