/// Promises the plan must keep (`runs`, `coverage`, required attendance) checked before any solver runs:
/// a required course that can never run, required courses that do not fit under a quota ceiling, and the
/// narrative's figures against its own stated total. Warnings, with the numbers.
extension ScenarioIssueCollector {
    mutating func checkPromises() {
        checkCoverageTargets()
        checkRequiredCoursesCanRun()
        checkRequiredHoursUnderCeiling()
        checkNarrativeTotals()
    }

    mutating func checkCoverageTargets() {
        let areas = Set(s.municipalities.flatMap { $0.groups.map(\.area) })
        for (i, t) in s.coverage.enumerated() {
            if !areas.contains(t.area) {
                unknown(.area, t.area, among: areas.sorted(), at: "coverage[\(i)].area")
                continue
            }
            if !(t.minHours >= 0 && t.minHours <= Double(Self.maxHours)) {
                error("coverage[\(i)].minHours", Bilingual("täckningsmålet \(t.label): minHours ska vara från 0 till \(Self.maxHours) (är \(Self.num(t.minHours)))", "coverage target \(t.label): minHours must be from 0 to \(Self.maxHours) (is \(Self.num(t.minHours)))"))
                continue
            }
            // What every eligible person taking every course of the area would give.
            var most = 0.0
            for c in s.courses where !s.leaders(for: c.id).isEmpty {
                for m in s.municipalities {
                    most += Double(m.groups.filter { g in t.matches(g) && c.audience.contains { $0.matches(g) } }.reduce(0) { $0 + $1.persons })
                        * c.hoursPerParticipant
                }
            }
            if most < t.minHours {
                warning("coverage[\(i)].minHours", Bilingual("täckningsmålet \(t.label): \(Self.numSv(t.minHours)) timmar efterfrågas, men om alla dess personer gick alla kurser som är öppna för dem blev det \(Self.numSv(most))", "coverage target \(t.label): \(Self.num(t.minHours)) hours asked, but every person of it taking every course open to it gives \(Self.num(most))"),
                        hint: Bilingual("lägg till kurser för \(t.label) eller sänk målet", "add courses for \(t.label) or lower the target"))
            }
        }
        for (i, c) in s.courses.enumerated() {
            guard let r = c.runs else { continue }
            if r.min < 0 || r.perCountyPart < 0 { error("courses[\(i)].runs", Bilingual("kursen \(c.id): runs får inte vara negativt", "course \(c.id): runs must not be negative")) }
            if r.perCountyPart > 0 && c.delivery != .countyPart {
                warning("courses[\(i)].runs.perCountyPart", Bilingual("kursen \(c.id) hålls inte per länsdel (delivery: \(c.delivery.rawValue)), så perCountyPart används inte", "course \(c.id) is not held per county part (delivery: \(c.delivery.rawValue)), so perCountyPart is ignored"),
                        hint: Bilingual("skriv runs: {min: N}", "use runs: {min: N}"))
            }
        }
        if let p = s.rules.followUpResponsible, s.staffMember(p) == nil && s.trainer(p) == nil {
            unknown(.staffMember, p, among: s.staff.map(\.name) + s.trainers.map(\.name), at: "rules.followUpResponsible")
        }
    }

    /// Required: a `runs` minimum, or attendance `all` / a number per municipality.
    func isRequired(_ c: Course) -> Bool {
        if let r = c.runs, r.min > 0 || r.perCountyPart > 0 { return true }
        return s.municipalities.contains { CourseReach.requiredPersons(c, $0) > 0 }
    }

    mutating func checkRequiredCoursesCanRun() {
        for (i, c) in s.courses.enumerated() where isRequired(c) {
            let pool = s.leaders(for: c.id)
            guard !pool.isEmpty else { continue }  // "nobody may lead" is reported with the references
            let window = CourseReach.window(c, s)
            let what = Bilingual("kursen \(c.id) är obligatorisk men kan aldrig hållas", "course \(c.id) is required but can never run")
            if window.from > window.to {
                warning("courses[\(i)].window", Bilingual("\(what.sv): dess fönster slutar \(window.to.iso), innan utbildningarna får börja (\(window.from.iso))", "\(what.en): its window ends \(window.to.iso), before training may start (\(window.from.iso))"))
                continue
            }
            let days = pool.map { ($0, CourseReach.leaderDays(c, leader: $0, s, calendar)) }
            if days.allSatisfy({ $0.1 == 0 }) {
                let why = pool.map { p -> Bilingual in
                    if let t = s.trainer(p), t.maxDays == 0 { return Bilingual("\(p) har maxDays 0", "\(p) has maxDays 0") }
                    return Bilingual("\(p) har ingen arbetsdag \(window.from.iso) – \(window.to.iso)",
                                     "\(p) has no working day in \(window.from.iso) – \(window.to.iso)")
                }
                warning("courses[\(i)].id", what + ": " + Bilingual.joined(why, separator: Bilingual(same: "; ")),
                        hint: Bilingual("ge en ledare dagar inom kursens fönster, eller lägg till en ledare", "give a leader days inside the course window, or add a leader"))
                continue
            }
            if let series = c.series, series.meetings > 1 {
                let span = (series.meetings - 1) * series.everyWeeks * 7
                let open = calendar.workingDays(in: window)
                if let first = open.first, let last = open.last, last.ordinal - first.ordinal < span {
                    warning("courses[\(i)].window", Bilingual("\(what.sv): dess \(series.meetings) träffar var \(series.everyWeeks):e vecka sträcker sig över \(span + 1) dagar, fönstret har \(last.ordinal - first.ordinal + 1) (\(first.iso) – \(last.iso))", "\(what.en): its \(series.meetings) meetings every \(series.everyWeeks) weeks span \(span + 1) days, the window has \(last.ordinal - first.ordinal + 1) (\(first.iso) – \(last.iso))"),
                            hint: Bilingual("vidga fönstret eller korta serien", "widen the window or shorten the series"))
                }
            }
        }
    }

    mutating func checkRequiredHoursUnderCeiling() {
        for (i, m) in s.municipalities.enumerated() where m.withdrawal == nil && m.effectiveQuotaHours > 0 {
            let needs = CourseReach.requiredHours(m, s)
            let need = needs.reduce(0) { $0 + $1.hours }
            let allowed = CourseReach.ceiling(m, s)
            guard need > allowed + 1e-9 else { continue }
            let drop = CourseReach.courseToDrop(needs, over: need - allowed)
            let why = m.hasReducedCommitment ? Bilingual("ett minskat åtagande, ingen tolerans över det", "a reduced commitment, no tolerance above it")
                : Bilingual(same: "\(m.effectiveQuotaHours) h + \(Self.num(s.rules.quotaTolerance * 100)) %")
            warning("municipalities[\(i)].quotaHours",
                    Bilingual("\(m.name): de obligatoriska kurserna kräver \(Self.numSv(need)) h, kvoten tillåter \(Self.numSv(allowed)) h (\(why.sv))",
                              "\(m.name): the required courses need \(Self.num(need)) h, the quota allows \(Self.num(allowed)) h (\(why.en))"),
                    hint: Bilingual("höj kvoten med \(Self.numSv((need - allowed).rounded(.up))) h" + (drop.map { " eller kräv färre personer (\($0.course): \(Self.num($0.hours)) h)" } ?? ""),
                                    "raise the quota by \(Self.num((need - allowed).rounded(.up))) h" + (drop.map { " or require fewer persons (\($0.course): \(Self.num($0.hours)) h)" } ?? "")))
        }
    }

    /// The narrative's per-municipality hours (`statedElsewhere.hours`, else the quota) against its stated total.
    mutating func checkNarrativeTotals() {
        guard let stated = s.project.narrativeStated.hours else { return }
        let sum = s.municipalities.reduce(0) { $0 + ($1.statedElsewhere?.hours ?? $1.quotaHours) }
        if sum != stated {
            warning("project.narrativeStated.hours", Bilingual("ansökans text anger \(stated) timmar totalt, men dess timmar per kommun blir \(sum) tillsammans (skillnad \(stated - sum))", "the narrative states \(stated) hours in total, but its per-municipality hours sum to \(sum) (difference \(stated - sum))"),
                    hint: Bilingual("per kommun textens siffra (statedElsewhere.hours), annars kvoten", "per municipality the narrative's figure (statedElsewhere.hours) or else the quota"))
        }
    }
}
