import Foundation
import ParityTestSupport
import XCTest

/// `parity run` on each bad fixture: exit status 2, the loader's error on stderr exactly as
/// `EXPECTED.tsv` gives it, nothing on stdout, and the reports folder (and the JSON summary)
/// left exactly as they were.
final class BadFixtureCLITests: XCTestCase {
  /// A working folder with previous reports in `Reports/` (the default `--reports`).
  func workspace() throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory(prefix: "parity-bad")
    try directory.write("# previous index\n", to: "Reports/README.md")
    try directory.write("# previous SoftMarginLoss report\n", to: "Reports/SoftMarginLoss.md")
    try directory.write("{\"previous\": true}\n", to: "summary.json")
    return directory
  }

  func testEveryBadFixtureExitsTwoWithItsErrorAndTouchesNothing() throws {
    let directory = try workspace()
    defer { directory.remove() }
    let before = try DirectorySnapshot(directory.url)
    let entries = try BadFixtureCorpus.entries()
    XCTAssertGreaterThanOrEqual(entries.count, 40)
    for entry in entries {
      let outcome = try ParityProcess.run(
        ["run", "--fixtures", entry.path, "--json", "summary.json"] + entry.flags, in: directory.url)
      XCTAssertEqual(outcome.status, 2, entry.file)
      XCTAssertEqual(outcome.stderr, "error: \(entry.path): \(entry.message)\n", entry.file)
      XCTAssertEqual(outcome.stdout, "", entry.file)
      XCTAssertEqual(try DirectorySnapshot(directory.url), before, "\(entry.file) changed the working folder")
    }
  }

  /// Among good fixtures, one bad file still stops the run before anything is written.
  func testOneBadFileAmongGoodOnesStopsTheRun() throws {
    let directory = try workspace()
    defer { directory.remove() }
    try directory.write(FixtureText.example, to: "fixtures/a-good.json")
    let bad = try directory.write(Data(contentsOf: BadFixtureCorpus.directory.appendingPathComponent("tensor-missing.json")), to: "fixtures/b-bad.json")
    try directory.write(FixtureText.example, to: "fixtures/c-good.json")
    let before = try DirectorySnapshot(directory.url)
    let outcome = try ParityProcess.run(["run", "--fixtures", "fixtures", "--json", "summary.json"], in: directory.url)
    XCTAssertEqual(outcome.status, 2)
    XCTAssertEqual(outcome.stderr, #"error: fixtures/b-bad.json: case "float32/2/bad": cases[0].calls.pytorch.args.input.tensor: no tensor named "missing" in this case"# + "\n")
    XCTAssertTrue(bad.hasSuffix("fixtures/b-bad.json"))
    XCTAssertEqual(try DirectorySnapshot(directory.url), before)
  }

  /// At the default limit (2^26 elements, 512 MiB of float64) with three values, the run must
  /// fail from the lengths alone: under a 256 MiB address space, reserving storage for the
  /// shape would crash instead of exiting 2.
  func testShapeAtTheLimitWithFewValuesAllocatesNothing() throws {
    let directory = try TemporaryDirectory(prefix: "parity-alloc")
    defer { directory.remove() }
    let data = try directory.write(FixtureText.document(cases: [FixtureText.caseWithTensor(#"{ "dtype": "float64", "shape": [67108864], "data": [1, 2, 3] }"#)]), to: "data.json")
    let base64 = try directory.write(FixtureText.document(cases: [FixtureText.caseWithTensor(#"{ "dtype": "float64", "shape": [8192, 8192], "base64": "AAAAAAAA8D8=" }"#)]), to: "base64.json")
    let launcher = ParityProcess.addressSpaceLimit(kilobytes: 256 << 10)
    let first = try ParityProcess.run(["run", "--fixtures", data, "--no-write"], launcher: launcher)
    XCTAssertEqual(first.status, 2, first.stderr)
    XCTAssertEqual(first.stderr, "error: \(data): case \"case/1\": cases[0].tensors.x.data: 3 values for shape [67108864]\n")
    let second = try ParityProcess.run(["run", "--fixtures", base64, "--no-write"], launcher: launcher)
    XCTAssertEqual(second.status, 2, second.stderr)
    XCTAssertEqual(second.stderr, "error: \(base64): case \"case/1\": cases[0].tensors.x.base64: base64 holds 8 bytes, expected 536870912 (67108864 float64 elements)\n")
    // The flag lowers the limit; the shape alone is refused.
    let flagged = try ParityProcess.run(["run", "--fixtures", data, "--no-write", "--max-elements", "1000000"], launcher: launcher)
    XCTAssertEqual(flagged.status, 2)
    XCTAssertEqual(flagged.stderr, "error: \(data): case \"case/1\": cases[0].tensors.x.shape: 67108864 elements, more than the limit of 1000000\n")
  }
}
