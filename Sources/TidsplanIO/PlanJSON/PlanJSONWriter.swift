import TidsplanCore

/// Writes plan.json: the stable contract other tools (and `tidsplan replan`) read.
///
/// Hand-written so the bytes depend only on the plan: fixed key order, 2-space indent, objects
/// one key per line, arrays of strings on one line, seats sorted by municipality name, numbers
/// per `NumberText.plain` (NaN/infinity → null), a final newline. No clock time: two runs
/// that find the same plan write the same file.
public enum PlanJSONWriter {
    /// The format tag; a reader refuses other versions. `/2`: shortfall subjects are typed objects.
    public static let format = "tidsplan-plan/2"
    /// The format before typed shortfall subjects (`subject` a string); still read.
    public static let formatWithTextSubjects = "tidsplan-plan/1"

    public static func encode(_ plan: Plan) -> String {
        var root: [(String, JSONOut)] = [
            ("format", .string(format)),
            ("scenario", .string(plan.scenario)),
            ("period", .object([("start", .string(plan.period.from.iso)), ("end", .string(plan.period.to.iso))])),
        ]
        if let asOf = plan.asOf { root.append(("asOf", .string(asOf.iso))) }
        if !plan.commitmentChanges.isEmpty {
            root.append(("commitmentChanges", .array(plan.commitmentChanges.map { c in
                var fields: [(String, JSONOut)] = [("municipality", .string(c.municipality)), ("kind", .string(c.kind.rawValue)),
                                                   ("from", .string(c.from.iso))]
                if let q = c.quotaHours { fields.append(("quotaHours", .number(Double(q)))) }
                return .object(fields)
            })))
        }
        var solver: [(String, JSONOut)] = [
            ("name", .string(plan.solver.name)),
            ("version", .string(plan.solver.version)),
            ("status", .string(plan.solver.status.rawValue)),
            ("objective", .number(plan.solver.objective)),
            ("bound", .number(plan.solver.bound)),
            ("gap", .number(plan.solver.gap)),
        ]
        if let areas = plan.solver.areas { solver.append(("areas", .number(Double(areas)))) }
        root.append(("solver", .object(solver)))
        root.append(("sessions", .array(plan.sessions.map(session))))
        root.append(("municipalities", .array(plan.municipalities.map { m in
            .object([
                ("name", .string(m.name)),
                ("quotaHours", .number(Double(m.quotaHours))),
                ("plannedHours", .number(m.plannedHours)),
                ("rateKrPerHour", .number(Double(m.rateKrPerHour))),
                ("cofinancingKr", .number(m.cofinancingKr)),
            ])
        })))
        root.append(("shortfalls", .array(plan.shortfalls.map { s in
            var fields: [(String, JSONOut)] = [
                ("kind", .string(s.kind)),
                ("subject", subject(s.subject)),
                ("amount", .number(s.amount)),
                ("unit", .string(s.unit)),
                ("reason", .string(s.reason)),
            ]
            if let cause = s.cause { fields.append(("cause", Self.cause(cause))) }
            return .object(fields)
        })))
        if let series = plan.calendarSeries { root.append(("calendarSeries", Self.series(series))) }
        var out = ""
        JSONOut.object(root).write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    /// Only the fields that apply, in a fixed order.
    private static func subject(_ t: ShortfallSubject) -> JSONOut {
        var fields: [(String, JSONOut)] = []
        if let c = t.course { fields.append(("course", .string(c))) }
        if let m = t.municipality { fields.append(("municipality", .string(m))) }
        if let a = t.area { fields.append(("area", .string(a))) }
        if let r = t.role { fields.append(("role", .string(r.rawValue))) }
        if let p = t.countyPart { fields.append(("countyPart", .string(p))) }
        if t.countyWide { fields.append(("countyWide", .bool(true))) }
        if let r = t.run { fields.append(("run", .string(r))) }
        if let n = t.name { fields.append(("name", .string(n))) }
        return .object(fields)
    }

    private static func session(_ s: PlannedSession) -> JSONOut {
        var fields: [(String, JSONOut)] = [
            ("id", .string(s.id)),
            ("kind", .string(s.kind.rawValue)),
            ("course", .string(s.course)),
            ("title", .string(s.title)),
            ("date", .string(s.date.iso)),
            ("start", .string(s.start.text)),
            ("end", .string(s.end.text)),
            ("hours", .number(s.hours)),
            ("venue", .string(s.venue)),
            ("mode", .string(s.mode.rawValue)),
            ("leaders", .array(s.leaders.map(JSONOut.string))),
            ("frozen", .bool(s.frozen)),
            ("status", .string(s.status.rawValue)),
            ("seats", .object(s.seats.keys.sorted().map { ($0, .number(Double(s.seats[$0] ?? 0))) })),
            ("countyPart", .string(s.countyPart)),
        ]
        if let series = s.series {
            fields.append(("series", .object([
                ("run", .string(series.run)),
                ("meeting", .number(Double(series.meeting))),
                ("of", .number(Double(series.of))),
            ])))
        }
        fields.append(("sequence", .number(Double(s.sequence))))
        fields.append(("attendingMunicipalities", .array(s.attendingMunicipalities.map(JSONOut.string))))
        if s.kind == .training {
            fields.append(("groupSeats", .array(s.groupSeats.map { g in
                .object([("municipality", .string(g.municipality)), ("area", .string(g.area)), ("role", .string(g.role.rawValue)),
                         ("seats", .number(Double(g.seats)))])
            })))
            if !s.reserved.isEmpty {
                fields.append(("reserved", .array(s.reserved.map { r in
                    .object([("organisation", .string(r.organisation)), ("seats", .number(Double(r.seats)))])
                })))
            }
            if let a = s.attendance { fields.append(("attendance", attendance(a))) }
        }
        if !s.cancelledIn.isEmpty {
            fields.append(("cancelledIn", .object([
                ("leaders", .array(s.cancelledIn.leaders.map(JSONOut.string))),
                ("municipalities", .array(s.cancelledIn.municipalities.map(JSONOut.string))),
                ("venues", .array(s.cancelledIn.venues.map(JSONOut.string))),
            ])))
        }
        return .object(fields)
    }

    /// Per file (sorted by path): its owner and its events, one `[uid, sequence, lastModified, digest]` a line.
    private static func series(_ c: CalendarSeries) -> JSONOut {
        .array(c.files.keys.sorted().map { path in
            let f = c.files[path] ?? CalendarSeries.File(owner: "")
            return .object([
                ("path", .string(path)),
                ("owner", .string(f.owner)),
                ("events", .array(f.events.keys.sorted().map { uid in
                    let e = f.events[uid] ?? CalendarSeries.Event(sequence: 0, lastModified: "", digest: "")
                    return .array([.string(uid), .number(Double(e.sequence)), .string(e.lastModified), .string(e.digest)])
                })),
            ])
        })
    }

    /// What the attendance register recorded: the places booked beside the seats (who came).
    private static func attendance(_ a: SessionAttendance) -> JSONOut {
        var fields: [(String, JSONOut)] = [("booked", .array(a.booked.map { g in
            .object([("municipality", .string(g.municipality)), ("area", .string(g.area)), ("role", .string(g.role.rawValue)),
                     ("seats", .number(Double(g.seats)))])
        }))]
        if let d = a.plannedDate { fields.append(("plannedDate", .string(d.iso))) }
        if !a.corrections.isEmpty { fields.append(("corrections", .array(a.corrections.map(JSONOut.string)))) }
        return .object(fields)
    }

    private static func cause(_ c: ShortfallCause) -> JSONOut {
        .object([("type", .string(c.type))] + c.fields.map { key, value in
            switch value {
            case .text(let s): (key, .string(s))
            case .number(let x): (key, .number(x))
            case .texts(let xs): (key, .array(xs.map(JSONOut.string)))
            }
        })
    }
}

/// A JSON value with ordered keys, only for writing.
enum JSONOut {
    case string(String)
    case number(Double?)
    case bool(Bool)
    case array([JSONOut])
    case object([(String, JSONOut)])

    private var isScalar: Bool {
        switch self {
        case .string, .number, .bool: return true
        case .array, .object: return false
        }
    }

    func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let s): out += JSONText.quote(s)
        case .number(let x): out += JSONText.number(x)
        case .bool(let b): out += b ? "true" : "false"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy(\.isScalar) {
                // Short lists (leaders, municipalities) read best on one line.
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(to: &out, indent: indent)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(to: &out, indent: indent + 2)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in fields.enumerated() {
                out += String(repeating: " ", count: indent + 2) + JSONText.quote(key) + ": "
                value.write(to: &out, indent: indent + 2)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
