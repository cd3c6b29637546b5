import TidsplanModel
import TidsplanCore

/// Reads the week model's row names back into resources. The model names its capacity rows
/// `load_week_<leader>_w<n>`, `load_month_<staff>_<YYYY-MM>`, `maxdays_<trainer>`, `budget_<line>` and
/// `venue_<venue>_w<n>` (see `Sources/TidsplanModel/Constraints/Resources.swift`), with names slugged.
struct ModelRowNames {
    /// What a row of the week model is about.
    enum Subject: Equatable {
        /// A capacity row of one resource; `month` for monthly staff rows, `week` for weekly rows.
        case capacity(CapacityResource, month: String?, week: Int?)
        /// A rule that is not a resource (audience size, days a week per municipality…), by family.
        case rule(String)
        /// Bookkeeping rows (definitions of shortfall, ordering of identical runs…).
        case other
    }

    private var leaders: [String: CapacityResource] = [:]
    private var venues: [String: CapacityResource] = [:]

    init(scenario: Scenario) {
        // Trainers after staff: the model's slugs share one namespace, and a clash keeps the first.
        for s in scenario.staff where leaders[Slug.make(s.name)] == nil {
            leaders[Slug.make(s.name)] = CapacityResource(kind: .staff, name: s.name)
        }
        for t in scenario.trainers where leaders[Slug.make(t.name)] == nil {
            leaders[Slug.make(t.name)] = CapacityResource(kind: .trainer, name: t.name)
        }
        for v in scenario.venues where v.mode == .physical { venues[Slug.make(v.id)] = CapacityResource(kind: .venue, name: v.id) }
    }

    /// Families of rules worth naming when they bind, with words for the user.
    static let ruleFamilies: [(prefix: String, words: String, swedish: String)] = [
        ("audience_", "persons in a course's audience (each takes a course once)", "personer i kursens målgrupp (var och en går en kurs en gång)"),
        ("muniweek_", "training days a week per municipality", "utbildningsdagar i veckan per kommun"),
        ("quota_ceiling_", "quota ceiling (quota plus tolerance)", "kvotens tak (kvot plus tolerans)"),
        ("size_max_", "largest session size", "största gruppstorlek"),
        ("size_min_", "smallest session size", "minsta gruppstorlek"),
        ("size_muni_", "seats one municipality may take in a session (staff away a day)", "platser en kommun får ta på ett tillfälle (personal borta samma dag)"),
        ("runs_max_", "number of runs a course may have", "antal omgångar en kurs får ha"),
        ("withdrawn_", "withdrawals", "utträden"),
        ("prereq_", "prerequisites", "förkunskapskrav"),
        ("attendance_", "required attendance", "krav på deltagande"),
    ]

    func subject(of row: String) -> Subject {
        if row.hasPrefix("load_week_"), let (slug, week) = splitWeek(String(row.dropFirst("load_week_".count))),
           let r = leaders[slug] {
            return .capacity(r, month: nil, week: week)
        }
        if row.hasPrefix("load_month_") {
            let rest = String(row.dropFirst("load_month_".count))
            // `<slug>_YYYY-MM`: the month is the last 7 characters.
            if rest.count > 8, let r = leaders[String(rest.dropLast(8))], rest.dropLast(7).hasSuffix("_") {
                return .capacity(r, month: String(rest.suffix(7)), week: nil)
            }
        }
        if row.hasPrefix("maxdays_"), let r = leaders[String(row.dropFirst("maxdays_".count))] {
            return .capacity(r, month: nil, week: nil)
        }
        if row.hasPrefix("budget_") {
            let name = String(row.dropFirst("budget_".count))
            if BudgetName.all.contains(name) { return .capacity(CapacityResource(kind: .budget, name: name), month: nil, week: nil) }
        }
        if row.hasPrefix("venue_"), let (slug, week) = splitWeek(String(row.dropFirst("venue_".count))), let r = venues[slug] {
            return .capacity(r, month: nil, week: week)
        }
        for family in Self.ruleFamilies where row.hasPrefix(family.prefix) {
            // prereq_seats_ rows are prerequisites too; keep one family.
            return .rule(family.words)
        }
        return .other
    }

    /// `<slug>_w<n>` → (slug, n).
    private func splitWeek(_ s: String) -> (String, Int)? {
        guard let range = s.range(of: "_w", options: .backwards), let n = Int(s[range.upperBound...]) else { return nil }
        return (String(s[..<range.lowerBound]), n)
    }
}
