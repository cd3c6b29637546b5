import Foundation
import Testing

/// The monthly loop on `scenarios/tests/attendance-county.yaml`: the register template, a filled register
/// with what happens in a real project (some sessions 75 % attended, one cancelled, one moved), the
/// re-plan that rests on it, the follow-up for the steering group, and bad registers refused.
@Suite struct AttendanceCommandTests {
    static let scenario = TidsplanCLI.packageFile("scenarios/tests/attendance-county.yaml")
    static let asOf = "2025-05-09"
    static let rate = 417.0

    /// The base plan, made once: `<folder>/v1`.
    static let base: Result<TempFolder, BaseFailed> = {
        do {
            let folder = try TempFolder("attendance-base")
            let r = try TidsplanCLI.run(["plan", scenario, "--out", "v1", "--quiet"], cwd: folder.path)
            return r.status == 0 && r.endedCleanly ? .success(folder) : .failure(BaseFailed(description: r.transcript))
        } catch { return .failure(BaseFailed(description: "\(error)")) }
    }()
    struct BaseFailed: Error, CustomStringConvertible { let description: String }

    func work() throws -> TempFolder {
        let base = try Self.base.get()
        let work = try TempFolder("attendance")
        try FileManager.default.copyItem(atPath: base.file("v1"), toPath: work.file("v1"))
        return work
    }

    typealias Row = RegisterRow

    func asPlanned(_ plan: PlanFile, through day: String = asOf) -> [Row] { Row.asPlanned(plan, through: day) }
    func excelSwedish(_ rows: [Row]) -> String { Row.excelSwedish(rows) }
    func attendedHours(_ rows: [Row]) -> [String: Double] { Row.attendedHours(rows) }
    func hoursAfter(_ plan: PlanFile, _ day: String = asOf) -> [String: Double] { Row.hoursAfter(plan, day) }

    /// The deviations of the first months: HP-digital-1 and the first northern MI run (both meetings) 75 %
    /// attended (rounded down per group), the second HP cancelled, the last meeting of the second northern
    /// MI run moved a week, and Åby's EB staff away from the first meeting of that run.
    func realistic(_ plan: PlanFile) throws -> [Row] {
        var rows = asPlanned(plan)
        let ids = Set(rows.map(\.session))
        for id in ["HP-digital-1", "HP-digital-2", "MI-norra-1-m1", "MI-norra-1-m2", "MI-norra-2-m1", "MI-norra-2-m2"] {
            try #require(ids.contains(id), "the base plan no longer holds \(id) by \(Self.asOf): adjust the test's register")
        }
        for i in rows.indices {
            switch rows[i].session {
            case "HP-digital-1", "MI-norra-1-m1", "MI-norra-1-m2": rows[i].attended = rows[i].booked * 3 / 4
            case "HP-digital-2": rows[i].attended = 0; rows[i].status = "inställd"
            case "MI-norra-2-m2": rows[i].status = "flyttad"; rows[i].heldOn = Row.dayAfter(rows[i].date, 7)
            case "MI-norra-2-m1" where rows[i].municipality == "Åby" && rows[i].group == "EB/staff": rows[i].attended = 0
            default: break
            }
        }
        return rows
    }

    @Test func theTemplateIsPrefilledAsPlanned() throws {
        let work = try work()
        let r = try TidsplanCLI.run(["attendance", Self.scenario, "v1/plan.json", "--from", "2025-02-01", "--to", Self.asOf,
                                     "--out", "mall.csv", "--csv-dialect", "excel-sv"], cwd: work.path)
        #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)")
        let data = try Data(contentsOf: URL(fileURLWithPath: work.file("mall.csv")))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "the Excel dialect starts with a byte order mark")
        let text = try #require(String(data: data, encoding: .utf8))
        // Foundation may or may not keep the byte order mark in the decoded text.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = body.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "pass;datum;start;kurs;kommun;grupp;bokade;deltog;status;hölls_den;anteckning")
        let expected = asPlanned(try PlanFile(work.file("v1/plan.json")))
        #expect(lines.count - 1 == expected.count)
        for row in expected {
            let hit = lines.contains { line in
                let c = line.components(separatedBy: ";")
                return c.count == 11 && c[0] == row.session && c[4] == row.municipality && c[5] == row.group
                    && c[6] == String(row.booked) && c[7] == String(row.booked) && c[8] == "genomförd" && c[9].isEmpty
            }
            #expect(hit, "no prefilled row for \(row.session) \(row.municipality) \(row.group)")
        }
        // The template as written is a valid register: as planned.
        let check = try TidsplanCLI.run(["attendance", Self.scenario, "v1/plan.json", "--check", "mall.csv", "--as-of", Self.asOf], cwd: work.path)
        #expect(check.status == 0, "\(check.transcript)")
    }

    /// Done when: the register goes through `replan --attendance` from mid-period; the new plan passes
    /// verify, counts the register's hours and kronor, gives those who fell short more training within
    /// quota, and keeps prerequisites per group for those who attended.
    @Test func aReplanRestsOnWhatHappened() throws {
        let work = try work()
        let v1 = try PlanFile(work.file("v1/plan.json"))
        let rows = try realistic(v1)
        try work.write("narvaro.csv", excelSwedish(rows))
        let r = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v1/plan.json", "--as-of", Self.asOf,
                                     "--attendance", "narvaro.csv", "--out", "v2", "--quiet", "--no-scratch-comparison"], cwd: work.path)
        #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)")
        #expect(r.stdout.contains("Närvaro: narvaro.csv ger utfallet för"), "\(r.stdout)")
        let verify = try TidsplanCLI.run(["verify", Self.scenario, "v2/plan.json", "--previous", "v1/plan.json", "--as-of", Self.asOf],
                                         cwd: work.path)
        #expect(verify.status == 0, "\(verify.transcript)")
        let v2 = try PlanFile(work.file("v2/plan.json"))
        #expect(v2.hoursAgreeWithSessions)

        // The past is what the register says, hour for hour, beside what was booked.
        let held = attendedHours(rows)
        var pastInPlan: [String: Double] = [:]
        for s in v2.plannedTraining where (s["date"]?.string ?? "") <= Self.asOf {
            for (m, n) in s["seats"]?.object ?? [:] { pastInPlan[m, default: 0] += (n.number ?? 0) * (s["hours"]?.number ?? 0) }
        }
        for m in Set(held.keys).union(pastInPlan.keys) {
            #expect(abs((held[m] ?? 0) - (pastInPlan[m] ?? 0)) < 1e-6, "\(m): register \(held[m] ?? 0) h, plan \(pastInPlan[m] ?? 0) h")
        }
        // Co-financing by hand: (attended hours + hours planned ahead) × 417 kr.
        let ahead = hoursAfter(v2)
        for m in v2.json["municipalities"]?.array ?? [] {
            let name = m["name"]?.string ?? ""
            let kr = ((held[name] ?? 0) + (ahead[name] ?? 0)) * Self.rate
            #expect(abs((m["cofinancingKr"]?.number ?? 0) - kr) < 0.5, "\(name): plan says \(m["cofinancingKr"]?.number ?? 0) kr, by hand \(kr) kr")
        }
        let byID = Dictionary(v2.sessions.map { ($0["id"]?.string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let cancelled = try #require(byID["HP-digital-2"])
        #expect(cancelled["status"]?.string == "cancelled")
        let keptBooking = cancelled["attendance"]?["booked"]?.array?.count ?? 0
        #expect(keptBooking > 0, "the booking is kept beside the record")
        let moved = try #require(byID["MI-norra-2-m2"])
        let plannedDay = try #require(v1.sessions.first { $0["id"]?.string == "MI-norra-2-m2" }?["date"]?.string)
        #expect(moved["date"]?.string == Row.dayAfter(plannedDay, 7))
        #expect(moved["attendance"]?["plannedDate"]?.string == plannedDay)
        let hp1 = try #require(byID["HP-digital-1"])
        #expect(hp1["seats"]?["Åby"]?.number == Double((rows.first { $0.session == "HP-digital-1" && $0.municipality == "Åby" }?.booked ?? 0) * 3 / 4))

        // Those who fell short get more training ahead than before, within quota plus tolerance.
        let before = hoursAfter(v1), quotas = v2.json["municipalities"]?.array ?? []
        let booked = rows.reduce(into: [String: Double]()) { $0[$1.municipality, default: 0] += Double($1.booked) * $1.hours }
        var gotMore = 0
        for m in quotas {
            let name = m["name"]?.string ?? "", quota = m["quotaHours"]?.number ?? 0
            let total = (held[name] ?? 0) + (ahead[name] ?? 0)
            #expect(total <= quota * 1.05 + 1e-6, "\(name): \(total) h is beyond its quota \(quota) h plus tolerance")
            guard (held[name] ?? 0) < (booked[name] ?? 0) else { continue }
            #expect((ahead[name] ?? 0) > (before[name] ?? 0), "\(name) fell short by \((booked[name] ?? 0) - (held[name] ?? 0)) h but gets no more training ahead")
            if (ahead[name] ?? 0) > (before[name] ?? 0) { gotMore += 1 }
        }
        #expect(gotMore >= 3)

        // Only those who attended MI take MIX: per municipality and group, MIX places at most MI's attended
        // (each run counted at its first meeting, as recorded).
        let mi = Row.places("MI", in: v2), mix = Row.places("MIX", in: v2)
        for (group, n) in mix where n > 0 { #expect(n <= mi[group] ?? 0, "\(group): \(n) in MIX but \(mi[group] ?? 0) attended MI") }
        #expect((mix["Åby EB/staff"] ?? 0) > 0)

        // A second re-plan from the new plan keeps the record without the register.
        let again = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v2/plan.json", "--as-of", "2025-06-30",
                                         "--out", "v3", "--quiet", "--no-scratch-comparison"], cwd: work.path)
        #expect(again.status == 0, "\(again.transcript)")
        #expect(again.stdout.contains("har utfall från tidigare register"), "\(again.stdout)")
        let v3 = try PlanFile(work.file("v3/plan.json"))
        #expect(v3.sessions.first { $0["id"]?.string == "MI-norra-2-m2" }?["attendance"] == moved["attendance"])
    }

    /// A series whose first meeting few came to, with its second meeting still to come: the run keeps its
    /// booked group (those who missed a meeting are still in it), so it is not left below the course's minimum.
    @Test func aSeriesUnderWayKeepsItsGroup() throws {
        let work = try work()
        let v1 = try PlanFile(work.file("v1/plan.json"))
        let first = try #require(v1.plannedTraining.first { $0["id"]?.string == "MI-sodra-1-m1" })
        let second = try #require(v1.plannedTraining.first { $0["id"]?.string == "MI-sodra-1-m2" })
        let asOf = try #require(first["date"]?.string)
        try #require((second["date"]?.string ?? "") > asOf)
        var rows = asPlanned(v1, through: asOf)
        for i in rows.indices where rows[i].session == "MI-sodra-1-m1" { rows[i].attended = rows[i].booked / 3 }
        try work.write("narvaro.csv", excelSwedish(rows))
        let r = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v1/plan.json", "--as-of", asOf, "--attendance", "narvaro.csv",
                                     "--out", "v2", "--quiet", "--no-scratch-comparison"], cwd: work.path)
        #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)")
        let v2 = try PlanFile(work.file("v2/plan.json"))
        let kept = try #require(v2.plannedTraining.first { $0["id"]?.string == "MI-sodra-1-m2" })
        #expect(kept["seats"] == second["seats"], "the second meeting keeps the booked group")
        let held = try #require(v2.plannedTraining.first { $0["id"]?.string == "MI-sodra-1-m1" })
        #expect(held["seats"]?["Sörby"]?.number == Double((rows.first { $0.session == "MI-sodra-1-m1" && $0.municipality == "Sörby" }?.booked ?? 0) / 3))
        let verify = try TidsplanCLI.run(["verify", Self.scenario, "v2/plan.json"], cwd: work.path)
        #expect(verify.status == 0, "\(verify.transcript)")
    }

    @Test func withoutARegisterThePastCountsAsPlanned() throws {
        let work = try work()
        let r = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v1/plan.json", "--as-of", Self.asOf,
                                     "--out", "v2", "--quiet", "--no-scratch-comparison", "--lang", "en"], cwd: work.path)
        #expect(r.status == 0, "\(r.transcript)")
        #expect(r.stdout.contains("Attendance: no register given; the"), "\(r.stdout)")
        #expect(r.stdout.contains("count as planned"))
    }

    /// The follow-up for one month matches the register: hours and kronor planned and attended. The
    /// moved meeting (held in May) is left out of this April register, so it counts as planned.
    @Test func theFollowUpMatchesTheRegister() throws {
        let work = try work()
        let v1 = try PlanFile(work.file("v1/plan.json"))
        let rows = try realistic(v1).filter { $0.date <= "2025-04-30" && $0.heldOn.isEmpty }
        let recorded = Set(rows.map(\.session))
        let unrecorded = asPlanned(v1, through: "2025-04-30").filter { !recorded.contains($0.session) }
        #expect(unrecorded.contains { $0.session == "MI-norra-2-m2" })
        try work.write("narvaro.csv", excelSwedish(rows))
        let r = try TidsplanCLI.run(["follow-up", Self.scenario, "v1/plan.json", "--attendance", "narvaro.csv", "--month", "2025-04",
                                     "--out", "uppfoljning"], cwd: work.path)
        #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)")
        let csv = try #require(fileText(work.file("uppfoljning/follow-up.csv")))
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(lines.first?.prefix(4) == ["kommun", "månad", "planerade_timmar", "deltagna_timmar"])
        let all = rows + unrecorded
        for name in ["Åby", "Norrköpinge"] {
            let mine = all.filter { $0.municipality == name }
            let april = mine.filter { $0.date.hasPrefix("2025-04") }
            let attended = april.filter { $0.status != "inställd" }.reduce(0.0) { $0 + Double($1.attended) * $1.hours }
            let planned = april.reduce(0.0) { $0 + Double($1.booked) * $1.hours }
            let line = try #require(lines.first { $0.first == name && $0.count > 8 && $0[1] == "2025-04" })
            #expect(Double(line[2]) == planned, "\(name) planned: \(line)")
            #expect(Double(line[3]) == attended, "\(name) attended: \(line)")
            #expect(Double(line[5]) == attended * Self.rate, "\(name) kronor: \(line)")
            let cumulative = mine.filter { $0.status != "inställd" }.reduce(0.0) { $0 + Double($1.attended) * $1.hours }
            #expect(Double(line[7]) == cumulative, "\(name) cumulative: \(line)")
            #expect(Double(line[8]) == cumulative * Self.rate, "\(name) cumulative kronor: \(line)")
        }
        #expect(attendedHours(rows)["Åby"] ?? 0 < asPlanned(v1, through: "2025-04-30").filter { $0.municipality == "Åby" }
            .reduce(0.0) { $0 + Double($1.booked) * $1.hours })
        let html = try #require(fileText(work.file("uppfoljning/follow-up.html")))
        #expect(html.contains("<svg") && html.contains("Månadsuppföljning 2025-04") && !html.contains("<script"))
        #expect(html.contains("Faller efter") && html.contains("class=\"behind\"><td>Åby"), "Åby fell short and is named")
    }

    /// Every kind of bad row is named with file:line, the command exits 1 and writes nothing.
    @Test func badRegistersAreRefusedWithFileAndLine() throws {
        let work = try work()
        let v1 = try PlanFile(work.file("v1/plan.json"))
        var rows = asPlanned(v1)
        let i = try #require(rows.firstIndex { $0.session == "HP-digital-1" && $0.municipality == "Åby" })
        rows[i].attended = 40                                       // line i+2: more than the group has
        let j = try #require(rows.firstIndex { $0.session == "MI-norra-1-m1" })
        rows[j].attended = rows[j].booked + 1                       // more than booked
        rows.append(Row(session: "HP-digital-99", date: "2025-02-11", hours: 3, municipality: "Åby", group: "EB/staff", booked: 1, attended: 1))
        let future = try #require(v1.plannedTraining.first { ($0["date"]?.string ?? "") > Self.asOf })
        let g = try #require(future["groupSeats"]?.array?.first)
        rows.append(Row(session: future["id"]?.string ?? "", date: "", hours: 3, municipality: g["municipality"]?.string ?? "",
                        group: "\(g["area"]?.string ?? "")/\(g["role"]?.string ?? "")", booked: 1, attended: 1))
        try work.write("fel.csv", excelSwedish(rows))
        let n = rows.count
        let r = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v1/plan.json", "--as-of", Self.asOf,
                                     "--attendance", "fel.csv", "--out", "v2", "--quiet", "--no-scratch-comparison"], cwd: work.path)
        #expect(r.status == 1 && r.endedCleanly, "\(r.transcript)")
        #expect(r.stderr.contains("fel.csv:\(i + 2): fel: deltog: 40 deltog, men Åby har bara"), "\(r.stderr)")
        #expect(r.stderr.contains("fel.csv:\(j + 2): fel: deltog:") && r.stderr.contains("men planen bokade bara"), "\(r.stderr)")
        #expect(r.stderr.contains("fel.csv:\(n): fel: pass: okänt pass \"HP-digital-99\""), "\(r.stderr)")
        #expect(r.stderr.contains("fel.csv:\(n + 1): fel: pass:") && r.stderr.contains("har inte hållits än"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.file("v2")), "nothing is written")

        // A withdrawn municipality attending after its withdrawal.
        let w = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v1/plan.json", "--as-of", "2025-03-31", "--withdraw", "Norrköpinge",
                                     "--out", "utan", "--quiet", "--no-scratch-comparison"], cwd: work.path)
        #expect(w.status == 0, "\(w.transcript)")
        let withdrawn = try PlanFile(work.file("utan/plan.json"))
        let after = try #require(withdrawn.plannedTraining.first {
            let d = $0["date"]?.string ?? ""
            return d > "2025-03-31" && d <= Self.asOf && ($0["seats"]?["Åby"]?.number ?? 0) > 0
        })
        try work.write("utträdd.csv", excelSwedish([Row(session: after["id"]?.string ?? "", date: "", hours: 3, municipality: "Norrköpinge",
                                                         group: "EB/staff", booked: 0, attended: 1)]))
        let c = try TidsplanCLI.run(["attendance", Self.scenario, "utan/plan.json", "--check", "utträdd.csv", "--as-of", Self.asOf, "--lang", "en"],
                                    cwd: work.path)
        #expect(c.status == 1, "\(c.transcript)")
        #expect(c.stderr.contains("utträdd.csv:2: error: municipality: Norrköpinge withdrew from the project on 2025-04-01"), "\(c.stderr)")

        // A register that contradicts an earlier one is refused, unless --correct; the correction is kept.
        let good = try realistic(v1)
        try work.write("narvaro.csv", excelSwedish(good))
        let first = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v1/plan.json", "--as-of", Self.asOf,
                                         "--attendance", "narvaro.csv", "--out", "v2", "--quiet", "--no-scratch-comparison"], cwd: work.path)
        #expect(first.status == 0, "\(first.transcript)")
        var changed = good
        let k = try #require(changed.firstIndex { $0.session == "HP-digital-1" && $0.municipality == "Åby" })
        changed[k].attended += 1
        try work.write("rättad.csv", excelSwedish(changed))
        let refused = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v2/plan.json", "--as-of", Self.asOf,
                                           "--attendance", "rättad.csv", "--out", "v3", "--quiet", "--no-scratch-comparison"], cwd: work.path)
        #expect(refused.status == 1, "\(refused.transcript)")
        #expect(refused.stderr.contains("rättad.csv:\(k + 2): fel: deltog: motsäger ett tidigare registrerat utfall"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.file("v3")))
        let corrected = try TidsplanCLI.run(["replan", Self.scenario, "--previous", "v2/plan.json", "--as-of", Self.asOf,
                                             "--attendance", "rättad.csv", "--correct", "--out", "v3", "--quiet", "--no-scratch-comparison"],
                                            cwd: work.path)
        #expect(corrected.status == 0, "\(corrected.transcript)")
        let v3 = try PlanFile(work.file("v3/plan.json"))
        let hp1 = try #require(v3.sessions.first { $0["id"]?.string == "HP-digital-1" })
        #expect(hp1["seats"]?["Åby"]?.number == Double(changed[k].attended))
        let notes = hp1["attendance"]?["corrections"]?.array?.compactMap(\.string) ?? []
        #expect(notes == ["HP-digital-1 Åby EB/staff: \(good[k].attended) → \(changed[k].attended)"], "\(notes)")
    }
}
