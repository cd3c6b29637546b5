import TidsplanCore

/// Every fixed word of the report, in Swedish (default) or English.
struct ReportLabels {
    let lang: Language
    private var sv: Bool { lang == .sv }
    private let f: ReportFormat

    init(lang: Language) {
        self.lang = lang
        f = ReportFormat(lang: lang)
    }

    var documentKind: String { sv ? "Genomförande- och tidsplan" : "Implementation and time plan" }
    var contents: String { sv ? "Innehåll" : "Contents" }
    var owner: String { sv ? "Projektägare" : "Project owner" }
    var period: String { sv ? "Projektperiod" : "Project period" }
    var trainingFrom: String { sv ? "Utbildning från" : "Training from" }
    var months: String { sv ? "månader" : "months" }
    var sessionsLabel: String { sv ? "Utbildningstillfällen" : "Training sessions" }
    var plannedHoursLabel: String { sv ? "Planerade timmar" : "Planned hours" }
    var cofinancingLabel: String { sv ? "Medfinansiering" : "Co-financing" }
    var solverLabel: String { sv ? "Planens kvalitet" : "Plan quality" }
    var replannedLabel: String { sv ? "Omplanerad" : "Re-planned" }
    func replanned(_ asOf: Day) -> String {
        sv ? "Det som låg till och med \(asOf.iso) ligger fast; resten är planerat om."
           : "Everything up to and including \(asOf.iso) is kept as it was; the rest is re-planned."
    }
    func sessionsSummary(planned: Int, cancelled: Int) -> String {
        let base = f.integer(planned) + (sv ? " planerade" : " planned")
        guard cancelled > 0 else { return base }
        return base + ", " + f.integer(cancelled) + (sv ? " inställda" : " cancelled")
    }
    func amountOf(_ part: String, _ whole: String) -> String { part + (sv ? " av " : " of ") + whole }
    func ofQuota(_ planned: Double, _ quota: Double) -> String {
        f.number(planned) + (sv ? " av " : " of ") + f.number(quota, decimals: 0)
            + (quota > 0 ? " (" + f.percent(planned / quota, decimals: 0) + ")" : "")
    }

    /// How much better any plan could possibly be, for one plain sentence.
    /// Rounded up (`NumberText.gapPercentShown`): "no more than 0,4 %" for 0.448 % would be false.
    private func gapText(_ gap: Double) -> String {
        guard let (percent, decimals) = NumberText.gapPercentShown(gap) else { return "under " + f.percent(0.00001, decimals: 3) }
        return f.percent(percent / 100, decimals: decimals)
    }

    /// The solver's status in plain words.
    func solverStatus(_ s: SolverSummary) -> String {
        switch s.status {
        case .optimal:
            if let gap = s.optimalWithinTolerance {
                let g = gapText(gap)
                return sv ? "Planen är optimal inom sökningens tolerans: ingen annan plan kan vara mer än \(g) bättre på scenariots mål."
                          : "The plan is optimal within the search's tolerance: no other plan can be more than \(g) better on the scenario's goals."
            }
            return sv ? "Planen är optimal: ingen bättre plan finns med de här målen och reglerna."
                      : "The plan is optimal: no better plan exists under these goals and rules."
        case .feasible, .timeLimit, .stopped:
            let stop = s.status == .timeLimit ? (sv ? " (tidsgränsen nåddes)" : " (the time limit was reached)")
                : s.status == .stopped ? (sv ? " (sökningen avbröts)" : " (the search was stopped)") : ""
            if let gap = s.gap, gap.isFinite, gap >= 0 {
                let g = gapText(gap)
                let why = s.status == .timeLimit ? (sv ? " när tidsgränsen nåddes" : " when the time limit was reached")
                    : s.status == .stopped ? (sv ? " när den avbröts" : " when it was stopped") : ""
                return sv ? "Planen följer alla regler. Ingen annan plan kan vara mer än \(g) bättre på scenariots mål; sökningen slutade\(why) innan den hann visa att just den här är bäst."
                          : "The plan keeps every rule. No other plan can be more than \(g) better on the scenario's goals; the search ended\(why) before it could show that this one is the best."
            }
            if let areas = s.areas, areas > 1 {
                return (sv ? "Planen följer alla regler. Scenariot är för stort för en enda modell, så planen gjordes i \(areas) områden efter varandra; hur nära bästa möjliga plan den är visas därför inte"
                           : "The plan keeps every rule. The scenario is too large for one model, so the plan was made in \(areas) areas one after another; how close it is to the best possible plan is therefore not shown")
                    + stop + "."
            }
            return (sv ? "Planen följer alla regler, men hur nära bästa möjliga plan den är kunde inte visas"
                       : "The plan keeps every rule, but how close it is to the best possible plan could not be shown")
                + stop + "."
        case .infeasible:
            return sv ? "Ingen plan kan följa alla regler: se bristerna nedan och ändra scenariot."
                      : "No plan can keep every rule: see the shortfalls below and change the scenario."
        case .error:
            return sv ? "Planeringen misslyckades (fel i lösaren): planen nedan är inte optimerad."
                      : "Planning failed (solver error): the plan below is not optimised."
        case .notSolved:
            return sv ? "Planen är inte optimerad (ingen lösare kördes)."
                      : "The plan is not optimised (no solver was run)."
        }
    }

    // Section titles.
    var hoursTitle: String { sv ? "Timmar per kommun mot kvot" : "Hours per municipality against quota" }
    var timelineTitle: String { sv ? "Tidslinje: tillfällen per kurs och månad" : "Timeline: sessions per course and month" }
    var loadTitle: String { sv ? "Belastning: dagar som ledare per månad" : "Load: days leading per month" }
    var budgetTitle: String { sv ? "Budget: använt och kvar" : "Budget: used and left" }
    var shortfallsTitle: String { sv ? "Brister" : "Shortfalls" }
    var eventsTitle: String { sv ? "Fasta händelser" : "Fixed events" }
    var calendarsTitle: String { sv ? "Kalenderfiler" : "Calendar files" }

    // Hours table.
    var municipality: String { sv ? "Kommun" : "Municipality" }
    var countyPart: String { sv ? "Länsdel" : "County part" }
    var quotaHours: String { sv ? "Kvot, timmar" : "Quota, hours" }
    var plannedHours: String { sv ? "Planerat, timmar" : "Planned, hours" }
    var hoursLeft: String { sv ? "Kvar till kvot" : "Left to quota" }
    var shareOfQuota: String { sv ? "Andel av kvot" : "Share of quota" }
    var cofinancingKr: String { sv ? "Medfinansiering" : "Co-financing" }
    var quotaKr: String { sv ? "Kvot i kronor" : "Quota in kronor" }
    var total: String { sv ? "Totalt" : "Total" }
    func hoursNote(rate: String) -> String {
        sv ? "Medfinansieringen är deltagarnas arbetstid: planerade timmar × timkostnad (\(rate)/tim). Stapeln visar andelen av kvoten; en markering till höger betyder över kvot."
           : "Co-financing is the participants' working time: planned hours × hourly rate (\(rate)/h). The bar shows the share of the quota; a mark on the right means above quota."
    }
    var noMunicipalities: String { sv ? "Planen har inga kommuner." : "The plan has no municipalities." }

    // Timeline.
    var course: String { sv ? "Kurs" : "Course" }
    var fixedEventsRow: String { sv ? "Fasta händelser" : "Fixed events" }
    var allSessionsRow: String { sv ? "Alla utbildningstillfällen" : "All training sessions" }
    var timelineNote: String {
        sv ? "Siffran är antalet planerade tillfällen den månaden; mörkare ruta betyder fler. Inställda tillfällen räknas inte."
           : "The figure is the number of planned sessions that month; darker means more. Cancelled sessions are not counted."
    }

    // Load.
    var leader: String { sv ? "Ledare" : "Leader" }
    var staffKind: String { sv ? "projektpersonal" : "project staff" }
    var trainerKind: String { sv ? "extern utbildare" : "external trainer" }
    var otherKind: String { sv ? "ej i scenariot" : "not in the scenario" }
    var loadNote: String {
        sv ? "Siffran är antalet dagar personen leder utbildning den månaden. För projektpersonal visar färgen hur stor del av det tillåtna som används: undervisningsandelen av arbetstiden (med förberedelsetid) enligt scenariots regler. För externa utbildare jämförs totalen med avtalets högsta antal dagar."
           : "The figure is the number of days the person leads training that month. For project staff the colour shows how much of the allowance is used: the teaching share of working time (with preparation) under the scenario's rules. For external trainers the total is compared with the contract's maximum days."
    }
    var legendNone: String { sv ? "ingen arbetstid (ledigt, uppehåll)" : "no working time (leave, break)" }
    var legendLow: String { sv ? "upp till 50 %" : "up to 50%" }
    var legendMid: String { sv ? "50–80 %" : "50–80%" }
    var legendHigh: String { sv ? "80–100 %" : "80–100%" }
    var legendOver: String { sv ? "över det tillåtna" : "above the allowance" }
    func loadCellTitle(name: String, month: String, days: Int, allowed: Double?) -> String {
        let d = f.integer(days) + (sv ? (days == 1 ? " dag" : " dagar") : (days == 1 ? " day" : " days"))
        guard let allowed else { return "\(name), \(month): \(d)" }
        return "\(name), \(month): \(d)" + (sv ? " av högst " : " of at most ") + f.number(allowed)
    }
    func ofMax(_ total: Int, _ max: Int?) -> String {
        guard let max else { return f.integer(total) }
        return f.integer(total) + (sv ? " av " : " of ") + f.integer(max)
    }

    // Budget.
    func budgetKind(_ k: ReportFigures.BudgetLine.Kind) -> String {
        switch k {
        case .trainers: return sv ? "Externa utbildare (arvoden)" : "External trainers (fees)"
        case .travel: return sv ? "Utbildarnas resor och logi" : "Trainers' travel and lodging"
        case .premises: return sv ? "Lokaler" : "Premises"
        }
    }
    var budgetCap: String { sv ? "Budget" : "Budget" }
    var budgetUsed: String { sv ? "Använt" : "Used" }
    var budgetLeft: String { sv ? "Kvar" : "Left" }
    var noCap: String { sv ? "ingen gräns" : "no cap" }
    var budgetNote: String {
        sv ? "Beräknat från planerade tillfällen och scenariots dagarvoden, resekostnader och lokalkostnader. Projektpersonalens lön ingår inte."
           : "Computed from planned sessions and the scenario's day rates, travel costs and venue costs. Project staff salaries are not included."
    }

    // Shortfalls.
    var noShortfalls: String {
        sv ? "Inga brister: planen når alla kvoter och krav." : "No shortfalls: the plan meets every quota and requirement."
    }

    // Events.
    var time: String { sv ? "Tid" : "Time" }
    var what: String { sv ? "Vad" : "What" }
    var venue: String { sv ? "Plats" : "Place" }
    var fromProject: String { sv ? "Från projektet" : "From the project" }
    var municipalities: String { sv ? "Kommuner" : "Municipalities" }
    var cancelled: String { sv ? "inställt" : "cancelled" }
    var dates: String { sv ? "Datum" : "Dates" }
    func allMunicipalities(_ n: Int) -> String { sv ? "alla \(n) kommuner" : "all \(n) municipalities" }
    func municipalityCount(_ n: Int) -> String { sv ? "\(n) kommuner" : "\(n) municipalities" }
    var noEvents: String { sv ? "Inga fasta händelser." : "No fixed events." }
    func eventKind(_ raw: String) -> String {
        switch EventKind(rawValue: raw) {
        case .steeringGroup: return sv ? "styrgrupp" : "steering group"
        case .network: return sv ? "nätverk" : "network"
        case .survey: return sv ? "enkät" : "survey"
        case .meeting: return sv ? "möte" : "meeting"
        case .training: return sv ? "utbildning" : "training"
        case nil: return raw
        }
    }

    // Calendars.
    var calendarsNote: String {
        sv ? "Prenumerera på en kalenderfil (i Outlook, Google, Apple eller Thunderbird) så följer ändringar med när planen uppdateras; en importerad fil är en engångskopia som inte uppdateras."
           : "Subscribe to a calendar file (in Outlook, Google, Apple or Thunderbird) and changes follow when the plan is updated; an imported file is a one-off copy that is not updated."
    }
    var allCalendar: String { sv ? "Alla tillfällen" : "All sessions" }
    var leadersGroup: String { sv ? "Ledare och utbildare" : "Leaders and trainers" }
    var municipalitiesGroup: String { sv ? "Kommuner (när personalen är på utbildning)" : "Municipalities (when staff are away on training)" }
    var venuesGroup: String { sv ? "Lokaler" : "Venues" }
    var otherGroup: String { sv ? "Övriga" : "Other" }
    var noCalendars: String { sv ? "Inga kalenderfiler skapades." : "No calendar files were written." }

    func footer(scenario: String) -> String {
        sv ? "Skapad av Tidsplan från scenariot \(scenario)." : "Made by Tidsplan from scenario \(scenario)."
    }
}
