import TidsplanCore

/// The steering group's monthly follow-up: a page with one chart (inline SVG, no scripts, nothing
/// fetched) and tables, and a CSV for the ESF report.
public enum FollowUpWriter {
    struct Words {
        let lang: Language
        var sv: Bool { lang == .sv }
        func title(_ month: String) -> String { sv ? "Månadsuppföljning \(month)" : "Monthly follow-up \(month)" }
        var kind: String { sv ? "Medfinansiering i timmar och kronor: planerat mot utfall" : "Co-financing in hours and kronor: planned against attended" }
        var chartTitle: String { sv ? "Timmar per kommun mot kvot" : "Hours per municipality against quota" }
        var chartNote: String {
            sv ? "Mörk stapel: deltagit hittills. Ljus stapel: prognos till projektets slut om resten går som planerat. Svart streck: planerat hittills. Ram: kvoten."
               : "Dark bar: attended to date. Light bar: forecast to the project's end if the rest goes as planned. Black tick: planned to date. Outline: the quota."
        }
        var municipalities: String { sv ? "Kommuner" : "Municipalities" }
        var monthByMonth: String { sv ? "Månad för månad (timmar: planerat / deltagit)" : "Month by month (hours: planned / attended)" }
        var courses: String { sv ? "Kurser: bokade platser mot deltagare" : "Courses: places booked against attended" }
        var behind: String { sv ? "Faller efter" : "Falling behind" }
        var nobodyBehind: String { sv ? "Ingen kommun faller efter: prognosen når kvoten för alla." : "No municipality is falling behind: the forecast reaches every quota." }
        func behindLine(_ name: String, _ short: String) -> String {
            sv ? "\(name): prognosen ligger \(short) timmar under kvoten" : "\(name): the forecast is \(short) hours below the quota"
        }
        var remedy: String {
            sv ? "Planera om med närvaroregistret (tidsplan replan --attendance) så läggs mer utbildning in inom kvoten där kurser och kalender tillåter."
               : "Re-plan with the attendance register (tidsplan replan --attendance) to add training within the quota where courses and calendars allow."
        }
        func unrecorded(_ n: Int) -> String {
            sv ? "\(n) hållna pass saknar utfall i registret och räknas som planerat." : "\(n) held sessions have no record in the register and count as planned."
        }
        var allRecorded: String { sv ? "Alla hållna pass har utfall i registret." : "Every held session has a record in the register." }
        var municipality: String { sv ? "Kommun" : "Municipality" }
        var quota: String { sv ? "Kvot (h)" : "Quota (h)" }
        var month: String { sv ? "Månad" : "Month" }
        var plannedMonth: String { sv ? "Planerat månaden (h)" : "Planned in month (h)" }
        var attendedMonth: String { sv ? "Deltagit månaden (h)" : "Attended in month (h)" }
        var plannedToDate: String { sv ? "Planerat hittills (h)" : "Planned to date (h)" }
        var attendedToDate: String { sv ? "Deltagit hittills (h)" : "Attended to date (h)" }
        var attendedKr: String { sv ? "Medfinansiering hittills (kr)" : "Co-financing to date (kr)" }
        var plannedKr: String { sv ? "Planerad medfinansiering hittills (kr)" : "Planned co-financing to date (kr)" }
        var rate: String { sv ? "Närvaro" : "Attendance" }
        var forecast: String { sv ? "Prognos (h)" : "Forecast (h)" }
        var forecastKr: String { sv ? "Prognos (kr)" : "Forecast (kr)" }
        var ofQuota: String { sv ? "Av kvoten" : "Of quota" }
        var course: String { sv ? "Kurs" : "Course" }
        var bookedMonth: String { sv ? "Bokade månaden" : "Booked in month" }
        var cameMonth: String { sv ? "Deltog månaden" : "Attended in month" }
        var bookedToDate: String { sv ? "Bokade hittills" : "Booked to date" }
        var cameToDate: String { sv ? "Deltog hittills" : "Attended to date" }
        var cancelled: String { sv ? "Inställda pass" : "Cancelled sessions" }
        var moved: String { sv ? "Flyttade pass" : "Moved sessions" }
        var coursesNote: String { sv ? "Platser räknas per pass (en serie med tre träffar räknar varje deltagare tre gånger)." : "Places are counted per session (a series of three meetings counts each participant three times)." }
        var withdrawn: String { sv ? "utträdd" : "withdrawn" }
        var yes: String { sv ? "ja" : "yes" }
        var no: String { sv ? "nej" : "no" }
    }

    static func num(_ x: Double, _ sep: Character = ",") -> String { NumberText.rounded(x, decimals: 1, decimalSeparator: sep) }
    static func kr(_ x: Double) -> String {
        let n = Int(x.rounded())
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{00A0}" }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
    static func pct(_ x: Double?) -> String { x.map { "\(Int(($0 * 100).rounded())) %" } ?? "–" }

    public static func html(_ f: FollowUpFigures, lang: Language) -> String {
        let w = Words(lang: lang)
        let sep: Character = lang == .sv ? "," : "."
        func n(_ x: Double) -> String { num(x, sep) }
        let e = HTMLText.escape
        var out = """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(w.title(f.reported.text))): \(e(f.project))</title>
        <style>
        \(ReportStyle.css)
        .bar-attended { fill: #1f5f8b; } .bar-forecast { fill: #a9c7dd; } .bar-quota { fill: none; stroke: #1d2630; stroke-width: 1; }
        .tick { stroke: #000; stroke-width: 2; } .behind { color: #b3261e; font-weight: 600; } svg text { font: 12px system-ui, sans-serif; fill: #1d2630; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        th.num { white-space: normal; } .scroll { overflow-x: auto; }
        </style>
        </head>
        <body>
        <header>
        <h1>\(e(f.project))</h1>
        <p class="kind">\(e(w.title(f.reported.text))) · \(e(w.kind))</p>
        </header>

        """
        // Who is falling behind comes first: it is what the steering group acts on.
        let behind = f.municipalities.filter { $0.fallingBehind && $0.withdrawn == nil }
        out += "<section id=\"behind\">\n<h2>\(e(w.behind))</h2>\n"
        if behind.isEmpty { out += "<p>\(e(w.nobodyBehind))</p>\n" }
        else {
            out += "<ul>\n" + behind.map { "<li class=\"behind\">\(e(w.behindLine($0.name, n($0.shortOfQuota))))</li>" }.joined(separator: "\n") + "\n</ul>\n"
            out += "<p>\(e(w.remedy))</p>\n"
        }
        out += "<p class=\"note\">\(e(f.unrecorded > 0 ? w.unrecorded(f.unrecorded) : w.allRecorded))</p>\n</section>\n"

        out += "<section id=\"chart\">\n<h2>\(e(w.chartTitle))</h2>\n" + chart(f, lang: lang) + "\n<p class=\"note\">\(e(w.chartNote))</p>\n</section>\n"

        out += "<section id=\"municipalities\">\n<h2>\(e(w.municipalities))</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>\(e(w.municipality))</th>"
        for h in [w.quota, w.plannedMonth, w.attendedMonth, w.plannedToDate, w.attendedToDate, w.rate, w.plannedKr, w.attendedKr, w.forecast, w.forecastKr, w.ofQuota] {
            out += "<th class=\"num\">\(e(h))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for m in f.municipalities {
            let thisMonth = m.months.first { $0.month == f.reported }
            let name = m.name + (m.withdrawn.map { " (\(w.withdrawn) \($0.iso))" } ?? "")
            let cells = [String(m.quotaHours), n(thisMonth?.plannedHours ?? 0), n(thisMonth?.attendedHours ?? 0), n(m.plannedToDate),
                         n(m.attendedToDate), pct(m.attendanceRate), kr(m.kronor(m.plannedToDate)), kr(m.kronor(m.attendedToDate)),
                         n(m.forecast), kr(m.kronor(m.forecast)), pct(m.quotaHours > 0 ? m.forecast / Double(m.quotaHours) : nil)]
            out += "<tr\(m.fallingBehind && m.withdrawn == nil ? " class=\"behind\"" : "")><td>\(e(name))</td>" + cells.map { "<td class=\"num\">\(e($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n</section>\n"

        let shown = f.municipalities.first?.months.filter { $0.month <= f.reported } ?? []
        out += "<section id=\"months\">\n<h2>\(e(w.monthByMonth))</h2>\n<table>\n<thead><tr><th>\(e(w.municipality))</th>"
        for mo in shown { out += "<th class=\"num\">\(e(mo.month.text))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for m in f.municipalities {
            out += "<tr><td>\(e(m.name))</td>"
            for mo in m.months where mo.month <= f.reported {
                out += "<td class=\"num\">\(e(n(mo.plannedHours))) / \(e(n(mo.attendedHours ?? 0)))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"

        out += "<section id=\"courses\">\n<h2>\(e(w.courses))</h2>\n<table>\n<thead><tr><th>\(e(w.course))</th>"
        for h in [w.bookedMonth, w.cameMonth, w.bookedToDate, w.cameToDate, w.rate, w.cancelled, w.moved] { out += "<th class=\"num\">\(e(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for c in f.courses {
            let cells = [String(c.bookedInMonth), String(c.attendedInMonth), String(c.bookedToDate), String(c.attendedToDate),
                         pct(c.bookedToDate > 0 ? Double(c.attendedToDate) / Double(c.bookedToDate) : nil), String(c.cancelledToDate), String(c.movedToDate)]
            out += "<tr><td>\(e(c.name)) (\(e(c.course)))</td>" + cells.map { "<td class=\"num\">\(e($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n<p class=\"note\">\(e(w.coursesNote))</p>\n</section>\n</body>\n</html>\n"
        return out
    }

    /// Horizontal bars per municipality on one hour scale: quota outline, forecast, attended, planned tick.
    static func chart(_ f: FollowUpFigures, lang: Language) -> String {
        let sep: Character = lang == .sv ? "," : "."
        let label = 150.0, width = 900.0, row = 26.0, top = 10.0
        let scale = max(1, f.municipalities.map { max(Double($0.quotaHours), $0.forecast, $0.plannedToDate) }.max() ?? 1)
        func x(_ h: Double) -> String { NumberText.rounded(label + h / scale * (width - label - 90), decimals: 1) }
        func w(_ h: Double) -> String { NumberText.rounded(max(0, h / scale * (width - label - 90)), decimals: 1) }
        let height = top + Double(f.municipalities.count) * row + 10
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n"
        for (i, m) in f.municipalities.enumerated() {
            let y = top + Double(i) * row
            func r(_ d: Double) -> String { NumberText.rounded(d, decimals: 1) }
            out += "<text x=\"\(r(label - 8))\" y=\"\(r(y + 14))\" text-anchor=\"end\">\(HTMLText.escape(m.name))</text>\n"
            out += "<rect class=\"bar-forecast\" x=\"\(r(label))\" y=\"\(r(y + 3))\" width=\"\(w(m.forecast))\" height=\"16\"/>\n"
            out += "<rect class=\"bar-attended\" x=\"\(r(label))\" y=\"\(r(y + 3))\" width=\"\(w(m.attendedToDate))\" height=\"16\"/>\n"
            out += "<rect class=\"bar-quota\" x=\"\(r(label))\" y=\"\(r(y + 2))\" width=\"\(w(Double(m.quotaHours)))\" height=\"18\"/>\n"
            out += "<line class=\"tick\" x1=\"\(x(m.plannedToDate))\" x2=\"\(x(m.plannedToDate))\" y1=\"\(r(y))\" y2=\"\(r(y + 22))\"/>\n"
            let text = "\(num(m.attendedToDate, sep)) / \(m.quotaHours) h"
            out += "<text x=\"\(x(max(Double(m.quotaHours), m.forecast)))\" dx=\"6\" y=\"\(r(y + 15))\"\(m.fallingBehind && m.withdrawn == nil ? " fill=\"#b3261e\"" : "")>\(HTMLText.escape(text))</text>\n"
        }
        out += "</svg>"
        return out
    }

    /// One row per municipality and month up to the reported one: planned and attended hours and kronor in
    /// the month and cumulative, the quota, the attendance rate and the forecast (repeated on each row, so
    /// any row answers for its municipality).
    public static func csv(_ f: FollowUpFigures, dialect: CSVDialect, lang: Language) -> String {
        let sv = lang == .sv
        let header = sv
            ? ["kommun", "månad", "planerade_timmar", "deltagna_timmar", "planerade_kr", "deltagna_kr", "planerade_timmar_ackumulerat",
               "deltagna_timmar_ackumulerat", "deltagna_kr_ackumulerat", "kvot_timmar", "närvaro", "prognos_timmar", "prognos_kr", "faller_efter"]
            : ["municipality", "month", "planned_hours", "attended_hours", "planned_kr", "attended_kr", "planned_hours_cumulative",
               "attended_hours_cumulative", "attended_kr_cumulative", "quota_hours", "attendance_rate", "forecast_hours", "forecast_kr", "falling_behind"]
        func n(_ x: Double) -> String { NumberText.rounded(x, decimals: 2, decimalSeparator: dialect.decimalSeparator) }
        var rows: [[String]] = [header]
        let w = Words(lang: lang)
        for m in f.municipalities {
            var cumP = 0.0, cumA = 0.0
            for mo in m.months where mo.month <= f.reported {
                cumP += mo.plannedHours
                cumA += mo.attendedHours ?? 0
                rows.append([m.name, mo.month.text, n(mo.plannedHours), n(mo.attendedHours ?? 0), n(m.kronor(mo.plannedHours)),
                             n(m.kronor(mo.attendedHours ?? 0)), n(cumP), n(cumA), n(m.kronor(cumA)), String(m.quotaHours),
                             m.attendanceRate.map { n($0) } ?? "", n(m.forecast), n(m.kronor(m.forecast)),
                             m.fallingBehind && m.withdrawn == nil ? w.yes : w.no])
            }
        }
        return CSVTable.text(rows, dialect: dialect)
    }
}
