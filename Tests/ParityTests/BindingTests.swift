import XCTest
import ParityCore
import ParityFixtures
@testable import Parity

final class BindingTests: XCTestCase {
  let signature = Signature([
    .tensor("input"), .tensor("target"), .optionalBool("reduce"), .string("reduction", default: "mean"),
  ])
  let x = Tensor([Float(1)])

  func bind(_ arguments: [(name: String, value: Argument)]) throws -> BoundArguments {
    try signature.bind(arguments, tensors: { $0 == "x" ? self.x : nil }, function: "f")
  }

  func testDefaultsFillAbsentParameters() throws {
    let bound = try bind([("input", .tensor("x")), ("target", .tensor("x"))])
    XCTAssertEqual(try bound.string("reduction"), "mean")
    XCTAssertNil(try bound.optionalBool("reduce"))
    XCTAssertEqual(try bound.tensor("input"), x)
  }

  func testExplicitNoneIsKeptApartFromFalse() throws {
    XCTAssertNil(try bind([("input", .tensor("x")), ("target", .tensor("x")), ("reduce", .null)]).optionalBool("reduce"))
    XCTAssertEqual(try bind([("input", .tensor("x")), ("target", .tensor("x")), ("reduce", .bool(false))]).optionalBool("reduce"), false)
  }

  func testUnknownMissingAndMistypedArgumentsAreArgumentErrors() {
    let cases: [([(name: String, value: Argument)], String)] = [
      ([("input", .tensor("x")), ("target", .tensor("x")), ("weight", .tensor("x"))], "f() got an unexpected keyword argument 'weight'"),
      ([("input", .tensor("x"))], "f() missing required argument: 'target'"),
      ([("input", .tensor("x")), ("target", .tensor("x")), ("reduction", .integer(1))], "f(): argument 'reduction' must be str, not int"),
      ([("input", .null), ("target", .tensor("x"))], "f(): argument 'input' must be Tensor, not None"),
    ]
    for (arguments, message) in cases {
      XCTAssertThrowsError(try bind(arguments)) { error in
        XCTAssertEqual(error as? CallError, CallError(kind: .argument, message: message))
      }
    }
  }

  func testBoundArgumentsThrowForUndeclaredNames() throws {
    let bound = try bind([("input", .tensor("x")), ("target", .tensor("x"))])
    XCTAssertThrowsError(try bound.tensor("weight"))
    XCTAssertThrowsError(try bound.string("input"))
  }

  /// `torch.nn.PoissonNLLLoss(log_input=True, ...)(log_input, target)`: one name, two stages.
  let module = Signature([
    .bool("log_input", default: true, stage: .construction), .number("eps", default: 1e-8, stage: .construction),
    .optionalTensor("weight", stage: .construction), .string("reduction", default: "mean", stage: .construction),
    .tensor("log_input"), .tensor("target"),
  ])

  func testConstructorArgumentsBindToTheConstructorStage() throws {
    let bound = try module.bind(
      [("log_input", .tensor("x")), ("target", .tensor("x"))],
      constructorArguments: [("log_input", .bool(false)), ("eps", .integer(1))],
      tensors: { $0 == "x" ? self.x : nil }, function: "forward")
    XCTAssertEqual(try bound.bool("log_input", stage: .construction), false)
    XCTAssertEqual(try bound.tensor("log_input"), x)
    XCTAssertEqual(try bound.number("eps"), 1)
    XCTAssertNil(try bound.optionalTensor("weight"))
    XCTAssertEqual(try bound.string("reduction"), "mean")
    XCTAssertThrowsError(try bound.tensor("log_input", stage: .construction))
  }

  func testAnArgumentInTheWrongStageIsUnexpected() {
    XCTAssertThrowsError(
      try module.bind(
        [("log_input", .tensor("x")), ("target", .tensor("x")), ("reduction", .string("sum"))], constructorArguments: [],
        tensors: { _ in self.x }, function: "forward")
    ) { error in
      XCTAssertEqual(error as? CallError, CallError(kind: .argument, message: "forward() got an unexpected keyword argument 'reduction'"))
    }
    XCTAssertThrowsError(
      try module.bind(
        [("log_input", .tensor("x")), ("target", .tensor("x"))], constructorArguments: [("target", .tensor("x"))],
        tensors: { _ in self.x }, function: "forward")
    ) { error in
      XCTAssertEqual(error as? CallError, CallError(kind: .argument, message: "__init__() got an unexpected keyword argument 'target'"))
    }
  }

  func testATensorWhereANumberBelongsIsAnArgumentError() {
    XCTAssertThrowsError(
      try module.bind(
        [("log_input", .tensor("x")), ("target", .tensor("x"))], constructorArguments: [("eps", .tensor("x"))],
        tensors: { _ in self.x }, function: "forward")
    ) { error in
      XCTAssertEqual(error as? CallError, CallError(kind: .argument, message: "forward(): argument 'eps' must be float, not Tensor"))
    }
  }
}
