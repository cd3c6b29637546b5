import Testing
import Tidsplan
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
        #expect(first.sentence(.en).hasPrefix("One more teaching day a month for Kursledare MI in 2025 would let 360 more quota hours be planned (re-solve"))
        #expect(analysis.rankedResources.first == first.resource)

        // The trainer and the budget are full but buy nothing: HP already seats everybody.
        let others = analysis.marginalValues.dropFirst()
        #expect(Set(others.map(\.resource)) == [CapacityResource(kind: .trainer, name: CapacityTestScenario.trainerName),
                                                CapacityResource(kind: .budget, name: "trainers")])
        for v in others { #expect(abs(v.resolvedQuotaHours ?? -1) < 1e-6) }

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
        #expect(md.contains("1. One more teaching day a month for Kursledare MI in 2025 would let 360 more quota hours be planned (re-solve"))
        #expect(md.contains("LP relaxation"))
        let report = String(decoding: files[3].bytes, as: UTF8.self)
        #expect(report.contains("Capacity and utilisation"))
        // The same in Swedish (the default), every sentence in Swedish.
        let sv = String(decoding: CapacityJob.files(analysis)[2].bytes, as: UTF8.self)
        #expect(sv.contains("1. En undervisningsdag till i månaden för Kursledare MI under 2025 skulle ge 360 fler planerade kvottimmar (omlösning"))
        #expect(sv.contains("## Vad som saknas för att nå kvoterna"))
        #expect(!sv.contains(" would ") && !sv.contains("re-solve") && !sv.contains(" the "), "\(sv)")
    }
}
