/// What a backend can do with a `LinearModel`.
public protocol SolverBackend: Sendable {
    var name: String { get }
    var version: String { get }
    /// Solves the model. An infeasible, unbounded or interrupted solve is a *result*;
    /// `throws` is reserved for the environment failing (the solver library's fatal errors).
    func solve(_ model: LinearModel, options: SolveOptions, progress: ProgressHandler?) throws -> SolveResult
    /// The exact model in a text format another solver reads.
    func export(_ model: LinearModel, format: ModelFormat) throws -> String
}

/// Called now and then during a MIP search; return `.stop` to end it, keeping the incumbent.
public typealias ProgressHandler = @Sendable (SolveProgress) -> ProgressDecision

public enum ProgressDecision: Sendable { case `continue`, stop }

public struct SolveProgress: Sendable, Equatable {
    public var incumbent: Double?
    public var bestBound: Double?
    public var gap: Double?
    public var nodes: Int
    public var elapsed: Double
    /// The step of a multi-step solve this report comes from (e.g. "restricted"), when the caller names it;
    /// `elapsed` and `timeLimit` are then the whole solve's.
    public var phase: String?
    public var timeLimit: Double?
    public init(incumbent: Double?, bestBound: Double?, gap: Double?, nodes: Int, elapsed: Double,
                phase: String? = nil, timeLimit: Double? = nil) {
        self.incumbent = incumbent; self.bestBound = bestBound; self.gap = gap
        self.nodes = nodes; self.elapsed = elapsed; self.phase = phase; self.timeLimit = timeLimit
    }
}

public enum ModelFormat: String, Sendable, CaseIterable { case freeMPS = "mps", cplexLP = "lp" }

public struct SolveOptions: Sendable, Equatable {
    public enum Branching: String, Sendable {
        case firstFractional, lastFractional, mostFractional, driebeckTomlin
        /// GLPK's hybrid pseudocost rule: each column's unknown pseudocosts are first measured by strong branching
        /// (a few dual iterations down and up), which can take a large share of a search.
        case pseudocost
        /// Pseudocosts without strong branching: a column's unknown pseudocost is the average of the known ones in
        /// that direction (1 before any is known), learnt from every solved node; the column with the largest product
        /// of estimated down and up degradations is branched on, continuing with the smaller one.
        case pseudocostAveraged
    }
    public enum Backtracking: String, Sendable { case depthFirst, breadthFirst, bestLocalBound, bestProjection }
    public enum MessageLevel: String, Sendable { case off, errors, normal, all }

    /// Wall-clock limit in seconds; `nil` means none.
    public var timeLimit: Double?
    /// Stop when (incumbent - bound)/|incumbent| is at most this.
    public var relativeGap: Double
    public var presolve: Bool
    public var gomoryCuts: Bool
    public var mirCuts: Bool
    public var coverCuts: Bool
    public var cliqueCuts: Bool
    public var branching: Branching
    public var backtracking: Backtracking
    public var feasibilityPump: Bool
    public var messageLevel: MessageLevel
    /// Solve the LP relaxation only (integrality dropped); duals are then available.
    public var relaxIntegrality: Bool
    /// Memory limit for the solver, in MiB; `nil` means none.
    public var memoryLimitMiB: Int?
    /// Stop the branch-and-bound search after this many nodes, keeping the incumbent; `nil` means none.
    /// Unlike a time limit, the same model and options then give the same result on every run.
    public var nodeLimit: Int?
    /// When every objective coefficient is integral on integer variables, stop as soon as
    /// ceil(bound) reaches the incumbent (GLPK does not do this by itself).
    public var integralObjective: Bool
    /// Where solver log lines go; `nil` silences them.
    public var log: (@Sendable (String) -> Void)?
    /// Cuts of the model's own, asked for at the search's cut rounds. Used only without presolve (a presolved
    /// problem's columns are not the model's) and never for an LP.
    public var cutSeparator: (any CutSeparator)?
    /// With `pseudocost` branching: threads that share the strong-branching LPs of a node that has many (the
    /// choices, and so the search and its result, are the same as with one). 1: the solver's own rule, on one thread.
    public var strongBranchingThreads: Int = 1
    /// A plan of this model known to fit (one value per variable), offered as the search's first incumbent so that
    /// it prunes from the root on. Without presolve only; a plan that does not fit the model is ignored.
    public var startValues: [Double]?

    public init(
        timeLimit: Double? = nil, relativeGap: Double = 1e-4, presolve: Bool = true,
        gomoryCuts: Bool = true, mirCuts: Bool = true, coverCuts: Bool = true, cliqueCuts: Bool = true,
        branching: Branching = .pseudocost, backtracking: Backtracking = .bestLocalBound,
        feasibilityPump: Bool = true, messageLevel: MessageLevel = .off, relaxIntegrality: Bool = false,
        memoryLimitMiB: Int? = nil, nodeLimit: Int? = nil, integralObjective: Bool = false,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.nodeLimit = nodeLimit
        self.timeLimit = timeLimit; self.relativeGap = relativeGap; self.presolve = presolve
        self.gomoryCuts = gomoryCuts; self.mirCuts = mirCuts; self.coverCuts = coverCuts; self.cliqueCuts = cliqueCuts
        self.branching = branching; self.backtracking = backtracking; self.feasibilityPump = feasibilityPump
        self.messageLevel = messageLevel; self.relaxIntegrality = relaxIntegrality
        self.memoryLimitMiB = memoryLimitMiB; self.integralObjective = integralObjective; self.log = log
    }

    /// GLPK 5.0's own defaults (no presolve, no cuts, Driebeck-Tomlin): kept for benchmarks.
    public static var solverDefaults: SolveOptions {
        SolveOptions(presolve: false, gomoryCuts: false, mirCuts: false, coverCuts: false, cliqueCuts: false,
                     branching: .driebeckTomlin, backtracking: .bestLocalBound, feasibilityPump: false)
    }

    public static func == (a: SolveOptions, b: SolveOptions) -> Bool {
        a.timeLimit == b.timeLimit && a.relativeGap == b.relativeGap && a.presolve == b.presolve
            && a.gomoryCuts == b.gomoryCuts && a.mirCuts == b.mirCuts && a.coverCuts == b.coverCuts
            && a.cliqueCuts == b.cliqueCuts && a.branching == b.branching && a.backtracking == b.backtracking
            && a.feasibilityPump == b.feasibilityPump && a.messageLevel == b.messageLevel
            && a.relaxIntegrality == b.relaxIntegrality && a.memoryLimitMiB == b.memoryLimitMiB
            && a.integralObjective == b.integralObjective && a.nodeLimit == b.nodeLimit
            && a.strongBranchingThreads == b.strongBranchingThreads && a.startValues == b.startValues
            && (a.cutSeparator == nil) == (b.cutSeparator == nil)
    }
}

/// Why the solver stopped. Kept apart from whether it has a solution.
public enum Termination: Sendable, Equatable {
    /// Proven optimal (within the requested relative gap).
    case optimal
    case infeasible
    case unbounded
    /// The time limit ended the search.
    case timeLimit
    /// The caller (progress handler, Ctrl-C) stopped the search.
    case stopped
    /// The memory limit ended the search.
    case memoryLimit
    /// The node limit ended the search (a budget that, unlike time, gives the same result every run).
    case nodeLimit
    /// The solver failed for a numerical or internal reason; the text says which.
    case error(String)
}

public struct Solution: Sendable, Equatable {
    /// One value per model variable, in model order.
    public var values: [Double]
    public var objective: Double
    /// Best proven bound on the objective (for an LP or a proven-optimal MIP: the objective).
    public var bestBound: Double?
    /// Relative gap |objective - bound| / max(|objective|, 1e-9); 0 when proven optimal.
    public var gap: Double?
    /// LP only: one dual value per row, in model order.
    public var rowDuals: [Double]?
    /// LP only: one reduced cost per variable, in model order.
    public var reducedCosts: [Double]?

    public init(values: [Double], objective: Double, bestBound: Double?, gap: Double?,
                rowDuals: [Double]? = nil, reducedCosts: [Double]? = nil) {
        self.values = values; self.objective = objective; self.bestBound = bestBound; self.gap = gap
        self.rowDuals = rowDuals; self.reducedCosts = reducedCosts
    }

    public subscript(_ v: VariableID) -> Double { values[v.index] }
    public func value(_ e: LinearExpression) -> Double { e.value(values) }
}

public struct SolveResult: Sendable, Equatable {
    public var termination: Termination
    /// Present whenever the solver has a feasible point, whatever the termination.
    public var solution: Solution?
    public var seconds: Double
    public var nodes: Int
    /// Best proven bound on the objective, also when no feasible point was found.
    public var bestBound: Double?
    /// Cuts of the model's own (`SolveOptions.cutSeparator`) handed to the solver, by family.
    public var cuts: CutCounts = [:]

    public init(termination: Termination, solution: Solution?, seconds: Double, nodes: Int = 0, bestBound: Double? = nil) {
        self.termination = termination; self.solution = solution; self.seconds = seconds; self.nodes = nodes
        self.bestBound = bestBound ?? solution?.bestBound
    }

    public var isProvenOptimal: Bool { termination == .optimal && solution != nil }
}

/// The environment failed: the solver library reported a fatal error (bad index, out of memory…).
public struct SolverError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "solver error: \(message)" }
}
