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

    static func csv(_ rows: [VariantKPIs]) -> String {
        let names = municipalityNames(rows)
        var header = ["variant", "description", "status", "gap", "sessions", "planned_hours", "cofinancing_kr", "shortfall_hours",
                      "trainer_days", "trainer_fees_kr", "trainer_travel_kr", "trainer_cost_kr", "premises_kr",
                      "staff_peak_utilisation", "staff_peak_staff", "staff_peak_month", "changed_sessions", "rule_violations"]
        header += names.map { "hours:\($0)" } + names.map { "kr:\($0)" }
        var table = [header]
        for r in rows {
            var row = [r.label, r.description, r.status, CapacityText.csv(r.gap, decimals: 6), String(r.sessions),
                       CapacityText.csv(r.plannedHours), CapacityText.csv(r.cofinancingKr), CapacityText.csv(r.shortfallHours),
                       String(r.trainerDays), CapacityText.csv(r.trainerFeesKr), CapacityText.csv(r.trainerTravelKr),
                       CapacityText.csv(r.trainerCostKr), CapacityText.csv(r.premisesKr), CapacityText.csv(r.staffPeak, decimals: 4),
                       r.staffPeakWho, r.staffPeakMonth, r.changedSessions.map(String.init) ?? "", String(r.violations)]
            row += names.map { n in CapacityText.csv(r.municipalities.first { $0.name == n }?.plannedHours) }
            row += names.map { n in CapacityText.csv(r.municipalities.first { $0.name == n }?.cofinancingKr) }
            table.append(row)
        }
        return CSVTable.text(table)
    }

    static func markdown(_ rows: [VariantKPIs], scenario: Scenario) -> String {
        var out = "# Compare: \(cell(scenario.project.name))\n\n"
        for r in rows { out += "- **\(cell(r.label))**: \(cell(r.description))\n" }
        out += "\n## Key figures\n\n"
        out += "| variant | planned hours | co-financing kr | hours short | trainer days | trainer cost kr | staff peak | solver | changed sessions | rule violations |\n"
        out += "|---|---:|---:|---:|---:|---:|---|---|---:|---:|\n"
        for r in rows {
            let peak = r.staffPeak.map { "\(CapacityText.percent($0)) (\(cell(r.staffPeakWho)), \(r.staffPeakMonth))" } ?? "–"
            out += "| \(cell(r.label)) | \(CapacityText.number(r.plannedHours)) | \(CapacityText.number(r.cofinancingKr, decimals: 0)) | "
            out += "\(CapacityText.number(r.shortfallHours)) | \(r.trainerDays) | \(CapacityText.number(r.trainerCostKr, decimals: 0)) | "
            out += "\(peak) | \(cell(r.status)) | \(r.changedSessions.map(String.init) ?? "–") | \(r.violations) |\n"
        }
        let names = municipalityNames(rows)
        for (title, value) in [("Hours per municipality", { (m: VariantKPIs.MunicipalityFigures) in CapacityText.number(m.plannedHours) }),
                               ("Co-financing per municipality (kr)", { (m: VariantKPIs.MunicipalityFigures) in CapacityText.number(m.cofinancingKr, decimals: 0) })] {
            out += "\n## \(title)\n\n| variant | " + names.map(cell).joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---:|", count: names.count) + "\n"
            for r in rows {
                out += "| \(cell(r.label)) |"
                for n in names {
                    guard let m = r.municipalities.first(where: { $0.name == n }) else { out += " – |"; continue }
                    out += " \(value(m))\(m.withdrawn != nil ? " (out)" : "") |"
                }
                out += "\n"
            }
        }
        if let first = rows.first {
            out += "\nQuotas: " + first.municipalities.map { "\(cell($0.name)) \(CapacityText.number(Double($0.quotaHours)))" }.joined(separator: ", ") + " hours.\n"
        }
        out += "\nHours short count only municipalities still taking part. Trainer cost is fees plus travel. Staff peak is the busiest month's share of a staff member's teaching capacity. Changed sessions (re-plans only) are sessions moved, altered, cancelled or new against the base plan. A solver that stopped early leaves a gap: differences smaller than it are noise. Rule violations are what `tidsplan verify` finds in the variant's plan; a plan with any is not to be relied on.\n"
        return out
    }

    static func text(_ rows: [VariantKPIs]) -> String {
        var lines = ["variant                          hours   short  trainer days  staff peak  changed  violations  solver"]
        for r in rows {
            func pad(_ s: String, _ n: Int, left: Bool = true) -> String {
                let fill = String(repeating: " ", count: max(0, n - s.count))
                return left ? fill + s : s + fill
            }
            lines.append(pad(r.label, 28, left: false) + pad(CapacityText.number(r.plannedHours), 10) + pad(CapacityText.number(r.shortfallHours), 8)
                         + pad(String(r.trainerDays), 14) + pad(CapacityText.percent(r.staffPeak), 12)
                         + pad(r.changedSessions.map(String.init) ?? "–", 9) + pad(String(r.violations), 12) + "  " + r.status)
        }
        return lines.joined(separator: "\n")
    }

    static func cell(_ s: String) -> String { CapacityFiles.cell(s) }
}
