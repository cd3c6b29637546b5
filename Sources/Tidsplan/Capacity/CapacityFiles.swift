import TidsplanCore
import TidsplanIO

/// `capacity.csv`, `bottlenecks.csv` and `capacity.md` from a `CapacityAnalysis` (pure: text out), in the
/// language asked for; the words are in `CapacityWords`.
enum CapacityFiles {
    static func csv(_ table: CapacityTable, lang: Language = .sv) -> String {
        let w = CapacityWords(lang: lang)
        var rows = [w.capacityHeader]
        for l in table.lines {
            rows.append([w.kind(l.resource.kind), w.name(l.resource), l.period == "total" ? w.total : l.period, w.unit(l.unit),
                         CapacityText.csv(l.capacity), CapacityText.csv(l.used), CapacityText.csv(l.utilisation, decimals: 4),
                         l.isOverAllocated ? w.yes : ""])
        }
        return CSVTable.text(rows)
    }

    /// Gains are positive when a unit helps (objective gain = objective before − after), so the numbers
    /// never start with "-", which the CSV writer would neutralise as a formula.
    static func bottlenecksCSV(_ a: CapacityAnalysis, lang: Language = .sv) -> String {
        let w = CapacityWords(lang: lang)
        var rows = [w.bottlenecksHeader]
        for (i, v) in a.marginalValues.enumerated() {
            rows.append([String(i + 1), w.kind(v.resource.kind), w.name(v.resource), w.unitWords(v), String(v.bindingRows),
                         CapacityText.csv(v.relaxationObjectiveChange.map { -$0 }), CapacityText.csv(v.relaxationHours(weights: a.scenario.weights)),
                         CapacityText.csv(v.resolvedQuotaHours), CapacityText.csv(v.resolvedObjectiveChange.map { -$0 }), v.note.map(w.note) ?? ""])
        }
        return CSVTable.text(rows)
    }

    static func markdown(_ a: CapacityAnalysis, lang: Language = .sv) -> String {
        let w = CapacityWords(lang: lang), sv = lang == .sv
        let s = a.scenario
        var out = "# " + (sv ? "Kapacitet" : "Capacity") + ": \(cell(s.project.name))\n\n"
        out += sv ? "Projektperiod \(s.project.period.from.iso) – \(s.project.period.to.iso); utbildning från \(s.project.trainingFrom.iso).\n"
                  : "Project period \(s.project.period.from.iso) – \(s.project.period.to.iso); training from \(s.project.trainingFrom.iso).\n"
        if a.planFromFile {
            out += sv ? "Utnyttjandet är den givna planens (lösarens status: \(w.status(a.plan))); flaskhalsarna mäts mot scenariot planerat nu (\(w.status(a.basePlan))).\n"
                      : "Use of capacity is that of the plan given (solver status: \(w.status(a.plan))); bottlenecks are measured against the scenario planned now (\(w.status(a.basePlan))).\n"
        } else {
            out += sv ? "Utnyttjandet är den plan som gjordes nu (\(w.status(a.plan))).\n" : "Use of capacity is that of the plan made now (\(w.status(a.plan))).\n"
        }
        let violations = a.violations
        if !violations.isEmpty {
            out += sv ? "**Den uppmätta planen bryter mot \(violations.count) hårda regler** (`tidsplan verify`), t.ex. \(cell(violations[0].message)); dess kapacitetsutnyttjande går inte att lita på.\n"
                      : "**The plan measured breaks \(violations.count) hard rule(s)** (`tidsplan verify`), e.g. \(cell(violations[0].message)); its use of capacity is not to be relied on.\n"
        }
        let covered = w.number(QuotaFigures.coveredHours(a.plan))
        let quota = w.number(Double(a.plan.municipalities.reduce(0) { $0 + $1.quotaHours }))
        let short = w.number(QuotaFigures.shortfallHours(a.plan, scenario: s))
        out += sv ? "Täckta kvottimmar: \(covered) av \(quota); saknas: \(short) timmar.\n\n" : "Quota hours covered: \(covered) of \(quota); short: \(short) hours.\n\n"

        out += bottlenecks(a, w)
        out += missing(a, w)
        out += utilisation(a.table, w)
        out += relaxationRows(a, w)
        out += methods(a, w)
        return out
    }

    static func bottlenecks(_ a: CapacityAnalysis, _ w: CapacityWords) -> String {
        let sv = w.sv
        var out = sv ? "## Flaskhalsar, mest värdefulla först\n\n" : "## Bottlenecks, most valuable first\n\n"
        if a.marginalValues.isEmpty && a.relaxation.bindings.isEmpty {
            guard a.relaxation.termination == .optimal else {
                return out + (sv ? "LP-relaxationen löstes inte heller (\(a.relaxation.termination)).\n\n" : "The LP relaxation was not solved either (\(a.relaxation.termination)).\n\n")
            }
            out += sv ? "Ingen kapacitetsrad binder och ingen resurs är full: varken personal, utbildare, lokaler eller budgetar begränsar planen.\n"
                      : "No capacity row binds and no resource is full: neither staff, trainers, venues nor budgets limit the plan.\n"
            if !a.relaxation.rules.isEmpty {
                out += (sv ? "Raderna som binder i LP-relaxationen är regler: " : "The rows that bind in the LP relaxation are rules: ")
                    + a.relaxation.rules.map { "\(w.rule($0.rule)) (\($0.rows))" }.joined(separator: "; ") + ".\n"
            }
            return out + "\n"
        }
        for (i, v) in a.marginalValues.enumerated() { out += "\(i + 1). \(w.sentence(v))\n" }
        let measured = Set(a.marginalValues.map(\.resource))
        let lpOnly = a.relaxation.bindings.filter { !measured.contains($0.resource) }
        for (k, b) in lpOnly.enumerated() {
            let name = w.resource(b.resource)
            let subject = name.prefix(1).uppercased() + name.dropFirst()
            out += "\(a.marginalValues.count + k + 1). " + subject
            out += sv ? " binder i LP-relaxationen (\(b.rows) \(b.rows == 1 ? "rad" : "rader"), Σ|dual| \(w.number(b.sumAbsDual))); inte omlöst (\(lpOnlyReason(b.resource, w))).\n"
                      : " binds in the LP relaxation (\(b.rows) row\(b.rows == 1 ? "" : "s"), Σ|dual| \(w.number(b.sumAbsDual))); not re-solved (\(lpOnlyReason(b.resource, w))).\n"
        }
        if !a.marginalValues.isEmpty {
            out += sv ? "\n| # | resurs | enhet | LP-relaxation: bindande rader | LP-relaxation: målfunktion | LP-relaxation: ≈ kvottimmar | omlösning: kvottimmar | omlösning: målfunktion |\n"
                      : "\n| # | resource | unit | LP relaxation: binding rows | LP relaxation: objective | LP relaxation: ≈ quota hours | re-solve: quota hours | re-solve: objective |\n"
            out += "|---:|---|---|---:|---:|---:|---:|---:|\n"
            for (i, v) in a.marginalValues.enumerated() {
                out += "| \(i + 1) | \(cell(w.resource(v.resource))) | \(cell(w.unitWords(v))) | \(v.bindingRows) | "
                out += "\(v.relaxationObjectiveChange.map { w.number($0) } ?? "–") | "
                out += "\(v.relaxationHours(weights: a.scenario.weights).map { w.number($0) } ?? "–") | "
                out += "\(v.resolvedQuotaHours.map { w.number($0) } ?? "–") | "
                out += "\(v.resolvedObjectiveChange.map { w.number($0) } ?? "–") |\n"
            }
        }
        return out + "\n"
    }

    static func lpOnlyReason(_ r: CapacityResource, _ w: CapacityWords) -> String {
        switch r.kind {
        case .venue: return w.sv ? "mer plats betyder en annan lokal: en ändring i scenariot" : "more room means another venue: a change to the scenario"
        case .trainer: return w.sv ? "det är dagarna utbildaren kan arbeta som binder, inte avtalets gräns: fler dagar kräver ett nytt avtal"
                                   : "the days the trainer is available bind, not a contract limit: more availability is a new agreement"
        case .staff, .budget: return w.sv ? "inte uppmätt i den här körningen" : "not measured in this run"
        }
    }

    static func missing(_ a: CapacityAnalysis, _ w: CapacityWords) -> String {
        let sv = w.sv
        var out = sv ? "## Vad som saknas för att nå kvoterna\n\n" : "## What is missing to meet the quotas\n\n"
        guard let m = a.missing else {
            let short = QuotaFigures.shortfallHours(a.basePlan, scenario: a.scenario)
            if short < 0.5 { return out + (sv ? "Ingenting: planen når varje gällande kvot.\n\n" : "Nothing: the plan meets every quota in force.\n\n") }
            return out + (sv ? "Inte utrett i den här körningen.\n\n" : "Not worked out in this run.\n\n")
        }
        out += sv ? "Planen saknar \(w.number(m.shortfallHours)) kvottimmar. Minsta extra kapacitet (elastisk veckomodell, \(w.elasticStatus(m.solveStatus))):\n\n"
                  : "The plan is \(w.number(m.shortfallHours)) quota hours short. Least extra capacity (elastic week model, \(w.elasticStatus(m.solveStatus))):\n\n"
        if m.additions.isEmpty {
            out += sv ? "- ingen extra personaltid, inga utbildardagar och ingen budget skulle hjälpa.\n" : "- no extra staff time, trainer days or budget would help.\n"
        } else {
            for addition in m.additions { out += "- \(cell(w.addition(addition)))\n" }
        }
        if let remaining = m.remainingShortfallHours, remaining >= 0.5 {
            out += sv ? "\nÄven med dessa saknas \(w.number(remaining)) timmar i veckomodellen: det är inte en fråga om kapacitet utan om reglerna (personer i varje kurs målgrupp, utbildningsdagar i veckan, förkunskapskrav, perioden).\n"
                      : "\nEven with these, \(w.number(remaining)) hours stay short in the week model: that is not a matter of capacity but of the rules (persons in each course's audience, training days a week, prerequisites, the period).\n"
        }
        if let verified = m.verifiedShortfallHours {
            out += sv ? "\nKontrollerat genom att planera scenariot igen med tilläggen: \(w.number(verified)) timmar saknas (var \(w.number(m.shortfallHours))).\n"
                      : "\nChecked by planning the scenario again with these additions: \(w.number(verified)) hours short (was \(w.number(m.shortfallHours))).\n"
        }
        return out + "\n"
    }

    static func utilisation(_ t: CapacityTable, _ w: CapacityWords) -> String {
        let sv = w.sv
        var out = sv ? "## Utnyttjande per resurs och månad\n\n" : "## Utilisation per resource and month\n\n"
        out += sv ? "Personal: dagar för att leda och förbereda mot undervisningsandelen av arbetstiden; utbildare: tillfällen mot dagar de kan arbeta (totalt: mot avtalet); lokaler: tillfällen mot utbildningsdagar; budgetar: förbrukat hittills mot hela budgeten.\n\n"
                  : "Staff: days leading and preparing against the teaching share of their time; trainers: sessions against the days they can work (total: against the contract); venues: sessions against training days; budgets: spent so far against the whole budget.\n\n"
        out += "| " + (sv ? "resurs | enhet" : "resource | unit") + " | " + t.months.joined(separator: " | ") + " | " + w.total + " |\n"
        out += "|---|---|" + String(repeating: "---:|", count: t.months.count + 1) + "\n"
        for r in t.resources {
            out += "| \(cell(w.resource(r))) | \(w.unit(t.line(r, "total")?.unit ?? "")) |"
            for period in t.months + ["total"] {
                guard let l = t.line(r, period) else { out += " |"; continue }
                let text = l.utilisation == nil ? (l.used > 0 ? w.number(l.used) : "–") : w.percent(l.utilisation)
                out += l.isOverAllocated ? " **\(text)** |" : " \(text) |"
            }
            out += "\n"
        }
        let over = t.overAllocated
        out += "\n"
        if over.isEmpty && t.overloadedWeeks.isEmpty {
            out += sv ? "Ingen resurs är överbokad.\n\n" : "No resource is over-allocated.\n\n"
        } else {
            out += sv ? "Överbokat:\n\n" : "Over-allocated:\n\n"
            for l in over {
                let period = l.period == "total" ? w.total : l.period
                out += "- \(cell(w.resource(l.resource))), \(period): \(w.number(l.used)) \(w.unit(l.unit)) " + (sv ? "av" : "of") + " \(w.number(l.capacity ?? 0))\n"
            }
            for o in t.overloadedWeeks {
                let week = o.monday.isoWeek
                let name = "\(week.year)-W\(week.week < 10 ? "0" : "")\(week.week)"
                out += sv ? "- \(cell(o.staff)), vecka \(name): \(w.number(o.used)) dagar med förberedelse av \(w.number(o.capacity)) arbetsdagar\n"
                          : "- \(cell(o.staff)), week \(name): \(w.number(o.used)) days with preparation of \(w.number(o.capacity)) working days\n"
            }
            out += "\n"
        }
        return out
    }

    static func relaxationRows(_ a: CapacityAnalysis, _ w: CapacityWords) -> String {
        let sv = w.sv
        var out = sv ? "## Bindande rader i LP-relaxationen\n\n" : "## Binding rows in the LP relaxation\n\n"
        let r = a.relaxation
        guard r.termination == .optimal else {
            return out + (sv ? "LP-relaxationen löstes inte till optimum (\(r.termination)); inga dualvärden.\n\n"
                             : "The LP relaxation was not solved to optimality (\(r.termination)); no dual values.\n\n")
        }
        out += sv ? "Relaxationens värden: heltalskraven är borttagna, så tillfällen och platser kan vara bråkdelar. Ett dualvärde är målfunktionens ändring per enhet av en rads gräns.\n\n"
                  : "Relaxation values: integrality dropped, so sessions and seats may be fractional. A dual is the change of the objective per unit of a row's limit.\n\n"
        if r.bindings.isEmpty && r.rules.isEmpty { return out + (sv ? "Ingen kapacitets- eller regelrad binder.\n\n" : "No capacity or rule row binds.\n\n") }
        out += sv ? "| binder | rader | Σ abs(dual) | månader |\n|---|---:|---:|---|\n" : "| binds | rows | Σ abs(dual) | months |\n|---|---:|---:|---|\n"
        for b in r.bindings {
            out += "| \(cell(w.resource(b.resource))) | \(b.rows) | \(w.number(b.sumAbsDual, decimals: 2)) | \(cell(b.months.joined(separator: ", "))) |\n"
        }
        for rule in r.rules {
            out += "| " + (sv ? "regel" : "rule") + ": \(cell(w.rule(rule.rule))) | \(rule.rows) | \(w.number(rule.sumAbsDual, decimals: 2)) | |\n"
        }
        return out + "\n"
    }

    static func methods(_ a: CapacityAnalysis, _ w: CapacityWords) -> String {
        let weights = a.scenario.weights
        let step = w.number(Double(a.budgetStep))
        if w.sv {
            return """
            ## Hur siffrorna togs fram

            - **Omlösning** (marginalvärdena): scenariot planeras igen med en enhet till (en i personalen får en undervisningsdag till, dvs. att leda eller förbereda, i varje månad där den binder eller är full; en utbildare en avtalsdag till; en budget \(step) kr mer), med samma lösare och gränser; ändringen i täckta kvottimmar (planerade timmar upp till varje kvot) och i målfunktionen redovisas. När en lösning avbryts i förtid bär skillnaden dess gap (det står vid siffran).
            - **LP-relaxation** (bindande rader, uppskattningar): veckomodellen utan heltalskrav; dualvärden gånger ändringen av varje rads gräns ger en uppskattning av första ordningen, omräknad till timmar med \(weights.quotaShortfallPerHour) målfunktionspoäng per kvottimme som saknas. Den visar var trycket ligger, inte vad en hel enhet ger.
            - **Vad som saknas**: en elastisk veckomodell där personalens undervisningsdagar per månad, utbildarnas avtalsdagar och budgetarna får töjas, var och en prissatt lika per utbildningsdag (en undervisningsdag = en avtalsdag = 5 000 kr); att nå kvoterna går först. Den räknar i veckor, så svaret kontrolleras genom att planera igen med tilläggen.

            """
        }
        return """
        ## How these numbers were found

        - **Re-solve** (the marginal values): the scenario is planned again with one more unit (a staff member gets one more teaching day, i.e. leading or preparing, in each month where they bind or are full; a trainer one more contract day; a budget \(step) kr more), with the same solver and limits; the change in quota hours covered (planned hours up to each quota) and in the objective is reported. When a solve stops early, the difference carries its gap (said next to the number).
        - **LP relaxation** (binding rows, estimates): the week model with integrality dropped; dual values times the change of each row's limit give a first-order estimate, converted to hours at \(weights.quotaShortfallPerHour) objective points per quota hour short. It shows where the pressure is, not what a whole unit buys.
        - **What is missing**: an elastic week model in which staff teaching days per month, trainer contract days and budgets may stretch, each priced the same per training day's worth (a staff teaching day = a trainer contract day = 5 000 kr); meeting the quotas comes first. It works in weeks, so the answer is checked by planning again with the additions.

        """
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
