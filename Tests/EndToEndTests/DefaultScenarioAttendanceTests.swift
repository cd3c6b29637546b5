import Foundation
import Testing

/// The monthly loop on the default scenario, as the leader of "Räkna med oss!" would run it: a register for
/// the project's first year (2024) with what happens in a real project (MI and BIP sessions 75 % attended,
/// one HP session cancelled, one workshop moved a week), a re-plan from 2024-12-31 that rests on it, and the
/// follow-up of one month. Deviations are chosen from what the plan holds, not by fixed session ids, so the
/// test survives a better search.
@Suite struct DefaultScenarioAttendanceTests {
    static let scenario = TestScenarios.default2024
    static let asOf = "2024-12-31"
    static let rate = 417.0          // every municipality's rateKrPerHour in the scenario
    static let quotaTolerance = 0.05 // the scenario's weights.quotaTolerance
    /// Course → its prerequisite in the scenario.
    static let prerequisites = [("MIX", "MI"), ("AMX", "MI"), ("SE-PAFYLLNAD", "SE"), ("IPS-WORKSHOP", "IPS")]

    /// The default plan, made once, and the re-plan on the register: `<folder>/v1`, `<folder>/v2`.
    static let loop: Result<(TempFolder, [RegisterRow]), LoopFailed> = {
        do {
            let folder = try TempFolder("default-attendance")
            let plan = try TidsplanCLI.run(["plan", scenario, "--out", "v1", "--quiet"], cwd: folder.path, timeout: 1200)
            guard plan.status == 0 && plan.endedCleanly else { return .failure(LoopFailed(description: plan.transcript)) }
            let rows = try realistic(PlanFile(folder.file("v1/plan.json")))
            try folder.write("narvaro-2024.csv", RegisterRow.excelSwedish(rows))
            let replan = try TidsplanCLI.run(["replan", scenario, "--previous", "v1/plan.json", "--as-of", asOf,
                                              "--attendance", "narvaro-2024.csv", "--out", "v2", "--quiet", "--no-scratch-comparison"],
                                             cwd: folder.path, timeout: 1200)
            guard replan.status == 0 && replan.endedCleanly else { return .failure(LoopFailed(description: replan.transcript)) }
            return .success((folder, rows))
        } catch { return .failure(LoopFailed(description: "\(error)")) }
    }()
    struct LoopFailed: Error, CustomStringConvertible { let description: String }

    /// The first year as it happened: MI and BIP 75 % attended (rounded down per group), the second HP
    /// session cancelled, the first workshop held a week later than planned.
    static func realistic(_ plan: PlanFile) throws -> [RegisterRow] {
        var rows = RegisterRow.asPlanned(plan, through: asOf)
        func course(_ id: String) -> String { plan.plannedTraining.first { $0["id"]?.string == id }?["course"]?.string ?? "" }
        let sessions = Dictionary(rows.map { ($0.session, $0.date) }, uniquingKeysWith: { a, _ in a })
        let byDate = sessions.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
        let hp = byDate.filter { course($0) == "HP" }
        let workshop = try #require(byDate.first { course($0) == "WORKSHOP" }, "the default plan holds no workshop in 2024")
        try #require(hp.count >= 2, "the default plan holds fewer than two HP sessions in 2024")
        try #require(Set(rows.map(\.session)).contains { course($0) == "MI" }, "the default plan holds no MI in 2024")
        for i in rows.indices {
            switch (course(rows[i].session), rows[i].session) {
            case ("MI", _), ("BIP", _): rows[i].attended = rows[i].booked * 3 / 4
            case (_, hp[1]): rows[i].attended = 0; rows[i].status = "inställd"
            case (_, workshop): rows[i].status = "flyttad"; rows[i].heldOn = RegisterRow.dayAfter(rows[i].date, 7)
            default: break
            }
        }
        return rows
    }

    @Test func theTemplateHoldsEveryBookedPlaceOfTheYear() throws {
        let (folder, _) = try Self.loop.get()
        let r = try TidsplanCLI.run(["attendance", Self.scenario, "v1/plan.json", "--from", "2024-01-02", "--to", Self.asOf,
                                     "--out", "mall-2024.csv"], cwd: folder.path)
        #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)")
        let lines = try #require(fileText(folder.file("mall-2024.csv"))).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let expected = RegisterRow.asPlanned(try PlanFile(folder.file("v1/plan.json")), through: Self.asOf)
        #expect(lines.count - 1 == expected.count, "\(lines.count - 1) template rows for \(expected.count) booked groups")
    }

    /// Done when (issue 23): the re-plan passes verify, counts the register's hours and kronor, gives the
    /// municipalities that fell short more training within quota, and keeps prerequisites per group true for
    /// the persons who actually attended.
    @Test func theReplanRestsOnTheFirstYearAsItHappened() throws {
        let (folder, rows) = try Self.loop.get()
        let verify = try TidsplanCLI.run(["verify", Self.scenario, "v2/plan.json", "--previous", "v1/plan.json", "--as-of", Self.asOf],
                                         cwd: folder.path, timeout: 600)
        #expect(verify.status == 0, "\(verify.transcript)")
        let v1 = try PlanFile(folder.file("v1/plan.json")), v2 = try PlanFile(folder.file("v2/plan.json"))
        #expect(v2.hoursAgreeWithSessions)

        let held = RegisterRow.attendedHours(rows)
        var pastInPlan: [String: Double] = [:]
        for s in v2.plannedTraining where (s["date"]?.string ?? "") <= Self.asOf {
            for (m, n) in s["seats"]?.object ?? [:] { pastInPlan[m, default: 0] += (n.number ?? 0) * (s["hours"]?.number ?? 0) }
        }
        for m in Set(held.keys).union(pastInPlan.keys) {
            #expect(abs((held[m] ?? 0) - (pastInPlan[m] ?? 0)) < 1e-6, "\(m): register \(held[m] ?? 0) h, plan \(pastInPlan[m] ?? 0) h")
        }
        // Co-financing by hand: (hours attended in 2024 + hours planned from 2025) × 417 kr.
        let ahead = RegisterRow.hoursAfter(v2, Self.asOf), before = RegisterRow.hoursAfter(v1, Self.asOf)
        let booked = rows.reduce(into: [String: Double]()) { $0[$1.municipality, default: 0] += Double($1.booked) * $1.hours }
        var fellShort = 0
        for m in v2.json["municipalities"]?.array ?? [] {
            let name = m["name"]?.string ?? "", quota = m["quotaHours"]?.number ?? 0
            let total = (held[name] ?? 0) + (ahead[name] ?? 0)
            #expect(abs((m["cofinancingKr"]?.number ?? 0) - total * Self.rate) < 0.5,
                    "\(name): plan says \(m["cofinancingKr"]?.number ?? 0) kr, by hand \(total * Self.rate) kr")
            #expect(total <= quota * (1 + Self.quotaTolerance) + 1e-6, "\(name): \(total) h is beyond its quota \(quota) h plus tolerance")
            guard (held[name] ?? 0) < (booked[name] ?? 0) else { continue }
            fellShort += 1
            #expect((ahead[name] ?? 0) > (before[name] ?? 0),
                    "\(name) fell short by \((booked[name] ?? 0) - (held[name] ?? 0)) h but gets no more training from 2025")
        }
        #expect(fellShort >= 5, "the register's deviations leave only \(fellShort) municipalities short")

        // Prerequisites per group, for those who came: B's places at most A's (A's past counted as attended).
        for (b, a) in Self.prerequisites {
            let inA = RegisterRow.places(a, in: v2), inB = RegisterRow.places(b, in: v2)
            for (group, n) in inB where n > 0 { #expect(n <= inA[group] ?? 0, "\(group): \(n) in \(b) but \(inA[group] ?? 0) in \(a)") }
        }
        #expect(RegisterRow.places("MIX", in: v2).values.contains { $0 > 0 })

        let byID = Dictionary(v2.sessions.map { ($0["id"]?.string ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let cancelled = try #require(rows.first { $0.status == "inställd" }?.session)
        #expect(byID[cancelled]?["status"]?.string == "cancelled")
        let moved = try #require(rows.first { $0.status == "flyttad" })
        #expect(byID[moved.session]?["date"]?.string == moved.heldOn)
    }

    /// The steering group's month matches the register: hours and kronor planned, attended and cumulative.
    @Test func theFollowUpOfAMonthMatchesTheRegister() throws {
        let (folder, rows) = try Self.loop.get()
        let moved = try #require(rows.first { $0.status == "flyttad" })
        // The busiest month of the year that the moved session touches neither as planned nor as held.
        let busy = Dictionary(grouping: rows, by: { String($0.date.prefix(7)) })
            .filter { $0.key != moved.date.prefix(7) && $0.key != moved.heldOn.prefix(7) }
        let month = try #require(busy.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key)
        let endOfMonth = month + "-31"
        let r = try TidsplanCLI.run(["follow-up", Self.scenario, "v1/plan.json", "--attendance", "narvaro-2024.csv", "--month", month,
                                     "--out", "uppfoljning-\(month)"], cwd: folder.path, timeout: 600)
        #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)")
        let later = rows.filter { $0.date > endOfMonth || $0.heldOn > endOfMonth }.count
        #expect(later == 0 || r.stdout.contains("\(later) rader gäller pass efter \(month)"), "\(r.stdout)")
        let html = try #require(fileText(folder.file("uppfoljning-\(month)/follow-up.html")))
        #expect(html.contains("Månadsuppföljning \(month)") && html.contains("<svg"))
        for name in Set(rows.map(\.municipality)) { #expect(html.contains("<td>\(name)"), "\(name) missing on the page") }
        let csv = try #require(fileText(folder.file("uppfoljning-\(month)/follow-up.csv")))
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(lines.first?.prefix(4) == ["kommun", "månad", "planerade_timmar", "deltagna_timmar"])
        for name in Set(rows.map(\.municipality)).sorted() {
            let mine = rows.filter { $0.municipality == name }
            let inMonth = mine.filter { $0.date.hasPrefix(month) }
            let attended = inMonth.filter { $0.status != "inställd" }.reduce(0.0) { $0 + Double($1.attended) * $1.hours }
            let planned = inMonth.reduce(0.0) { $0 + Double($1.booked) * $1.hours }
            let cumulative = mine.filter { $0.status != "inställd" && max($0.date, $0.heldOn) <= endOfMonth }
                .reduce(0.0) { $0 + Double($1.attended) * $1.hours }
            let line = try #require(lines.first { $0.first == name && $0.count > 8 && $0[1] == month }, "no line for \(name) in \(month)")
            #expect(Double(line[2]) == planned, "\(name) planned: \(line)")
            #expect(Double(line[3]) == attended, "\(name) attended: \(line)")
            #expect(Double(line[5]) == attended * Self.rate, "\(name) kronor: \(line)")
            #expect(Double(line[7]) == cumulative, "\(name) cumulative: \(line)")
            #expect(Double(line[8]) == cumulative * Self.rate, "\(name) cumulative kronor: \(line)")
        }
    }
}
