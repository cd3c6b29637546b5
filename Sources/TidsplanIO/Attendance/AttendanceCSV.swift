import TidsplanCore

/// The attendance register as CSV (docs/attendance-register.md): one row per held session × municipality
/// × target group. The template is written prefilled "as planned"; a filled register is read back in
/// either dialect and either language's header.
public enum AttendanceCSV {
    /// The columns in the order the template writes them.
    public static let columns: [AttendanceColumn] = [.session, .date, .start, .course, .municipality, .group, .booked,
                                                     .attended, .status, .heldOn, .note]

    /// The template for the training sessions of `plan` dated in `range` (by planned day): what was booked,
    /// attended prefilled as booked and status held, or what an earlier register recorded.
    public static func template(_ plan: Plan, from: Day, to: Day, dialect: CSVDialect, lang: Language) -> String {
        var rows: [[String]] = [columns.map { $0.header(lang) }]
        let sessions = plan.sessions
            .filter { $0.kind == .training && $0.status == .planned || $0.isRecorded }
            .filter { $0.kind == .training }
            .filter { s in let d = s.attendance?.plannedDate ?? s.date; return from <= d && d <= to }
            .sorted { ($0.attendance?.plannedDate ?? $0.date, $0.start, $0.id) < ($1.attendance?.plannedDate ?? $1.date, $1.start, $1.id) }
        for s in sessions {
            let status: AttendanceStatus = s.status == .cancelled ? .cancelled : (s.attendance?.plannedDate == nil ? .held : .moved)
            for b in s.bookedGroupSeats where b.seats > 0 {
                let attended = status == .cancelled ? 0 : s.groupSeats.first { $0.municipality == b.municipality && $0.area == b.area && $0.role == b.role }?.seats ?? 0
                rows.append([s.id, (s.attendance?.plannedDate ?? s.date).iso, s.start.text, s.title(in: lang), b.municipality,
                             "\(b.area)/\(b.role.rawValue)", String(b.seats), String(attended), status.word(lang),
                             status == .moved ? s.date.iso : "", ""])
            }
        }
        return CSVTable.text(rows, dialect: dialect)
    }

    /// Reads a filled register. Problems name the file, line and column; a register with any is not taken.
    public static func read(_ text: String, file: String, lang: Language) -> Result<AttendanceRegister, AttendanceFailure> {
        func problem(_ line: Int, _ field: String, _ message: String) -> AttendanceProblem {
            AttendanceProblem(file: file, line: line, field: field, message)
        }
        let records: [CSVReader.Record]
        switch CSVReader.records(text) {
        case .success(let r): records = r
        case .failure(let e):
            return .failure(AttendanceFailure(problems: [problem(e.line, "", lang == .sv
                ? "ett citattecken stängs aldrig" : "a quote is never closed")]))
        }
        guard let header = records.first else {
            return .failure(AttendanceFailure(problems: [problem(1, "", lang == .sv ? "filen är tom: den behöver en rubrikrad" : "the file is empty: it needs a header row")]))
        }
        var index: [AttendanceColumn: Int] = [:]
        var problems: [AttendanceProblem] = []
        for (i, word) in header.cells.enumerated() {
            guard !word.trimmedCell.isEmpty else { continue }
            guard let c = AttendanceColumn.named(word) else {
                let known = columns.map { $0.header(lang) }.joined(separator: ", ")
                problems.append(problem(header.line, word, lang == .sv ? "okänd kolumn \"\(word)\" (kända: \(known))" : "unknown column \"\(word)\" (known: \(known))"))
                continue
            }
            if index[c] != nil {
                problems.append(problem(header.line, word, lang == .sv ? "kolumnen står två gånger" : "the column appears twice"))
            }
            index[c] = i
        }
        for c in AttendanceColumn.required where index[c] == nil {
            problems.append(problem(header.line, c.header(lang), lang == .sv ? "kolumnen \(c.header(lang)) saknas" : "the column \(c.header(lang)) is missing"))
        }
        guard problems.isEmpty else { return .failure(AttendanceFailure(problems: problems)) }
        var rows: [AttendanceRow] = []
        for r in records.dropFirst() {
            func cell(_ c: AttendanceColumn) -> String {
                guard let i = index[c], i < r.cells.count else { return "" }
                return r.cells[i].trimmedCell
            }
            func fail(_ c: AttendanceColumn, _ sv: String, _ en: String) {
                problems.append(problem(r.line, c.header(lang), lang == .sv ? sv : en))
            }
            if r.cells.allSatisfy({ $0.trimmedCell.isEmpty }) { continue }
            let session = cell(.session), municipality = cell(.municipality), group = cell(.group)
            var ok = true
            if session.isEmpty { fail(.session, "passets id saknas", "the session id is empty"); ok = false }
            if municipality.isEmpty { fail(.municipality, "kommunen saknas", "the municipality is empty"); ok = false }
            if group.isEmpty { fail(.group, "målgruppen saknas (OMRÅDE/roll, t.ex. EB/staff)", "the target group is empty (AREA/role, e.g. EB/staff)"); ok = false }
            let attendedText = cell(.attended)
            let attended = Int(attendedText)
            if attended == nil || (attended ?? 0) < 0 {
                fail(.attended, "\"\(attendedText)\" är inget antal personer (ett heltal 0 eller mer)",
                     "\"\(attendedText)\" is not a number of persons (a whole number, 0 or more)")
                ok = false
            }
            let statusText = cell(.status)
            let status = statusText.isEmpty ? .held : AttendanceStatus.named(statusText)
            if status == nil {
                fail(.status, "okänd status \"\(statusText)\" (genomförd, inställd eller flyttad)",
                     "unknown status \"\(statusText)\" (held, cancelled or moved)")
                ok = false
            }
            let dayText = cell(.heldOn)
            let heldOn = dayText.isEmpty ? nil : Day(iso: dayText)
            if !dayText.isEmpty && heldOn == nil {
                fail(.heldOn, "\"\(dayText)\" är inget datum (ÅÅÅÅ-MM-DD)", "\"\(dayText)\" is not a date (YYYY-MM-DD)")
                ok = false
            }
            guard ok, let attended, let status else { continue }
            rows.append(AttendanceRow(line: r.line, session: session, municipality: municipality, group: group,
                                      attended: attended, status: status, heldOn: heldOn))
        }
        guard problems.isEmpty else { return .failure(AttendanceFailure(problems: problems)) }
        return .success(AttendanceRegister(file: file, rows: rows))
    }
}

private extension String {
    /// Without leading and trailing spaces and tabs (what Excel leaves around a typed value).
    var trimmedCell: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
