import LinearModel

/// Small models with known answers, shared by the GLPK backend tests.
enum TestModels {
    /// max 3x + 5y  s.t. x <= 4, 2y <= 12, 3x + 2y <= 18, x, y >= 0.
    /// Optimum x = 2, y = 6, z = 36; row duals 0, 1.5, 1; reduced costs 0, 0.
    static func textbookLP() -> LinearModel {
        var model = LinearModel(name: "textbook")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("plant1", [Term(x, 1)], upper: 4)
        model.addConstraint("plant2", [Term(y, 2)], upper: 12)
        model.addConstraint("plant3", [Term(x, 3), Term(y, 2)], upper: 18)
        model.setObjective([Term(x, 3), Term(y, 5)], .maximize)
        return model
    }

    static let knapsackValues: [Double] = [15, 10, 9, 5, 18, 12, 7, 11, 14, 6]
    static let knapsackWeights: [Double] = [12, 8, 7, 4, 15, 11, 6, 9, 13, 5]
    static let knapsackCapacity: Double = 41

    /// A 0-1 knapsack of ten items (maximise value within the capacity).
    static func knapsack() -> LinearModel {
        var model = LinearModel(name: "knapsack")
        var weight = LinearExpression([])
        var value = LinearExpression([])
        for item in knapsackValues.indices {
            let take = model.addVariable("take[\(item)]", kind: .binary)
            weight.add(take, knapsackWeights[item])
            value.add(take, knapsackValues[item])
        }
        model.addConstraint("capacity", weight, upper: knapsackCapacity)
        model.setObjective(value, .maximize)
        return model
    }

    /// The knapsack's optimum by enumerating all 2^10 subsets (independent of any solver).
    static func knapsackOptimumByEnumeration() -> Double {
        var best = 0.0
        let count = knapsackValues.count
        for subset in 0..<(1 << count) {
            var weight = 0.0, value = 0.0
            for item in 0..<count where subset & (1 << item) != 0 {
                weight += knapsackWeights[item]
                value += knapsackValues[item]
            }
            if weight <= knapsackCapacity { best = max(best, value) }
        }
        return best
    }

    /// A multi-dimensional 0-1 knapsack with correlated values (seeded LCG, so always the same):
    /// GLPK finds a good incumbent quickly but needs far longer than a second to prove it optimal.
    static func hardMultiKnapsack(items: Int = 250, dimensions: Int = 5, seed: UInt64 = 20_240_901) -> LinearModel {
        var random = LCG(seed: seed)
        var model = LinearModel(name: "mkp")
        let take = (0..<items).map { model.addVariable("take[\($0)]", kind: .binary) }
        var weights = [[Double]](repeating: [], count: dimensions)
        for d in 0..<dimensions {
            weights[d] = (0..<items).map { _ in Double(random.next(upTo: 1000) + 1) }
            let capacity = (weights[d].reduce(0, +) / 2).rounded(.down)
            model.addConstraint("dim[\(d)]", LinearExpression(zip(take, weights[d]).map { Term($0, $1) }),
                                upper: capacity)
        }
        var objective = LinearExpression([])
        for item in 0..<items {
            let mean = (0..<dimensions).reduce(0.0) { $0 + weights[$1][item] } / Double(dimensions)
            objective.add(take[item], (mean + Double(random.next(upTo: 500))).rounded())
        }
        model.setObjective(objective, .maximize)
        return model
    }

    /// Whether `values` satisfies every bound, row and integrality of `model`.
    static func isFeasible(_ values: [Double], in model: LinearModel, tolerance: Double = 1e-6) -> Bool {
        guard values.count == model.variables.count else { return false }
        for (variable, value) in zip(model.variables, values) {
            if let lower = variable.lower, value < lower - tolerance { return false }
            if let upper = variable.upper, value > upper + tolerance { return false }
            if variable.kind != .continuous, abs(value - value.rounded()) > tolerance { return false }
        }
        for row in model.constraints {
            let activity = LinearExpression(row.terms).value(values)
            if let lower = row.lower, activity < lower - tolerance { return false }
            if let upper = row.upper, activity > upper + tolerance { return false }
        }
        return true
    }
}

/// Knuth's MMIX linear congruential generator: deterministic test data without Foundation.
struct LCG {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(upTo bound: UInt64) -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (state >> 33) % bound
    }
}
