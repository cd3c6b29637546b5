/// What changed between two published plans: per session id, counts, per municipality hours and
/// kronor, and which changes concern which leader and municipality (for a changes report grouped by
/// trainer and by municipality).
public struct PlanDiff: Sendable, Equatable {
    /// Every session id planned in at least one of the plans, in the order of the current plan
    /// (date, start, id; a cancelled session by its previous date). Ids planned in neither plan
    /// (cancelled before and still) are left out: nothing about them changed.
    public var sessions: [SessionChange] { didSet { index = Self.index(sessions) } }
    /// Position in `sessions` by id: reports look changes up per leader and municipality, and a linear
    /// search there made a large plan's changes report quadratic.
    private var index: [String: Int]
    public var counts: Counts
    /// Every municipality of either plan, sorted by name.
    public var municipalities: [MunicipalityChange]
    /// Every leader of a session in either plan, with the sessions that concern them (unchanged ones
    /// too, so a report can say "3 other sessions unchanged"), sorted by name.
    public var byLeader: [Group]
    /// Every municipality with seats or attending in either plan, likewise.
    public var byMunicipality: [Group]

    public init(sessions: [SessionChange], counts: Counts, municipalities: [MunicipalityChange],
                byLeader: [Group], byMunicipality: [Group]) {
        self.sessions = sessions; self.index = Self.index(sessions); self.counts = counts; self.municipalities = municipalities
        self.byLeader = byLeader; self.byMunicipality = byMunicipality
    }

    /// How many sessions of each kind. A changed session counts once in `changed` and once for every
    /// aspect (moved, leader, venue, seats) that changed.
    public struct Counts: Sendable, Equatable {
        public var unchanged = 0
        public var changed = 0
        public var moved = 0
        public var leaderChanged = 0
        public var venueChanged = 0
        public var seatsChanged = 0
        public var cancelled = 0
        public var new = 0
        public init() {}
        /// Sessions that changed in any way (changed, cancelled or new).
        public var total: Int { changed + cancelled + new }
    }

    /// A municipality's planned hours and co-financing before and after.
    public struct MunicipalityChange: Sendable, Equatable {
        public var name: String
        public var hoursBefore: Double
        public var hoursAfter: Double
        public var krBefore: Double
        public var krAfter: Double
        public init(name: String, hoursBefore: Double, hoursAfter: Double, krBefore: Double, krAfter: Double) {
            self.name = name; self.hoursBefore = hoursBefore; self.hoursAfter = hoursAfter
            self.krBefore = krBefore; self.krAfter = krAfter
        }
        public var hoursChange: Double { hoursAfter - hoursBefore }
        public var krChange: Double { krAfter - krBefore }
    }

    /// The sessions that concern one leader or municipality, in the order of `sessions`.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var sessionIDs: [String]
        public init(name: String, sessionIDs: [String]) { self.name = name; self.sessionIDs = sessionIDs }
    }

    public var changedSessions: [SessionChange] { sessions.filter { $0.kind != .unchanged } }
    public var hasChanges: Bool { counts.total > 0 }
    public func change(_ id: String) -> SessionChange? { index[id].map { sessions[$0] } }

    private static func index(_ sessions: [SessionChange]) -> [String: Int] {
        Dictionary(sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
    /// The changes a leader should hear about.
    public func changes(concerningLeader name: String) -> [SessionChange] {
        changedSessions.filter { $0.leadersConcerned.contains(name) }
    }
    /// The changes a municipality should hear about.
    public func changes(concerningMunicipality name: String) -> [SessionChange] {
        changedSessions.filter { $0.municipalitiesConcerned.contains(name) }
    }

    public static func between(previous: Plan, current: Plan) -> PlanDiff {
        // The first session wins on a duplicate id (ids are unique in a valid plan).
        let before = Dictionary(previous.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(current.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var sessions: [SessionChange] = []
        for id in Set(before.keys).union(after.keys) {
            let old = before[id].flatMap { $0.status == .planned ? $0 : nil }
            let new = after[id].flatMap { $0.status == .planned ? $0 : nil }
            switch (old, new) {
            case let (a?, b?):
                let changes = SessionChange.changes(from: a, to: b)
                sessions.append(SessionChange(id: id, kind: changes.isEmpty ? .unchanged : .changed,
                                              changes: changes, previous: a, current: b))
            case let (a?, nil):
                sessions.append(SessionChange(id: id, kind: .cancelled, changes: [], previous: a, current: after[id]))
            case let (nil, b?):
                sessions.append(SessionChange(id: id, kind: .new, changes: [], previous: before[id], current: b))
            case (nil, nil):
                continue
            }
        }
        sessions.sort { x, y in
            let a = x.current?.status == .planned ? x.current : x.previous
            let b = y.current?.status == .planned ? y.current : y.previous
            return (a?.date ?? Day(ordinal: 0), a?.start ?? ClockTime(minutes: 0), x.id)
                < (b?.date ?? Day(ordinal: 0), b?.start ?? ClockTime(minutes: 0), y.id)
        }

        var counts = Counts()
        for s in sessions {
            switch s.kind {
            case .unchanged: counts.unchanged += 1
            case .cancelled: counts.cancelled += 1
            case .new: counts.new += 1
            case .changed:
                counts.changed += 1
                if s.isMoved { counts.moved += 1 }
                if s.isLeaderChanged { counts.leaderChanged += 1 }
                if s.isVenueChanged { counts.venueChanged += 1 }
                if s.isSeatsChanged { counts.seatsChanged += 1 }
            }
        }

        return PlanDiff(sessions: sessions, counts: counts,
                        municipalities: municipalityChanges(previous: previous, current: current),
                        byLeader: groups(sessions, by: \.leadersConcerned),
                        byMunicipality: groups(sessions, by: \.municipalitiesConcerned))
    }

    /// Hours from each plan's own sessions (planned training, participants × hours); kronor at the
    /// rate each plan states for the municipality (0 when a plan does not list it).
    static func municipalityChanges(previous: Plan, current: Plan) -> [MunicipalityChange] {
        func rates(_ p: Plan) -> [String: Int] {
            Dictionary(p.municipalities.map { ($0.name, $0.rateKrPerHour) }, uniquingKeysWith: { first, _ in first })
        }
        func seatedNames(_ p: Plan) -> [String] {
            p.activeSessions.filter { $0.kind == .training }.flatMap { $0.seats.filter { $0.value != 0 }.keys }
        }
        let rateBefore = rates(previous), rateAfter = rates(current)
        let names = Set(previous.municipalities.map(\.name) + current.municipalities.map(\.name)
                        + seatedNames(previous) + seatedNames(current)).sorted()
        return names.map { name in
            let hoursBefore = previous.plannedHours(name), hoursAfter = current.plannedHours(name)
            return MunicipalityChange(name: name, hoursBefore: hoursBefore, hoursAfter: hoursAfter,
                                      krBefore: hoursBefore * Double(rateBefore[name] ?? 0),
                                      krAfter: hoursAfter * Double(rateAfter[name] ?? 0))
        }
    }

    static func groups(_ sessions: [SessionChange], by names: (SessionChange) -> [String]) -> [Group] {
        var ids: [String: [String]] = [:]
        for s in sessions {
            for name in names(s) { ids[name, default: []].append(s.id) }
        }
        return ids.keys.sorted().map { Group(name: $0, sessionIDs: ids[$0] ?? []) }
    }
}
