import ParityCore
import ParityFixtures
import ParityTestSupport
import XCTest
@testable import Parity

/// An adapter for an API the framework lacks raises Python's AttributeError for every call,
/// before binding: arguments that would not bind (an unknown name, `None` for a string) must
/// not turn it into an `argument` error.
final class MissingAPIAdapterTests: XCTestCase {
  func testEveryCallFailsWhereTheNameIsLookedUp() {
    let adapter = FrameworkAdapter.missing(framework: "mindspore", api: "mindspore.nn.MultiLabelMarginLoss")
    let fixtureCase = FixtureCase(id: "c", tags: [], tensors: [("x", Tensor([Float(1)]))], calls: [], index: 0)
    let expected = CallError(kind: .other, message: "module 'mindspore.nn' has no attribute 'MultiLabelMarginLoss'")
    let calls: [[(name: String, value: Argument)]] = [
      [], [("input", .tensor("x")), ("target", .tensor("x"))], [("reduction", .null), ("no_such_parameter", .integer(1))],
    ]
    for arguments in calls {
      guard case .failure(let error) = adapter.call(arguments, constructorArguments: [("reduction", .string("sum"))], in: fixtureCase)
      else { return XCTFail("a missing API returned a value") }
      XCTAssertEqual(error, expected)
    }
    XCTAssertEqual(adapter.signature.parameters.count, 0)
  }

  /// `nn.MultiLabelMarginLoss`: the mapping declares mindspore's API missing and every recorded
  /// call raised AttributeError, so each of the table's criteria differs; the functional row,
  /// whose API exists, keeps the usual verdicts (no CPU kernel: its function is unverified).
  func testAMissingAPIContradictsEveryCriterion() throws {
    let run = try Runner().run(
      CommittedFixtures.load(), selection: CaseSelection(apis: ["nn.MultiLabelMarginLoss", "nn.functional.multilabel_margin_loss"]))
    let module = try XCTUnwrap(run.apis.first { $0.mapping.id == "nn.MultiLabelMarginLoss" })
    let verdicts = CriteriaAssessment.assess(module)
    XCTAssertEqual(verdicts.map(\.status), Array(repeating: .differs, count: Criterion.allCases.count))
    XCTAssertEqual(verdicts.first?.evidence, ["AttributeError: module 'mindspore.nn' has no attribute 'MultiLabelMarginLoss'"])
    let functional = try XCTUnwrap(run.apis.first { $0.mapping.id == "nn.functional.multilabel_margin_loss" })
    XCTAssertEqual(CriteriaAssessment.assess(functional).first?.status, .unverified)
  }
}
