/// What happened to a held session, as the register says.
public enum AttendanceStatus: String, Sendable, Equatable, CaseIterable {
    /// Held on its planned day.
    case held
    /// Not held at all.
    case cancelled
    /// Held on another day (`heldOn`).
    case moved
}

/// One row of an attendance register: one held session, one municipality, one target group.
public struct AttendanceRow: Sendable, Equatable {
    /// 1-based line in the register file where the row starts.
    public var line: Int
    public var session: String
    public var municipality: String
    /// The target group as `AREA/role` (`EB/staff`).
    public var group: String
    public var attended: Int
    public var status: AttendanceStatus
    public var heldOn: Day?
    public init(line: Int, session: String, municipality: String, group: String, attended: Int,
                status: AttendanceStatus = .held, heldOn: Day? = nil) {
        self.line = line; self.session = session; self.municipality = municipality; self.group = group
        self.attended = attended; self.status = status; self.heldOn = heldOn
    }
}

/// A filled attendance register (docs/attendance-register.md), read from `file`.
public struct AttendanceRegister: Sendable, Equatable {
    public var file: String
    public var rows: [AttendanceRow]
    public init(file: String, rows: [AttendanceRow]) { self.file = file; self.rows = rows }

    /// The register as it stood at the end of `day`: rows of sessions `plan` dates (or the row says were held)
    /// after `day` are left out, so one register kept for the whole project gives any earlier month's figures.
    /// Rows naming a session the plan does not know stay, to be refused with their line.
    public func through(_ day: Day, in plan: Plan) -> (register: AttendanceRegister, later: Int) {
        let dates = Dictionary(plan.sessions.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        let kept = rows.filter { row in
            guard let date = dates[row.session] else { return true }
            return date <= day && (row.heldOn.map { $0 <= day } ?? true)
        }
        return (AttendanceRegister(file: file, rows: kept), rows.count - kept.count)
    }
}

/// A row the register cannot be taken with: its line, the column at fault, and why.
public struct AttendanceProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String
    public var message: String
    public init(file: String, line: Int, field: String, _ message: String) {
        self.file = file; self.line = line; self.field = field; self.message = message
    }
    /// `FILE:LINE: error: field: message`, as compilers and the scenario loader write (`fel:` in Swedish;
    /// the message is already in the register's language).
    public func text(_ lang: Language) -> String { "\(file):\(line): \(lang == .sv ? "fel" : "error"): \(field): \(message)" }
    public var description: String { text(.en) }
}
