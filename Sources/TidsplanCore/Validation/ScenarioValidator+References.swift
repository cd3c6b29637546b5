/// Reference checks: every name used somewhere is defined once, and names point at things that
/// exist (municipalities, county parts, areas, courses, venues, leaders).
extension ScenarioIssueCollector {
    mutating func checkReferences() {
        checkDuplicates()
        let municipalityNames = s.municipalities.map(\.name)
        let countyParts = s.countyParts
        let courseIDs = s.courses.map(\.id)
        let venueIDs = s.venues.map(\.id)
        let leaderNames = s.staff.map(\.name) + s.trainers.map(\.name)
        var areas: [String] = []
        for m in s.municipalities { for g in m.groups where !areas.contains(g.area) { areas.append(g.area) } }

        for (i, v) in s.venues.enumerated() {
            if let part = v.countyPart, !part.isEmpty, !countyParts.contains(part) {
                unknown("county part", part, among: countyParts, at: "venues[\(i)].countyPart")
            }
        }
        for (i, p) in s.staff.enumerated() {
            for (j, c) in p.courses.enumerated() where !courseIDs.contains(c) {
                unknown("course", c, among: courseIDs, at: "staff[\(i)].courses[\(j)]")
            }
        }
        for (i, t) in s.trainers.enumerated() {
            for (j, c) in t.courses.enumerated() where !courseIDs.contains(c) {
                unknown("course", c, among: courseIDs, at: "trainers[\(i)].courses[\(j)]")
            }
        }
        for (i, c) in s.courses.enumerated() {
            checkCourseReferences(c, "courses[\(i)]", courseIDs: courseIDs, venueIDs: venueIDs, areas: areas,
                                  municipalityNames: municipalityNames)
        }
        checkPrerequisiteCycles()
        for (i, e) in s.fixedEvents.enumerated() {
            let path = "fixedEvents[\(i)]"
            if let v = e.venue, !venueIDs.contains(v) { unknown("venue", v, among: venueIDs, at: "\(path).venue") }
            for (j, l) in e.leaders.enumerated() where !leaderNames.contains(l) {
                unknown("leader", l, among: leaderNames, at: "\(path).leaders[\(j)]")
            }
            for (j, m) in e.municipalities.enumerated() where !municipalityNames.contains(m) {
                unknown("municipality", m, among: municipalityNames, at: "\(path).municipalities[\(j)]")
            }
        }
        for (i, p) in s.pinned.enumerated() {
            checkPinnedReferences(p, "pinned[\(i)]", courseIDs: courseIDs, countyParts: countyParts, leaderNames: leaderNames)
        }
    }

    /// The same name twice is an error at the second place, pointing back at the first.
    mutating func duplicates(_ names: [String], _ kind: String, path: (Int) -> String) {
        var first: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            if let k = first[n] {
                error(path(i), "\(kind) \"\(n)\" is defined twice", hint: "names must be unique", related: path(k))
            } else {
                first[n] = i
            }
        }
    }

    mutating func checkDuplicates() {
        duplicates(s.municipalities.map(\.name), "municipality") { "municipalities[\($0)].name" }
        duplicates(s.venues.map(\.id), "venue") { "venues[\($0)].id" }
        duplicates(s.courses.map(\.id), "course") { "courses[\($0)].id" }
        duplicates(s.fixedEvents.map(\.id), "event") { "fixedEvents[\($0)].id" }
        // Staff and trainers share one namespace: a session's leader is just a name.
        let staffCount = s.staff.count
        duplicates(s.staff.map(\.name) + s.trainers.map(\.name), "leader") {
            $0 < staffCount ? "staff[\($0)].name" : "trainers[\($0 - staffCount)].name"
        }
        // Names equal but for case or å/ä/ö are almost certainly the same municipality typed twice.
        var folded: [String: Int] = [:]
        for (i, m) in s.municipalities.enumerated() {
            let f = NameMatching.fold(m.name)
            if let k = folded[f], s.municipalities[k].name != m.name {
                warning("municipalities[\(i)].name", "municipality \"\(m.name)\" looks like \"\(s.municipalities[k].name)\"",
                        hint: "the same municipality twice? names are compared exactly", related: "municipalities[\(k)].name")
            } else if folded[f] == nil {
                folded[f] = i
            }
        }
        var partSpelling: [String: String] = [:]
        for (i, m) in s.municipalities.enumerated() {
            let f = NameMatching.fold(m.countyPart)
            if let other = partSpelling[f], other != m.countyPart {
                warning("municipalities[\(i)].countyPart", "county part \"\(m.countyPart)\" is spelt \"\(other)\" elsewhere",
                        hint: "they count as two different county parts")
            } else if partSpelling[f] == nil {
                partSpelling[f] = m.countyPart
            }
        }
    }

    mutating func checkCourseReferences(_ c: Course, _ path: String, courseIDs: [String], venueIDs: [String],
                                        areas: [String], municipalityNames: [String]) {
        for (j, v) in c.venues.enumerated() {
            guard let venue = s.venue(v) else {
                unknown("venue", v, among: venueIDs, at: "\(path).venues[\(j)]")
                continue
            }
            switch c.delivery {
            case .digital where venue.mode != .digital:
                error("\(path).venues[\(j)]", "course \(c.id) is digital but venue \(v) is physical")
            case .county where venue.mode != .physical, .countyPart where venue.mode != .physical:
                error("\(path).venues[\(j)]", "course \(c.id) is held on site (\(c.delivery.rawValue)) but venue \(v) is digital")
            default: break
            }
        }
        switch c.delivery {
        case .county where c.venues.isEmpty:
            error("\(path).venues", "course \(c.id) is county-wide (delivery: county) but names no venue",
                  hint: "add venues: [<venue id>]")
        case .digital where c.venues.isEmpty && !s.venues.contains(where: { $0.mode == .digital }):
            error("\(path).delivery", "course \(c.id) is digital but the scenario has no digital venue",
                  hint: "add a venue with mode: digital")
        case .countyPart:
            let physicalParts = Set(s.venues.filter { $0.mode == .physical }.compactMap(\.countyPart))
            for part in s.countyParts where !physicalParts.contains(part) {
                let eligible = s.municipalities.filter { $0.countyPart == part }.reduce(0) { $0 + $1.persons(in: c.audience) }
                if eligible > 0 {
                    warning("\(path).delivery", "course \(c.id) is held per county part, but \(part) has no physical venue",
                            hint: "its \(eligible) eligible persons can only attend elsewhere (if travel is allowed)")
                }
            }
        default: break
        }
        for (j, a) in c.audience.enumerated() {
            if let area = a.area, !areas.contains(area) {
                unknown("area", area, among: areas, at: "\(path).audience[\(j)].area")
            }
        }
        for (j, p) in c.prerequisites.enumerated() {
            if p.course == c.id {
                error("\(path).prerequisites[\(j)].course", "course \(c.id) is its own prerequisite")
            } else if !courseIDs.contains(p.course) {
                unknown("course", p.course, among: courseIDs, at: "\(path).prerequisites[\(j)].course")
            }
        }
        for (j, a) in c.after.enumerated() {
            if a.course == c.id {
                error("\(path).after[\(j)].course", "course \(c.id) cannot come after itself")
            } else if !courseIDs.contains(a.course) {
                unknown("course", a.course, among: courseIDs, at: "\(path).after[\(j)].course")
            }
        }
        for (j, id) in (c.aheadOf?.courses ?? []).enumerated() {
            if id == c.id {
                error("\(path).aheadOf.courses[\(j)]", "course \(c.id) cannot be ahead of itself")
            } else if !courseIDs.contains(id) {
                unknown("course", id, among: courseIDs, at: "\(path).aheadOf.courses[\(j)]")
            }
        }
        if case .perMunicipality(let counts) = c.attendance {
            for name in counts.keys.sorted() where !municipalityNames.contains(name) {
                unknown("municipality", name, among: municipalityNames, at: "\(path).attendance.perMunicipality.\(name)")
            }
        }
        if case .perGroup(let ask) = c.attendance { checkGroupAsk(ask, c, path) }
        if s.leaders(for: c.id).isEmpty {
            warning("\(path).id", "nobody may lead course \(c.id), so it cannot be planned",
                    hint: "add \(c.id) to the `courses` of a staff member or trainer")
        }
    }

    /// A → B → A can never be scheduled, whether the links are prerequisites or `after`. Reported once per
    /// cycle, at its first course in file order.
    mutating func checkPrerequisiteCycles() {
        let index = Dictionary(s.courses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var state = [Int](repeating: 0, count: s.courses.count)  // 0 new, 1 on the path, 2 done
        var reported = Set<Int>()
        for start in s.courses.indices where state[start] == 0 {
            // Iterative depth-first search: a scenario file is no place for a stack overflow.
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let firsts = Self.coursesFirst(s.courses[top.node])
                if top.next < firsts.count {
                    stack[stack.count - 1].next += 1
                    guard let n = index[firsts[top.next]], n != top.node else { continue }
                    if state[n] == 1 {
                        let cycle = stack.map(\.node).drop { $0 != n }
                        let first = cycle.min() ?? n
                        if reported.insert(first).inserted {
                            let names = (cycle.map { s.courses[$0].id } + [s.courses[n].id]).joined(separator: " → ")
                            let links = Array(cycle) + [n]
                            let viaAfter = zip(links, links.dropFirst()).contains { from, to in
                                !s.courses[from].prerequisites.contains { $0.course == s.courses[to].id }
                            }
                            let firstLink = zip(links, links.dropFirst()).first { $0.0 == first }.map { s.courses[$0.1].id }
                            let field = firstLink.map { id in
                                s.courses[first].prerequisites.contains { $0.course == id } ? "prerequisites" : "after"
                            } ?? "prerequisites"
                            error("courses[\(first)].\(field)",
                                  viaAfter ? "the courses to hold first (prerequisites, `after`) form a cycle: \(names)" : "prerequisites form a cycle: \(names)",
                                  hint: "no course in a cycle can ever be held")
                        }
                    } else if state[n] == 0 {
                        state[n] = 1
                        stack.append((n, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
    }

    /// The courses that must come before course c: its prerequisites, then its `after` courses.
    static func coursesFirst(_ c: Course) -> [String] {
        c.prerequisites.map(\.course) + c.after.map(\.course)
    }

    mutating func checkPinnedReferences(_ p: PinnedSession, _ path: String, courseIDs: [String], countyParts: [String],
                                        leaderNames: [String]) {
        guard let c = s.course(p.course) else {
            unknown("course", p.course, among: courseIDs, at: "\(path).course")
            return
        }
        if let part = p.countyPart {
            if !countyParts.contains(part) {
                unknown("county part", part, among: countyParts, at: "\(path).countyPart")
            } else if c.delivery != .countyPart {
                error("\(path).countyPart", "course \(c.id) is not held per county part (delivery: \(c.delivery.rawValue)), so a pinned session cannot name one")
            }
        }
        if let l = p.leader {
            if !leaderNames.contains(l) {
                unknown("leader", l, among: leaderNames, at: "\(path).leader")
            } else if !s.leaders(for: c.id).contains(l) {
                error("\(path).leader", "\(l) may not lead course \(c.id)", hint: "add \(c.id) to \(l)'s courses, or pin another leader")
            }
        }
    }
}
