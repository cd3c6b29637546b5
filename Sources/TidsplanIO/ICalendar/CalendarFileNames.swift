import TidsplanCore

/// The file of each leader, municipality or venue in one calendars/ folder. Once published, a name keeps
/// its file for good (its subscribers' link must not break, nor move to someone else); a newcomer gets
/// `SafeFileName.make(name)`, or, when that is taken or shared with another newcomer, the stem plus a hash
/// of its own name. So "Arla" joining beside a published "Ärla" leaves `arla.ics` to Ärla.
public enum CalendarFileNames {
    /// Name → path (`calendars/leaders/arla.ics`) for `names` and every owner `published` has in `folder`.
    public static func assign(folder: String, names: [String], published: CalendarSeries) -> [String: String] {
        var result: [String: String] = [:]
        var taken: Set<String> = []
        for (path, file) in published.files where isDirectlyIn(folder, path) {
            taken.insert(path)
            // Two published files for one name (hand-edited plan.json): the first by path stays its file.
            if let other = result[file.owner], other < path { continue }
            result[file.owner] = path
        }
        var byStem: [String: [String]] = [:]
        for name in Set(names) where result[name] == nil { byStem[SafeFileName.make(name), default: []].append(name) }
        for stem in byStem.keys.sorted() {
            let newcomers = (byStem[stem] ?? []).sorted()
            let plain = folder + "/" + stem + ".ics"
            if newcomers.count == 1, !taken.contains(plain) {
                result[newcomers[0]] = plain
                taken.insert(plain)
                continue
            }
            for name in newcomers {
                let suffixed = SafeFileName.suffixed(stem, name)
                var path = folder + "/" + suffixed + ".ics"
                var n = 2
                while taken.contains(path) { path = folder + "/" + suffixed + "-\(n).ics"; n += 1 }
                result[name] = path
                taken.insert(path)
            }
        }
        return result
    }

    static func isDirectlyIn(_ folder: String, _ path: String) -> Bool {
        path.hasPrefix(folder + "/") && !path.dropFirst(folder.count + 1).contains("/")
    }
}
