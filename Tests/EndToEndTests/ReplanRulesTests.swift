import Foundation
import Testing

/// The re-plan rules as a project leader means them (issue 20), on `scenarios/tests/replan-county.yaml`
/// with the base plan `ReplanScenarioTests` makes once: an as-of never before the previous one, a reduction
/// as a ceiling, compensation never to a municipality that reduced or withdrew, nobody else's hours rising
/// without it, contradictory or no-op input refused in one line, and printed figures equal to the plan.
@Suite struct ReplanRulesTests {
    static let scenario = ReplanScenarioTests.scenario

    func workWithBase() throws -> TempFolder {
        let base = try ReplanScenarioTests.base.get()
        let work = try TempFolder("replan-rules")
        try FileManager.default.copyItem(atPath: base.file("v1"), toPath: work.file("v1"))
        return work
    }

    func run(_ work: TempFolder, from old: String, into new: String, asOf: String, _ options: [String]) throws -> CommandResult {
        try TidsplanCLI.run(["replan", Self.scenario, "--previous", old + "/plan.json", "--as-of", asOf,
                             "--out", new, "--quiet", "--no-scratch-comparison"] + options,
                            cwd: work.path, environment: ReplanScenarioTests.replanNow)
    }

    @discardableResult
    func replan(_ work: TempFolder, from old: String, into new: String, asOf: String, _ options: [String],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let r = try run(work, from: old, into: new, asOf: asOf, options)
        #expect(r.status == 0 && r.endedCleanly, "\(r.transcript)", sourceLocation: sourceLocation)
        let verify = try TidsplanCLI.run(["verify", Self.scenario, new + "/plan.json", "--previous", old + "/plan.json",
                                          "--as-of", asOf], cwd: work.path)
        #expect(verify.status == 0 && verify.endedCleanly, "\(verify.transcript)", sourceLocation: sourceLocation)
        return r
    }

    /// Refused before anything is planned: exit 1, one line on stderr naming what is wrong, nothing written.
    func expectRefused(_ work: TempFolder, from old: String, asOf: String, _ options: [String], says: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(work, from: old, into: "refused", asOf: asOf, options)
        #expect(r.status == 1 && r.endedCleanly, "\(r.transcript)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "not one line: \(r.transcript)", sourceLocation: sourceLocation)
        for word in says { #expect(r.stderr.contains(word), "\(word) missing: \(r.transcript)", sourceLocation: sourceLocation) }
        #expect(!FileManager.default.fileExists(atPath: work.file("refused")), sourceLocation: sourceLocation)
    }

    /// Hours a municipality attended on or before `asOf`, per a plan file.
    func held(_ plan: PlanFile, _ name: String, asOf: String) -> Double {
        plan.plannedTraining.filter { ($0["date"]?.string ?? "") <= asOf }
            .reduce(0.0) { $0 + ($1["seats"]?[name]?.number ?? 0) * ($1["hours"]?.number ?? 0) }
    }

    /// Hours `name` is held to by `asOf`: sessions on or before it, and the later meetings of series begun by then.
    static func boundHours(_ plan: PlanFile, _ name: String, asOf: String) -> Double {
        let begun = Set(plan.plannedTraining.filter { ($0["date"]?.string ?? "") <= asOf }.compactMap { $0["series"]?["run"]?.string })
        return plan.plannedTraining.filter { ($0["date"]?.string ?? "") <= asOf || begun.contains($0["series"]?["run"]?.string ?? "") }
            .reduce(0.0) { $0 + ($1["seats"]?[name]?.number ?? 0) * ($1["hours"]?.number ?? 0) }
    }

    /// As-of between the two meetings of an MI series: the second meeting's hours are as good as held (the run
    /// keeps its participants), so a reduction below them is refused, and one to exactly them plans and verifies.
    @Test func aSeriesBegunCountsAsHeldForAReduction() throws {
        let work = try workWithBase()
        let base = try PlanFile(work.file("v1/plan.json"))
        let runs = Dictionary(grouping: base.plannedTraining.filter { $0["series"]?["run"]?.string != nil }) { $0["series"]?["run"]?.string ?? "" }
        let candidates = runs.values.compactMap { meetings -> (asOf: String, name: String)? in
            let dates = meetings.compactMap { $0["date"]?.string }.sorted()
            guard dates.count == 2, dates[0] < dates[1],
                  let name = (meetings.first?["seats"]?.object ?? [:]).filter({ ($0.value.number ?? 0) > 0 }).keys.sorted().first
            else { return nil }
            return (dates[0], name)
        }.sorted { ($0.asOf, $0.name) < ($1.asOf, $1.name) }
        let (asOf, name) = try #require(candidates.first, "the base plan needs a series with two meetings on different days")
        let bound = Self.boundHours(base, name, asOf: asOf), attended = held(base, name, asOf: asOf)
        #expect(bound > attended, "\(name): \(bound) against \(attended)")
        try expectRefused(work, from: "v1", asOf: asOf, ["--reduce", "\(name)=\(Int(attended.rounded(.up)))", "--lang", "en"],
                          says: [name, "already attended \(Int(bound)) hours", "a series begun counts"])
        try replan(work, from: "v1", into: "r1", asOf: asOf, ["--reduce", "\(name)=\(Int(bound.rounded(.up)))"])
        #expect(try #require(PlanFile(work.file("r1/plan.json")).plannedHours[name]) <= bound.rounded(.up))
    }

    @Test func anAsOfBeforeThePreviousOneIsRefusedNamingIt() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge"])
        try expectRefused(work, from: "r1", asOf: "2025-03-10", ["--withdraw", "Sörby"], says: ["2025-03-10", "2025-03-31"])
        // The same as-of again is no step back.
        try replan(work, from: "r1", into: "r2", asOf: "2025-03-31", ["--withdraw", "Sörby"])
    }

    /// Öberga lowers its commitment to a figure that is no multiple of a course's hours: it is planned for
    /// at most that (no tolerance above a reduced commitment), and everyone else for no more than before.
    @Test func aReductionIsACeilingAndNobodyElseRises() throws {
        let work = try workWithBase()
        let base = try PlanFile(work.file("v1/plan.json"))
        let attended = held(base, "Öberga", asOf: "2025-03-31")
        let before = try #require(base.plannedHours["Öberga"])
        let reduced = Int((attended + (before - attended) / 2).rounded(.down)) | 1  // odd: no multiple of the course hours
        #expect(Double(reduced) > attended && Double(reduced) < before, "attended \(attended), planned \(before)")
        let r = try replan(work, from: "v1", into: "r1", asOf: "2025-03-31", ["--reduce", "Öberga=\(reduced)"])
        let after = try PlanFile(work.file("r1/plan.json"))
        #expect(after.hoursAgreeWithSessions)
        #expect(try #require(after.plannedHours["Öberga"]) <= Double(reduced), "\(after.plannedHours)")
        for (name, hours) in after.plannedHours where name != "Öberga" {
            #expect(hours <= (base.plannedHours[name] ?? 0), "\(name) rose from \(base.plannedHours[name] ?? 0) to \(hours) without --compensate")
        }
        // The printed table marks the reduction.
        let line = r.stdout.split(separator: "\n").first { $0.hasPrefix("  Öberga") } ?? ""
        #expect(line.contains("åtagandet sänkt till \(reduced) h från 2025-04-01"), "\(r.stdout)")
        let english = try replan(work, from: "v1", into: "r1-en", asOf: "2025-03-31", ["--reduce", "Öberga=\(reduced)", "--lang", "en"])
        #expect(english.stdout.contains("commitment lowered to \(reduced) h from 2025-04-01"), "\(english.stdout)")
    }

    @Test func aWithdrawalRaisesNobodyElseWithoutCompensate() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-03-10", ["--withdraw", "Norrköpinge"])
        let base = try PlanFile(work.file("v1/plan.json")), after = try PlanFile(work.file("r1/plan.json"))
        for (name, hours) in after.plannedHours {
            #expect(hours <= (base.plannedHours[name] ?? 0), "\(name) rose from \(base.plannedHours[name] ?? 0) to \(hours)")
        }
    }

    /// Öberga reduced first; when Sörby then withdraws with --compensate, Öberga takes over nothing.
    /// The printed figures are the plans' own: lost = what Sörby had after the date, taken = each rise.
    @Test func compensationGoesOnlyToThoseWhoKeptTheirCommitmentAndItsFiguresAreThePlans() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-03-10", ["--reduce", "Öberga=90"])
        let r = try replan(work, from: "r1", into: "r2", asOf: "2025-03-31", ["--withdraw", "Sörby", "--compensate"])
        let before = try PlanFile(work.file("r1/plan.json")), after = try PlanFile(work.file("r2/plan.json"))
        #expect(try #require(after.plannedHours["Öberga"]) <= 90)
        #expect(try #require(after.plannedHours["Öberga"]) <= (before.plannedHours["Öberga"] ?? 0))
        let compensated = (after.json["commitmentChanges"]?.array ?? []).filter { $0["kind"]?.string == "compensation" }
            .compactMap { $0["municipality"]?.string }
        #expect(!compensated.contains("Öberga") && !compensated.contains("Sörby"), "\(compensated)")

        let lost = Int(((before.plannedHours["Sörby"] ?? 0) - (after.plannedHours["Sörby"] ?? 0)).rounded())
        #expect(lost > 0)
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Kompensation:") }.map(String.init), "\(r.stdout)")
        #expect(line.hasPrefix("Kompensation: \(lost) förlorade timmar"), "\(line)")
        for name in ["Åby", "Norrköpinge"] {
            let rise = Int(((after.plannedHours[name] ?? 0) - (before.plannedHours[name] ?? 0)).rounded())
            #expect(rise >= 0, "\(name) fell by \(-rise) h")
            #expect(rise == 0 ? !line.contains("\(name) +") : line.contains("\(name) +\(rise)"), "\(name) rose \(rise) h: \(line)")
        }
        #expect((fileText(work.file("r2/changes.md")) ?? "").contains(line))
    }

    @Test(arguments: [
        (["--withdraw", "Sörby", "--reduce", "Sörby=50"], ["Sörby", "--withdraw", "--reduce"]),
        (["--withdraw", "Sörby", "--withdraw", "Sörby"], ["--withdraw Sörby", "två gånger"]),
        (["--reduce", "Sörby=50", "--reduce", "Sörby=60"], ["--reduce Sörby", "50", "60"]),
        (["--compensate"], ["--compensate"]),
        (["--reduce", "Åby=120"], ["Åby", "120", "ändrar ingenting"]),
        (["--reduce", "Åby=2000"], ["Åby", "120", "--reduce"]),
        (["--withdraw", "Sorby"], ["Sorby", "menade du \"Sörby\"?"]),
    ])
    func contradictoryOrNoOpInputIsRefusedInOneLine(options: [String], says: [String]) throws {
        let work = try workWithBase()
        try expectRefused(work, from: "v1", asOf: "2025-03-31", options, says: says)
    }

    /// In a chain: withdrawing again, or reducing a municipality that has left, changes nothing and is refused.
    @Test func aSecondWithdrawalOrAReductionAfterOneIsRefused() throws {
        let work = try workWithBase()
        try replan(work, from: "v1", into: "r1", asOf: "2025-03-10", ["--withdraw", "Norrköpinge"])
        try expectRefused(work, from: "r1", asOf: "2025-03-31", ["--withdraw", "Norrköpinge"],
                          says: ["Norrköpinge", "2025-03-11", "ändrar ingenting"])
        try expectRefused(work, from: "r1", asOf: "2025-03-31", ["--reduce", "Norrköpinge=10", "--lang", "en"],
                          says: ["Norrköpinge", "has withdrawn (from 2025-03-11)", "changes nothing"])
    }
}
