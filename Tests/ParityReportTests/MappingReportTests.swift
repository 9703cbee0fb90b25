import Foundation
import XCTest
import ParityFixtures
import Parity
import ParityTestSupport
@testable import ParityReport

final class MappingReportTests: XCTestCase {
  /// A spread of the recorded cases: the page's example, errors of every kind, overflow,
  /// spelling and broadcasting differences, legacy arguments.
  /// A selection of the seed mapping's cases (the snapshots are of its report).
  static let selection = CaseSelection(apis: ["SoftMarginLoss"], caseGlobs: [
    "*/doc-example", "float32/2x3/*/reduction-spelling", "float32/4x1+1x5/*", "float16/2x3+3/*",
    "*/overflow-above", "int32/2x3/none/*", "float32/2x3/*/legacy-size_average=False-reduce=absent",
  ])

  func selectedRun() throws -> RunResult {
    try Runner().run(CommittedFixtures.load(), selection: Self.selection)
  }

  func testReportOfARecordedSelectionMatchesItsSnapshot() throws {
    let result = try selectedRun()
    let api = try XCTUnwrap(result.apis.first)
    XCTAssertGreaterThan(api.cases.count, 15)
    Snapshot.assertMatches(MappingReport(api).markdown, named: "SoftMarginLoss-selection.md")
    Snapshot.assertMatches(ReportIndex(result).markdown, named: "README-selection.md")
  }

  func testTheCommittedReportsAreWhatTheCommittedFixturesProduce() throws {
    let reports = ParityProcess.packageRoot.appendingPathComponent("Reports").path
    let fixtures = try CommittedFixtures.load()
    let set = ReportSet(try Runner().run(fixtures))
    let names = Set(set.files.map(\.name))
    // A report per mapping with fixtures, the seed's margin figures, and the index.
    for api in Set(fixtures.map(\.api)) { XCTAssertTrue(names.contains("\(api).md"), api) }
    for dtype in ["float16", "bfloat16", "float32", "float64"] {
      XCTAssertTrue(names.contains("figures/SoftMarginLoss-margin-\(dtype).svg"), dtype)
    }
    XCTAssertEqual(set.files.last?.name, "README.md")
    XCTAssertEqual(set.stale(in: reports), [], "run `swift run parity` and commit Reports/")
  }

  func testReportNamesEveryDifferenceTheIssueAsksFor() throws {
    let markdown = MappingReport(try XCTUnwrap(try Runner().run(CommittedFixtures.load()).apis.first)).markdown
    for evidence in [
      "No MindSpore kernel on the recording platform",  // platform support
      "**broadcast**: PyTorch returns a float32 value; MindSpore raises ValueError (shape)",  // broadcasting
      "**reduction-spelling**: PyTorch raises ValueError (argument); MindSpore raises RuntimeError (unsupported)",  // 'MEAN'
      "**reduction-spelling**: PyTorch returns a float32 value; MindSpore raises ValueError (argument)",  // elementwise_mean
      "**overflow**: PyTorch returns inf or nan where the exact loss is finite",
      "| float16+float32 |",  // mixed dtypes in the by-dtype table
      "| float16 & float32 | 3 | float16 [2, 3]; float16 [] | unsupported error |",  // and the result type
    ] {
      XCTAssertTrue(markdown.contains(evidence), evidence)
    }
  }

  func testRenderingIsDeterministic() throws {
    let a = ReportSet(try selectedRun()).files.map(\.contents)
    let b = ReportSet(try selectedRun()).files.map(\.contents)
    XCTAssertEqual(a, b)
  }

  func testTableCellsEscapePipesAndNewlines() {
    var table = MarkdownTable(["a", "b"])
    table.append(["x|y", "line\nbreak"])
    XCTAssertEqual(table.rendered, "| a | b |\n| --- | --- |\n| x\\|y | line break |\n")
    XCTAssertEqual(Markdown.code("a`b"), "`` a`b ``")
    XCTAssertEqual(Markdown.caseList(["a", "b", "c"], limit: 2), "`a`, `b` and 1 more")
  }

  func testJSONStringsEscapeControlCharacters() {
    let summary = JSONSummary(RunResult(apis: []))
    XCTAssertEqual(summary.quote("a\"b\\c\n\u{1}é"), #""a\"b\\c\n\u0001é""#)
    XCTAssertEqual(
      summary.json,
      "{\n  \"schema\": \"parity-summary/1\",\n  \"totals\": {\"match\": 0, \"mismatch\": 0, \"unverified\": 0},\n  \"checks\": [\n  ]\n}\n")
  }

  func testAtomicWritesReplaceWholeFilesAndLeaveNoTemporaries() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.url.appendingPathComponent("r.md").path
    try AtomicFile.write("old\n", to: path)
    try AtomicFile.write("new\n", to: path)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["r.md"])
    // A target that cannot be replaced (a folder) fails and leaves no temporary behind.
    try FileManager.default.createDirectory(atPath: directory.url.appendingPathComponent("d.md").path, withIntermediateDirectories: false)
    XCTAssertThrowsError(try AtomicFile.write("x", to: directory.url.appendingPathComponent("d.md").path))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["d.md", "r.md"])
  }
}
