import XCTest
import ParityCore
import ParityFixtures
@testable import Parity

/// A `Kind.object` parameter binds whatever Python value a call passed, for an adapter that
/// checks the type itself (MindSpore's `beta` refuses a str with its own message).
final class ObjectParameterBindingTests: XCTestCase {
  func testEveryValueBindsAsGiven() throws {
    let x = Tensor([Float(1)])
    let signature = Signature([.object("beta", default: .number(1))])
    func bound(_ value: Argument?) throws -> ArgumentValue? {
      try signature.bind(value.map { [("beta", $0)] } ?? [], tensors: { $0 == "x" ? x : nil }, function: "f").value("beta")
    }
    XCTAssertEqual(try bound(nil), .number(1))
    XCTAssertEqual(try bound(.string("1")), .string("1"))
    XCTAssertEqual(try bound(.bool(true)), .bool(true))
    XCTAssertEqual(try bound(.integer(3)), .integer(3))
    XCTAssertEqual(try bound(.number(0.5)), .number(0.5))
    XCTAssertEqual(try bound(.null), ArgumentValue.none)
    XCTAssertEqual(try bound(.tensor("x")), .tensor(x))
  }
}
