// swift-tools-version:6.0
import PackageDescription

// The benchmark lives in its own package so the harness keeps no benchmark code and
// `swift build` / `swift test` at the top level never compile it. It calls only the public
// API of the main package, depended on by path, so it always measures the code checked out.
let package = Package(
  name: "ParityBenchmarks",
  products: [
    .executable(name: "parity-bench", targets: ["parity-bench"]),
  ],
  dependencies: [
    .package(name: "Parity", path: ".."),
  ],
  targets: [
    // A line-protocol server driven by compare.py; build it with `-c release`.
    .executableTarget(name: "parity-bench", dependencies: [.product(name: "Parity", package: "Parity")]),
  ]
)
