// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the fixture loader, built apart from the main package so its
// sanitizer flags never reach `swift build` / `swift test` there. Build and run with
// `Fuzz/run.sh SECONDS` (see the README's "Hostile input and fuzzing").
let package = Package(
  name: "ParityFuzz",
  dependencies: [
    // Named, so the product below resolves whatever the clone's folder is called.
    .package(name: "Parity", path: "..")
  ],
  targets: [
    // Arbitrary bytes into `FixtureLoader.load(bytes:path:)`, with default and with tiny limits.
    .executableTarget(
      name: "FuzzLoader",
      dependencies: [.product(name: "ParityFixtures", package: "Parity")]),
    // Arbitrary bytes into `JSONParser`, every number checked against `strtod`/`strtof`.
    .executableTarget(
      name: "FuzzNumbers",
      dependencies: [.product(name: "ParityFixtures", package: "Parity")]),
  ]
)
