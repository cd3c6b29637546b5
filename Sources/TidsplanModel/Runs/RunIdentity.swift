import LinearModel
import TidsplanCore

/// A run the week model decided to hold, with its identity.
struct HeldRun: Sendable {
    let id: String
    let group: Int
    let startWeek: Int
    /// The same run in the previous plan (kept id), if any.
    let previous: PreviousRun?
    /// A pinned date for its first meeting.
    let pinnedDate: Day?
    var leaders: [Int: [String]] = [:]
    var seats: [String: Int] = [:]
    /// Seats by target group (`GroupSeatSplit`).
    var groupSeats: [GroupSeats] = []
    /// Dates by meeting, once the day model has placed them.
    var dates: [Int: Day] = [:]
}

/// Gives the counted runs their ids: runs of the previous plan keep theirs (same week first, then the
/// nearest week), new runs get the next free ordinal of their group (past an id a cancelled held run keeps).
/// Ids never come from dates or rows.
enum RunIdentity {
    static func assign(groups: [RunGroup], counts: [[Int: Int]], previousRuns: [PreviousRun], scenario: Scenario,
                       grid: TimeGrid, replanning: Bool, retired: [String] = []) -> [HeldRun] {
        var out: [HeldRun] = []
        for g in groups.indices {
            var left = counts[g]
            var runs: [HeldRun] = []
            func take(_ s: Int) -> Bool {
                guard let k = left[s], k > 0 else { return false }
                left[s] = k - 1
                return true
            }
            let previous = previousRuns.filter { $0.groupKey == groups[g].key }.sorted { ($0.startWeek, $0.id) < ($1.startWeek, $1.id) }
            var unmatched: [PreviousRun] = []
            for r in previous where r.frozen { if take(r.startWeek) { runs.append(HeldRun(id: r.id, group: g, startWeek: r.startWeek, previous: r, pinnedDate: nil)) } }
            for r in previous where !r.frozen {
                if take(r.startWeek) { runs.append(HeldRun(id: r.id, group: g, startWeek: r.startWeek, previous: r, pinnedDate: nil)) } else { unmatched.append(r) }
            }
            for r in unmatched {
                let open = left.filter { $0.value > 0 }.keys.sorted { (abs($0 - r.startWeek), $0) < (abs($1 - r.startWeek), $1) }
                guard let s = open.first, take(s) else { continue }
                runs.append(HeldRun(id: r.id, group: g, startWeek: s, previous: r, pinnedDate: nil))
            }
            // Runs the previous plan kept as cancelled in the past (`retired`) keep their ids too.
            let gone = retired.compactMap { id in RunGroupGenerator.ordinal(ofRunID: id).flatMap { groups[g].runID(ordinal: $0) == id ? $0 : nil } }
            var next = ((previous.compactMap { RunGroupGenerator.ordinal(ofRunID: $0.id) } + gone).max() ?? 0) + 1
            var pins = replanning ? [] : Pinned.pins(scenario, groups[g]).compactMap(\.date).sorted()
            for s in left.keys.sorted() {
                for _ in 0..<(left[s] ?? 0) {
                    var pinned: Day?
                    if let i = pins.firstIndex(where: { grid.weekIndex(of: $0) == s }) { pinned = pins.remove(at: i) }
                    runs.append(HeldRun(id: groups[g].runID(ordinal: next), group: g, startWeek: s, previous: nil, pinnedDate: pinned))
                    next += 1
                }
            }
            out += runs.sorted { ($0.startWeek, $0.id) < ($1.startWeek, $1.id) }
        }
        return out
    }
}

/// Who leads which meeting, from the week model's counts per course, leader and week. Frozen meetings keep
/// their leaders; then the previous leader, then the leader of the run's earlier meeting, then pool order.
enum LeaderChoice {
    static func assign(_ runs: inout [HeldRun], groups: [RunGroup], counts: [String: [String: [Int: Int]]], scenario: Scenario) {
        var left = counts
        for i in runs.indices where !groups[runs[i].group].needsLeaderChoice {
            for j in 1...groups[runs[i].group].meetings { runs[i].leaders[j] = groups[runs[i].group].leaderPool }
        }
        // Pins first, then the previous plan's leaders, then continuity, then pool order.
        for pass in 0..<2 {
            for i in runs.indices where groups[runs[i].group].needsLeaderChoice {
                let group = groups[runs[i].group]
                let course = group.course.id
                for j in 1...group.meetings where runs[i].leaders[j] == nil {
                    let week = runs[i].startWeek + (j - 1) * group.everyWeeks
                    var wanted: [String] = []
                    if pass == 0 {
                        if let prev = runs[i].previous?.leaders[j] { wanted = prev }
                        else if j == 1, runs[i].previous == nil, let pin = scenario.pinned.first(where: { $0.course == course && $0.leader != nil && $0.date == runs[i].pinnedDate }), let p = pin.leader { wanted = [p] }
                        else { continue }
                    } else {
                        wanted = (runs[i].leaders[j - 1] ?? []) + group.leaderPool
                    }
                    var chosen: [String] = []
                    for p in wanted where !chosen.contains(p) && chosen.count < group.course.leadersPerSession {
                        if let k = left[course]?[p]?[week], k > 0 {
                            left[course]?[p]?[week] = k - 1
                            chosen.append(p)
                        }
                    }
                    if chosen.count == group.course.leadersPerSession {
                        runs[i].leaders[j] = chosen
                    } else {
                        for p in chosen { left[course]?[p]?[week, default: 0] += 1 }
                    }
                }
            }
        }
    }
}

/// Splits each group's seats per municipality over its runs: every run between the minimum and maximum,
/// no municipality above its per-session cap, withdrawn municipalities only in runs before they leave,
/// frozen runs exactly as they were and re-planned runs as close to their previous seats as fits.
enum SeatDistribution {
    static func assign(_ runs: inout [HeldRun], groups: [RunGroup], totals: [[String: Int]], scenario: Scenario, grid: TimeGrid) {
        for g in groups.indices {
            let idx = runs.indices.filter { runs[$0].group == g }
            guard !idx.isEmpty else { continue }
            let group = groups[g]
            var need = totals[g]
            var open: [Int] = []
            for i in idx {
                if let prev = runs[i].previous, prev.frozen {
                    runs[i].seats = prev.seats.filter { $0.value > 0 }
                    for (m, n) in prev.seats { need[m, default: 0] -= n }
                } else {
                    open.append(i)
                }
            }
            func allowed(_ i: Int, _ m: String) -> Bool {
                guard let out = scenario.municipality(m)?.withdrawal else { return true }
                let last = runs[i].startWeek + (group.meetings - 1) * group.everyWeeks
                return last < grid.weeks.count && grid.weeks[last].monday.adding(days: 6) < out
            }
            // Start from the previous seats where they still fit.
            for i in open {
                guard let prev = runs[i].previous else { continue }
                for (m, n) in prev.seats.sorted(by: { $0.key < $1.key }) where allowed(i, m) {
                    let k = min(n, max(0, need[m] ?? 0), group.cap(m))
                    if k > 0 { runs[i].seats[m] = k; need[m, default: 0] -= k }
                }
            }
            // Most constrained municipalities first: those who withdraw, then the largest totals.
            let order = need.filter { $0.value > 0 }.keys.sorted { a, b in
                let wa = scenario.municipality(a)?.withdrawal != nil, wb = scenario.municipality(b)?.withdrawal != nil
                if wa != wb { return wa }
                if need[a] != need[b] { return (need[a] ?? 0) > (need[b] ?? 0) }
                return a < b
            }
            for m in order {
                while (need[m] ?? 0) > 0 {
                    let candidates = open.filter { i in
                        allowed(i, m) && (runs[i].seats[m] ?? 0) < group.cap(m) && total(runs[i]) < group.maxParticipants
                    }
                    guard let best = candidates.min(by: { (total(runs[$0]), runs[$0].seats[m] ?? 0, $0) < (total(runs[$1]), runs[$1].seats[m] ?? 0, $1) }) else { break }
                    runs[best].seats[m, default: 0] += 1
                    need[m, default: 0] -= 1
                }
            }
            // Lift runs below the minimum with seats from the fullest runs.
            for i in open where total(runs[i]) < group.minSeats {
                var moved = true
                while total(runs[i]) < group.minSeats && moved {
                    moved = false
                    let donors = open.filter { $0 != i && total(runs[$0]) > group.minSeats }.sorted { total(runs[$0]) > total(runs[$1]) }
                    outer: for d in donors {
                        for (m, n) in runs[d].seats.sorted(by: { $0.key < $1.key }) where n > 0 && allowed(i, m) && (runs[i].seats[m] ?? 0) < group.cap(m) {
                            runs[d].seats[m] = n - 1
                            runs[i].seats[m, default: 0] += 1
                            moved = true
                            break outer
                        }
                    }
                }
            }
            for i in idx { runs[i].seats = runs[i].seats.filter { $0.value > 0 } }
        }
    }

    static func total(_ r: HeldRun) -> Int { r.seats.values.reduce(0, +) }
}
