import Foundation
import XCTest
import ParityTestSupport

/// Runs the built `parity diff` over the test pair in Fixtures/diff (recorded cases in old/,
/// the same changed in new/), from that folder so the report names the sets `old` and `new`.
final class DiffEndToEndTests: XCTestCase {
  var pair: URL { ParityProcess.packageRoot.appendingPathComponent("Tests/ParityCLITests/Fixtures/diff") }

  func testIdenticalSetsExitZero() throws {
    let run = try ParityProcess.run(["diff", "old", "old/SoftMarginLoss.json"], in: pair)
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertEqual(run.stderr, "")
    XCTAssertTrue(run.stdout.hasPrefix("# Fixture diff: `old` → `old/SoftMarginLoss.json`\n"), run.stdout)
    XCTAssertTrue(run.stdout.contains("**No behaviour change.** 1 API compared, 11 cases in both sets: "), run.stdout)
    XCTAssertFalse(run.stdout.contains("## Changed outcomes"), run.stdout)
  }

  func testChangedSetsExitOneWithEveryFinding() throws {
    let run = try ParityProcess.run(["diff", "old", "new"], in: pair)
    XCTAssertEqual(run.status, 1, run.stderr)
    XCTAssertEqual(run.stderr, "")
    let lines = Set(run.stdout.split(separator: "\n").map(String.init))
    for expected in [
      "**Behaviour changed.** 1 API compared, 10 cases in both sets: 6 with behaviour changes, 3 with minor changes only, "
        + "1 unchanged; 1 added, 1 removed. Findings: 5 changed outcomes, 3 beyond tolerance, 4 minor, 2 provenance differences.",
      "| `frameworks.pytorch.version` | 2.15.0+cu132 | 2.16.0+cu132 |",
      "| `recorder.numpy` | 2.4.6 | 2.4.7 |",
      "| `float32/2x3/elementwise_mean/reduction-spelling` | PyTorch | returns float32 [] | raises ValueError (argument): `elementwise_mean is not a valid value for reduction` |  |",
      "| `float64/2x3/elementwise_mean/reduction-spelling` | PyTorch | returns float64 [] | returns float32 [] |  |",
      "| `float16/scalar/sum/overflow-above` | exact | returns float16 [] | no call |  |",
      "| `float32/2x2/default/doc-example` | PyTorch | 1 of 1 (rtol 1.3e-06, atol 1e-05) | 1279 | [0]: old 0.6764238, new 0.6765 |  |",
      "| `float32/2x3+3/none/target-broadcast` | PyTorch | 1 of 6 (rtol 1.3e-06, atol 1e-05) | 1695971 | [0]: old 0.06625377, new 0.078889735 | inputs differ |",
      "| `float16/2/none/random-normal` | PyTorch | values within tolerance: 1 of 2 elements not bit-identical, max 1 ULP |",
      "| `int32/2x3/none/integer-input` | MindSpore | arguments: reduction 'none' → 'mean' |",
      "- `float32/2x3/Sum/reduction-spelling`",
      "- `float32/2x3/NONE/reduction-spelling`",
    ] {
      XCTAssertTrue(lines.contains(expected), "missing line: \(expected)\n\(run.stdout)")
    }
    let sections = run.stdout.split(separator: "\n").filter { $0.hasPrefix("## ") }
    XCTAssertEqual(sections, [
      "## Provenance", "## Changed outcomes", "## Values beyond tolerance", "## Minor changes", "## Added cases", "## Removed cases",
    ])
  }

  func testOutputWritesTheReportToAFileInsteadOfStdout() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let file = directory.url.appendingPathComponent("diff.md").path
    let printed = try ParityProcess.run(["diff", "old", "new"], in: pair)
    let written = try ParityProcess.run(["diff", "old", "new", "--output", file], in: pair)
    XCTAssertEqual(written.status, 1, written.stderr)
    XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), printed.stdout)
    XCTAssertFalse(written.stdout.contains("## "), "the report goes to the file, not stdout: \(written.stdout)")
    XCTAssertTrue(written.stdout.hasPrefix("Behaviour changed. 1 API compared"), written.stdout)
    XCTAssertTrue(written.stdout.hasSuffix("Wrote \(file)\n"), written.stdout)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["diff.md"], "no temporary left")

    let identical = try ParityProcess.run(["diff", "old", "old", "--output=\(file)"], in: pair)
    XCTAssertEqual(identical.status, 0, identical.stderr)
    XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("**No behaviour change.**"))
  }

  func testBadUsageExitsTwo() throws {
    let one = try ParityProcess.run(["diff", "old"], in: pair)
    XCTAssertEqual(one.status, 2)
    XCTAssertEqual(one.stdout, "")
    XCTAssertTrue(one.stderr.contains("diff needs two fixture sets, OLD and NEW (a folder or a .json file each); got 'old'"), one.stderr)

    let three = try ParityProcess.run(["diff", "old", "new", "more"], in: pair)
    XCTAssertEqual(three.status, 2)

    let typo = try ParityProcess.run(["diff", "old", "new", "--outptu", "x.md"], in: pair)
    XCTAssertEqual(typo.status, 2)
    XCTAssertTrue(typo.stderr.contains("unknown option '--outptu' (did you mean '--output'?)"), typo.stderr)

    let fixtures = try ParityProcess.run(["diff", "--fixtures", "old", "new"], in: pair)
    XCTAssertEqual(fixtures.status, 2)
    XCTAssertTrue(fixtures.stderr.contains("diff takes the two fixture sets as arguments"), fixtures.stderr)

    let missing = try ParityProcess.run(["diff", "old", "/nonexistent/parity-fixtures"], in: pair)
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(missing.stderr.hasPrefix("error: "), missing.stderr)

    let limit = try ParityProcess.run(["diff", "old", "new", "--max-elements", "4"], in: pair)
    XCTAssertEqual(limit.status, 2, "the loader limits apply to both sets")
    XCTAssertTrue(limit.stderr.contains("old/SoftMarginLoss.json"), limit.stderr)
  }

  func testAnInvalidFixtureExitsTwoNamingTheFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let bad = try directory.write(FixtureText.document(cases: [
      FixtureText.caseWithTensor(#"{ "dtype": "float32", "shape": [2], "data": [1] }"#, id: "broken")
    ]), to: "bad.json")
    let run = try ParityProcess.run(["diff", "old", bad], in: pair)
    XCTAssertEqual(run.status, 2)
    XCTAssertEqual(run.stdout, "")
    XCTAssertTrue(run.stderr.hasPrefix("error: \(bad): case \"broken\""), run.stderr)
  }

  func testHelpMentionsDiff() throws {
    let help = try ParityProcess.run(["diff", "--help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.contains("parity diff OLD NEW"), help.stdout)
    XCTAssertTrue(help.stdout.contains("--output FILE"), help.stdout)
  }
}
