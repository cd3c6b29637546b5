import TidsplanCore
import TidsplanIO

/// `changes.md` and `changes.csv`: for each leader and municipality, which sessions moved (from → to),
/// were cancelled, are new or unchanged, and the change in hours and kronor per municipality.
enum ChangesReport {
    static func files(previous: Plan, current: Plan, scenario: Scenario, fromScratchChanges: Int?) -> [OutputFile] {
        let diff = PlanDiff.between(previous: previous, current: current)
        return [OutputFile(path: "changes.md", bytes: Array(markdown(diff, current: current, fromScratchChanges: fromScratchChanges).utf8)),
                OutputFile(path: "changes.csv", bytes: Array(csv(diff).utf8))]
    }

    static func describe(_ c: SessionChange) -> String {
        switch c.kind {
        case .unchanged: return "unchanged"
        case .new: return "new"
        case .cancelled: return "cancelled"
        case .changed:
            return c.changes.map { change -> String in
                switch change {
                case .moved(let from, let to): return "moved \(from.text) → \(to.text)"
                case .leaders(let from, let to): return "leader \(from.joined(separator: ", ")) → \(to.joined(separator: ", "))"
                case .venue(let from, let to): return "venue \(from) → \(to)"
                case .seats(let from, let to):
                    let names = Set(from.keys).union(to.keys).sorted().filter { from[$0] != to[$0] }
                    return "seats " + names.map { "\($0) \(from[$0] ?? 0) → \(to[$0] ?? 0)" }.joined(separator: ", ")
                }
            }.joined(separator: "; ")
        }
    }

    static func session(_ c: SessionChange) -> PlannedSession? { c.current ?? c.previous }

    static func markdown(_ diff: PlanDiff, current: Plan, fromScratchChanges: Int?) -> String {
        var out = "# Changes against the previous plan\n\n"
        if let asOf = current.asOf { out += "Everything on or before \(asOf.iso) is kept as it was.\n\n" }
        let c = diff.counts
        out += "| | sessions |\n|---|---:|\n| unchanged | \(c.unchanged) |\n| moved or altered | \(c.changed) |\n| cancelled | \(c.cancelled) |\n| new | \(c.new) |\n| **changed in total** | **\(c.total)** |\n"
        if let n = fromScratchChanges { out += "| planning from scratch would change | \(n) |\n" }
        out += "\n## Hours and co-financing per municipality\n\n| municipality | hours before | hours after | change | kr change |\n|---|---:|---:|---:|---:|\n"
        for m in diff.municipalities {
            out += "| \(cell(m.name)) | \(PlanSummary.num(m.hoursBefore)) | \(PlanSummary.num(m.hoursAfter)) | \(PlanSummary.num(m.hoursChange)) | \(PlanSummary.num(m.krChange)) |\n"
        }
        for (title, groups) in [("By leader", diff.byLeader), ("By municipality", diff.byMunicipality)] {
            out += "\n## \(title)\n"
            for g in groups {
                let changes = g.sessionIDs.compactMap { diff.change($0) }.filter { $0.kind != .unchanged }
                let unchanged = g.sessionIDs.count - changes.count
                out += "\n### \(cell(g.name))\n\n"
                if changes.isEmpty { out += "No changes (\(unchanged) sessions unchanged).\n"; continue }
                out += "| session | course | what |\n|---|---|---|\n"
                for ch in changes { out += "| \(cell(ch.id)) | \(cell(session(ch)?.title ?? "")) | \(cell(describe(ch))) |\n" }
                out += "\n\(unchanged) other sessions unchanged.\n"
            }
        }
        return out
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    static func csv(_ diff: PlanDiff) -> String {
        var rows = [["group", "name", "session", "course", "kind", "what", "previous date", "new date"]]
        for (kind, groups) in [("leader", diff.byLeader), ("municipality", diff.byMunicipality)] {
            for g in groups {
                for id in g.sessionIDs {
                    guard let ch = diff.change(id) else { continue }
                    rows.append([kind, g.name, id, session(ch)?.title ?? "", ch.kind.rawValue, describe(ch),
                                 ch.previous?.date.iso ?? "", ch.current.map { $0.status == .planned ? $0.date.iso : "" } ?? ""])
                }
            }
        }
        return CSVTable.text(rows)
    }
}
