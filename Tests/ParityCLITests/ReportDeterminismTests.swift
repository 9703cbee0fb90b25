import Foundation
import ParityTestSupport
import XCTest

/// Reports and the JSON summary are the same bytes on every run: repeated, with the fixture
/// roots listed in another order, with the directory listing in another order, with the
/// runner's cases spread over one thread or all of them, and on either build of the vector
/// kernels.
final class ReportDeterminismTests: XCTestCase {
  static let root = ParityProcess.packageRoot

  /// The reports and summary one run writes, as a snapshot of its output folder.
  func output(
    _ fixtureArguments: [String], in directory: URL = root, launcher: [String] = [], environment: [String: String]? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> DirectorySnapshot {
    let out = try TemporaryDirectory(prefix: "parity-determinism")
    defer { out.remove() }
    let outcome = try ParityProcess.run(
      ["run"] + fixtureArguments + ["--reports", out.path + "/Reports", "--json", out.path + "/summary.json"],
      in: directory, environment: environment, launcher: launcher)
    XCTAssertEqual(outcome.status, 0, outcome.stderr, file: file, line: line)
    let snapshot = try DirectorySnapshot(out.url)
    for expected in ["Reports/README.md", "Reports/SoftMarginLoss.md", "Reports/figures/SoftMarginLoss-ulp.svg", "summary.json"] {
      XCTAssertTrue(snapshot.paths.contains(expected), expected, file: file, line: line)
    }
    XCTAssertTrue(snapshot.paths.allSatisfy { $0.hasPrefix("Reports") || $0 == "summary.json" }, "\(snapshot.paths)", file: file, line: line)
    return snapshot
  }

  func testRepeatedRunsWriteTheSameBytes() throws {
    let first = try output(["--fixtures", "Fixtures"])
    let second = try output(["--fixtures", "Fixtures"])
    XCTAssertEqual(first, second)
  }

  func testOrderOfFixtureArgumentsDoesNotMatter() throws {
    let folder = try output(["--fixtures", "Fixtures"])
    let files = try FileManager.default.contentsOfDirectory(atPath: CommittedFixtures.directory)
      .filter { $0.hasSuffix(".json") }.sorted().map { "Fixtures/\($0)" }
    let forward = try output(files.flatMap { ["--fixtures", $0] })
    let backward = try output(files.reversed().flatMap { ["--fixtures", $0] })
    XCTAssertEqual(forward, folder)
    XCTAssertEqual(backward, folder)
  }

  /// Two copies of the fixtures whose files were created in opposite orders, beside decoys
  /// that change how the file system lists them; each run is given the same relative path.
  func testDirectoryListingOrderDoesNotMatter() throws {
    let names = ["SoftMarginLoss.json", "SoftMarginLoss-long.json"]
    var snapshots: [DirectorySnapshot] = []
    for (index, order) in [names, names.reversed()].enumerated() {
      let work = try TemporaryDirectory(prefix: "parity-listing")
      defer { work.remove() }
      for decoy in 0..<(index * 7) { try work.write("decoy", to: "Fixtures/.hidden-\(decoy)") }
      for name in order {
        try work.write(Data(contentsOf: Self.root.appendingPathComponent("Fixtures/" + name)), to: "Fixtures/" + name)
      }
      let before = try DirectorySnapshot(work.url)
      snapshots.append(try output(["--fixtures", "Fixtures"], in: work.url))
      XCTAssertEqual(try DirectorySnapshot(work.url), before, "a run wrote under its fixtures folder")
    }
    XCTAssertEqual(snapshots[0], snapshots[1])
  }

  /// The runner spreads cases with `DispatchQueue.concurrentPerform`, whose width follows the
  /// CPUs the process may use: `taskset -c 0` gives one worker thread, no launcher all cores.
  func testThreadCountDoesNotMatter() throws {
    let taskset = "/usr/bin/taskset"
    guard FileManager.default.isExecutableFile(atPath: taskset) else { throw XCTSkip("no \(taskset)") }
    guard ProcessInfo.processInfo.activeProcessorCount > 1 else { throw XCTSkip("one CPU: nothing to compare") }
    let oneThread = try output(["--fixtures", "Fixtures"], launcher: [taskset, "-c", "0"])
    let allThreads = try output(["--fixtures", "Fixtures"])
    XCTAssertEqual(oneThread, allThreads)
  }

  /// The kernels run ParityMath's loops built for AVX2/FMA where the CPU has them, else the
  /// portable build; `PARITY_INSTRUCTION_SET=portable` forces the latter. Every report byte
  /// must be the same either way.
  func testInstructionSetDoesNotMatter() throws {
    var portable = ProcessInfo.processInfo.environment
    portable["PARITY_INSTRUCTION_SET"] = "portable"
    let forced = try output(["--fixtures", "Fixtures"], environment: portable)
    let detected = try output(["--fixtures", "Fixtures"])
    XCTAssertEqual(forced, detected)
  }
}
