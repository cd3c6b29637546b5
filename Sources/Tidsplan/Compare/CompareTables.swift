import TidsplanAnalysis
import TidsplanCore
import TidsplanIO

/// compare.md and compare.csv: one row per variant.
enum CompareTables {
    /// Municipality names over all variants: the first variant's order, then any new ones.
    static func municipalityNames(_ rows: [VariantKPIs]) -> [String] {
        var names: [String] = []
        for r in rows { for m in r.municipalities where !names.contains(m.name) { names.append(m.name) } }
        return names
    }

    static func csv(_ rows: [VariantKPIs], lang: Language = .sv) -> String {
        let w = CompareWords(lang: lang)
        let names = municipalityNames(rows)
        var header = w.csvHeader
        header += names.map { w.hoursColumn($0) } + names.map { "kr:\($0)" }
        var table = [header]
        for r in rows {
            var row = [r.label, r.description, r.status, CapacityText.csv(r.gap, decimals: 6), String(r.sessions),
                       CapacityText.csv(r.plannedHours), CapacityText.csv(r.cofinancingKr), CapacityText.csv(r.shortfallHours),
                       CapacityText.csv(r.hasPlan ? r.lostHours : nil), CapacityText.csv(r.hasPlan ? r.lostKr : nil, decimals: 0),
                       r.hasPlan ? String(r.missingPlaces) : "",
                       String(r.trainerDays), CapacityText.csv(r.trainerFeesKr), CapacityText.csv(r.trainerTravelKr),
                       CapacityText.csv(r.trainerCostKr), CapacityText.csv(r.premisesKr), CapacityText.csv(r.staffPeak, decimals: 4),
                       r.staffPeakWho, r.staffPeakMonth, r.changedSessions.map(String.init) ?? "", String(r.violations)]
            row += names.map { n in CapacityText.csv(r.municipalities.first { $0.name == n }?.plannedHours) }
            row += names.map { n in CapacityText.csv(r.municipalities.first { $0.name == n }?.cofinancingKr) }
            table.append(row)
        }
        return CSVTable.text(table)
    }

    static func markdown(_ rows: [VariantKPIs], scenario: Scenario, lang: Language = .sv) -> String {
        let w = CompareWords(lang: lang), n = CapacityWords(lang: lang)
        var out = "# \(w.title): \(cell(scenario.project.name))\n\n"
        for r in rows { out += "- **\(cell(r.label))**: \(cell(r.description))\n" }
        out += "\n## \(w.keyFigures)\n\n"
        out += "| " + w.keyColumns.joined(separator: " | ") + " |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|\n"
        for r in rows {
            let peak = r.staffPeak.map { "\(n.percent($0)) (\(cell(r.staffPeakWho)), \(r.staffPeakMonth))" } ?? "–"
            out += "| \(cell(r.label)) | \(n.number(r.plannedHours)) | \(n.number(r.cofinancingKr, decimals: 0)) | "
            out += "\(n.number(r.lostHours)) | \(n.number(r.lostKr, decimals: 0)) | \(n.number(r.shortfallHours)) | \(r.missingPlaces) | "
            out += "\(r.trainerDays) | \(n.number(r.trainerCostKr, decimals: 0)) | "
            out += "\(peak) | \(cell(r.status)) | \(r.changedSessions.map(String.init) ?? "–") | \(r.violations) |\n"
        }
        let names = municipalityNames(rows)
        for (title, value) in [(w.hoursPerMunicipality, { (m: VariantKPIs.MunicipalityFigures) in n.number(m.plannedHours) }),
                               (w.krPerMunicipality, { (m: VariantKPIs.MunicipalityFigures) in n.number(m.cofinancingKr, decimals: 0) })] {
            out += "\n## \(title)\n\n| \(w.variant) | " + names.map(cell).joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---:|", count: names.count) + "\n"
            for r in rows {
                out += "| \(cell(r.label)) |"
                for n in names {
                    guard let m = r.municipalities.first(where: { $0.name == n }) else { out += " – |"; continue }
                    out += " \(value(m))\(m.withdrawn != nil ? " (\(w.out))" : "") |"
                }
                out += "\n"
            }
        }
        if let first = rows.first {
            out += "\n\(w.quotas): " + first.municipalities.map { "\(cell($0.name)) \(n.number(Double($0.quotaHours)))" }.joined(separator: ", ") + " \(w.hours).\n"
        }
        out += "\n\(w.note)\n"
        return out
    }

    static func text(_ rows: [VariantKPIs], lang: Language = .sv) -> String {
        // Column widths fit the longer of each value and its heading; the label is left-aligned, the rest right.
        let columns = CompareWords(lang: lang).consoleColumns, n = CapacityWords(lang: lang)
        let widths = [28, 10, 10, 12, 8, 8, 14, 13, 9, 12].enumerated().map { max($0.element, columns[$0.offset].count + 2) }
        func line(_ cells: [String], status: String) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                let fill = String(repeating: " ", count: max(0, widths[i] - cell.count))
                out += i == 0 ? cell + fill : fill + cell
            }
            return out + "  " + status
        }
        var lines = [line(Array(columns.prefix(10)), status: columns[10])]
        for r in rows {
            lines.append(line([r.label, n.number(r.plannedHours), n.number(r.lostHours), n.number(r.lostKr, decimals: 0),
                               n.number(r.shortfallHours), String(r.missingPlaces), String(r.trainerDays),
                               n.percent(r.staffPeak), r.changedSessions.map(String.init) ?? "–", String(r.violations)],
                              status: r.status))
        }
        return lines.joined(separator: "\n")
    }

    static func cell(_ s: String) -> String { CapacityFiles.cell(s) }
}

/// Every word of `tidsplan compare` (compare.md, compare.csv, variant names, console), in Swedish (default) or English.
public struct CompareWords {
    let lang: Language
    private var sv: Bool { lang == .sv }

    var base: String { sv ? "bas" : "base" }
    var nothingToCompare: String {
        sv ? "inget att jämföra: ange --drop-each DATUM och/eller en eller flera --variant FIL"
           : "nothing to compare: give --drop-each DATE and/or one or more --variant FILE"
    }
    func dropEachOutside(_ date: Day, from: Day, lastDay: Day) -> String {
        sv ? "--drop-each \(date.iso): datumet ska ligga inom projektperioden (\(from.iso) – \(lastDay.iso)), den sista dagen innan kommunen lämnar"
           : "--drop-each \(date.iso): the date must fall inside the project period (\(from.iso) – \(lastDay.iso)), the last day before the municipality leaves"
    }
    var baseDescription: String { sv ? "scenariot som det är" : "the scenario as it is" }
    func without(_ name: String) -> String { sv ? "utan \(name)" : "without \(name)" }
    func alreadyWithdrawn(_ name: String, from: Day, keptUpTo: Day) -> String {
        sv ? "\(name) har redan utträtt (från \(from.iso)); planen till och med \(keptUpTo.iso) ligger fast"
           : "\(name) has already withdrawn (from \(from.iso)); the plan up to \(keptUpTo.iso) is kept"
    }
    func withdraws(_ name: String, after: Day, out: Day) -> String {
        sv ? "\(name) utträder efter \(after.iso) (ingen utbildning från \(out.iso)); planen till och med \(after.iso) ligger fast"
           : "\(name) withdraws after \(after.iso) (no training from \(out.iso)); the plan up to \(after.iso) is kept"
    }
    var progressBase: String { sv ? "planerar basscenariot" : "planning the base scenario" }
    func progressVariant(_ label: String, _ n: Int, of total: Int) -> String {
        (sv ? "planerat " : "planned ") + label + " (\(n)/\(total))"
    }
    func scenarioFile(_ path: String) -> String { sv ? "scenariofilen \(path)" : "scenario file \(path)" }
    func stopped(_ n: Int) -> String { sv ? "Avbrutet: \(n) varianter planerades inte." : "Stopped: \(n) variant(s) not planned." }
    func wrote(_ dir: String) -> String { (sv ? "Skrev" : "Wrote") + " \(dir)/: compare.md, compare.csv" }
    func unplannedWarning(_ labels: [String]) -> String {
        sv ? "varning: ingen plan hittades för \(labels.joined(separator: ", ")) (se statuskolumnen); deras siffror är tomma"
           : "warning: no plan was found for \(labels.joined(separator: ", ")) (see the status column); their figures are empty"
    }
    func brokenWarning(_ labels: [String]) -> String {
        sv ? "varning: planerna för \(labels.joined(separator: ", ")) bryter mot hårda regler (se kolumnen regelbrott); deras siffror går inte att lita på"
           : "warning: the plans of \(labels.joined(separator: ", ")) break hard rules (see the rule violations column); their figures are not to be relied on"
    }

    var title: String { sv ? "Jämförelse" : "Compare" }
    var keyFigures: String { sv ? "Nyckeltal" : "Key figures" }
    var variant: String { sv ? "variant" : "variant" }
    var keyColumns: [String] {
        sv ? ["variant", "planerade timmar", "medfinansiering kr", "förlorade timmar", "förlorade kr", "timmar som saknas", "platser som saknas", "utbildardagar", "utbildarkostnad kr", "personaltopp", "planens kvalitet", "ändrade tillfällen", "regelbrott"]
           : ["variant", "planned hours", "co-financing kr", "hours lost", "kr lost", "hours short", "places missing", "trainer days", "trainer cost kr", "staff peak", "plan quality", "changed sessions", "rule violations"]
    }
    var hoursPerMunicipality: String { sv ? "Timmar per kommun" : "Hours per municipality" }
    var krPerMunicipality: String { sv ? "Medfinansiering per kommun (kr)" : "Co-financing per municipality (kr)" }
    var out: String { sv ? "utträtt" : "out" }
    var quotas: String { sv ? "Kvoter" : "Quotas" }
    var hours: String { sv ? "timmar" : "hours" }
    var note: String {
        sv ? CompareWords.columnsExplained(.sv) : CompareWords.columnsExplained(.en)
    }
    var csvHeader: [String] {
        sv ? ["variant", "beskrivning", "planens_kvalitet", "bevisad_inom_andel", "tillfällen", "planerade_timmar", "medfinansiering_kr", "timmar_som_saknas",
              "förlorade_timmar", "förlorade_kr", "platser_som_saknas",
              "utbildardagar", "utbildararvoden_kr", "utbildarresor_kr", "utbildarkostnad_kr", "lokaler_kr",
              "personaltopp_utnyttjande", "personaltopp_person", "personaltopp_månad", "ändrade_tillfällen", "regelbrott"]
           : ["variant", "description", "plan_quality", "proven_within_fraction", "sessions", "planned_hours", "cofinancing_kr", "shortfall_hours",
              "lost_hours", "lost_kr", "missing_places",
              "trainer_days", "trainer_fees_kr", "trainer_travel_kr", "trainer_cost_kr", "premises_kr",
              "staff_peak_utilisation", "staff_peak_staff", "staff_peak_month", "changed_sessions", "rule_violations"]
    }
    /// What each column means: under the tables in compare.md and in `tidsplan compare --help`.
    public static func columnsExplained(_ lang: Language) -> String {
        lang == .sv
            ? "Förlorade timmar och kr: planerade timmar och medfinansiering som varianten förlorar mot basplanen (minus: vinner). Timmar som saknas: timmar under kvoten för kommuner som fortfarande deltar (en kommun som utträtt räknas i förlorade, inte här). Platser som saknas: personer i målgrupperna som bett om en kurs men inte får plats. Utbildarkostnad är arvoden plus resor. Personaltoppen är den mest belastade månadens andel av en persons undervisningstid. Planens kvalitet: bevisat bäst, eller hur nära bästa möjliga planen är bevisad; skillnader mindre än det är brus. Ändrade tillfällen (bara omplaneringar): flyttade, ändrade, inställda eller nya mot basplanen. Regelbrott: vad `tidsplan verify` hittar; en plan med något regelbrott går inte att lita på."
            : "Hours and kr lost: planned hours and co-financing the variant loses against the base plan (negative: gains). Hours short: hours below quota for municipalities still taking part (a municipality that withdrew counts in lost, not here). Places missing: persons in the target groups who asked for a course and get no place. Trainer cost is fees plus travel. Staff peak is the busiest month's share of a staff member's teaching time. Plan quality: proven best, or how close to the best possible the plan is proven; differences smaller than that are noise. Changed sessions (re-plans only): moved, altered, cancelled or new against the base plan. Rule violations: what `tidsplan verify` finds; a plan with any is not to be relied on."
    }
    func hoursColumn(_ name: String) -> String { (sv ? "timmar:" : "hours:") + name }
    var consoleColumns: [String] {
        sv ? ["variant", "timmar", "förlorade", "förlorade kr", "saknas", "platser", "utbildardagar", "personaltopp", "ändrade", "regelbrott", "planens kvalitet"]
           : ["variant", "hours", "lost", "kr lost", "short", "places", "trainer days", "staff peak", "changed", "violations", "plan quality"]
    }
}
