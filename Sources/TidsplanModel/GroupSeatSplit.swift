import TidsplanCore

/// Splits each run's seats per municipality over the municipality's target groups (`groupSeats`) so that,
/// over a course's runs, every group gets exactly the places the week model decided for it (`Audience`'s x
/// columns). Frozen runs keep what they recorded; the others take their share in (start week, id) order,
/// groups in file order. Which run a group's persons sit in does not matter for the rules: a prerequisite
/// is finished in a county part before the next course starts there, so counts per group suffice.
enum GroupSeatSplit {
    static func assign(_ runs: inout [HeldRun], groups: [RunGroup], places: [String: [String: [Int: Int]]], scenario: Scenario) {
        for course in scenario.courses {
            let idx = runs.indices.filter { groups[runs[$0].group].course.id == course.id }
                .sorted { (runs[$0].startWeek, runs[$0].id) < (runs[$1].startWeek, runs[$1].id) }
            guard !idx.isEmpty else { continue }
            var left = places[course.id] ?? [:]
            for i in idx {
                guard let prev = runs[i].previous, prev.frozen else { continue }
                runs[i].groupSeats = prev.groupSeats.filter { $0.seats > 0 }
                for g in prev.groupSeats {
                    guard let m = scenario.municipality(g.municipality),
                          let k = m.groupIndex(area: g.area, role: g.role) else { continue }
                    left[m.name]?[k, default: 0] -= g.seats
                }
            }
            for i in idx where !(runs[i].previous?.frozen ?? false) {
                var mine: [GroupSeats] = []
                for (name, n) in runs[i].seats.sorted(by: { $0.key < $1.key }) where n > 0 {
                    guard let m = scenario.municipality(name) else { continue }
                    var need = n
                    var taken: [Int: Int] = [:]
                    for k in (left[name] ?? [:]).keys.sorted() where need > 0 {
                        let t = min(need, max(0, left[name]?[k] ?? 0))
                        if t > 0 { taken[k, default: 0] += t; left[name]?[k]? -= t; need -= t }
                    }
                    // Only when the week values were not whole: any group in the audience with persons to spare.
                    for k in TargetGroupDemand.audienceGroups(course, m) where need > 0 {
                        let t = min(need, max(0, m.groups[k].persons - (taken[k] ?? 0)))
                        if t > 0 { taken[k, default: 0] += t; need -= t }
                    }
                    for k in taken.keys.sorted() where (taken[k] ?? 0) > 0 {
                        mine.append(GroupSeats(municipality: name, area: m.groups[k].area, role: m.groups[k].role, seats: taken[k] ?? 0))
                    }
                }
                runs[i].groupSeats = mine
            }
        }
    }
}
