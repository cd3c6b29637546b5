import TidsplanAnalysis
import TidsplanCore
import TidsplanIO

/// The capacity table as a heatmap section for the report (`ReportWriter`'s `extraSections`): one row
/// per resource, one cell per month coloured by utilisation, over-allocation in red. It uses the
/// report's own `.grid` and `h0`–`h4` classes, so it looks like the report's leader-load table.
public enum CapacityHeatmap {
    public static func section(_ table: CapacityTable, lang: Language = .sv) -> ReportSection {
        let sv = lang == .sv
        var h = "<table class=\"grid\">\n<thead><tr><th class=\"row\"></th>"
        var years: [(String, Int)] = []
        for m in table.months {
            let y = String(m.prefix(4))
            if let last = years.last, last.0 == y { years[years.count - 1].1 += 1 } else { years.append((y, 1)) }
        }
        for (y, n) in years { h += "<th class=\"year\" colspan=\"\(n)\">\(e(y))</th>" }
        h += "<th class=\"sum\"></th></tr>\n<tr><th class=\"row\">" + e(sv ? "Resurs" : "Resource") + "</th>"
        for (i, m) in table.months.enumerated() {
            let month = Int(m.suffix(2)) ?? 1
            h += "<th" + newYear(i, table.months) + " title=\"" + e(lang.monthName(month) + " " + m.prefix(4)) + "\">"
                + e(String(lang.monthName(month).prefix(3))) + "</th>"
        }
        h += "<th class=\"sum\">" + e(sv ? "Totalt" : "Total") + "</th></tr></thead>\n<tbody>\n"
        for r in table.resources {
            let label = name(r, sv: sv)
            h += "<tr><td class=\"row\" title=\"" + e(label) + "\">" + e(label) + "</td>"
            for (i, m) in table.months.enumerated() {
                guard let l = table.line(r, m) else { h += "<td" + newYear(i, table.months, extra: "hna") + "></td>"; continue }
                h += "<td" + newYear(i, table.months, extra: heat(l)) + " title=\"" + e(tooltip(l, label: label, sv: sv)) + "\">"
                    + e(short(l)) + "</td>"
            }
            if let total = table.line(r, "total") {
                h += "<td class=\"sum" + (total.isOverAllocated ? " h4" : "") + "\" title=\"" + e(tooltip(total, label: label, sv: sv))
                    + "\">" + e(CapacityWords(lang: lang).percent(total.utilisation)) + "</td>"
            } else {
                h += "<td class=\"sum\"></td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n<div class=\"legend\">"
        let legend: [(String, String)] = sv
            ? [("hna", "ingen kapacitet"), ("h1", "upp till 50 %"), ("h2", "50–80 %"), ("h3", "80–100 %"), ("h4", "överbokad")]
            : [("hna", "no capacity"), ("h1", "up to 50 %"), ("h2", "50–80 %"), ("h3", "80–100 %"), ("h4", "over-allocated")]
        for (cls, text) in legend { h += "<span><span class=\"sw \(cls)\"></span>" + e(text) + "</span>" }
        h += "</div>\n<p class=\"note\">" + e(sv
            ? "Personal: dagar för att leda och förbereda mot undervisningsandelen av arbetstiden. Utbildare: tillfällen mot dagar de kan arbeta. Lokaler: tillfällen mot utbildningsdagar. Budgetar: förbrukat hittills mot hela budgeten."
            : "Staff: days leading and preparing against the teaching share of their time. Trainers: sessions against the days they can work. Venues: sessions against training days. Budgets: spent so far against the whole budget.")
            + "</p>\n"
        return ReportSection(title: sv ? "Kapacitet och utnyttjande" : "Capacity and utilisation", html: h)
    }

    static func name(_ r: CapacityResource, sv: Bool) -> String {
        switch r.kind {
        case .staff: return r.name + (sv ? " (personal)" : " (staff)")
        case .trainer: return r.name + (sv ? " (utbildare)" : " (trainer)")
        case .venue: return (sv ? "Lokal " : "Venue ") + r.name
        case .budget:
            switch r.name {
            case BudgetName.trainers: return sv ? "Budget: utbildare" : "Budget: trainer fees"
            case BudgetName.travel: return sv ? "Budget: resor" : "Budget: travel"
            case BudgetName.premises: return sv ? "Budget: lokaler" : "Budget: premises"
            default: return "Budget: " + r.name
            }
        }
    }

    static func heat(_ l: CapacityLine) -> String {
        if l.isOverAllocated { return "h4" }
        guard let u = l.utilisation else { return "hna" }
        if l.used == 0 { return "h0" }
        return u <= 0.5 ? "h1" : u <= 0.8 ? "h2" : "h3"
    }

    /// The cell text: the percentage, without the unit, so 29 months fit on a line.
    static func short(_ l: CapacityLine) -> String {
        guard let u = l.utilisation, l.used > 0 else { return "" }
        guard u.isFinite else { return "!" }
        return CapacityText.number(u * 100, decimals: 0)
    }

    static func tooltip(_ l: CapacityLine, label: String, sv: Bool) -> String {
        let unit: String
        switch l.unit {
        case "days": unit = sv ? "dagar" : "days"
        case "sessions": unit = sv ? "tillfällen" : "sessions"
        default: unit = l.unit
        }
        let cap = l.capacity.map { CapacityText.number($0, decimalComma: sv) } ?? "–"
        return "\(label), \(l.period == "total" ? (sv ? "totalt" : "total") : l.period): \(CapacityText.number(l.used, decimalComma: sv)) / \(cap) \(unit)"
    }

    static func newYear(_ i: Int, _ months: [String], extra: String = "") -> String {
        let isNewYear = i > 0 && months[i].hasSuffix("-01")
        let classes = (isNewYear ? ["newyear"] : []) + (extra.isEmpty ? [] : [extra])
        return classes.isEmpty ? "" : " class=\"" + classes.joined(separator: " ") + "\""
    }

    static func e(_ s: String) -> String { HTMLText.escape(s) }
    static func e(_ s: Substring) -> String { HTMLText.escape(String(s)) }
}
