// swift-tools-version:6.0
import PackageDescription

// The data's path, one module a step:
// fixtures (ParityFixtures) -> cases -> adapters and implementations (Parity, ParityKernels)
// -> comparison and results (Parity) -> reports (ParityReport) -> command line (ParityCLI, parity).
let package = Package(
  name: "Parity",
  products: [
    .library(name: "Parity", targets: ["Parity", "ParityCore", "ParityFixtures", "ParityKernels", "ParityMath"]),
    // The loader alone, for the fuzz package in `Fuzz/`.
    .library(name: "ParityFixtures", targets: ["ParityFixtures"]),
    .executable(name: "parity", targets: ["parity"]),
  ],
  targets: [
    // Values every layer shares: dtypes, BFloat16, dense tensors, error kinds.
    .target(name: "ParityCore", linkerSettings: [.linkedLibrary("m")]),
    // The fixture contract: a byte-level JSON scanner and a validating loader.
    .target(name: "ParityFixtures", dependencies: ["ParityCore"]),
    // Vectorized exp and log1p in pure Swift SIMD, and the fused SoftMarginLoss loops built on them.
    .target(name: "ParityMath"),
    // Swift implementations of the mapped APIs, reproducing the frameworks' CPU numerics.
    .target(name: "ParityKernels", dependencies: ["ParityCore", "ParityMath"]),
    // Mappings, parameter-name adapters, the runner and the comparison of outcomes.
    .target(name: "Parity", dependencies: ["ParityCore", "ParityFixtures", "ParityKernels"]),
    // Markdown reports and the JSON summary, rendered from the runner's results.
    .target(name: "ParityReport", dependencies: ["ParityCore", "ParityFixtures", "Parity"]),
    // Subcommands and flag parsing; the executable only calls into it.
    .target(name: "ParityCLI", dependencies: ["ParityCore", "ParityFixtures", "Parity", "ParityReport"]),
    .executableTarget(name: "parity", dependencies: ["ParityCLI"]),

    .target(name: "ParityTestSupport", dependencies: ["ParityCore", "ParityFixtures"], path: "Tests/ParityTestSupport"),
    .testTarget(name: "ParityCoreTests", dependencies: ["ParityCore", "ParityTestSupport"]),
    // Corpus/ holds the bad-fixture files the tests read by path, not resources.
    .testTarget(name: "ParityFixturesTests", dependencies: ["ParityFixtures", "ParityTestSupport"], exclude: ["Corpus"]),
    .testTarget(name: "ParityKernelsTests", dependencies: ["ParityKernels", "ParityTestSupport"]),
    .testTarget(name: "ParityTests", dependencies: ["Parity", "ParityTestSupport"]),
    .testTarget(name: "ParityReportTests", dependencies: ["ParityReport", "ParityTestSupport"], exclude: ["__Snapshots__"]),
    .testTarget(name: "ParityCLITests", dependencies: ["ParityCLI", "ParityTestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "ParityMathTests", dependencies: ["ParityMath", "ParityTestSupport"]),
  ]
)
