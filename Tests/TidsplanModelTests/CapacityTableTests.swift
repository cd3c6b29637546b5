import Testing
@testable import Tidsplan
@testable import TidsplanAnalysis
import TidsplanCore
import TidsplanIO
import TidsplanModel

/// Capacity per resource and month, from hand-made plans (no solver).
@Suite struct CapacityTableTests {
    static func session(_ id: String, _ date: String, course: String = "MI", leader: String, venue: String = "digitalt",
                        seats: [String: Int] = ["Alfa": 10]) -> PlannedSession {
        PlannedSession(id: id, course: course, title: id, date: CapacityTestScenario.day(date), start: CapacityTestScenario.time("09:00"),
                       end: CapacityTestScenario.time("16:00"), hours: 6, venue: venue, mode: .digital, leaders: [leader], seats: seats)
    }

    static func plan(_ sessions: [PlannedSession], scenario: Scenario) -> Plan {
        var p = Plan(scenario: scenario.project.id, period: scenario.project.period,
                     solver: SolverSummary(name: "test", version: "0", status: .optimal, objective: 0, bound: 0, gap: 0),
                     sessions: sessions, municipalities: [], shortfalls: [])
        p.municipalities = scenario.municipalities.map {
            MunicipalityHours(name: $0.name, quotaHours: $0.quotaHours, plannedHours: p.plannedHours($0.name), rateKrPerHour: 417)
        }
        return p
    }

    @Test func staffTrainerAndBudgetLinesFollowTheRules() throws {
        let s = CapacityTestScenario.scenario()
        let staff = CapacityTestScenario.staffName, trainer = CapacityTestScenario.trainerName
        let p = Self.plan([
            Self.session("mi-1", "2025-02-04", leader: staff),
            Self.session("mi-2", "2025-02-11", leader: staff),
            Self.session("mi-3", "2025-03-04", leader: staff),
            Self.session("hp-1", "2025-02-05", course: "HP", leader: trainer),
            Self.session("hp-2", "2025-04-09", course: "HP", leader: trainer),
        ], scenario: s)
        let t = CapacityTable.build(scenario: s, plan: p)
        #expect(t.months == ["2025-02", "2025-03", "2025-04"])
        let mi = CapacityResource(kind: .staff, name: staff)
        // 0.5 teaching share × 0.4 × 20 / 21 / 20 working days; each session 1.5 days with preparation.
        let feb = try #require(t.line(mi, "2025-02"))
        #expect(abs((feb.capacity ?? 0) - 4.0) < 1e-9)
        #expect(feb.used == 3.0)
        #expect(abs((feb.utilisation ?? 0) - 0.75) < 1e-9)
        #expect(abs((t.line(mi, "2025-03")?.capacity ?? 0) - 4.2) < 1e-9)
        #expect(abs((t.line(mi, "2025-04")?.capacity ?? 0) - 4.0) < 1e-9)
        let total = try #require(t.line(mi, "total"))
        #expect(abs((total.capacity ?? 0) - 12.2) < 1e-9)
        #expect(total.used == 4.5)

        let hp = CapacityResource(kind: .trainer, name: trainer)
        #expect(t.line(hp, "2025-02")?.capacity == 20)
        #expect(t.line(hp, "2025-04")?.used == 1)
        #expect(t.line(hp, "total")?.capacity == 2)
        #expect(t.line(hp, "total")?.used == 2)

        // Budget lines are cumulative: 5 000 kr in February, still 5 000 in March, 10 000 by April.
        let budget = CapacityResource(kind: .budget, name: "trainers")
        #expect(t.line(budget, "2025-02")?.used == 5000)
        #expect(t.line(budget, "2025-03")?.used == 5000)
        #expect(t.line(budget, "2025-04")?.used == 10000)
        #expect(t.line(budget, "total")?.capacity == 10000)
        #expect(t.overAllocated.isEmpty)
        #expect(t.overloadedWeeks.isEmpty)
        // Digital rooms have no daily limit, so they are not listed; nor are budgets with no cap and no spend.
        #expect(t.resources == [mi, hp, budget])
        #expect(t.staffPeak?.month == "2025-02")
    }

    @Test func overAllocationIsFlaggedPerMonthAndWeek() throws {
        let s = CapacityTestScenario.scenario()
        let staff = CapacityTestScenario.staffName
        // Three sessions in one week: 4.5 days against 2 working days (40 % of 5), and 4.5 against 4 in February.
        let p = Self.plan(["2025-02-04", "2025-02-05", "2025-02-06"].enumerated().map {
            Self.session("mi-\($0.offset)", $0.element, leader: staff)
        }, scenario: s)
        let t = CapacityTable.build(scenario: s, plan: p)
        let over = t.overAllocated
        #expect(over.map(\.period) == ["2025-02", "total"] || over.map(\.period) == ["2025-02"])
        #expect(over.first?.resource == CapacityResource(kind: .staff, name: staff))
        #expect(t.overloadedWeeks.count == 1)
        #expect(t.overloadedWeeks.first?.monday == CapacityTestScenario.day("2025-02-03"))
        #expect(abs((t.overloadedWeeks.first?.capacity ?? 0) - 2.0) < 1e-9)

        let csv = CapacityFiles.csv(t, lang: .en)
        #expect(csv.hasPrefix("kind,resource,month,unit,capacity,used,utilisation,over_allocated\r\n"))
        #expect(csv.contains("staff,Kursledare MI,2025-02,days,4,4.5,1.125,yes\r\n"))
        let html = CapacityHeatmap.section(t, lang: .en).html
        #expect(html.contains("class=\"h4\" title=\"Kursledare MI (staff), 2025-02: 4.5 / 4 days\">112</td>"))
    }

    @Test func teachingDaysAreAddedThroughTheShare() throws {
        let s = CapacityTestScenario.scenario()
        let more = CapacityAddition.staffDays(name: CapacityTestScenario.staffName, perMonth: ["2025-03": 2]).apply(to: s)
        let empty = Self.plan([], scenario: s)
        let before = CapacityTable.build(scenario: s, plan: empty)
        let after = CapacityTable.build(scenario: more, plan: empty)
        let r = CapacityResource(kind: .staff, name: CapacityTestScenario.staffName)
        #expect(abs((after.line(r, "2025-03")?.capacity ?? 0) - (before.line(r, "2025-03")?.capacity ?? 0) - 2) < 1e-9)
        #expect(after.line(r, "2025-02")?.capacity == before.line(r, "2025-02")?.capacity)
        #expect(after.line(r, "2025-04")?.capacity == before.line(r, "2025-04")?.capacity)

        let trainer = CapacityAddition.trainerDays(name: CapacityTestScenario.trainerName, days: 1).apply(to: s)
        #expect(trainer.trainers[0].maxDays == 3)
        let budget = CapacityAddition.budget(name: "trainers", kr: 5000).apply(to: s)
        #expect(budget.budget.trainersKr == 15000)
        // No cap: nothing to add to.
        #expect(CapacityAddition.budget(name: "travel", kr: 5000).apply(to: s) == s)
    }

    @Test func monthsAreNamedAsYearsOrRuns() {
        let possible = ["2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"]
        #expect(CapacityText.months(["2025-01", "2025-02"], possible: possible) == "2025")
        #expect(CapacityText.months(["2024-09", "2024-10", "2024-12"], possible: possible) == "2024-09 – 2024-10, 2024-12")
        #expect(CapacityText.number(24000) == "24 000")
        #expect(CapacityText.number(0.8) == "0.8")
        #expect(CapacityText.number(-36000.04) == "-36 000")
    }
}
