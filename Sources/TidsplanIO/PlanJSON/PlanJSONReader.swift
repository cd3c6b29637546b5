import Foundation
import TidsplanCore

/// Reads plan.json (as written by `PlanJSONWriter`) back into a `Plan`, checking every field.
///
/// Strict on purpose: a previous plan drives `replan` (frozen sessions, calendar SEQUENCE), so a
/// hand edit with a typo must stop the run with a clear message rather than be half-read.
/// Unknown fields are errors too (a misspelt `"frozen"` would otherwise be silently lost).
public enum PlanJSONReader {
    /// Solver statuses `SolverSummary.status` documents.
    public static let solverStatuses = SolverStatus.allCases.map(\.rawValue)

    public static func decode(_ text: String, file: String) throws(PlanReadError) -> Plan {
        // A byte order mark from an editor is harmless; JSONSerialization would reject it.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            let at = syntaxPosition(detail, in: body)
            // The parser's own detail is English: the Swedish message gives the place only.
            throw PlanReadError(file: file, path: "", message: Bilingual("är inte giltig JSON\(at.sv)", "is not valid JSON\(at.en): \(detail)"))
        }
        let root = try JSONNode(value: parsed, path: "", file: file).object()
        try root.rejectUnknownFields(["format", "scenario", "period", "asOf", "commitmentChanges", "solver", "sessions",
                                      "municipalities", "shortfalls", "calendarSeries"])

        let formatNode = try root.field("format")
        let format = try formatNode.string()
        guard format == PlanJSONWriter.format || format == PlanJSONWriter.formatWithTextSubjects else {
            let expected = "\(JSONText.quote(PlanJSONWriter.format)) eller \(JSONText.quote(PlanJSONWriter.formatWithTextSubjects))"
            let expectedEn = "\(JSONText.quote(PlanJSONWriter.format)) or \(JSONText.quote(PlanJSONWriter.formatWithTextSubjects))"
            throw formatNode.error(Bilingual("\(JSONText.quote(format)) är inget format som stöds (väntade \(expected))",
                                             "\(JSONText.quote(format)) is not a supported format (expected \(expectedEn))"))
        }
        let textSubjects = format == PlanJSONWriter.formatWithTextSubjects
        let scenario = try root.field("scenario").nonEmptyString()
        let period = try readPeriod(root.field("period"))
        let asOf = try root.optionalField("asOf")?.day()
        var commitmentChanges: [CommitmentChange] = []
        for node in try root.optionalField("commitmentChanges")?.array() ?? [] {
            commitmentChanges.append(try readCommitmentChange(node))
        }
        let solver = try readSolver(root.field("solver"))

        var sessions: [PlannedSession] = []
        var seenIDs: Set<String> = []
        for node in try root.field("sessions").array() {
            let s = try readSession(node)
            guard seenIDs.insert(s.id).inserted else {
                throw node.error(Bilingual("tillfällets id \(JSONText.quote(s.id)) förekommer två gånger (id:n måste vara unika: de är kalendrarnas UID)", "session id \(JSONText.quote(s.id)) appears twice (ids must be unique: they are calendar UIDs)"))
            }
            sessions.append(s)
        }
        var municipalities: [MunicipalityHours] = []
        for node in try root.field("municipalities").array() { municipalities.append(try readMunicipality(node)) }
        var shortfalls: [Shortfall] = []
        for node in try root.field("shortfalls").array() { shortfalls.append(try readShortfall(node, textSubject: textSubjects)) }

        var plan = Plan(scenario: scenario, period: period, solver: solver, sessions: sessions,
                        municipalities: municipalities, shortfalls: shortfalls, asOf: asOf)
        plan.commitmentChanges = commitmentChanges
        if let node = root.optionalField("calendarSeries") { plan.calendarSeries = try readSeries(node) }
        return plan
    }

    private static func readSeries(_ node: JSONNode) throws(PlanReadError) -> CalendarSeries {
        var series = CalendarSeries()
        for item in try node.array() {
            let o = try item.object()
            try o.rejectUnknownFields(["path", "owner", "events"])
            let path = try o.field("path").nonEmptyString()
            guard path.hasPrefix("calendars/"), path.hasSuffix(".ics"), !path.split(separator: "/").contains("..") else {
                throw item.error(Bilingual("\(JSONText.quote(path)) är ingen kalenderfil under calendars/", "\(JSONText.quote(path)) is not a calendar file below calendars/"))
            }
            guard series.files[path] == nil else { throw item.error(Bilingual("\(JSONText.quote(path)) förekommer två gånger", "\(JSONText.quote(path)) appears twice")) }
            var file = CalendarSeries.File(owner: try o.field("owner").string())
            for eventNode in try o.field("events").array() {
                let parts = try eventNode.array()
                guard parts.count == 4 else { throw eventNode.error(Bilingual("en händelse är [uid, sequence, lastModified, digest]", "an event is [uid, sequence, lastModified, digest]")) }
                let uid = try parts[0].nonEmptyString()
                let lastModified = try parts[2].string()
                guard lastModified.utf8.count == 16, lastModified.hasSuffix("Z") else {
                    throw parts[2].error(Bilingual("\(JSONText.quote(lastModified)) är ingen UTC-tid som 20250301T080000Z", "\(JSONText.quote(lastModified)) is not a UTC time like 20250301T080000Z"))
                }
                file.events[uid] = CalendarSeries.Event(sequence: try parts[1].nonNegativeInt(), lastModified: lastModified,
                                                        digest: try parts[3].nonEmptyString())
            }
            series.files[path] = file
        }
        return series
    }

    private static func readCommitmentChange(_ node: JSONNode) throws(PlanReadError) -> CommitmentChange {
        let o = try node.object()
        try o.rejectUnknownFields(["municipality", "kind", "from", "quotaHours"])
        let kindNode = try o.field("kind")
        let kind = try enumValue(CommitmentChange.Kind.self, kindNode, CommitmentChange.Kind.allCases.map(\.rawValue))
        let quota = try o.optionalField("quotaHours")?.nonNegativeInt()
        guard (kind == .withdrawal) == (quota == nil) else {
            throw kindNode.error(kind == .withdrawal ? Bilingual("ett utträde har ingen quotaHours", "a withdrawal has no quotaHours") : Bilingual("en \(kind.rawValue) behöver quotaHours", "a \(kind.rawValue) needs quotaHours"))
        }
        return CommitmentChange(municipality: try o.field("municipality").nonEmptyString(), kind: kind,
                                from: try o.field("from").day(), quotaHours: quota)
    }

    /// " at line L, column C" for the parser's "around character N" (a 0-based UTF-8 offset), or the
    /// last line for an unexpected end; "" when the message names no place.
    static func syntaxPosition(_ detail: String, in text: String) -> Bilingual {
        let bytes = Array(text.utf8)
        var offset: Int?
        if let r = detail.range(of: "character ") {
            offset = Int(detail[r.upperBound...].prefix { $0.isNumber }).map { max(0, min(bytes.count, $0)) }
        } else if detail.lowercased().contains("end of file") {
            offset = bytes.count
        }
        guard let offset else { return Bilingual(same: "") }
        let before = bytes[..<offset]
        let line = before.filter { $0 == 0x0A }.count + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return Bilingual(" på rad \(line), kolumn \(column)", " at line \(line), column \(column)")
    }

    private static func readPeriod(_ node: JSONNode) throws(PlanReadError) -> DateRange {
        let o = try node.object()
        try o.rejectUnknownFields(["start", "end"])
        let start = try o.field("start").day()
        let endNode = try o.field("end")
        let end = try endNode.day()
        guard start <= end else { throw endNode.error(Bilingual("\(end.iso) ligger före starten \(start.iso)", "\(end.iso) is before the start \(start.iso)")) }
        return DateRange(from: start, to: end)
    }

    private static func readSolver(_ node: JSONNode) throws(PlanReadError) -> SolverSummary {
        let o = try node.object()
        try o.rejectUnknownFields(["name", "version", "status", "objective", "bound", "gap", "areas"])
        return SolverSummary(name: try o.field("name").string(),
                             version: try o.field("version").string(),
                             status: SolverStatus(rawValue: try o.field("status").oneOf(solverStatuses)) ?? .error,
                             objective: try o.field("objective").optionalDouble(),
                             bound: try o.field("bound").optionalDouble(),
                             gap: try o.field("gap").optionalDouble(),
                             areas: try o.optionalField("areas")?.nonNegativeInt())
    }

    private static func readSession(_ node: JSONNode) throws(PlanReadError) -> PlannedSession {
        let o = try node.object()
        try o.rejectUnknownFields(["id", "kind", "course", "title", "date", "start", "end", "hours", "venue", "mode",
                                   "leaders", "frozen", "status", "seats", "countyPart", "series", "sequence",
                                   "attendingMunicipalities", "groupSeats", "reserved", "cancelledIn", "attendance"])
        let id = try o.field("id").nonEmptyString()
        let kind = try enumValue(SessionKind.self, o.field("kind"), ["training", "event"])
        let course = try o.field("course").nonEmptyString()
        let title = try o.field("title").string()
        let date = try o.field("date").day()
        let start = try o.field("start").time()
        let endNode = try o.field("end")
        let end = try endNode.time()
        // Calendar clients choke on events that end before they start.
        guard start < end else { throw endNode.error(Bilingual("\(end.text) ligger inte efter starten \(start.text)", "\(end.text) is not after the start \(start.text)")) }
        let hours = try o.field("hours").nonNegativeDouble()
        let venue = try o.field("venue").string()
        let mode = try enumValue(DeliveryMode.self, o.field("mode"), ["physical", "digital"])
        let leaders = try o.field("leaders").strings()
        let frozen = try o.field("frozen").bool()
        let status = try enumValue(SessionStatus.self, o.field("status"), ["planned", "cancelled"])

        let seatsObject = try o.field("seats").object()
        var seats: [String: Int] = [:]
        for name in seatsObject.keys { seats[name] = try seatsObject.entry(name).nonNegativeInt() }

        let countyPart = try o.field("countyPart").string()
        var series: SeriesPosition?
        if let seriesNode = o.optionalField("series") {
            let so = try seriesNode.object()
            try so.rejectUnknownFields(["run", "meeting", "of"])
            let run = try so.field("run").nonEmptyString()
            let meetingNode = try so.field("meeting")
            let meeting = try meetingNode.int()
            let of = try so.field("of").int()
            guard of >= 1, (1...of).contains(meeting) else {
                throw meetingNode.error(Bilingual("träff \(meeting) av \(of) är ingen träff i serien", "meeting \(meeting) of \(of) is not a meeting of the series"))
            }
            series = SeriesPosition(run: run, meeting: meeting, of: of)
        }
        let sequence = try o.field("sequence").nonNegativeInt()
        let attending = try o.field("attendingMunicipalities").strings()
        var cancelledIn = CalendarFiles()
        if let node = o.optionalField("cancelledIn") {
            let c = try node.object()
            try c.rejectUnknownFields(["leaders", "municipalities", "venues"])
            cancelledIn = CalendarFiles(leaders: try c.field("leaders").strings(),
                                        municipalities: try c.field("municipalities").strings(),
                                        venues: try c.field("venues").strings())
        }

        var session = PlannedSession(id: id, kind: kind, course: course, title: title, date: date, start: start, end: end,
                                     hours: hours, venue: venue, mode: mode, leaders: leaders, frozen: frozen,
                                     status: status, seats: seats, series: series, countyPart: countyPart,
                                     sequence: sequence, attendingMunicipalities: attending)
        // Plans written before seats were split by area and role have no `groupSeats`.
        if let groupNode = o.optionalField("groupSeats") {
            for item in try groupNode.array() {
                let g = try item.object()
                try g.rejectUnknownFields(["municipality", "area", "role", "seats"])
                let municipality = try g.field("municipality").nonEmptyString()
                guard seats[municipality] != nil else { throw item.error(Bilingual("\(JSONText.quote(municipality)) har inga platser i detta tillfälle", "\(JSONText.quote(municipality)) has no seats in this session")) }
                session.groupSeats.append(GroupSeats(municipality: municipality, area: try g.field("area").nonEmptyString(),
                                                     role: try enumValue(Role.self, g.field("role"), Role.allCases.map(\.rawValue)),
                                                     seats: try g.field("seats").nonNegativeInt()))
            }
        }
        if let reservedNode = o.optionalField("reserved") {
            for item in try reservedNode.array() {
                let r = try item.object()
                try r.rejectUnknownFields(["organisation", "seats"])
                session.reserved.append(ReservedSeats(organisation: try r.field("organisation").nonEmptyString(),
                                                      seats: try r.field("seats").nonNegativeInt()))
            }
        }
        session.cancelledIn = cancelledIn
        if let node = o.optionalField("attendance") {
            let a = try node.object()
            try a.rejectUnknownFields(["booked", "plannedDate", "corrections"])
            var booked: [GroupSeats] = []
            for item in try a.field("booked").array() {
                let g = try item.object()
                try g.rejectUnknownFields(["municipality", "area", "role", "seats"])
                booked.append(GroupSeats(municipality: try g.field("municipality").nonEmptyString(), area: try g.field("area").nonEmptyString(),
                                         role: try enumValue(Role.self, g.field("role"), Role.allCases.map(\.rawValue)),
                                         seats: try g.field("seats").nonNegativeInt()))
            }
            session.attendance = SessionAttendance(booked: booked, plannedDate: try a.optionalField("plannedDate")?.day(),
                                                   corrections: try a.optionalField("corrections")?.strings() ?? [])
        }
        return session
    }

    private static func readMunicipality(_ node: JSONNode) throws(PlanReadError) -> MunicipalityHours {
        let o = try node.object()
        try o.rejectUnknownFields(["name", "quotaHours", "plannedHours", "rateKrPerHour", "cofinancingKr"])
        let m = MunicipalityHours(name: try o.field("name").nonEmptyString(),
                                  quotaHours: try o.field("quotaHours").nonNegativeInt(),
                                  plannedHours: try o.field("plannedHours").nonNegativeDouble(),
                                  rateKrPerHour: try o.field("rateKrPerHour").nonNegativeInt())
        // Derived, so not stored in the Plan; but a hand edit that changed only one side is a mistake.
        let krNode = try o.field("cofinancingKr")
        let kr = try krNode.double()
        guard abs(kr - m.cofinancingKr) <= 0.5 else {
            throw krNode.error(Bilingual("\(JSONText.number(kr)) är inte plannedHours × rateKrPerHour (\(JSONText.number(m.cofinancingKr)))",
                                         "\(JSONText.number(kr)) is not plannedHours × rateKrPerHour (\(JSONText.number(m.cofinancingKr)))"))
        }
        return m
    }

    /// `textSubject`: a plan.json of format `/1`, whose subjects are composite strings (read by kind).
    private static func readShortfall(_ node: JSONNode, textSubject: Bool) throws(PlanReadError) -> Shortfall {
        let o = try node.object()
        try o.rejectUnknownFields(["kind", "subject", "amount", "unit", "reason", "cause"])
        var cause: ShortfallCause?
        if let causeNode = o.optionalField("cause") {
            let c = try causeNode.object()
            let type = try c.field("type").nonEmptyString()
            var fields: [String: CauseValue] = [:]
            for key in c.keys where key != "type" {
                let v = c.entry(key)
                if let x = try? v.double() { fields[key] = .number(x) }
                else if let s = try? v.string() { fields[key] = .text(s) }
                else { fields[key] = .texts(try v.strings()) }
            }
            guard let typed = ShortfallCause(type: type, fields: fields) else {
                throw causeNode.error(Bilingual("ingen känd orsak av typen \(JSONText.quote(type)) med sina fält", "not a known cause of type \(JSONText.quote(type)) with its fields"))
            }
            cause = typed
        }
        let kind = try o.field("kind").nonEmptyString()
        let subjectNode = try o.field("subject")
        let subject = textSubject ? ShortfallSubject(legacy: try subjectNode.string(), kind: kind) : try readSubject(subjectNode)
        return Shortfall(kind: kind,
                         subject: subject,
                         amount: try o.field("amount").double(),
                         unit: try o.field("unit").string(),
                         reason: try o.field("reason").string(), cause: cause)
    }

    private static func readSubject(_ node: JSONNode) throws(PlanReadError) -> ShortfallSubject {
        let o = try node.object()
        try o.rejectUnknownFields(["course", "municipality", "area", "role", "countyPart", "countyWide", "run", "name"])
        var role: Role?
        if let n = o.optionalField("role") { role = try enumValue(Role.self, n, Role.allCases.map(\.rawValue)) }
        return ShortfallSubject(
            course: try o.optionalField("course")?.nonEmptyString(),
            municipality: try o.optionalField("municipality")?.nonEmptyString(),
            area: try o.optionalField("area")?.nonEmptyString(),
            role: role,
            countyPart: try o.optionalField("countyPart")?.nonEmptyString(),
            countyWide: try o.optionalField("countyWide")?.bool() ?? false,
            run: try o.optionalField("run")?.nonEmptyString(),
            name: try o.optionalField("name")?.string())
    }

    private static func enumValue<E: RawRepresentable>(_ type: E.Type, _ node: JSONNode,
                                                       _ allowed: [String]) throws(PlanReadError) -> E
        where E.RawValue == String {
        let raw = try node.oneOf(allowed)
        guard let v = E(rawValue: raw) else { throw node.error(Bilingual("\(JSONText.quote(raw)) är inget känt värde", "\(JSONText.quote(raw)) is not a known value")) }
        return v
    }
}
