import GLPKBackend
import LinearModel
import TidsplanModel

/// `solve --restricted-branching RULE`: the week search's restricted pass with another branching rule, to compare
/// rules in one session without touching the product. That pass is the only one that asks for GLPK's pseudocost
/// branching with a relative gap of at least 0.5 % (WeekSolveStrategy.restrictedGap); every other solve goes
/// through unchanged. `solve --search-branching RULE` (`everywhere`) replaces GLPK's pseudocost branching in every
/// solve that asks for it (the small models' full search, whole seats, ...).
struct RestrictedBranchingBackend: SolverBackend {
    let inner: GLPKBackend
    let branching: SolveOptions.Branching
    var everywhere = false

    var name: String { inner.name }
    var version: String { inner.version }

    func solve(_ model: LinearModel, options: SolveOptions, progress: ProgressHandler?) throws -> SolveResult {
        var o = options
        if o.branching == .pseudocost && (everywhere || o.relativeGap >= WeekSolveStrategy.restrictedGap - 1e-12) && !o.relaxIntegrality {
            o.branching = branching
        }
        return try inner.solve(model, options: o, progress: progress)
    }

    func export(_ model: LinearModel, format: ModelFormat) throws -> String {
        try inner.export(model, format: format)
    }
}
