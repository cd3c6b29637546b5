import Testing
@testable import Tidsplan
@testable import TidsplanAnalysis
import TidsplanCore
import TidsplanModel

/// `tidsplan capacity` on the bottleneck test scenario (see `CapacityTestScenario`).
@Suite(.serialized) struct CapacityBottleneckTests {
    @Test func theOnlyBottleneckIsNamedFirstAndItsValueMatchesAReSolve() throws {
        let scenario = CapacityTestScenario.scenario()
        let solver = CapacityTestScenario.solver
        let analysis = try CapacityAnalysis.run(scenario: scenario, plan: nil, solver: solver)

        // Base plan: 6 MI sessions (720 h) + 2 HP sessions (120 h) of 1 260 h of quota.
        #expect(analysis.basePlan.solver.status == .optimal)
        #expect(abs(analysis.basePlan.municipalities.reduce(0) { $0 + $1.plannedHours } - 840) < 1e-6)

        let first = try #require(analysis.marginalValues.first)
        #expect(first.resource == CapacityResource(kind: .staff, name: CapacityTestScenario.staffName))
        #expect(first.addition == .staffDays(name: CapacityTestScenario.staffName,
                                             perMonth: ["2025-02": 1, "2025-03": 1, "2025-04": 1]))
        // Hours with their co-financing (417 kr/h in the test scenario), in the steering group's terms.
        #expect(first.sentence(.en) == "One more teaching day a month for Kursledare MI in 2025 buys 360 more quota hours (150 120 kr co-financing).")
        #expect(first.buysSomething && first.resolvedCofinancingKr == 360 * 417 && first.resolvedPlaces == 0)
        #expect(analysis.rankedResources.first == first.resource)

        // The trainer and the budget are full but buy nothing: HP already seats everybody.
        let others = analysis.marginalValues.dropFirst()
        #expect(Set(others.map(\.resource)) == [CapacityResource(kind: .trainer, name: CapacityTestScenario.trainerName),
                                                CapacityResource(kind: .budget, name: "trainers")])
        for v in others { #expect(abs(v.resolvedQuotaHours ?? -1) < 1e-6 && !v.buysSomething) }
        #expect(analysis.rankedResources == [first.resource], "what buys nothing is not ranked as a bottleneck")

        // Independent re-solve: raise the share by hand so each month gets one more teaching day
        // (0.5 × Δshare × working days = 1).
        var more = scenario
        let calendar = WorkingCalendar(scenario: scenario)
        var spans: [ShareSpan] = []
        for (from, to) in [("2025-02-01", "2025-02-28"), ("2025-03-01", "2025-03-31"), ("2025-04-01", "2025-04-30")] {
            let month = DateRange(from: CapacityTestScenario.day(from), to: CapacityTestScenario.day(to))
            let workingDays = Double(calendar.workingDays(in: month).count)
            spans.append(ShareSpan(range: month, share: 0.4 + 1 / (0.5 * workingDays)))
        }
        #expect(calendar.workingDays(in: spans[1].range).count == 21)
        more.staff[0].shares = spans
        let base = try solver.plan(scenario)
        let plus = try solver.plan(more)
        let gained = plus.municipalities.reduce(0.0) { $0 + min($1.plannedHours, Double($1.quotaHours)) }
            - base.municipalities.reduce(0.0) { $0 + min($1.plannedHours, Double($1.quotaHours)) }
        #expect(abs(gained - 360) < 0.5)
        #expect(abs((first.resolvedQuotaHours ?? 0) - gained) < 0.5)

        // The relaxation sees the same pressure: the staff member binds, and its estimate is a gain.
        #expect(analysis.relaxation.binding(first.resource) != nil)
        #expect((first.relaxationObjectiveChange ?? 0) < 0)

        // 420 h short: the elastic model adds teaching days only, and planning again with them meets the quotas.
        let missing = try #require(analysis.missing)
        #expect(abs(missing.shortfallHours - 420) < 1e-6)
        #expect(missing.additions.allSatisfy { $0.resource.kind == .staff })
        #expect(!missing.additions.isEmpty)
        #expect((missing.remainingShortfallHours ?? 1) < 0.5)
        #expect((missing.verifiedShortfallHours ?? 1) < 0.5)

        // The files say the same, with the method named.
        let files = CapacityJob.files(analysis, lang: .en)
        #expect(files.map(\.path) == ["bottlenecks.csv", "capacity.csv", "capacity.md", "report.html"])
        let md = String(decoding: files[2].bytes, as: UTF8.self)
        #expect(md.contains("1. One more teaching day a month for Kursledare MI in 2025 buys 360 more quota hours (150 120 kr co-financing)."))
        #expect(md.contains("- Tried, buys nothing (no more quota hours, places or savings): one more contract day for Konsult HP; 5 000 kr more in the training budget (trainer fees)."))
        #expect(!md.contains("2. "), "only what buys something is numbered")
        let report = String(decoding: files[3].bytes, as: UTF8.self)
        #expect(report.contains("Capacity and utilisation"))
        // The same in Swedish (the default), every sentence in Swedish.
        let sv = String(decoding: CapacityJob.files(analysis)[2].bytes, as: UTF8.self)
        #expect(sv.contains("1. En undervisningsdag till i månaden för Kursledare MI under 2025 ger 360 kvottimmar till (150 120 kr medfinansiering)."))
        #expect(sv.contains("## Vad som saknas för att nå kvoterna"))
        #expect(!sv.contains(" would ") && !sv.contains("re-solve") && !sv.contains(" the "), "\(sv)")
        // No solver terms for the steering group, in either language (console and files).
        let solverWords = ["LP", "relaxation", "relaxationen", "målfunktion", "objective", "dual", "omlösning", "re-solve", "elastisk", "elastic", "gap "]
        for lang in [Language.sv, .en] {
            let texts = CapacityJob.files(analysis, lang: lang).filter { $0.path != "report.html" }.map { String(decoding: $0.bytes, as: UTF8.self) }
                + [CapacityJob.summary(analysis, outDir: "out", lang: lang)]
            for text in texts {
                for word in solverWords { #expect(!text.contains(word), "\(lang): \"\(word)\" in \(text)") }
            }
        }
        let csv = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(csv.hasPrefix("rank,kind,resource,unit,more_quota_hours,more_cofinancing_kr,more_places,cost_change_kr,buys_something,note\r\n"))
        #expect(csv.contains(",360,150120,0,0,yes,"))
    }
}
