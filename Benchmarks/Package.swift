// swift-tools-version:6.0
import PackageDescription

// The benchmark lives in its own package so the harness keeps no benchmark code and
// `swift build` / `swift test` at the top level never compile it. It calls only the public
// API of the main package, depended on by path, so it always measures the code checked out.
let package = Package(
  name: "ParityBenchmarks",
  products: [
    .executable(name: "parity-bench", targets: ["parity-bench"]),
    .executable(name: "lane-study", targets: ["lane-study"]),
  ],
  dependencies: [
    .package(name: "Parity", path: ".."),
  ],
  targets: [
    // A line-protocol server driven by compare.py; build it with `-c release`.
    .executableTarget(name: "parity-bench", dependencies: [.product(name: "Parity", package: "Parity")]),
    // What Float-lane arithmetic would buy the float32 kernel, and cost in agreement with
    // PyTorch (Benchmarks/README.md). Built for AVX2/FMA like the kernel it is compared with.
    .executableTarget(
      name: "lane-study", dependencies: [.product(name: "Parity", package: "Parity")],
      swiftSettings: [.unsafeFlags(["-target-cpu", "haswell"])]),
  ]
)
