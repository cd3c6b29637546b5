import TidsplanCore

/// The plan as one self-contained HTML page for the project leader and the steering group:
/// inline CSS, no scripts, no fonts or images to fetch; the only links are the relative ones to
/// the calendar files. Every string from the scenario or plan is HTML-escaped.
public enum ReportWriter {
    /// - Parameters:
    ///   - calendarFiles: paths relative to the report (as `ICalendarWriter` returns them).
    ///   - extraSections: inserted before the calendar links, in the order given.
    public static func html(scenario: Scenario, plan: Plan, lang: Language = .sv, calendarFiles: [String],
                            extraSections: [ReportSection] = []) -> String {
        let r = ReportRenderer(scenario: scenario, plan: plan, lang: lang)
        var sections: [(id: String, title: String, body: String)] = [
            ("timmar", r.l.hoursTitle, r.hoursSection()),
            ("kurser", CourseWords(lang: lang).title, r.coursesSection()),
            ("tidslinje", r.l.timelineTitle, r.timelineSection()),
            ("belastning", r.l.loadTitle, r.loadSection()),
            ("budget", r.l.budgetTitle, r.budgetSection()),
            ("brister", r.l.shortfallsTitle, r.shortfallsSection()),
            ("fasta-handelser", r.l.eventsTitle, r.eventsSection()),
        ]
        for (i, extra) in extraSections.enumerated() {
            sections.append(("extra-\(i + 1)", extra.title, extra.html))
        }
        sections.append(("kalendrar", r.l.calendarsTitle, r.calendarsSection(calendarFiles)))

        var out = "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + e(scenario.project.name + " – " + r.l.documentKind) + "</title>\n"
        out += "<style>\n" + ReportStyle.css + "\n</style>\n</head>\n<body>\n"
        out += r.header(toc: sections.map { ($0.id, $0.title) })
        for s in sections {
            out += "<section id=\"\(e(s.id))\">\n<h2>" + e(s.title) + "</h2>\n" + s.body + "</section>\n"
        }
        out += "<footer>" + e(r.l.footer(scenario: plan.scenario)) + "</footer>\n</body>\n</html>\n"
        return out
    }
}

private func e(_ s: String) -> String { HTMLText.escape(s) }

/// Builds the report's parts; one instance per report.
private struct ReportRenderer {
    let scenario: Scenario
    let plan: Plan
    let l: ReportLabels
    let f: ReportFormat
    let months: [ReportFigures.Month]

    init(scenario: Scenario, plan: Plan, lang: Language) {
        self.scenario = scenario
        self.plan = plan
        l = ReportLabels(lang: lang)
        f = ReportFormat(lang: lang)
        months = ReportFigures.months(of: plan.period)
    }

    /// A CSS percentage with a dot decimal whatever the language (CSS needs it).
    func cssPercent(_ fraction: Double) -> String {
        NumberText.rounded(min(1, max(0, fraction)) * 100, decimals: 1) + "%"
    }

    // MARK: header

    func header(toc: [(id: String, title: String)]) -> String {
        let p = scenario.project
        let training = ReportFigures.plannedTraining(plan)
        let cancelled = plan.sessions.filter { $0.kind == .training && $0.status == .cancelled }.count
        let planned = plan.municipalities.reduce(0.0) { $0 + $1.plannedHours }
        let quota = plan.municipalities.reduce(0) { $0 + $1.quotaHours }
        let cofinancing = plan.municipalities.reduce(0.0) { $0 + $1.cofinancingKr }
        let cofinancingQuota = plan.municipalities.reduce(0.0) { $0 + Double($1.quotaHours * $1.rateKrPerHour) }

        var facts: [(String, String)] = []
        if !p.owner.isEmpty { facts.append((l.owner, p.owner)) }
        facts.append((l.period, f.longDate(plan.period.from) + " – " + f.longDate(plan.period.to)
                       + " (\(months.count) " + l.months + ")"))
        if p.trainingFrom > plan.period.from { facts.append((l.trainingFrom, f.longDate(p.trainingFrom))) }
        facts.append((l.sessionsLabel, l.sessionsSummary(planned: training.count, cancelled: cancelled)))
        facts.append((l.plannedHoursLabel, l.ofQuota(planned, Double(quota))))
        facts.append((l.cofinancingLabel, l.amountOf(f.kronor(cofinancing), f.kronor(cofinancingQuota))))
        if let asOf = plan.asOf { facts.append((l.replannedLabel, l.replanned(asOf))) }

        let statusClass: String
        switch plan.solver.status {
        case .optimal: statusClass = "status optimal"
        case .infeasible, .error, .notSolved: statusClass = "status bad"
        default: statusClass = "status"
        }
        let solverName = plan.solver.name.isEmpty ? "" : " (" + plan.solver.name
            + (plan.solver.version.isEmpty ? "" : " " + plan.solver.version) + ")"

        var h = "<header>\n<h1>" + e(p.name) + "</h1>\n<p class=\"kind\">" + e(l.documentKind) + "</p>\n"
        h += "<dl class=\"facts\">\n"
        for (k, v) in facts { h += "<div><dt>" + e(k) + "</dt><dd>" + e(v) + "</dd></div>\n" }
        h += "</dl>\n"
        h += "<p class=\"\(statusClass)\"><strong>" + e(l.solverLabel) + ":</strong> "
            + e(l.solverStatus(plan.solver)) + "<span class=\"pill\">" + e(solverName) + "</span></p>\n"
        h += "<nav aria-label=\"" + e(l.contents) + "\">"
        h += toc.map { "<a href=\"#" + e($0.id) + "\">" + e($0.title) + "</a>" }.joined()
        h += "</nav>\n</header>\n"
        return h
    }

    // MARK: hours per municipality

    func hoursSection() -> String {
        guard !plan.municipalities.isEmpty else { return "<p>" + e(l.noMunicipalities) + "</p>\n" }
        var h = "<table>\n<thead><tr><th>" + e(l.municipality) + "</th><th>" + e(l.countyPart)
            + "</th><th class=\"num\">" + e(l.quotaHours) + "</th><th class=\"num\">" + e(l.plannedHours)
            + "</th><th class=\"num\">" + e(l.hoursLeft) + "</th><th>" + e(l.shareOfQuota)
            + "</th><th class=\"num\">" + e(l.cofinancingKr)
            + "</th><th class=\"num\">" + e(l.quotaKr) + "</th></tr></thead>\n<tbody>\n"
        var totalQuota = 0, totalPlanned = 0.0, totalKr = 0.0, totalQuotaKr = 0.0
        for m in plan.municipalities {
            let share = m.quotaHours > 0 ? m.plannedHours / Double(m.quotaHours) : (m.plannedHours > 0 ? 2 : 0)
            let quotaKr = Double(m.quotaHours * m.rateKrPerHour)
            totalQuota += m.quotaHours
            totalPlanned += m.plannedHours
            totalKr += m.cofinancingKr
            totalQuotaKr += quotaKr
            h += "<tr><td>" + e(m.name) + "</td><td>" + e(scenario.municipality(m.name)?.countyPart ?? "")
                + "</td><td class=\"num\">" + e(f.integer(m.quotaHours)) + "</td><td class=\"num\">"
                + e(f.number(m.plannedHours)) + "</td><td class=\"num\">"
                + e(f.number(max(0, Double(m.quotaHours) - m.plannedHours))) + "</td><td>"
                + bar(share, label: f.percent(share, decimals: 0))
                + "</td><td class=\"num\">" + e(f.kronor(m.cofinancingKr)) + "</td><td class=\"num\">"
                + e(f.kronor(quotaKr)) + "</td></tr>\n"
        }
        let totalShare = totalQuota > 0 ? totalPlanned / Double(totalQuota) : 0
        h += "<tr class=\"total\"><td>" + e(l.total) + "</td><td></td><td class=\"num\">" + e(f.integer(totalQuota))
            + "</td><td class=\"num\">" + e(f.number(totalPlanned)) + "</td><td class=\"num\">"
            + e(f.number(max(0, Double(totalQuota) - totalPlanned))) + "</td><td>"
            + bar(totalShare, label: f.percent(totalShare, decimals: 0)) + "</td><td class=\"num\">"
            + e(f.kronor(totalKr)) + "</td><td class=\"num\">" + e(f.kronor(totalQuotaKr)) + "</td></tr>\n"
        h += "</tbody>\n</table>\n"
        let rates = Set(plan.municipalities.map(\.rateKrPerHour)).sorted()
        let rateText = rates.map { f.kronor(Double($0)) }.joined(separator: ", ")
        h += "<p class=\"note\">" + e(l.hoursNote(rate: rateText)) + "</p>\n"
        return h
    }

    /// A horizontal bar for a share (1 = full); above 1 it is drawn full with an "over" mark.
    func bar(_ share: Double, label: String) -> String {
        let cls = share > 1.0000001 ? "bar over" : share >= 0.9999999 ? "bar full" : "bar"
        return "<div class=\"\(cls)\" role=\"img\" aria-label=\"" + e(label) + "\" title=\"" + e(label)
            + "\"><span style=\"width:" + cssPercent(share) + "\"></span></div>"
    }

    // MARK: timeline

    /// Month header rows shared by the timeline and the load table.
    func monthHead(firstColumn: String, sumColumn: String) -> String {
        var years: [(year: Int, count: Int)] = []
        for m in months {
            if let last = years.last, last.year == m.year { years[years.count - 1].count += 1 }
            else { years.append((m.year, 1)) }
        }
        var h = "<thead><tr><th class=\"row\"></th>"
        for y in years { h += "<th class=\"year\" colspan=\"\(y.count)\">\(y.year)</th>" }
        h += "<th class=\"sum\"></th></tr>\n<tr><th class=\"row\">" + e(firstColumn) + "</th>"
        for (i, m) in months.enumerated() {
            h += "<th" + newYearClass(i) + " title=\"" + e(f.monthAndYear(year: m.year, month: m.month)) + "\">"
                + e(f.shortMonth(m.month)) + "</th>"
        }
        h += "<th class=\"sum\">" + e(sumColumn) + "</th></tr></thead>\n"
        return h
    }

    func newYearClass(_ i: Int, extra: String = "") -> String {
        let classes = ((i > 0 && months[i].month == 1) ? ["newyear"] : []) + (extra.isEmpty ? [] : [extra])
        return classes.isEmpty ? "" : " class=\"" + classes.joined(separator: " ") + "\""
    }

    func countClass(_ n: Int, max: Int) -> String {
        guard n > 0, max > 0 else { return "t0" }
        let r = Double(n) / Double(max)
        return r <= 0.25 ? "t1" : r <= 0.5 ? "t2" : r <= 0.75 ? "t3" : "t4"
    }

    func timelineSection() -> String {
        let rows = ReportFigures.timeline(scenario: scenario, plan: plan, months: months)
        let events = ReportFigures.eventCounts(plan: plan, months: months)
        var totals = Array(repeating: 0, count: months.count)
        for r in rows { for i in totals.indices { totals[i] += r.counts[i] } }
        let maxCount = rows.flatMap(\.counts).max() ?? 0
        let maxTotal = totals.max() ?? 0

        var h = "<table class=\"grid\">\n" + monthHead(firstColumn: l.course, sumColumn: l.total) + "<tbody>\n"
        func row(_ label: String, title: String, _ counts: [Int], max: Int, cls: String = "") -> String {
            var r = "<tr" + (cls.isEmpty ? "" : " class=\"\(cls)\"") + "><td class=\"row\" title=\"" + e(title)
                + "\">" + e(label) + "</td>"
            for (i, n) in counts.enumerated() {
                r += "<td" + newYearClass(i, extra: countClass(n, max: max)) + ">" + (n > 0 ? String(n) : "") + "</td>"
            }
            return r + "<td class=\"sum\">" + String(counts.reduce(0, +)) + "</td></tr>\n"
        }
        for r in rows { h += row(r.label, title: r.label + " (" + r.courseID + ")", r.counts, max: maxCount) }
        h += row(l.allSessionsRow, title: l.allSessionsRow, totals, max: maxTotal, cls: "total")
        h += row(l.fixedEventsRow, title: l.fixedEventsRow, events, max: events.max() ?? 0)
        h += "</tbody>\n</table>\n<p class=\"note\">" + e(l.timelineNote) + "</p>\n"
        return h
    }

    // MARK: leader load

    func loadClass(days: Int, allowed: Double?) -> String {
        guard let allowed else { return days > 0 ? "t2" : "t0" }
        if allowed <= 0 { return days > 0 ? "h4" : "hna" }
        let r = Double(days) / allowed
        if days == 0 { return "h0" }
        return r <= 0.5 ? "h1" : r <= 0.8 ? "h2" : r <= 1.0000001 ? "h3" : "h4"
    }

    func loadSection() -> String {
        let calendar = WorkingCalendar(scenario: scenario)
        let rows = ReportFigures.load(scenario: scenario, plan: plan, months: months, calendar: calendar)
        var h = "<table class=\"grid\">\n" + monthHead(firstColumn: l.leader, sumColumn: l.total) + "<tbody>\n"
        for r in rows {
            let kind = r.kind == .staff ? l.staffKind : r.kind == .trainer ? l.trainerKind : l.otherKind
            h += "<tr><td class=\"row\" title=\"" + e(r.name + " (" + kind + ")") + "\">" + e(r.name)
                + " <span class=\"pill\">" + e(kind) + "</span></td>"
            for (i, m) in months.enumerated() {
                let days = r.days[i], allowed = r.allowedDays[i]
                let title = l.loadCellTitle(name: r.name, month: f.monthAndYear(year: m.year, month: m.month),
                                            days: days, allowed: allowed)
                h += "<td" + newYearClass(i, extra: loadClass(days: days, allowed: allowed)) + " title=\""
                    + e(title) + "\">" + (days > 0 ? String(days) : "") + "</td>"
            }
            var totalClass = "sum"
            if let max = r.maxDays, r.total > max { totalClass += " h4" }
            h += "<td class=\"\(totalClass)\">" + e(l.ofMax(r.total, r.maxDays)) + "</td></tr>\n"
        }
        h += "</tbody>\n</table>\n"
        h += "<div class=\"legend\">"
        for (cls, text) in [("hna", l.legendNone), ("h1", l.legendLow), ("h2", l.legendMid), ("h3", l.legendHigh),
                            ("h4", l.legendOver)] {
            h += "<span><span class=\"sw \(cls)\"></span>" + e(text) + "</span>"
        }
        h += "</div>\n<p class=\"note\">" + e(l.loadNote) + "</p>\n"
        return h
    }

    // MARK: budget

    func budgetSection() -> String {
        var h = "<table>\n<thead><tr><th></th><th class=\"num\">" + e(l.budgetCap) + "</th><th class=\"num\">"
            + e(l.budgetUsed) + "</th><th class=\"num\">" + e(l.budgetLeft) + "</th><th></th></tr></thead>\n<tbody>\n"
        for line in ReportFigures.budget(scenario: scenario, plan: plan) {
            h += "<tr><td>" + e(l.budgetKind(line.kind)) + "</td>"
            if let cap = line.cap, let left = line.left {
                let share = cap > 0 ? line.used / Double(cap) : (line.used > 0 ? 2 : 0)
                h += "<td class=\"num\">" + e(f.kronor(Double(cap))) + "</td><td class=\"num\">" + e(f.kronor(line.used))
                    + "</td><td class=\"num\">" + e(f.kronor(left)) + "</td><td>"
                    + bar(share, label: f.percent(share, decimals: 0)) + "</td></tr>\n"
            } else {
                h += "<td class=\"num\">" + e(l.noCap) + "</td><td class=\"num\">" + e(f.kronor(line.used))
                    + "</td><td class=\"num\"></td><td></td></tr>\n"
            }
        }
        h += "</tbody>\n</table>\n<p class=\"note\">" + e(l.budgetNote) + "</p>\n"
        return h
    }

    // MARK: shortfalls

    func shortfallsSection() -> String {
        guard !plan.shortfalls.isEmpty else { return "<p>" + e(l.noShortfalls) + "</p>\n" }
        let w = ShortfallWords(lang: l.lang)
        var h = "<ul class=\"shortfalls\">\n"
        for s in plan.shortfalls {
            h += "<li><span class=\"pill\">" + e(w.kind(s.kind)) + "</span><span class=\"subject\">"
                + e(w.subject(s, scenario: scenario)) + ":</span> " + e(w.amount(s) { f.number($0) })
                + (w.reason(s, scenario: scenario).map { ". " + e($0) } ?? "") + "</li>\n"
        }
        return h + "</ul>\n"
    }

    // MARK: promised versus planned

    func coursesSection() -> String {
        let w = CourseWords(lang: l.lang)
        let rows = CourseCoverage.all(scenario: scenario, plan: plan)
        guard !rows.isEmpty else { return "" }
        let nothing = rows.filter { $0.status == .nothing }.count, short = rows.filter { $0.status == .short }.count
        var h = "<p>" + e(w.summary(nothing: nothing, short: short, total: rows.count)) + "</p>\n"
        let (areaHours, estimated) = CourseCoverage.hoursByArea(rows)
        if !areaHours.isEmpty {
            h += "<p>" + e(w.areaHours(areaHours.map { $0.area + " " + f.number($0.hours, decimals: 0) }, estimated: estimated)) + "</p>\n"
        }
        h += "<table>\n<thead><tr><th>" + e(w.course) + "</th><th>" + e(w.status) + "</th><th class=\"num\">" + e(w.runs)
            + "</th><th class=\"num\">" + e(w.sessions) + "</th><th class=\"num\">" + e(w.persons) + "</th><th class=\"num\">"
            + e(w.hours) + "</th><th>" + e(w.byArea) + "</th><th>" + e(w.shortMunicipalities) + "</th><th>" + e(w.followUp)
            + "</th></tr></thead>\n<tbody>\n"
        func placed(_ placed: Int, _ asked: Int?) -> String {
            f.integer(placed) + (asked.map { " / " + f.integer($0) } ?? "")
        }
        for c in rows {
            let cls = c.status == .nothing ? "bad" : c.status == .short ? "warn" : "ok"  // held and met alike
            let areas = c.areas.map { (c.areasEstimated ? "≈" : "") + $0.name + " " + placed($0.placed, $0.asked) }
            let short = c.municipalities.filter(\.isShort).map { $0.name + " " + placed($0.placed, $0.asked) }
                + c.groupsShort.filter { g in !c.municipalities.contains { $0.name == g.municipality && $0.isShort } }
                    .map { w.group($0) + " " + placed($0.placed, $0.asked) }
            h += "<tr class=\"course \(cls)\"><td>" + e(c.name) + "</td><td><span class=\"pill \(cls)\">" + e(w.status(c.status))
                + "</span></td><td class=\"num\">" + e(placed(c.runs, c.runsAsked)) + "</td><td class=\"num\">" + e(f.integer(c.sessions))
                + "</td><td class=\"num\">" + e(c.asked == nil ? f.integer(c.placed) + " (" + w.asNeeded + ")" : placed(c.placed, c.asked))
                + "</td><td class=\"num\">" + e(f.number(c.hours)) + "</td><td>" + e(areas.joined(separator: ", "))
                + "</td><td>" + e(short.joined(separator: ", ")) + "</td><td>" + e(w.followUp(c.followUp)) + "</td></tr>\n"
        }
        h += "</tbody>\n</table>\n<p class=\"note\">" + e(w.note) + "</p>\n"
        return h
    }

    // MARK: fixed events

    /// One row per recurring event (same title, time, place, people): its dates in a compact list, and the
    /// municipalities as a count when there are many.
    func eventsSection() -> String {
        let events = plan.sessions.filter { $0.kind == .event }
        guard !events.isEmpty else { return "<p>" + e(l.noEvents) + "</p>\n" }
        var groups: [[PlannedSession]] = []
        for s in events {
            if let i = groups.firstIndex(where: { g in
                let o = g[0]
                return o.course == s.course && o.title == s.title && o.start == s.start && o.end == s.end && o.venue == s.venue
                    && o.leaders == s.leaders && o.municipalityNames == s.municipalityNames && o.status == s.status
            }) { groups[i].append(s) } else { groups.append([s]) }
        }
        var h = "<table>\n<thead><tr><th>" + e(l.what) + "</th><th>" + e(l.dates) + "</th><th>" + e(l.time) + "</th><th>"
            + e(l.venue) + "</th><th>" + e(l.fromProject) + "</th><th>" + e(l.municipalities) + "</th><th></th></tr></thead>\n<tbody>\n"
        let everyone = Set(scenario.municipalities.map(\.name))
        for g in groups {
            let s = g[0]
            let cancelled = s.status == .cancelled
            let place = s.venue.isEmpty ? "" : (scenario.venue(s.venue)?.name ?? s.venue)
            let names = s.municipalityNames
            let who: String
            if names.count > 3 {
                who = "<span title=\"" + e(names.joined(separator: ", ")) + "\">"
                    + e(Set(names) == everyone ? l.allMunicipalities(names.count) : l.municipalityCount(names.count)) + "</span>"
            } else {
                who = e(names.joined(separator: ", "))
            }
            h += "<tr" + (cancelled ? " class=\"cancelled\"" : "") + "><td><span class=\"pill\">" + e(l.eventKind(s.course)) + "</span>"
                + e(s.title(in: l.lang)) + "</td><td>" + e(compactDates(g.map(\.date))) + "</td><td class=\"when\">" + e(s.isSentNotAttended ? (l.lang == .sv ? "hela dagen" : "all day") : f.timeSpan(s.start, s.end))
                + "</td><td>" + e(place) + "</td><td>" + e(s.leaders.joined(separator: ", ")) + "</td><td>" + who
                + "</td><td class=\"state\">" + (cancelled ? e(l.cancelled) : "") + "</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// `2024: 12 feb, 8 apr; 2025: 3 mar` (one date: `ons 2024-03-20`).
    func compactDates(_ days: [Day]) -> String {
        let sorted = days.sorted()
        if sorted.count == 1 { return f.dayWithWeekday(sorted[0]) }
        var out: [String] = []
        for year in Array(Set(sorted.map(\.year))).sorted() {
            out.append("\(year): " + sorted.filter { $0.year == year }.map { "\($0.day) \(f.shortMonth($0.month))" }.joined(separator: ", "))
        }
        return out.joined(separator: "; ")
    }

    // MARK: calendars

    /// Links grouped by folder, labelled with the real name when the file stem can be traced back.
    func calendarsSection(_ files: [String]) -> String {
        guard !files.isEmpty else { return "<p>" + e(l.noCalendars) + "</p>\n" }
        let leaderNames = scenario.staff.map(\.name) + scenario.trainers.map(\.name) + plan.sessions.flatMap(\.leaders)
        let municipalityNames = scenario.municipalities.map(\.name) + plan.sessions.flatMap(\.municipalityNames)
        let leaders = stemLabels(leaderNames.map { ($0, $0) })
        let municipalities = stemLabels(municipalityNames.map { ($0, $0) })
        let venues = stemLabels(scenario.venues.map { ($0.id, $0.name) })

        var groups: [(title: String, links: [(href: String, label: String)])] = [
            ("", []), (l.leadersGroup, []), (l.municipalitiesGroup, []), (l.venuesGroup, []), (l.otherGroup, []),
        ]
        for path in files {
            let parts = path.split(separator: "/").map(String.init)
            let file = parts.last ?? path
            let stem = file.hasSuffix(".ics") ? String(file.dropLast(4)) : file
            let folder = parts.count >= 2 ? parts[parts.count - 2] : ""
            switch (folder, stem) {
            case ("calendars", "all"): groups[0].links.append((path, l.allCalendar))
            case ("leaders", _): groups[1].links.append((path, leaders[stem] ?? stem))
            case ("municipalities", _): groups[2].links.append((path, municipalities[stem] ?? stem))
            case ("venues", _): groups[3].links.append((path, venues[stem] ?? stem))
            default: groups[4].links.append((path, file))
            }
        }
        var h = "<p class=\"note\">" + e(l.calendarsNote) + "</p>\n"
        for g in groups where !g.links.isEmpty {
            if !g.title.isEmpty { h += "<h3>" + e(g.title) + "</h3>\n" }
            h += "<ul class=\"files\">\n"
            for link in g.links {
                h += "<li><a href=\"" + HTMLText.relativeHref(link.href) + "\">" + e(link.label) + "</a></li>\n"
            }
            h += "</ul>\n"
        }
        return h
    }

    /// File stem → label, for keys whose stem no other key shares (a shared stem is ambiguous).
    func stemLabels(_ keyed: [(key: String, label: String)]) -> [String: String] {
        var byStem: [String: Set<String>] = [:]
        var label: [String: String] = [:]
        for (key, text) in keyed {
            byStem[SafeFileName.make(key), default: []].insert(key)
            label[key] = text
        }
        var out: [String: String] = [:]
        for (stem, keys) in byStem where keys.count == 1 {
            if let key = keys.first { out[stem] = label[key] }
        }
        return out
    }
}
