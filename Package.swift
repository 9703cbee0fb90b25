// swift-tools-version:6.0
import PackageDescription

// The vector loops are compiled a second time for Haswell-class x86-64 (AVX2, FMA) and chosen
// at run time. Swift has no per-function target attributes, hence one module with the flag;
// the manifest is compiled for the host, so `arch` here is the build's architecture.
// SwiftPM refuses unsafe flags in a dependency added by URL and version: building with
// PARITY_PORTABLE_ONLY=1 in the environment drops the flag (that build is then as portable
// as the other, and as slow).
#if arch(x86_64)
let haswellSettings: [SwiftSetting] =
  Context.environment["PARITY_PORTABLE_ONLY"] == nil ? [.unsafeFlags(["-target-cpu", "haswell"])] : []
#else
let haswellSettings: [SwiftSetting] = []
#endif

// The modules the harness spends its time in are optimized in debug builds too: the tests run
// the built `parity` over every committed fixture dozens of times, 12 s a run unoptimized.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

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
    .target(name: "ParityCore", swiftSettings: optimizedInDebug, linkerSettings: [.linkedLibrary("m")]),
    // The fixture contract: a byte-level JSON scanner and a validating loader.
    .target(name: "ParityFixtures", dependencies: ["ParityCore"], swiftSettings: optimizedInDebug),
    // Vectorized exp and log1p in pure Swift SIMD, and the fused SoftMarginLoss loops built on them.
    .target(name: "ParityMath", swiftSettings: optimizedInDebug),
    // ParityMath's loops built with AVX2 and FMA; only ever called after the CPU check below.
    .target(name: "ParityMathHaswell", swiftSettings: haswellSettings + optimizedInDebug),
    // Whether this CPU runs Haswell code: `__builtin_cpu_supports`, which Swift lacks.
    .target(name: "CParityCPU"),
    // Swift implementations of the mapped APIs, reproducing the frameworks' CPU numerics.
    .target(name: "ParityKernels", dependencies: ["ParityCore", "ParityMath", "ParityMathHaswell", "CParityCPU"], swiftSettings: optimizedInDebug),
    // Mappings, parameter-name adapters, the runner and the comparison of outcomes.
    .target(name: "Parity", dependencies: ["ParityCore", "ParityFixtures", "ParityKernels"], swiftSettings: optimizedInDebug),
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
    .testTarget(name: "ParityMathTests", dependencies: ["ParityMath", "ParityMathHaswell", "CParityCPU", "ParityTestSupport"]),
  ]
)
