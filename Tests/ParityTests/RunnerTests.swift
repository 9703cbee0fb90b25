import XCTest
import ParityCore
import ParityFixtures
import ParityTestSupport
@testable import Parity

final class RunnerTests: XCTestCase {
  func committedRun(_ selection: CaseSelection = .all) throws -> RunResult {
    try Runner().run(CommittedFixtures.load(), selection: selection)
  }

  func testEveryRecordedOutcomeOfTheCommittedFixturesMatchesOrIsUnverified() throws {
    let result = try committedRun()
    let api = try XCTUnwrap(result.apis.first { $0.mapping.id == "SoftMarginLoss" })
    XCTAssertGreaterThan(api.cases.count, 600)
    let mismatches = api.cases.flatMap { c in c.checks.filter { $0.status == .mismatch }.map { "\(c.id) [\($0.framework)]" } }
    XCTAssertEqual(mismatches, [])
    // PyTorch ran every case on CPU, so nothing through its adapter may stay unverified.
    XCTAssertEqual(api.totals(for: "pytorch").unverified, 0)
    // MindSpore's only unverified checks are its recorded no-kernel outcomes.
    for caseResult in api.cases {
      guard let check = caseResult.check(for: "mindspore"), check.status == .unverified else { continue }
      XCTAssertEqual(check.finding, .recordedUnsupported, caseResult.id)
    }
  }

  /// The issue's bar: elementwise float32/float64 results bit-exact or within 1 ULP on >= 99%.
  func testElementwiseFloat32AndFloat64AgreeWithPyTorchWithinOneULP() throws {
    let result = try committedRun(CaseSelection(tags: ["reduction:none"]))
    for dtype in [DType.float32, .float64] {
      var elements = 0
      var withinOne = 0
      for caseResult in result.apis.flatMap(\.cases) {
        guard let v = caseResult.check(for: "pytorch")?.values, v.dtype == dtype else { continue }
        elements += v.elementCount
        withinOne += v.withinOneULPElements
      }
      XCTAssertGreaterThan(elements, 1000, "\(dtype)")
      XCTAssertGreaterThanOrEqual(Double(withinOne), 0.99 * Double(elements), "\(dtype): \(withinOne) of \(elements)")
    }
  }

  /// float16 and bfloat16 round every op of PyTorch's chain to 16 bits; reproducing that chain
  /// gives the recorded values exactly, element for element.
  func testSixteenBitChainsReproduceTheRecordedValuesExactly() throws {
    let result = try committedRun(CaseSelection(tags: ["reduction:none"]))
    for dtype in [DType.float16, .bfloat16] {
      var elements = 0
      for caseResult in result.apis.flatMap(\.cases) {
        guard let v = caseResult.check(for: "pytorch")?.values, v.dtype == dtype else { continue }
        elements += v.elementCount
        XCTAssertEqual(v.bitExactElements, v.elementCount, "\(caseResult.id)")
      }
      XCTAssertGreaterThan(elements, 1000, "\(dtype)")
    }
  }

  func testUnknownAPIFailsTheWholeRun() throws {
    let text = FixtureText.example.replacingOccurrences(of: #""api": "SoftMarginLoss""#, with: #""api": "SoftMarginLos""#)
    let fixture = try FixtureLoader().load(bytes: Array(text.utf8), path: "x.json")
    XCTAssertThrowsError(try Runner().run([fixture])) { error in
      let known = MappingRegistry.standard.ids
      XCTAssertEqual(error as? RunError, .unknownAPI(file: "x.json", api: "SoftMarginLos", known: known))
      XCTAssertEqual(
        (error as? RunError)?.description,
        #"x.json: api: unknown API "SoftMarginLos" (Parity knows: "# + known.joined(separator: ", ") + ")")
    }
  }

  func testAFrameworkKeyWithoutAnAdapterIsUnverifiedNotSkipped() throws {
    let text = FixtureText.document(cases: [
      FixtureText.caseWithCall(
        #"{ "args": { "x": {"tensor": "x"} }, "outcome": { "value": { "dtype": "float32", "shape": [], "data": [1] } } }"#,
        framework: "jax")
    ])
    let fixture = try FixtureLoader().load(bytes: Array(text.utf8), path: "x.json")
    let result = try Runner().run([fixture])
    let check = try XCTUnwrap(result.apis.first?.cases.first?.checks.first)
    XCTAssertEqual(check.framework, "jax")
    XCTAssertEqual(check.status, .unverified)
    XCTAssertEqual(check.finding, .noAdapter)
  }

  func testTheExampleFromTheContractMatchesThroughBothAdapters() throws {
    let fixture = try FixtureLoader().load(bytes: Array(FixtureText.example.utf8), path: "example.json")
    let result = try Runner().run([fixture])
    let checks = try XCTUnwrap(result.apis.first?.cases.first?.checks)
    XCTAssertEqual(checks.map(\.framework), ["pytorch", "mindspore"])
    XCTAssertEqual(checks.map(\.status), [.match, .unverified])
    XCTAssertEqual(checks[0].values?.maxULP, 0)
  }

  func testSelectionByTagAndGlob() throws {
    let fixtures = try CommittedFixtures.load()
    let byTag = try Runner().run(fixtures, selection: CaseSelection(tags: ["dtype:float16", "reduction:sum"]))
    let ids = byTag.apis.flatMap(\.cases).map(\.id)
    XCTAssertFalse(ids.isEmpty)
    XCTAssertTrue(ids.allSatisfy { $0.hasPrefix("float16") && $0.contains("/sum/") }, "\(ids)")
    let byGlob = try Runner().run(fixtures, selection: CaseSelection(apis: ["SoftMarginLoss"], caseGlobs: ["*/doc-example"]))
    XCTAssertEqual(byGlob.apis.flatMap(\.cases).map(\.id).sorted(), ["float32/2x2/default/doc-example", "float32/2x2/mean/doc-example"])
    let none = try Runner().run(fixtures, selection: CaseSelection(apis: ["Other"]))
    XCTAssertTrue(none.apis.isEmpty)
  }

  func testConcurrentRunsGiveTheSameResultsInTheSameOrder() throws {
    let fixtures = try CommittedFixtures.load()
    let a = try Runner().run(fixtures).apis.flatMap(\.cases)
    let b = try Runner().run(fixtures.reversed()).apis.flatMap(\.cases)
    XCTAssertEqual(Set(a.map(\.id)), Set(b.map(\.id)))
    let first = a.map { "\($0.id) \($0.checks.map(\.status))" }
    let again = try Runner().run(fixtures).apis.flatMap(\.cases).map { "\($0.id) \($0.checks.map(\.status))" }
    XCTAssertEqual(first, again)
  }
}
