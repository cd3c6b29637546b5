// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tidsplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tidsplan", targets: ["tidsplan"]),
        .library(name: "Tidsplan", targets: ["Tidsplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Only `tidsplan serve` (target TidsplanServe) uses it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // GLPK itself, from Debian's libglpk-dev.
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The little C that Swift cannot do: setjmp around GLPK, hooks, the branch-and-cut callback.
        .target(name: "CGLPKShim", dependencies: ["CGLPK"], path: "Sources/CGLPKShim",
                linkerSettings: [.linkedLibrary("glpk")]),
        // Solver-agnostic linear model. Knows nothing of GLPK.
        .target(name: "LinearModel"),
        // The only Swift code that sees GLPK.
        .target(name: "GLPKBackend", dependencies: ["LinearModel", "CGLPKShim", "CGLPK"]),
        // Plain domain types: scenario, Swedish calendar, plan, verifier, plan diffs.
        .target(name: "TidsplanCore"),
        // Scenario -> MILP, one file per constraint family; solution -> plan.
        .target(name: "TidsplanModel", dependencies: ["TidsplanCore", "LinearModel"]),
        // YAML loading with diagnostics, plan.json codec, CSV/Markdown/iCalendar/HTML writers.
        .target(name: "TidsplanIO", dependencies: [
            "TidsplanCore",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Capacity and compare analysis beside the model it reads (typed row tags, re-solves through a backend
        // the job passes in): bottlenecks, what one more unit buys, what is missing, each variant's figures.
        .target(name: "TidsplanAnalysis", dependencies: ["TidsplanCore", "TidsplanModel", "TidsplanIO", "LinearModel"]),
        // The jobs: plan, replan, capacity, compare, verify; atomic output.
        .target(name: "Tidsplan", dependencies: ["TidsplanCore", "TidsplanModel", "TidsplanIO", "TidsplanAnalysis", "LinearModel",
                                                 "GLPKBackend"]),
        // `tidsplan serve`: the output folder over HTTP (calendars to subscribe to). The only target that sees Hummingbird.
        .target(name: "TidsplanServe", dependencies: [
            "TidsplanCore", "TidsplanIO",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "tidsplan", dependencies: [
            "Tidsplan", "TidsplanServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "tidsplan-bench", dependencies: ["Tidsplan"], path: "Sources/tidsplan-bench"),

        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKBackendTests", dependencies: ["GLPKBackend", "LinearModel"]),
        .testTarget(name: "TidsplanCoreTests", dependencies: ["TidsplanCore"]),
        .testTarget(name: "TidsplanIOTests", dependencies: ["TidsplanIO", "TidsplanCore"], resources: [.copy("Golden")]),
        .testTarget(name: "TidsplanModelTests", dependencies: ["TidsplanModel", "TidsplanCore", "LinearModel", "GLPKBackend", "Tidsplan",
                                                         "TidsplanAnalysis"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Tidsplan", "TidsplanCore", "TidsplanIO"]),
    ]
)
