/// What GLPK's free MPS writer leaves out, added so other solvers read the same model.
///
/// - Objective sense: GLPK writes no sense at all (every reader then minimises). A maximisation
///   gets the `OBJSENSE` / `MAX` section right after `NAME`, which CPLEX, Gurobi, HiGHS and CBC
///   read. GLPK's own reader rejects that section, so `strippingObjectiveSense` takes it out
///   again before GLPK reads a file back.
/// - Objective constant: GLPK writes it as the objective row's RHS with its own sign, while
///   CPLEX, HiGHS and others read that RHS as the constant's negation. Rather than a file that
///   means two things, the constant is left out and stated in a comment.
enum GLPKMPSConventions {
    static func addingObjectiveSense(to text: String, maximize: Bool, constant: Double) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let nameLine = lines.firstIndex(where: { $0.hasPrefix("NAME") }) else { return text }
        if maximize {
            lines.insert(contentsOf: ["OBJSENSE", "    MAX"], at: nameLine + 1)
        }
        if constant != 0 {
            lines.insert("* Objective constant: \(constant) (left out of the model: add it to the optimum)",
                         at: nameLine)
        }
        return lines.joined(separator: "\n")
    }

    /// The text without an `OBJSENSE` section, and whether that section said MAX.
    static func strippingObjectiveSense(from text: String) -> (text: String, maximize: Bool) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        var maximize = false
        var index = lines.startIndex
        while index < lines.endIndex {
            let words = lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.first == "OBJSENSE" {
                var sense = words.dropFirst().first
                if sense == nil, index + 1 < lines.endIndex {
                    index += 1
                    sense = lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" }).first
                }
                maximize = sense.map { $0.uppercased().hasPrefix("MAX") } ?? false
            } else {
                kept.append(lines[index])
            }
            index += 1
        }
        return (kept.joined(separator: "\n"), maximize)
    }
}
