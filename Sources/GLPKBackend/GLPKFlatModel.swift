internal import CGLPKShim
import LinearModel

/// A `LinearModel` checked and laid out as the flat arrays the C shim takes.
///
/// Everything GLPK would treat as a fatal error is caught here first (the shim's error hook is
/// the last line of defence): non-finite numbers, variable ids out of range, duplicate columns
/// in a row, over-long or repeated names, counts beyond `Int32`.
struct GLPKFlatModel {
    var name: [CChar]
    var maximize: Bool
    var objectiveConstant: Double
    var objective: [Double]
    var columnLower: [Double]
    var columnUpper: [Double]
    var columnIsInteger: [Int32]
    var columnNames: [CChar]
    var rowLower: [Double]
    var rowUpper: [Double]
    var rowNames: [CChar]
    var rowStarts: [Int32]
    var columnIndices: [Int32]
    var coefficients: [Double]
    /// Some variable or row has lower > upper: the model is infeasible without solving.
    var hasEmptyDomain = false

    var columnCount: Int { objective.count }
    var rowCount: Int { rowLower.count }

    /// Integer bounds are rounded inwards with this tolerance, so 2.0000000001 stays 2.
    static let integralityTolerance = 1e-9

    /// With `roundingIntegerBounds` false (an LP relaxation) integer bounds are kept as given,
    /// so the relaxation is the model's own and not a tightened one.
    init(_ model: LinearModel, roundingIntegerBounds: Bool = true) throws(SolverError) {
        let columnCount = model.variables.count
        guard columnCount < Int(Int32.max), model.constraints.count < Int(Int32.max) else {
            throw SolverError("model too large for GLPK: \(columnCount) variables, \(model.constraints.count) rows")
        }
        name = Self.cString(GLPKNames.sanitised(model.name))
        maximize = model.sense == .maximize

        // Objective, merged again in case a caller assigned `objective` directly.
        let objectiveTerms = try Self.mergedTerms(model.objective.terms, columnCount: columnCount, row: "objective")
        guard model.objective.constant.isFinite else {
            throw SolverError("objective constant is \(model.objective.constant)")
        }
        objectiveConstant = model.objective.constant
        objective = Array(repeating: 0, count: columnCount)
        for term in objectiveTerms { objective[term.column] = term.coefficient }

        columnLower = []
        columnUpper = []
        columnIsInteger = []
        columnLower.reserveCapacity(columnCount)
        columnUpper.reserveCapacity(columnCount)
        columnIsInteger.reserveCapacity(columnCount)
        for variable in model.variables {
            var (lower, upper) = try Self.bounds(variable.lower, variable.upper, of: "variable \(variable.name)")
            let isInteger = variable.kind != .continuous
            if isInteger && roundingIntegerBounds {
                lower = (lower - Self.integralityTolerance).rounded(.up)
                upper = (upper + Self.integralityTolerance).rounded(.down)
            }
            if lower > upper { hasEmptyDomain = true }
            columnLower.append(lower)
            columnUpper.append(upper)
            columnIsInteger.append(isInteger ? 1 : 0)
        }
        columnNames = Self.nameBuffer(GLPKNames.unique(model.variables.map(\.name), fallbackPrefix: "c"))

        rowLower = []
        rowUpper = []
        rowStarts = [0]
        columnIndices = []
        coefficients = []
        for constraint in model.constraints {
            let (lower, upper) = try Self.bounds(constraint.lower, constraint.upper, of: "row \(constraint.name)")
            if lower > upper { hasEmptyDomain = true }
            rowLower.append(lower)
            rowUpper.append(upper)
            for term in try Self.mergedTerms(constraint.terms, columnCount: columnCount, row: "row \(constraint.name)") {
                columnIndices.append(Int32(term.column))
                coefficients.append(term.coefficient)
            }
            guard coefficients.count < Int(Int32.max) else {
                throw SolverError("model too large for GLPK: more than \(Int32.max) coefficients")
            }
            rowStarts.append(Int32(coefficients.count))
        }
        // The objective row is "obj" (or GLPK's generic "R0000000") in MPS; no constraint may
        // take either name.
        rowNames = Self.nameBuffer(GLPKNames.unique(model.constraints.map(\.name), fallbackPrefix: "r",
                                                    reserved: ["obj", "R0000000"]))
    }

    /// Calls `body` with a `cglpkshim_model` pointing into this model's arrays.
    func withShimModel<R>(_ body: (UnsafePointer<cglpkshim_model>) -> R) -> R {
        name.withUnsafeBufferPointer { name in
        objective.withUnsafeBufferPointer { objective in
        columnLower.withUnsafeBufferPointer { columnLower in
        columnUpper.withUnsafeBufferPointer { columnUpper in
        columnIsInteger.withUnsafeBufferPointer { columnIsInteger in
        columnNames.withUnsafeBufferPointer { columnNames in
        rowLower.withUnsafeBufferPointer { rowLower in
        rowUpper.withUnsafeBufferPointer { rowUpper in
        rowNames.withUnsafeBufferPointer { rowNames in
        rowStarts.withUnsafeBufferPointer { rowStarts in
        columnIndices.withUnsafeBufferPointer { columnIndices in
        coefficients.withUnsafeBufferPointer { coefficients in
            var shim = cglpkshim_model()
            shim.name = name.baseAddress
            shim.sense = Int32(maximize ? CGLPKSHIM_MAXIMIZE : CGLPKSHIM_MINIMIZE)
            shim.objective_constant = objectiveConstant
            shim.column_count = Int32(objective.count)
            shim.objective = objective.baseAddress
            shim.column_lower = columnLower.baseAddress
            shim.column_upper = columnUpper.baseAddress
            shim.column_is_integer = columnIsInteger.baseAddress
            shim.column_names = columnNames.isEmpty ? nil : columnNames.baseAddress
            shim.row_count = Int32(rowLower.count)
            shim.row_lower = rowLower.baseAddress
            shim.row_upper = rowUpper.baseAddress
            shim.row_names = rowNames.isEmpty ? nil : rowNames.baseAddress
            shim.row_starts = rowStarts.baseAddress
            shim.column_indices = columnIndices.baseAddress
            shim.coefficients = coefficients.baseAddress
            return withUnsafePointer(to: &shim) { body($0) }
        }}}}}}}}}}}}
    }

    // MARK: - Checks

    private struct FlatTerm {
        var column: Int
        var coefficient: Double
    }

    /// One term per column, sorted, zeros dropped. GLPK treats a repeated column in one row as
    /// fatal, so this does not rely on `LinearModel` having merged already.
    private static func mergedTerms(_ terms: [Term], columnCount: Int, row: String) throws(SolverError) -> [FlatTerm] {
        var result: [FlatTerm] = []
        result.reserveCapacity(terms.count)
        var sorted = true
        for term in terms {
            let column = term.variable.index
            guard column >= 0, column < columnCount else {
                throw SolverError("\(row) refers to variable #\(column), but the model has \(columnCount) variables")
            }
            guard term.coefficient.isFinite else {
                throw SolverError("\(row) has coefficient \(term.coefficient) on variable #\(column)")
            }
            if let last = result.last, last.column >= column { sorted = false }
            result.append(FlatTerm(column: column, coefficient: term.coefficient))
        }
        if !sorted {
            var sums: [Int: Double] = [:]
            for term in result { sums[term.column, default: 0] += term.coefficient }
            result = sums.sorted { $0.key < $1.key }.map { FlatTerm(column: $0.key, coefficient: $0.value) }
        }
        return result.filter { $0.coefficient != 0 }
    }

    /// `nil` bounds become infinities; NaN and a bound infinite in the wrong direction throw.
    private static func bounds(_ lower: Double?, _ upper: Double?, of what: String) throws(SolverError) -> (Double, Double) {
        let lo = lower ?? -.infinity
        let up = upper ?? .infinity
        guard !lo.isNaN, !up.isNaN, lo != .infinity, up != -.infinity else {
            throw SolverError("\(what) has invalid bounds [\(lo), \(up)]")
        }
        return (lo, up)
    }

    private static func cString(_ text: String) -> [CChar] {
        text.utf8.map { CChar(bitPattern: $0) } + [0]
    }

    private static func nameBuffer(_ names: [String]) -> [CChar] {
        var buffer: [CChar] = []
        for name in names { buffer.append(contentsOf: cString(name)) }
        return buffer
    }
}
