import Foundation
import XCTest
import ParityTestSupport

/// Runs the built `parity` executable the way users and CI do, checking output and exit codes.
final class EndToEndTests: XCTestCase {
  var root: URL { ParityProcess.packageRoot }
  var committedFixtures: String { root.appendingPathComponent("Fixtures").path }
  var wrongGolden: String {
    root.appendingPathComponent("Tests/ParityCLITests/Fixtures/wrong-golden").path
  }

  func testRunOverTheCommittedFixturesExitsZeroWithNoMismatch() throws {
    let run = try ParityProcess.run(["run", "--fixtures", committedFixtures, "--no-write"])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("SoftMarginLoss: 673 cases"), run.stdout)
    XCTAssertTrue(run.stdout.contains(" 0 mismatch"), run.stdout)
    XCTAssertEqual(run.stderr, "")
  }

  func testBareParityIsRunAndReadsFixturesFromTheWorkingDirectory() throws {
    let run = try ParityProcess.run(["--no-write"], in: root)
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("Total: "), run.stdout)
  }

  func testAWrongGoldenIsAMismatchWithExitOne() throws {
    let run = try ParityProcess.run(["run", "--fixtures", wrongGolden, "--no-write"])
    XCTAssertEqual(run.status, 1, run.stderr)
    XCTAssertTrue(
      run.stdout.contains("MISMATCH float32/2x2/mean/doc-example-wrong-golden [pytorch]: 1 of 1 elements outside"),
      run.stdout)
    XCTAssertTrue(run.stdout.contains("0 match, 1 mismatch, 0 unverified"), run.stdout)
    XCTAssertTrue(run.stdout.contains("Reproduce one: parity show CASE_ID --api SoftMarginLoss"), run.stdout)
  }

  func testTheReportListsEachMismatchWithItsReproduction() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let run = try ParityProcess.run(["run", "--fixtures", wrongGolden, "--reports", directory.path])
    XCTAssertEqual(run.status, 1, run.stderr)
    let report = try String(contentsOfFile: directory.url.appendingPathComponent("SoftMarginLoss.md").path, encoding: .utf8)
    for expected in [
      "Reproduce: `swift run parity show 'float32/2x2/mean/doc-example-wrong-golden' --api SoftMarginLoss`",
      "  x = torch.tensor([[0.30000001192092896, 0.699999988079071], [0.5, 0.5]], dtype=torch.float32)",
      "  ```swift",
      "  switch adapter.call([(\"input\", .tensor(\"x\")), (\"target\", .tensor(\"y\")), (\"reduction\", .string(\"mean\"))], in: fixtureCase) {",
    ] {
      XCTAssertTrue(report.contains(expected), expected)
    }
  }

  func testMalformedFixtureExitsTwoNamingFileCaseAndPath() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let text = FixtureText.document(cases: [
      FixtureText.caseWithTensor(#"{ "dtype": "float32", "shape": [2, 2], "data": [1, 2, 3] }"#, id: "f32/2x2/mean")
    ])
    let path = try directory.write(text, to: "x.json")
    let run = try ParityProcess.run(["run", "--fixtures", path, "--no-write"])
    XCTAssertEqual(run.status, 2)
    XCTAssertEqual(run.stdout, "")
    XCTAssertEqual(run.stderr, "error: \(path): case \"f32/2x2/mean\": cases[0].tensors.x.data: 3 values for shape [2, 2]\n")
  }

  func testUsageErrorsExitTwoWithASuggestion() throws {
    let flag = try ParityProcess.run(["run", "--no-wirte"])
    XCTAssertEqual(flag.status, 2)
    XCTAssertTrue(flag.stderr.contains("unknown option '--no-wirte' (did you mean '--no-write'?)"), flag.stderr)

    let api = try ParityProcess.run(["run", "--api", "SoftMarginLos", "--fixtures", committedFixtures, "--no-write"])
    XCTAssertEqual(api.status, 2)
    XCTAssertTrue(api.stderr.contains("unknown API 'SoftMarginLos' (did you mean 'SoftMarginLoss'?)"), api.stderr)

    let command = try ParityProcess.run(["lst"])
    XCTAssertEqual(command.status, 2)
    XCTAssertTrue(command.stderr.contains("unknown command 'lst' (did you mean 'list'?)"), command.stderr)

    let tag = try ParityProcess.run(["run", "--fixtures", committedFixtures, "--tag", "dtype:float17", "--no-write"])
    XCTAssertEqual(tag.status, 2)
    XCTAssertTrue(tag.stderr.contains("no case has the tag 'dtype:float17' (did you mean 'dtype:float16'?)"), tag.stderr)

    let missing = try ParityProcess.run(["run", "--fixtures", "/nonexistent/parity-fixtures"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(missing.stderr.hasPrefix("error: "), missing.stderr)
  }

  func testHelpAndVersionExitZero() throws {
    let help = try ParityProcess.run(["--help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.stdout.contains("USAGE: parity"))
    let runHelp = try ParityProcess.run(["run", "--help"])
    XCTAssertEqual(runHelp.status, 0)
    XCTAssertTrue(runHelp.stdout.contains("--json FILE"))
    XCTAssertEqual(runHelp.stderr, "")
    let version = try ParityProcess.run(["--version"])
    XCTAssertEqual(version.status, 0)
    XCTAssertTrue(version.stdout.hasPrefix("parity "))
  }

  func testListShowsEachAPIWithItsCaseCount() throws {
    let run = try ParityProcess.run(["list", "--fixtures", committedFixtures])
    XCTAssertEqual(run.status, 0, run.stderr)
    let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    // One line per API, in id order: the id, its case count, its files.
    XCTAssertEqual(lines.first.map { Array($0.prefix(3)) }, ["SoftMarginLoss", "673", "cases"], run.stdout)
    XCTAssertTrue(lines.contains { Array($0.prefix(3)) == ["nn.L1Loss", "258", "cases"] }, run.stdout)
    XCTAssertEqual(lines.count, 18, run.stdout)
  }

  func testJSONSummaryCountsEveryCheck() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let json = directory.url.appendingPathComponent("summary.json").path
    let run = try ParityProcess.run(["run", "--fixtures", committedFixtures, "--no-write", "--json", json])
    XCTAssertEqual(run.status, 0, run.stderr)
    let object = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
    XCTAssertEqual(object["schema"] as? String, "parity-summary/1")
    let totals = try XCTUnwrap(object["totals"] as? [String: Int])
    let checks = try XCTUnwrap(object["checks"] as? [[String: Any]])
    XCTAssertEqual(checks.count, totals.values.reduce(0, +))
    XCTAssertEqual(totals["mismatch"], 0)
    XCTAssertEqual(checks.filter { $0["status"] as? String == "unverified" }.count, totals["unverified"])
    let first = try XCTUnwrap(checks.first)
    for key in ["api", "fixture", "case", "framework", "status", "recorded", "computed", "detail"] {
      XCTAssertNotNil(first[key], key)
    }
    // Value checks count their elements: bit-exact ones within those within 1 ULP, within all.
    let valueChecks = checks.filter { $0["elements"] != nil }
    XCTAssertFalse(valueChecks.isEmpty)
    for check in valueChecks {
      let all = try XCTUnwrap(check["elements"] as? Int)
      let exact = try XCTUnwrap(check["bit_exact_elements"] as? Int)
      let withinOne = try XCTUnwrap(check["within_one_ulp_elements"] as? Int)
      XCTAssertTrue(exact <= withinOne && withinOne <= all, "\(check)")
    }
  }

  func testReportsAreWrittenAndCheckedForStaleness() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let reports = directory.url.appendingPathComponent("reports").path
    let write = try ParityProcess.run(["run", "--fixtures", committedFixtures, "--reports", reports])
    XCTAssertEqual(write.status, 0, write.stderr)
    let check = try ParityProcess.run(["run", "--fixtures", committedFixtures, "--reports", reports, "--check"])
    XCTAssertEqual(check.status, 0, check.stderr)

    let report = URL(fileURLWithPath: reports).appendingPathComponent("SoftMarginLoss.md")
    try "stale\n".write(to: report, atomically: true, encoding: .utf8)
    let stale = try ParityProcess.run(["run", "--fixtures", committedFixtures, "--reports", reports, "--check"])
    XCTAssertEqual(stale.status, 1)
    XCTAssertTrue(stale.stderr.contains("stale reports"), stale.stderr)
    XCTAssertEqual(try String(contentsOf: report, encoding: .utf8), "stale\n", "--check must not write")
  }

  func testASelectionDoesNotOverwriteTheDefaultReports() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.copyItem(
      at: root.appendingPathComponent("Fixtures/SoftMarginLoss.json"),
      to: directory.url.appendingPathComponent("SoftMarginLoss.json"))
    let work = try TemporaryDirectory()
    defer { work.remove() }
    let run = try ParityProcess.run(
      ["run", "--fixtures", directory.path, "--tag", "dtype:float16"], in: work.url)
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("Reports not written"), run.stdout)
    XCTAssertFalse(FileManager.default.fileExists(atPath: work.url.appendingPathComponent("Reports").path))
  }
}
