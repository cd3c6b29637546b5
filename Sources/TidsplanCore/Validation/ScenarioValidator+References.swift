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
                unknown(.countyPart, part, among: countyParts, at: "venues[\(i)].countyPart")
            }
        }
        for (i, p) in s.staff.enumerated() {
            for (j, c) in p.courses.enumerated() where !courseIDs.contains(c) {
                unknown(.course, c, among: courseIDs, at: "staff[\(i)].courses[\(j)]")
            }
        }
        for (i, t) in s.trainers.enumerated() {
            for (j, c) in t.courses.enumerated() where !courseIDs.contains(c) {
                unknown(.course, c, among: courseIDs, at: "trainers[\(i)].courses[\(j)]")
            }
        }
        for (i, c) in s.courses.enumerated() {
            checkCourseReferences(c, "courses[\(i)]", courseIDs: courseIDs, venueIDs: venueIDs, areas: areas,
                                  municipalityNames: municipalityNames)
        }
        checkPrerequisiteCycles()
        for (i, e) in s.fixedEvents.enumerated() {
            let path = "fixedEvents[\(i)]"
            if let v = e.venue, !venueIDs.contains(v) { unknown(.venue, v, among: venueIDs, at: "\(path).venue") }
            for (j, l) in e.leaders.enumerated() where !leaderNames.contains(l) {
                unknown(.leader, l, among: leaderNames, at: "\(path).leaders[\(j)]")
            }
            for (j, m) in e.municipalities.enumerated() where !municipalityNames.contains(m) {
                unknown(.municipality, m, among: municipalityNames, at: "\(path).municipalities[\(j)]")
            }
        }
        for (i, p) in s.pinned.enumerated() {
            checkPinnedReferences(p, "pinned[\(i)]", courseIDs: courseIDs, countyParts: countyParts, leaderNames: leaderNames)
        }
    }

    /// The same name twice is an error at the second place, pointing back at the first.
    mutating func duplicates(_ names: [String], _ kind: NameKind, path: (Int) -> String) {
        var first: [String: Int] = [:]
        for (i, n) in names.enumerated() {
            if let k = first[n] {
                error(path(i), Bilingual("\(kind.definiteSv) \"\(n)\" finns två gånger", "\(kind.singularEn) \"\(n)\" is defined twice"),
                      hint: Bilingual("namnen måste vara unika", "names must be unique"), related: path(k))
            } else {
                first[n] = i
            }
        }
    }

    mutating func checkDuplicates() {
        duplicates(s.municipalities.map(\.name), .municipality) { "municipalities[\($0)].name" }
        duplicates(s.venues.map(\.id), .venue) { "venues[\($0)].id" }
        duplicates(s.courses.map(\.id), .course) { "courses[\($0)].id" }
        duplicates(s.fixedEvents.map(\.id), .event) { "fixedEvents[\($0)].id" }
        // Staff and trainers share one namespace: a session's leader is just a name.
        let staffCount = s.staff.count
        duplicates(s.staff.map(\.name) + s.trainers.map(\.name), .leader) {
            $0 < staffCount ? "staff[\($0)].name" : "trainers[\($0 - staffCount)].name"
        }
        // Names equal but for case or å/ä/ö are almost certainly the same municipality typed twice.
        var folded: [String: Int] = [:]
        for (i, m) in s.municipalities.enumerated() {
            let f = NameMatching.fold(m.name)
            if let k = folded[f], s.municipalities[k].name != m.name {
                warning("municipalities[\(i)].name", Bilingual("kommunen \"\(m.name)\" liknar \"\(s.municipalities[k].name)\"",
                                  "municipality \"\(m.name)\" looks like \"\(s.municipalities[k].name)\""),
                        hint: Bilingual("samma kommun två gånger? namnen jämförs exakt", "the same municipality twice? names are compared exactly"), related: "municipalities[\(k)].name")
            } else if folded[f] == nil {
                folded[f] = i
            }
        }
        var partSpelling: [String: String] = [:]
        for (i, m) in s.municipalities.enumerated() {
            let f = NameMatching.fold(m.countyPart)
            if let other = partSpelling[f], other != m.countyPart {
                warning("municipalities[\(i)].countyPart", Bilingual("länsdelen \"\(m.countyPart)\" stavas \"\(other)\" på andra ställen",
                                  "county part \"\(m.countyPart)\" is spelt \"\(other)\" elsewhere"),
                        hint: Bilingual("de räknas som två olika länsdelar", "they count as two different county parts"))
            } else if partSpelling[f] == nil {
                partSpelling[f] = m.countyPart
            }
        }
    }

    mutating func checkCourseReferences(_ c: Course, _ path: String, courseIDs: [String], venueIDs: [String],
                                        areas: [String], municipalityNames: [String]) {
        for (j, v) in c.venues.enumerated() {
            guard let venue = s.venue(v) else {
                unknown(.venue, v, among: venueIDs, at: "\(path).venues[\(j)]")
                continue
            }
            switch c.delivery {
            case .digital where venue.mode != .digital:
                error("\(path).venues[\(j)]", Bilingual("kursen \(c.id) är digital men lokalen \(v) är fysisk", "course \(c.id) is digital but venue \(v) is physical"))
            case .county where venue.mode != .physical, .countyPart where venue.mode != .physical:
                error("\(path).venues[\(j)]", Bilingual("kursen \(c.id) hålls på plats (\(c.delivery.rawValue)) men lokalen \(v) är digital",
                                                   "course \(c.id) is held on site (\(c.delivery.rawValue)) but venue \(v) is digital"))
            default: break
            }
        }
        switch c.delivery {
        case .county where c.venues.isEmpty:
            error("\(path).venues", Bilingual("kursen \(c.id) är länsgemensam (delivery: county) men anger ingen lokal",
                                            "course \(c.id) is county-wide (delivery: county) but names no venue"),
                  hint: Bilingual("lägg till venues: [<lokalens id>]", "add venues: [<venue id>]"))
        case .digital where c.venues.isEmpty && !s.venues.contains(where: { $0.mode == .digital }):
            error("\(path).delivery", Bilingual("kursen \(c.id) är digital men scenariot har ingen digital lokal",
                                              "course \(c.id) is digital but the scenario has no digital venue"),
                  hint: Bilingual("lägg till en lokal med mode: digital", "add a venue with mode: digital"))
        case .countyPart:
            let physicalParts = Set(s.venues.filter { $0.mode == .physical }.compactMap(\.countyPart))
            for part in s.countyParts where !physicalParts.contains(part) {
                let eligible = s.municipalities.filter { $0.countyPart == part }.reduce(0) { $0 + $1.persons(in: c.audience) }
                if eligible > 0 {
                    warning("\(path).delivery", Bilingual("kursen \(c.id) hålls per länsdel, men \(part) har ingen fysisk lokal",
                                                        "course \(c.id) is held per county part, but \(part) has no physical venue"),
                            hint: Bilingual("dess \(eligible) personer i målgruppen kan bara delta på annat håll (om resor tillåts)",
                                            "its \(eligible) eligible persons can only attend elsewhere (if travel is allowed)"))
                }
            }
        default: break
        }
        for (j, a) in c.audience.enumerated() {
            if let area = a.area, !areas.contains(area) {
                unknown(.area, area, among: areas, at: "\(path).audience[\(j)].area")
            }
        }
        for (j, p) in c.prerequisites.enumerated() {
            if p.course == c.id {
                error("\(path).prerequisites[\(j)].course", Bilingual("kursen \(c.id) är sin egen förkunskapskurs", "course \(c.id) is its own prerequisite"))
            } else if !courseIDs.contains(p.course) {
                unknown(.course, p.course, among: courseIDs, at: "\(path).prerequisites[\(j)].course")
            }
        }
        for (j, a) in c.after.enumerated() {
            if a.course == c.id {
                error("\(path).after[\(j)].course", Bilingual("kursen \(c.id) kan inte komma efter sig själv", "course \(c.id) cannot come after itself"))
            } else if !courseIDs.contains(a.course) {
                unknown(.course, a.course, among: courseIDs, at: "\(path).after[\(j)].course")
            }
        }
        for (j, id) in (c.aheadOf?.courses ?? []).enumerated() {
            if id == c.id {
                error("\(path).aheadOf.courses[\(j)]", Bilingual("kursen \(c.id) kan inte gå före sig själv", "course \(c.id) cannot be ahead of itself"))
            } else if !courseIDs.contains(id) {
                unknown(.course, id, among: courseIDs, at: "\(path).aheadOf.courses[\(j)]")
            }
        }
        if case .perMunicipality(let counts) = c.attendance {
            for name in counts.keys.sorted() where !municipalityNames.contains(name) {
                unknown(.municipality, name, among: municipalityNames, at: "\(path).attendance.perMunicipality.\(name)")
            }
        }
        if case .perGroup(let ask) = c.attendance { checkGroupAsk(ask, c, path) }
        if s.leaders(for: c.id).isEmpty {
            warning("\(path).id", Bilingual("ingen får leda kursen \(c.id), så den kan inte planeras", "nobody may lead course \(c.id), so it cannot be planned"),
                    hint: Bilingual("lägg till \(c.id) i `courses` för någon i personalen eller en utbildare",
                                    "add \(c.id) to the `courses` of a staff member or trainer"))
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
                                  viaAfter ? Bilingual("kurserna som ska hållas först (prerequisites, `after`) bildar en cirkel: \(names)",
                                                       "the courses to hold first (prerequisites, `after`) form a cycle: \(names)")
                                           : Bilingual("förkunskapskraven bildar en cirkel: \(names)", "prerequisites form a cycle: \(names)"),
                                  hint: Bilingual("ingen kurs i en cirkel kan någonsin hållas", "no course in a cycle can ever be held"))
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
            unknown(.course, p.course, among: courseIDs, at: "\(path).course")
            return
        }
        if let part = p.countyPart {
            if !countyParts.contains(part) {
                unknown(.countyPart, part, among: countyParts, at: "\(path).countyPart")
            } else if c.delivery != .countyPart {
                error("\(path).countyPart", Bilingual("kursen \(c.id) hålls inte per länsdel (delivery: \(c.delivery.rawValue)), så ett låst tillfälle kan inte ange någon",
                                                 "course \(c.id) is not held per county part (delivery: \(c.delivery.rawValue)), so a pinned session cannot name one"))
            }
        }
        if let l = p.leader {
            if !leaderNames.contains(l) {
                unknown(.leader, l, among: leaderNames, at: "\(path).leader")
            } else if !s.leaders(for: c.id).contains(l) {
                error("\(path).leader", Bilingual("\(l) får inte leda kursen \(c.id)", "\(l) may not lead course \(c.id)"),
                      hint: Bilingual("lägg till \(c.id) bland kurserna för \(l), eller lås en annan ledare",
                                      "add \(c.id) to \(l)'s courses, or pin another leader"))
            }
        }
    }
}
