import TidsplanAnalysis
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

    /// One row per unit tried or considered, in the order of the list: what it buys, measured by planning again.
    static func bottlenecksCSV(_ a: CapacityAnalysis, lang: Language = .sv) -> String {
        let w = CapacityWords(lang: lang, scenario: a.scenario)
        var rows = [w.bottlenecksHeader]
        for (i, v) in a.marginalValues.enumerated() {
            rows.append([String(i + 1), w.kind(v.resource.kind), w.name(v.resource), w.unitWords(v),
                         CapacityText.csv(v.resolvedQuotaHours), CapacityText.csv(v.resolvedCofinancingKr, decimals: 0),
                         v.resolvedPlaces.map(String.init) ?? "", CapacityText.csv(v.resolvedCostKr, decimals: 0),
                         v.resolvedQuotaHours == nil ? "" : (v.buysSomething ? w.yes : w.no), v.note.map(w.note) ?? ""])
        }
        return CSVTable.text(rows)
    }

    static func markdown(_ a: CapacityAnalysis, lang: Language = .sv) -> String {
        let w = CapacityWords(lang: lang, scenario: a.scenario), sv = lang == .sv
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
            out += sv ? "**Den uppmätta planen bryter mot \(violations.count) hårda regler** (`tidsplan verify`), t.ex. \(cell(violations[0].message(.sv))); dess kapacitetsutnyttjande går inte att lita på.\n"
                      : "**The plan measured breaks \(violations.count) hard rule(s)** (`tidsplan verify`), e.g. \(cell(violations[0].message(.en))); its use of capacity is not to be relied on.\n"
        }
        let covered = w.number(QuotaFigures.coveredHours(a.plan))
        let quota = w.number(Double(a.plan.municipalities.reduce(0) { $0 + $1.quotaHours }))
        let short = w.number(QuotaFigures.shortfallHours(a.plan, scenario: s))
        let places = QuotaFigures.missingPlaces(a.plan)
        out += sv ? "Täckta kvottimmar: \(covered) av \(quota); saknas: \(short) timmar och \(places) platser som målgrupperna bett om (planens brister).\n\n"
                  : "Quota hours covered: \(covered) of \(quota); short: \(short) hours and \(places) places the target groups asked for (the plan's shortfalls).\n\n"

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
        out += sv ? "Varje enhet är prövad genom att planera scenariot igen med den tillagd, med samma regler och gränser.\n\n"
                  : "Each unit was tried by planning the scenario again with it added, under the same rules and limits.\n\n"
        let (ranked, others) = w.bottleneckLines(a)
        if ranked.isEmpty {
            out += sv ? "Ingen prövad enhet ger fler kvottimmar, platser eller lägre kostnad: personal, utbildare, lokaler och budgetar begränsar inte planen.\n"
                      : "No unit tried buys more quota hours, places or savings: staff, trainers, venues and budgets do not limit the plan.\n"
        }
        for (i, line) in ranked.enumerated() { out += "\(i + 1). \(line)\n" }
        if !others.isEmpty { out += "\n" + others.map { "- " + $0 }.joined(separator: "\n") + "\n" }
        return out + "\n"
    }

    static func missing(_ a: CapacityAnalysis, _ w: CapacityWords) -> String {
        let sv = w.sv
        var out = sv ? "## Vad som saknas för att nå kvoterna\n\n" : "## What is missing to meet the quotas\n\n"
        guard let m = a.missing else {
            let short = QuotaFigures.shortfallHours(a.basePlan, scenario: a.scenario)
            if short < 0.5 { return out + (sv ? "Ingenting: planen når varje gällande kvot.\n\n" : "Nothing: the plan meets every quota in force.\n\n") }
            return out + (sv ? "Inte utrett i den här körningen.\n\n" : "Not worked out in this run.\n\n")
        }
        out += sv ? "Planen saknar \(w.number(m.shortfallHours)) kvottimmar. Det minsta tillägg som räcker:\n\n"
                  : "The plan is \(w.number(m.shortfallHours)) quota hours short. The least addition that is enough:\n\n"
        out += missingLines(m, w).map { "- " + cell($0) }.joined(separator: "\n") + "\n"
        return out + "\n"
    }

    /// The additions, or why there are none, and the check by planning again: the same lines in the console and
    /// in capacity.md.
    static func missingLines(_ m: MissingCapacity, _ w: CapacityWords) -> [String] {
        let sv = w.sv
        if let end = w.missingSearchEnd(m.solveStatus), m.additions.isEmpty {
            return [end.prefix(1).uppercased() + end.dropFirst() + (sv ? "; kör igen med längre --time-limit." : "; run again with a longer --time-limit.")]
        }
        var lines = m.additions.map(w.addition)
        if let end = w.missingSearchEnd(m.solveStatus) { lines.append(end.prefix(1).uppercased() + end.dropFirst() + ".") }
        if let remaining = m.remainingShortfallHours, remaining >= 0.5 {
            lines.append(m.additions.isEmpty
                ? (sv ? "Ingen extra personaltid, inga utbildardagar och ingen budget räcker: det är reglerna som hindrar (personer i varje kurs målgrupp, utbildningsdagar i veckan, förkunskapskrav, perioden)."
                      : "No extra staff time, trainer days or budget is enough: the rules stand in the way (persons in each course's audience, training days a week, prerequisites, the period).")
                : (sv ? "Även med dessa saknas \(w.number(remaining)) timmar: det är inte en fråga om kapacitet utan om reglerna (personer i varje kurs målgrupp, utbildningsdagar i veckan, förkunskapskrav, perioden)."
                      : "Even with these, \(w.number(remaining)) hours stay short: that is not a matter of capacity but of the rules (persons in each course's audience, training days a week, prerequisites, the period)."))
        }
        if let verified = m.verifiedShortfallHours {
            lines.append(sv ? "Kontrollerat genom att planera igen med tilläggen: \(w.number(verified)) timmar saknas (var \(w.number(m.shortfallHours)))."
                            : "Checked by planning again with the additions: \(w.number(verified)) hours short (was \(w.number(m.shortfallHours))).")
        }
        return lines
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
        var out = sv ? "## Var trycket ligger\n\n" : "## Where the pressure is\n\n"
        let r = a.relaxation
        guard r.termination == .optimal else {
            return out + (sv ? "Beräkningen hann inte bli klar.\n\n" : "The calculation did not finish.\n\n")
        }
        out += sv ? "En snabb beräkning där tillfällen och platser får delas: resurser och regler som då är fullt utnyttjade, och i hur många veckor eller månader. Den pekar ut vad som är värt att pröva, inte vad en hel enhet ger.\n\n"
                  : "A quick calculation in which sessions and places may be split: the resources and rules used to the full there, and in how many weeks or months. It points to what is worth trying, not to what a whole unit buys.\n\n"
        if r.bindings.isEmpty && r.rules.isEmpty { return out + (sv ? "Ingenting är fullt utnyttjat.\n\n" : "Nothing is used to the full.\n\n") }
        out += sv ? "| fullt utnyttjat | veckor eller månader | månader |\n|---|---:|---|\n" : "| used to the full | weeks or months | months |\n|---|---:|---|\n"
        for b in r.bindings {
            out += "| \(cell(w.resource(b.resource))) | \(b.rows) | \(cell(b.months.joined(separator: ", "))) |\n"
        }
        for rule in r.rules {
            out += "| " + (sv ? "regel" : "rule") + ": \(cell(w.rule(rule.rule))) | \(rule.rows) | |\n"
        }
        return out + "\n"
    }

    static func methods(_ a: CapacityAnalysis, _ w: CapacityWords) -> String {
        let step = w.number(Double(a.budgetStep))
        if w.sv {
            return """
            ## Hur siffrorna togs fram

            - **Vad en enhet till ger**: scenariot planeras igen med en enhet till (en i personalen får en undervisningsdag till, dvs. att leda eller förbereda, i varje månad där tiden är full; en utbildare en avtalsdag till; en budget \(step) kr mer), med samma regler och gränser, och planerna jämförs: kvottimmar som täcks (planerade timmar upp till varje kvot) och deras medfinansiering, platser som målgrupperna bett om, och vad utbildare, resor och lokaler kostar. Är någon av planerna inte bevisat bäst står det vid siffran.
            - **Var trycket ligger**: en snabb beräkning där tillfällen och platser får delas visar vilka resurser som är fullt utnyttjade och när; den väljer vad som prövas först.
            - **Vad som saknas**: en beräkning där personalens undervisningsdagar per månad, utbildarnas avtalsdagar och budgetarna får växa, där varje tillägg kostar lika mycket per utbildningsdag (en undervisningsdag = en avtalsdag = 5 000 kr) och att nå kvoterna går först. Den räknar i veckor, så svaret kontrolleras genom att planera igen med tilläggen.

            """
        }
        return """
        ## How these numbers were found

        - **What one more unit buys**: the scenario is planned again with one more unit (a staff member gets one more teaching day, i.e. leading or preparing, in each month where their time is full; a trainer one more contract day; a budget \(step) kr more), under the same rules and limits, and the plans are compared: quota hours covered (planned hours up to each quota) and their co-financing, places the target groups asked for, and what trainers, travel and premises cost. Where a plan is not proven best, it says so beside the figure.
        - **Where the pressure is**: a quick calculation in which sessions and places may be split shows which resources are used to the full and when; it chooses what is tried first.
        - **What is missing**: a calculation in which staff teaching days per month, trainer contract days and budgets may grow, each addition costing the same per training day (a staff teaching day = a trainer contract day = 5 000 kr), meeting the quotas first. It works in weeks, so the answer is checked by planning again with the additions.

        """
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
