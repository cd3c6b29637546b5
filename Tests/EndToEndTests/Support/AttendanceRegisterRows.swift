import Foundation

/// One row of an attendance register as the tests write it: session, municipality, group, booked,
/// attended, status, held on.
struct RegisterRow {
    var session: String
    var date: String
    var hours: Double
    var municipality: String
    var group: String
    var booked: Int
    var attended: Int
    var status = "genomförd"
    var heldOn = ""

    /// Every booked place of the training sessions held on or before `day` in `plan`, as planned.
    static func asPlanned(_ plan: PlanFile, through day: String) -> [RegisterRow] {
        var rows: [RegisterRow] = []
        for s in plan.plannedTraining where (s["date"]?.string ?? "") <= day {
            for g in s["groupSeats"]?.array ?? [] where (g["seats"]?.number ?? 0) > 0 {
                let n = Int(g["seats"]?.number ?? 0)
                rows.append(RegisterRow(session: s["id"]?.string ?? "", date: s["date"]?.string ?? "", hours: s["hours"]?.number ?? 0,
                                        municipality: g["municipality"]?.string ?? "",
                                        group: "\(g["area"]?.string ?? "")/\(g["role"]?.string ?? "")", booked: n, attended: n))
            }
        }
        return rows
    }

    /// The register as Swedish Excel saves it: BOM, semicolons, CRLF, Swedish header.
    static func excelSwedish(_ rows: [RegisterRow]) -> String {
        var out = "\u{FEFF}pass;datum;kommun;grupp;bokade;deltog;status;hölls_den;anteckning\r\n"
        for r in rows {
            out += [r.session, r.date, r.municipality, r.group, String(r.booked), String(r.attended), r.status, r.heldOn,
                    r.status == "genomförd" ? "" : "\"snö; ledaren sjuk\""].joined(separator: ";") + "\r\n"
        }
        return out
    }

    /// Hours per municipality the register says were attended (cancelled sessions count nothing).
    static func attendedHours(_ rows: [RegisterRow]) -> [String: Double] {
        var out: [String: Double] = [:]
        for r in rows where r.status != "inställd" { out[r.municipality, default: 0] += Double(r.attended) * r.hours }
        return out
    }

    /// Hours per municipality of the planned training sessions after `day` in `plan`.
    static func hoursAfter(_ plan: PlanFile, _ day: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for s in plan.plannedTraining where (s["date"]?.string ?? "") > day {
            for (m, n) in s["seats"]?.object ?? [:] { out[m, default: 0] += (n.number ?? 0) * (s["hours"]?.number ?? 0) }
        }
        return out
    }

    /// Places per "municipality area/role" in the runs of `course` (each run counted at its first meeting).
    static func places(_ course: String, in plan: PlanFile) -> [String: Int] {
        var out: [String: Int] = [:]
        for s in plan.plannedTraining where s["course"]?.string == course && (s["series"]?["meeting"]?.number ?? 1) == 1 {
            for g in s["groupSeats"]?.array ?? [] {
                out["\(g["municipality"]?.string ?? "") \(g["area"]?.string ?? "")/\(g["role"]?.string ?? "")", default: 0] += Int(g["seats"]?.number ?? 0)
            }
        }
        return out
    }

    static func dayAfter(_ iso: String, _ days: Int) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "UTC")
        guard let d = f.date(from: iso) else { return iso }
        return f.string(from: d.addingTimeInterval(Double(days) * 86400))
    }
}
