import XCTest
import ParityCore
import ParityFixtures
import Parity
import ParityTestSupport
@testable import ParityReport

final class DiffReportTests: XCTestCase {
  /// The test pair under Tests/ParityCLITests/Fixtures/diff: recorded cases, changed on NEW's side.
  static func pair() throws -> (old: [Fixture], new: [Fixture]) {
    let base = ParityProcess.packageRoot.appendingPathComponent("Tests/ParityCLITests/Fixtures/diff")
    let loader = FixtureLoader()
    return (try loader.loadAll(from: [base.appendingPathComponent("old").path]),
            try loader.loadAll(from: [base.appendingPathComponent("new").path]))
  }

  func testReportOfTheTestPairMatchesItsSnapshot() throws {
    let (old, new) = try Self.pair()
    let diff = try FixtureDiff(old: old, new: new)
    XCTAssertTrue(diff.behaviourChanged)
    Snapshot.assertMatches(DiffReport(diff, old: "old", new: "new").markdown, named: "diff-old-new.md")
  }

  func testIdenticalSetsSayNoBehaviourChangeAndListNoSections() throws {
    let (old, _) = try Self.pair()
    let markdown = DiffReport(try FixtureDiff(old: old, new: old), old: "a", new: "b").markdown
    XCTAssertEqual(markdown, """
      # Fixture diff: `a` → `b`

      **No behaviour change.** 1 API compared, 11 cases in both sets: 0 with behaviour changes, \
      0 with minor changes only, 11 unchanged; 0 added, 0 removed. Findings: 0 changed outcomes, \
      0 beyond tolerance, 0 minor, 0 provenance differences.

      ## Provenance

      No provenance differences.

      """)
  }

  func testSeveralAPIsGetAnAPIColumnAndOneSidedAPIsAreListed() throws {
    func fixture(_ api: String, _ data: String, path: String) throws -> Fixture {
      let header = FixtureText.header.replacingOccurrences(of: #""api": "SoftMarginLoss""#, with: #""api": "\#(api)""#)
      let text = FixtureText.document(header: header, cases: [FixtureText.caseWithCall(
        #"{ "args": {}, "outcome": { "value": { "dtype": "float32", "shape": [], "data": \#(data) } } }"#, id: "c|1")])
      return try FixtureLoader().load(bytes: Array(text.utf8), path: path)
    }
    let old = [try fixture("A", "[1]", path: "a.json"), try fixture("B", "[1]", path: "b.json"), try fixture("Gone", "[1]", path: "g.json")]
    let new = [try fixture("A", "[1]", path: "a.json"), try fixture("B", "[2]", path: "b.json")]
    let markdown = DiffReport(try FixtureDiff(old: old, new: new), old: "o", new: "n").markdown
    XCTAssertTrue(markdown.contains("| API | Case | Framework | Elements outside |"), markdown)
    XCTAssertTrue(markdown.contains("| B | `c\\|1` | PyTorch | 1 of 1 (rtol 1.3e-06, atol 1e-05) | 8388608 | [0]: old 1.0, new 2.0 |  |"), markdown)
    XCTAssertTrue(markdown.contains("APIs in one set only: 1 in OLD, 0 in NEW."), markdown)
    XCTAssertTrue(markdown.contains("- `Gone`: only in OLD (1 case in 1 file)"), markdown)
  }

  func testValuesAndArgumentsArePhrasedPerDType() {
    XCTAssertEqual(DiffReport.number(Double(Float(0.7)), .float32), "0.7")
    XCTAssertEqual(DiffReport.number(Double(Float16(0.2109)), .float16), "0.2109")
    XCTAssertEqual(DiffReport.number(0.1, .float64), "0.1")
    XCTAssertEqual(DiffReport.number(-3, .int64), "-3")
    XCTAssertEqual(DiffReport.number(.infinity, .float32), "inf")
    XCTAssertEqual(DiffReport.argument(.string("mean")), "'mean'")
    XCTAssertEqual(DiffReport.argument(.null), "None")
    XCTAssertEqual(DiffReport.argument(.bool(false)), "False")
    XCTAssertEqual(DiffReport.argument(nil), "absent")
  }
}
