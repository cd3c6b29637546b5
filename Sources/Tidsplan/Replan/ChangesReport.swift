import TidsplanCore
import TidsplanIO

/// `changes.md` and `changes.csv`: every change that reaches a calendar (training sessions, fixed events
/// and follow-up surveys), with dates, for each leader and municipality, and the change in hours and
/// kronor per municipality. A municipality's section shows its own changes only. In the user's language.
enum ChangesReport {
    static func files(previous: Plan, current: Plan, scenario: Scenario, fromScratchChanges: Int?,
                      lang: Language = .sv, compensation: CompensationOutcome? = nil) -> [OutputFile] {
        let diff = PlanDiff.between(previous: previous, current: current)
        let words = ChangesWords(lang: lang)
        var md = markdown(diff, current: current, fromScratchChanges: fromScratchChanges, words: words)
        if let compensation {
            // Right after the commitments: what --compensate took over, and what would need consent.
            let text = MarkdownText.inline(Compensation.text(compensation, lang: lang)) + "\n\n"
            if let at = md.range(of: "## " + words.hoursHeading) { md.insert(contentsOf: text, at: at.lowerBound) } else { md += text }
        }
        return [OutputFile(path: "changes.md", bytes: Array(md.utf8)),
                OutputFile(path: "changes.csv", bytes: Array(csv(diff, words: words).utf8))]
    }

    /// What changed, in words; for a municipality (`only`), seats and invitations of others are left out.
    /// Empty when nothing in the change concerns `only`.
    static func describe(_ c: SessionChange, only municipality: String? = nil, words w: ChangesWords) -> String {
        switch c.kind {
        case .unchanged: return w.unchanged
        case .new: return w.new
        case .cancelled: return w.cancelled
        case .changed:
            return c.changes.compactMap { change -> String? in
                switch change {
                case .moved(let from, let to): return w.moved + " " + from.text + " → " + to.text
                case .leaders(let from, let to): return w.leader + " " + from.joined(separator: ", ") + " → " + to.joined(separator: ", ")
                case .venue(let from, let to): return w.venue + " " + from + " → " + to
                case .seats(let from, let to):
                    let names = Set(from.keys).union(to.keys).sorted()
                        .filter { from[$0] != to[$0] && (municipality == nil || $0 == municipality) }
                    guard !names.isEmpty else { return nil }
                    return w.seats + " " + names.map { "\($0) \(from[$0] ?? 0) → \(to[$0] ?? 0)" }.joined(separator: ", ")
                case .attending(let from, let to):
                    let gone = from.filter { !to.contains($0) && (municipality == nil || $0 == municipality) }
                    let added = to.filter { !from.contains($0) && (municipality == nil || $0 == municipality) }
                    guard !gone.isEmpty || !added.isEmpty else { return nil }
                    return [gone.isEmpty ? nil : w.uninvited + " " + gone.joined(separator: ", "),
                            added.isEmpty ? nil : w.invited + " " + added.joined(separator: ", ")]
                        .compactMap { $0 }.joined(separator: "; ")
                case .details: return w.details
                }
            }.joined(separator: "; ")
        }
    }

    /// The date a change is about: the new date when planned, else the previous one.
    static func date(_ c: SessionChange) -> String {
        (c.current?.status == .planned ? c.current : c.previous ?? c.current)?.date.iso ?? ""
    }

    /// A group's changes with their words (only changes that concern the group's municipality, for one).
    static func rows(_ g: PlanDiff.Group, municipality: Bool, diff: PlanDiff,
                     words: ChangesWords) -> (changes: [(SessionChange, String)], unchanged: Int) {
        var changes: [(SessionChange, String)] = []
        var unchanged = 0
        for id in g.sessionIDs {
            guard let ch = diff.change(id) else { continue }
            let what = ch.kind == .unchanged ? "" : describe(ch, only: municipality ? g.name : nil, words: words)
            if what.isEmpty { unchanged += 1 } else { changes.append((ch, what)) }
        }
        return (changes, unchanged)
    }

    static func markdown(_ diff: PlanDiff, current: Plan, fromScratchChanges: Int?, words w: ChangesWords) -> String {
        var out = "# \(w.title)\n\n"
        if let asOf = current.asOf { out += w.keptUpTo(asOf.iso) + "\n\n" }
        if !current.commitmentChanges.isEmpty {
            out += "## \(w.commitmentsHeading)\n\n"
            for c in current.commitmentChanges { out += "- " + MarkdownText.inline(w.commitment(c)) + "\n" }
            out += "\n"
        }
        let c = diff.counts
        out += "| | \(w.sessions) |\n|---|---:|\n| \(w.unchanged) | \(c.unchanged) |\n| \(w.movedOrAltered) | \(c.changed) |\n"
            + "| \(w.cancelled) | \(c.cancelled) |\n| \(w.new) | \(c.new) |\n| **\(w.changedInTotal)** | **\(c.total)** |\n"
        if let n = fromScratchChanges { out += "| \(w.fromScratch) | \(n) |\n" }
        out += "\n## \(w.hoursHeading)\n\n| \(w.municipality) | \(w.hoursBefore) | \(w.hoursAfter) | \(w.change) | \(w.krChange) |\n"
            + "|---|---:|---:|---:|---:|\n"
        for m in diff.municipalities {
            out += "| \(cell(m.name)) | \(num(m.hoursBefore, w)) | \(num(m.hoursAfter, w)) | \(num(m.hoursChange, w)) | \(num(m.krChange, w)) |\n"
        }
        for (title, groups, isMunicipality) in [(w.byLeader, diff.byLeader, false), (w.byMunicipality, diff.byMunicipality, true)] {
            out += "\n## \(title)\n"
            for g in groups {
                let (changes, unchanged) = rows(g, municipality: isMunicipality, diff: diff, words: w)
                out += "\n### \(cell(g.name))\n\n"
                if changes.isEmpty { out += w.noChanges(unchanged) + "\n"; continue }
                out += "| \(w.date) | \(w.session) | \(w.sessionTitle) | \(w.what) |\n|---|---|---|---|\n"
                for (ch, what) in changes {
                    out += "| \(date(ch)) | \(cell(ch.id)) | \(cell(ch.session?.title(in: w.lang) ?? "")) | \(cell(what)) |\n"
                }
                out += "\n" + w.othersUnchanged(unchanged) + "\n"
            }
        }
        return out
    }

    static func num(_ x: Double, _ w: ChangesWords) -> String { NumberText.human(x, lang: w.lang) }

    /// Names and titles come from the scenario: escaped like timetable.md's.
    static func cell(_ s: String) -> String { MarkdownText.inline(s) }

    /// One row per change and leader or municipality it concerns (unchanged sessions left out).
    static func csv(_ diff: PlanDiff, words w: ChangesWords) -> String {
        var table: [[String]] = [w.csvHeader]
        for (kind, groups, isMunicipality) in [(w.leader, diff.byLeader, false), (w.municipality, diff.byMunicipality, true)] {
            for g in groups {
                for (ch, what) in rows(g, municipality: isMunicipality, diff: diff, words: w).changes {
                    let before: String = ch.previous.map { $0.status == .planned ? $0.date.iso : "" } ?? ""
                    let after: String = ch.current.map { $0.status == .planned ? $0.date.iso : "" } ?? ""
                    let title: String = ch.session?.title(in: w.lang) ?? ""
                    table.append([kind, g.name, ch.id, title, w.kind(ch.kind), what, before, after])
                }
            }
        }
        return CSVTable.text(table)
    }
}

/// The words of changes.md and changes.csv, in Swedish or English.
struct ChangesWords {
    let lang: Language
    private var sv: Bool { lang == .sv }

    var title: String { sv ? "Ändringar mot föregående plan" : "Changes against the previous plan" }
    func keptUpTo(_ day: String) -> String {
        sv ? "Allt till och med \(day) är kvar som det var." : "Everything on or before \(day) is kept as it was."
    }
    var sessions: String { sv ? "tillfällen" : "sessions" }
    var commitmentsHeading: String { sv ? "Ändrade åtaganden som planen bygger på" : "Changed commitments the plan is made for" }
    func commitment(_ c: CommitmentChange) -> String {
        let q = c.quotaHours.map(String.init) ?? ""
        switch c.kind {
        case .withdrawal: return sv ? "\(c.municipality): deltar inte från \(c.from.iso)" : "\(c.municipality): takes no part from \(c.from.iso)"
        case .reduction: return sv ? "\(c.municipality): åtagande \(q) timmar från \(c.from.iso)" : "\(c.municipality): commitment \(q) hours from \(c.from.iso)"
        case .compensation:
            return sv ? "\(c.municipality): planeras mot \(q) timmar från \(c.from.iso) (kompensation, inom sitt åtagande)"
                      : "\(c.municipality): planned towards \(q) hours from \(c.from.iso) (compensation, within its commitment)"
        }
    }
    var unchanged: String { sv ? "oförändrat" : "unchanged" }
    var movedOrAltered: String { sv ? "flyttat eller ändrat" : "moved or altered" }
    var cancelled: String { sv ? "inställt" : "cancelled" }
    var new: String { sv ? "nytt" : "new" }
    var changedInTotal: String { sv ? "ändrade totalt" : "changed in total" }
    var fromScratch: String { sv ? "att planera om från början skulle ändra" : "planning from scratch would change" }
    var hoursHeading: String { sv ? "Timmar och medfinansiering per kommun" : "Hours and co-financing per municipality" }
    var municipality: String { sv ? "kommun" : "municipality" }
    var leader: String { sv ? "ledare" : "leader" }
    var hoursBefore: String { sv ? "timmar före" : "hours before" }
    var hoursAfter: String { sv ? "timmar efter" : "hours after" }
    var change: String { sv ? "ändring" : "change" }
    var krChange: String { sv ? "ändring kr" : "kr change" }
    var byLeader: String { sv ? "Per ledare" : "By leader" }
    var byMunicipality: String { sv ? "Per kommun" : "By municipality" }
    var date: String { sv ? "datum" : "date" }
    var session: String { sv ? "tillfälle" : "session" }
    var sessionTitle: String { sv ? "titel" : "title" }
    var what: String { sv ? "vad" : "what" }
    var moved: String { sv ? "flyttat" : "moved" }
    var venue: String { sv ? "lokal" : "venue" }
    var seats: String { sv ? "platser" : "seats" }
    var invited: String { sv ? "inbjuden" : "invited" }
    var uninvited: String { sv ? "inte längre inbjuden" : "no longer invited" }
    var details: String { sv ? "titel eller form ändrad" : "title or form changed" }
    func noChanges(_ n: Int) -> String {
        sv ? "Inga ändringar (\(sessions(n)) \(n == 1 ? "oförändrat" : "oförändrade"))." : "No changes (\(sessions(n)) unchanged)."
    }
    func othersUnchanged(_ n: Int) -> String {
        sv ? "\(n == 1 ? "1 annat tillfälle oförändrat" : "\(n) andra tillfällen oförändrade")."
           : "\(n) other \(n == 1 ? "session" : "sessions") unchanged."
    }
    /// "1 tillfälle", "3 tillfällen" / "1 session", "3 sessions".
    func sessions(_ n: Int) -> String {
        sv ? "\(n) \(n == 1 ? "tillfälle" : "tillfällen")" : "\(n) \(n == 1 ? "session" : "sessions")"
    }
    func kind(_ k: SessionChange.Kind) -> String {
        switch k {
        case .unchanged: return unchanged
        case .changed: return sv ? "ändrat" : "changed"
        case .cancelled: return cancelled
        case .new: return new
        }
    }
    var csvHeader: [String] {
        sv ? ["grupp", "namn", "tillfälle", "titel", "typ", "vad", "tidigare datum", "nytt datum"]
           : ["group", "name", "session", "course", "kind", "what", "previous date", "new date"]
    }
}
