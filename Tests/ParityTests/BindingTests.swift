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
}
