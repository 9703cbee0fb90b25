import ParityCore
import XCTest
@testable import ParityKernels

/// The eager-op model behind the composite losses: promotion, in-place refusals and where a
/// scalar is rounded, each as PyTorch does it (messages as recorded from torch 2.15).
final class TorchOpsTests: XCTestCase {
  func testInPlaceRefusesAFloatResultIntoAnIntegerTensor() {
    let long = EagerTensor(Tensor(shape: [2], storage: .int64([1, 2])))
    let float = EagerTensor(Tensor([0.5, 1.5] as [Float]))
    XCTAssertThrowsError(try TorchOps.binaryInPlace(long, float, *)) { error in
      XCTAssertEqual(error as? KernelError, KernelError(kind: .dtype, message: "result type Float can't be cast to the desired output type Long"))
    }
  }

  func testInPlaceRefusesToGrowItsOutput() {
    let small = EagerTensor(Tensor([1, 2, 3] as [Float]))
    let large = EagerTensor(Tensor([1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3]))
    XCTAssertThrowsError(try TorchOps.binaryInPlace(small, large, *)) { error in
      XCTAssertEqual(error as? KernelError, KernelError(kind: .shape, message: "output with shape [3] doesn't match the broadcast shape [2, 3]"))
    }
  }

  func testAddRoundsItsScalarToA16BitTensorsDtypeButMultiplyDoesNot() {
    let half = EagerTensor(Tensor(float16: [0, 1]))
    // Half(1e-8) is 0: adding eps to a float16 zero leaves it zero (PyTorch's poisson_nll_loss).
    XCTAssertEqual(TorchOps.scalar(half, .tensorDType(1e-8), +).values, [0, 1])
    // A multiply reads the scalar as Float: 1 * Float(1e-8) rounds to float16's smallest normal range.
    XCTAssertEqual(TorchOps.scalar(half, .opmath(3e-5), *).values[1], Double(Float16(Float(3e-5))))
  }

  func testBinaryPromotesAndRoundsOnceToTheResultDtype() throws {
    let half = EagerTensor(Tensor(float16: [Float16(1)]))
    let float = EagerTensor(Tensor([1e-4] as [Float]))
    let sum = try TorchOps.binary(half, float, +)
    XCTAssertEqual(sum.dtype, .float32)
    XCTAssertEqual(sum.values, [Double(Float(1) + Float(1e-4))])
    // Two float16 operands stay float16: 1 + 1e-4 rounds back to 1.
    XCTAssertEqual(try TorchOps.binary(half, EagerTensor(Tensor(float16: [Float16(1e-4)])), +).values, [1])
  }

  func testSubtractionRefusesBool() {
    let flags = EagerTensor(Tensor(shape: [1], storage: .bool([true])))
    XCTAssertThrowsError(try TorchOps.subtract(flags, flags)) { error in
      XCTAssertEqual((error as? KernelError)?.kind, .dtype)
    }
  }

  func testReducing16BitSumsInFloatAndRoundsOnce() throws {
    // 2048 + 1 + 1 in float16 per op would stay 2048; PyTorch's sum accumulates in Float.
    let half = EagerTensor(Tensor(float16: [2048, 1, 1]))
    XCTAssertEqual(try TorchOps.reduced(half, .sum).scalar, 2050)
    XCTAssertEqual(try TorchOps.reduced(half, .mean).scalar, Double(Float16(Float(2050) / 3)))
  }
}
