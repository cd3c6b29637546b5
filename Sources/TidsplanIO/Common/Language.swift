import TidsplanCore
extension PlannedSession {
    /// The title in `lang`. Titles come from the scenario (course and event names, as written); only the
    /// follow-up survey's, which the planner makes, is in Swedish in plan.json and translated here.
    public func title(in lang: Language) -> String {
        guard lang == .en, kind == .event else { return title }
        return FollowUpSurvey.englishTitle(title)
    }
}
