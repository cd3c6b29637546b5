/// `follow-up-window`: every planned follow-up survey `uppfoljning-<run>` is dated inside the window
/// (`followUpWindowMonths`, or the one derived from `followUpAfterMonths`) after its run's last
/// planned meeting, and inside the project period. A survey id that names no run of the plan (plans
/// from before surveys went per run named the course) is not judged.
enum FollowUpWindowRule: PlanRule {
    static let id = "follow-up-window"

    static func check(_ c: VerificationContext) -> [RuleFinding] {
        guard let window = c.scenario.rules.followUpWindow else { return [] }
        let period = c.scenario.project.period
        let lastMeeting = FollowUpSurvey.lastMeetings(c.sessions)
        var found: [RuleFinding] = []
        for s in c.plan.sessions where FollowUpSurvey.isSurvey(s) && s.status == .planned {
            guard let run = FollowUpSurvey.subject(ofSurveyID: s.id), let last = lastMeeting[run] else { continue }
            let allowed = window.days(after: last)
            if !allowed.contains(s.date) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                    message: Bilingual("\(VerificationText.session(s).sv) ligger utanför \(window.from)–\(window.to) månader efter sista träffen i omgång \(run) den \(last.iso) (\(allowed.from.iso) till \(allowed.to.iso))",
                                     "\(VerificationText.session(s).en) is outside \(window.from)–\(window.to) months after run \(run)'s last meeting on \(last.iso) (\(allowed.from.iso) to \(allowed.to.iso))")))
            }
            if !period.contains(s.date) {
                found.append(RuleFinding(date: s.date, sessionIDs: [s.id],
                    message: Bilingual("\(VerificationText.session(s).sv) ligger utanför projektperioden \(period.from.iso) till \(period.to.iso)",
                                     "\(VerificationText.session(s).en) is outside the project period \(period.from.iso) to \(period.to.iso)")))
            }
        }
        return found
    }
}
