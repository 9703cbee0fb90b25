import ParityCore
import ParityFixtures
import ParityTestSupport
import XCTest
@testable import Parity

/// The dtype criterion judges a call's tensors together: a class index's dtype counts as much
/// as the scores', and a combination counts as wider only where PyTorch refused it by dtype.
final class DTypeCriterionTests: XCTestCase {
  typealias Recorded = (pytorch: Outcome.Result, mindspore: Outcome.Result)

  static let scores = Tensor(shape: [1, 2], storage: .float32([0, 1]))
  static let int64Classes = Tensor(shape: [1], storage: .int64([1]))
  static let int32Classes = Tensor(shape: [1], storage: .int32([1]))
  static let loss = Outcome.Result.value(Tensor(shape: [], storage: .float32([0.5])))

  static func error(_ kind: ErrorKind) -> Outcome.Result {
    .error(RecordedError(kind: kind, type: "RuntimeError", message: "refused"))
  }

  func verdict(_ cases: [(id: String, target: Tensor, recorded: Recorded)]) throws -> CriterionVerdict {
    let mapping = try XCTUnwrap(MappingRegistry.standard.mapping(id: "nn.functional.nll_loss"))
    let results = cases.enumerated().map { index, item in
      let calls = [("pytorch", item.recorded.pytorch), ("mindspore", item.recorded.mindspore)].map {
        RecordedCall(framework: $0.0, arguments: [], outcome: Outcome($0.1), tolerance: nil)
      }
      let fixtureCase = FixtureCase(
        id: item.id, tags: [], tensors: [("x", Self.scores), ("y", item.target)], calls: calls, index: index)
      return CaseResult(fixturePath: "f.json", fixtureCase: fixtureCase, checks: [], recordedAgainstExact: [], crossFramework: [])
    }
    return CriteriaAssessment.dtypes(APIResult(mapping: mapping, fixtures: [], cases: results), "pytorch", "mindspore")
  }

  func testClassIndicesOfAnotherDTypeAreNotANarrowerSet() throws {
    let verdict = try verdict([
      ("int64", Self.int64Classes, (Self.loss, Self.error(.dtype))),
      ("int32", Self.int32Classes, (Self.error(.dtype), Self.loss)),
    ])
    XCTAssertEqual(verdict.status, .differs)
    XCTAssertEqual(verdict.evidence, ["MindSpore accepts float32 & int32 (`int32`), which PyTorch refuses."])
    XCTAssertEqual(
      verdict.reason,
      "PyTorch returns values for float32 & int64; MindSpore for float32 & int32. MindSpore's set is not narrower.")
  }

  func testMindSporeRefusingOneCombinationIsNarrower() throws {
    let verdict = try verdict([
      ("int64", Self.int64Classes, (Self.loss, Self.loss)),
      ("int32", Self.int32Classes, (Self.loss, Self.error(.dtype))),
    ])
    XCTAssertEqual(verdict.status, .consistent)
    XCTAssertTrue(verdict.reason.hasSuffix("MindSpore's narrower set (no float32 & int32) is allowed by the table's definition."))
  }

  /// PyTorch refusing an int32 target for its shape says nothing about the dtype.
  func testARefusalForAnotherReasonIsNoDTypeEvidence() throws {
    let verdict = try verdict([
      ("int64", Self.int64Classes, (Self.loss, Self.loss)),
      ("int32", Self.int32Classes, (Self.error(.shape), Self.loss)),
    ])
    XCTAssertEqual(verdict.status, .consistent)
  }

  /// The committed recordings: mindspore.nn.CrossEntropyLoss takes int32 class indices only
  /// ("the 'labels' should be Int32"), torch int64 only; MultiMarginLoss, whose every case
  /// pairs float scores with int64 classes, is judged (MindSpore runs float16, PyTorch does not).
  func testTheCommittedClassIndexRowsAreJudgedOnTheirTargets() throws {
    let run = try Runner().run(
      CommittedFixtures.load(), selection: CaseSelection(apis: ["nn.CrossEntropyLoss", "nn.MultiMarginLoss"]))
    let crossEntropy = try XCTUnwrap(run.apis.first { $0.mapping.id == "nn.CrossEntropyLoss" })
    let verdict = CriteriaAssessment.dtypes(crossEntropy, "pytorch", "mindspore")
    XCTAssertEqual(verdict.status, .differs)
    XCTAssertTrue(verdict.evidence.contains { $0.hasPrefix("MindSpore accepts float32 & int32 (") }, "\(verdict.evidence)")
    let multiMargin = try XCTUnwrap(run.apis.first { $0.mapping.id == "nn.MultiMarginLoss" })
    let margin = CriteriaAssessment.dtypes(multiMargin, "pytorch", "mindspore")
    XCTAssertEqual(margin.status, .differs)
    XCTAssertTrue(margin.evidence.contains { $0.hasPrefix("MindSpore accepts float16 & int64 (") }, "\(margin.evidence)")
  }
}
