/// A target group in the mapping (kartläggning): an area, a role, or both (`EB`, `EB/staff`, `*/manager`).
/// Like `Audience`, a nil part matches any.
public struct GroupKey: Sendable, Equatable, Hashable {
    public var area: String?
    public var role: Role?
    public init(area: String? = nil, role: Role? = nil) { self.area = area; self.role = role }
    public func matches(_ g: PersonGroup) -> Bool { (area == nil || area == g.area) && (role == nil || role == g.role) }

    /// `EB`, `EB/staff`, `*/manager`, `*`; nil for anything else.
    public init?(text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
        guard (1...2).contains(parts.count), !parts[0].isEmpty else { return nil }
        area = parts[0] == "*" ? nil : parts[0]
        if parts.count == 2 {
            guard let r = Role(rawValue: parts[1]) else { return nil }
            role = r
        }
    }

    public var text: String { (area ?? "*") + (role.map { "/\($0.rawValue)" } ?? "") }
}

/// What a municipality asks of a course: a number of persons (split over the groups by the rule in
/// `TargetGroupDemand`) or persons per target group.
public enum MunicipalityAsk: Sendable, Equatable {
    case total(Int)
    case groups([(key: GroupKey, persons: Int)])

    public static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case let (.total(x), .total(y)): return x == y
        case let (.groups(x), .groups(y)): return x.map(\.key) == y.map(\.key) && x.map(\.persons) == y.map(\.persons)
        default: return false
        }
    }
}

/// The mapping of who needs a course, per target group: the same persons per group in every municipality
/// (`everyMunicipality`), a share of each group's persons (`share`), and per-municipality entries that
/// replace both for that municipality. Lists keep file order: splits depend on it.
public struct GroupAsk: Sendable, Equatable {
    public var everyMunicipality: [(key: GroupKey, persons: Int)]
    public var share: [(key: GroupKey, share: Double)]
    public var perMunicipality: [(municipality: String, ask: MunicipalityAsk)]
    public init(everyMunicipality: [(key: GroupKey, persons: Int)] = [], share: [(key: GroupKey, share: Double)] = [],
                perMunicipality: [(municipality: String, ask: MunicipalityAsk)] = []) {
        self.everyMunicipality = everyMunicipality; self.share = share; self.perMunicipality = perMunicipality
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.everyMunicipality.map(\.key) == b.everyMunicipality.map(\.key)
            && a.everyMunicipality.map(\.persons) == b.everyMunicipality.map(\.persons)
            && a.share.map(\.key) == b.share.map(\.key) && a.share.map(\.share) == b.share.map(\.share)
            && a.perMunicipality.map(\.municipality) == b.perMunicipality.map(\.municipality)
            && a.perMunicipality.map(\.ask) == b.perMunicipality.map(\.ask)
    }
}

/// Who a course is for, per municipality and target group (area × role): the persons asked for, and the
/// most places a group may get. One rule for every consumer (model, verifier, reports, `check`).
///
/// Splitting a number over groups (`perMunicipality: {Aneby: 4}`, or `EB: 2` where EB has staff and
/// managers in the audience): in proportion to the groups' persons, by largest remainder, ties to the group
/// listed first in the municipality, never more than a group has. Shares round half up.
public enum TargetGroupDemand {
    /// Indices into `m.groups` of the groups in the course's audience.
    public static func audienceGroups(_ c: Course, _ m: Municipality) -> [Int] {
        m.groups.indices.filter { i in c.audience.contains { $0.matches(m.groups[i]) } }
    }

    /// Persons asked per group index (only groups in the audience, zeros left out); nil when the course is
    /// taken as needed. Independent of withdrawals: what was asked stays what was asked.
    public static func asked(_ c: Course, _ m: Municipality) -> [Int: Int]? {
        let eligible = audienceGroups(c, m)
        switch c.attendance {
        case .asNeeded: return nil
        case .all:
            var out: [Int: Int] = [:]
            for i in eligible where m.groups[i].persons > 0 { out[i] = m.groups[i].persons }
            return out
        case .perMunicipality(let n):
            return split(n[m.name] ?? 0, over: eligible, m)
        case .perGroup(let ask):
            var out: [Int: Int] = [:]
            func add(_ part: [Int: Int]) { for (i, k) in part { out[i] = min(m.groups[i].persons, (out[i] ?? 0) + k) } }
            if let own = ask.perMunicipality.first(where: { $0.municipality == m.name })?.ask {
                switch own {
                case .total(let n): add(split(n, over: eligible, m))
                case .groups(let list): for e in list { add(split(e.persons, over: eligible.filter { e.key.matches(m.groups[$0]) }, m)) }
                }
                return out.filter { $0.value > 0 }
            }
            for e in ask.everyMunicipality { add(split(e.persons, over: eligible.filter { e.key.matches(m.groups[$0]) }, m)) }
            for e in ask.share {
                var part: [Int: Int] = [:]
                for i in eligible where e.key.matches(m.groups[i]) {
                    part[i] = Int((Double(m.groups[i].persons) * e.share + 0.5 + 1e-9).rounded(.down))
                }
                add(part)
            }
            return out.filter { $0.value > 0 }
        }
    }

    /// Persons asked in all: the sum over the groups (0 when taken as needed).
    public static func askedPersons(_ c: Course, _ m: Municipality) -> Int {
        asked(c, m)?.values.reduce(0, +) ?? 0
    }

    /// The most places each group may get in the course: what it asked plus the tolerance (rounded up),
    /// never more than its persons; for a course taken as needed, every person in the audience. Groups
    /// that asked for nothing are left out: they get no places.
    public static func allowance(_ c: Course, _ m: Municipality, tolerance: Double) -> [Int: Int] {
        guard let asked = asked(c, m) else {
            var out: [Int: Int] = [:]
            for i in audienceGroups(c, m) where m.groups[i].persons > 0 { out[i] = m.groups[i].persons }
            return out
        }
        return asked.reduce(into: [:]) { out, e in
            let extra = Int((Double(e.value) * tolerance - 1e-9).rounded(.up))
            out[e.key] = min(m.groups[e.key].persons, e.value + max(0, extra))
        }
    }

    /// `n` split over the groups `indices` of `m` in proportion to their persons (largest remainder, ties to
    /// the earlier group), capped at each group's persons.
    public static func split(_ n: Int, over indices: [Int], _ m: Municipality) -> [Int: Int] {
        let total = indices.reduce(0) { $0 + m.groups[$1].persons }
        guard n > 0, total > 0 else { return [:] }
        let n = min(n, total)
        var parts = indices.map { (i: $0, k: n * m.groups[$0].persons / total, r: (n * m.groups[$0].persons) % total) }
        var left = n - parts.reduce(0) { $0 + $1.k }
        for j in parts.indices.sorted(by: { (parts[$1].r, $0) < (parts[$0].r, $1) }) where left > 0 {
            parts[j].k += 1
            left -= 1
        }
        var out: [Int: Int] = [:]
        for p in parts where p.k > 0 { out[p.i] = p.k }
        return out
    }
}

/// Persons from outside the municipalities (the Region's psychiatry, the Public Employment Service) who
/// take part in every run of a course: they count against its maximum and minimum, and have no quota.
public struct ReservedSeats: Sendable, Equatable {
    public var organisation: String
    public var seats: Int
    public init(organisation: String, seats: Int) { self.organisation = organisation; self.seats = seats }
}

/// Equal opportunity: hours per person of every municipality's target group should lie in this band.
public struct HoursPerPersonBand: Sendable, Equatable {
    public var min: Double
    public var max: Double?
    public init(min: Double, max: Double? = nil) { self.min = min; self.max = max }
}
