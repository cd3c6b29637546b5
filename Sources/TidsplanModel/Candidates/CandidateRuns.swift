import TidsplanCore

/// All runs of one course for one group of municipalities (a county part, or the whole county for
/// county-wide and digital courses). A run is one session, or all meetings of a series.
///
/// Runs of a group are interchangeable, so the week model counts them (how many start in each week)
/// instead of naming each one: GLPK has no symmetry detection, and counting keeps the model small.
/// Runs get their ids afterwards (`RunIdentity`).
struct RunGroup: Sendable {
    let course: Course
    /// County part served, or nil for county-wide and digital runs.
    let countyPart: String?
    let venue: Venue
    /// Municipalities that may take seats: the most seats in one session (persons in the audience, the
    /// share that may be away in a day, the course maximum) and the persons in the audience.
    let seatCaps: [(municipality: String, perSession: Int, eligible: Int)]
    /// Everyone qualified to lead it, in scenario order.
    let leaderPool: [String]
    /// Most seats for the municipalities in one run: the course's maximum (or the room) less its reserved places.
    let maxParticipants: Int
    /// Fewest seats for the municipalities in one run: the course's minimum less its reserved places.
    var minSeats: Int { max(0, course.minParticipants - course.reservedSeats) }
    /// Most runs worth holding (enough to seat everyone eligible, plus one for flexibility).
    let maxRuns: Int
    /// Used in run ids: `MI-hoglandet-2`.
    let slug: String

    var key: String { "\(course.id)|\(countyPart ?? "")" }
    var meetings: Int { course.meetings }
    var everyWeeks: Int { course.series?.everyWeeks ?? 0 }
    var needsLeaderChoice: Bool { leaderPool.count > course.leadersPerSession }

    func runID(ordinal: Int) -> String { "\(course.id)-\(slug)-\(ordinal)" }
    func sessionID(run: String, meeting: Int) -> String { course.series == nil ? run : "\(run)-m\(meeting)" }
    func cap(_ m: String) -> Int { seatCaps.first { $0.municipality == m }?.perSession ?? 0 }
}

/// Why a course could not get any run for some group (reported as a shortfall).
struct CandidateGap: Sendable {
    let course: String
    let group: String
    let reason: String
    var cause: ShortfallCause? = nil
}

enum RunGroupGenerator {
    /// `minimumRuns` (group key → n) keeps room for every run of a previous plan when re-planning.
    /// `scope` names the area of a decomposed plan in the ids of its county-wide and digital runs, which
    /// every area has its own of (`HP-digital-blekinge-1`).
    static func generate(scenario: Scenario, minimumRuns: [String: Int] = [:], scope: String? = nil) -> (groups: [RunGroup], gaps: [CandidateGap]) {
        var groups: [RunGroup] = []
        var gaps: [CandidateGap] = []
        let share = scenario.rules.maxShareAwayPerDay
        for course in scenario.courses {
            let pool = scenario.leaders(for: course.id)
            if pool.count < course.leadersPerSession {
                gaps.append(CandidateGap(course: course.id, group: "",
                    reason: "nobody may lead \(course.name) (it needs \(course.leadersPerSession) leader(s))", cause: .noLeader(course: course.id)))
                continue
            }
            let parts: [String?] = course.delivery == .countyPart ? scenario.countyParts.map { Optional($0) } : [nil]
            for part in parts {
                let members = scenario.municipalities.filter { part == nil || $0.countyPart == part }
                var caps: [(String, Int, Int)] = []
                var eligible = 0
                for m in members {
                    // Persons who may get a place: the target groups' allowance, not the whole audience.
                    let persons = TargetGroupDemand.allowance(course, m, tolerance: scenario.rules.attendanceTolerance).values.reduce(0, +)
                    let dayCap = Int((share * Double(m.persons) + 1e-9).rounded(.down))
                    let cap = min(persons, dayCap, course.maxParticipants - course.reservedSeats)
                    if cap > 0 { caps.append((m.name, cap, persons)); eligible += persons }
                }
                let where_ = part.map { " in \($0)" } ?? ""
                guard let venue = pickVenue(course: course, countyPart: part, scenario: scenario) else {
                    gaps.append(CandidateGap(course: course.id, group: part ?? "county",
                        reason: "no \(course.delivery == .digital ? "digital" : "physical") venue for \(course.name)\(where_)"))
                    continue
                }
                let maxP = min(course.maxParticipants, venue.capacity) - course.reservedSeats
                let minSeats = max(1, course.minParticipants - course.reservedSeats)
                let key = "\(course.id)|\(part ?? "")"
                var count = 0
                if eligible >= minSeats && maxP >= minSeats {
                    count = min((eligible + maxP - 1) / maxP + 1, max(1, eligible / minSeats))
                } else if eligible > 0 {
                    gaps.append(CandidateGap(course: course.id, group: part ?? "county",
                        reason: "\(course.name): only \(eligible) eligible persons\(where_), fewer than the minimum \(course.minParticipants) per session",
                        cause: .tooFewForMinimumSize(course: course.id, countyPart: part ?? "", eligible: eligible, minimum: course.minParticipants)))
                }
                // Room for the runs the scenario promises (as many as the eligible persons can fill).
                if let need = course.runs, count > 0 {
                    let promised = part == nil ? need.min : max(need.perCountyPart, need.min)
                    count = max(count, min(promised, eligible / minSeats))
                }
                count = max(count, minimumRuns[key] ?? 0)
                guard count > 0 else { continue }
                let slug = part.map(Slug.make) ?? ((course.delivery == .digital ? "digital" : "lan") + (scope.map { "-\($0)" } ?? ""))
                groups.append(RunGroup(course: course, countyPart: part, venue: venue, seatCaps: caps, leaderPool: pool,
                                       maxParticipants: maxP, maxRuns: count, slug: slug))
            }
        }
        return (groups, gaps)
    }

    /// The venue a run uses: the course's own venues first, then any suitable venue; the roomiest wins,
    /// then the cheapest, then the id (deterministic).
    static func pickVenue(course: Course, countyPart: String?, scenario: Scenario) -> Venue? {
        let wantedMode: DeliveryMode = course.delivery == .digital ? .digital : .physical
        func suitable(_ v: Venue) -> Bool {
            guard v.mode == wantedMode else { return false }
            if course.delivery == .countyPart { return v.countyPart == countyPart }
            return true
        }
        let own = course.venues.compactMap { scenario.venue($0) }.filter(suitable)
        let pool = own.isEmpty && course.delivery != .county ? scenario.venues.filter(suitable) : own
        return pool.sorted { a, b in
            let ca = min(a.capacity, course.maxParticipants), cb = min(b.capacity, course.maxParticipants)
            if ca != cb { return ca > cb }
            if a.costPerDay != b.costPerDay { return a.costPerDay < b.costPerDay }
            return a.id < b.id
        }.first
    }

    /// The ordinal at the end of a run id (`MI-hoglandet-3` → 3).
    static func ordinal(ofRunID id: String) -> Int? {
        guard let last = id.split(separator: "-").last else { return nil }
        return Int(last)
    }
}

/// ASCII slugs for ids and model row names: "Södra Vätterbygden" → "sodra-vatterbygden".
public enum Slug {
    public static func make(_ s: String) -> String {
        let map: [Character: String] = ["å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "ae", "ø": "o"]
        var out = ""
        var dash = false
        for ch in s.lowercased() {
            let piece = map[ch] ?? String(ch)
            for c in piece {
                if c.isASCII && (c.isLetter || c.isNumber) { out.append(c); dash = false }
                else if !dash && !out.isEmpty { out.append("-"); dash = true }
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }
}
