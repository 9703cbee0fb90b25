import ParityCore
import XCTest
@testable import ParityKernels

/// The NLL loss in both frameworks' numerics, and the class-index layout they share.
final class NLLLossTests: XCTestCase {
  // MARK: - Layout

  func testLayoutReadsScoresSampleBySampleInTargetOrder() {
    let layout = ClassIndexLayout(input: [2, 3, 2, 2])
    XCTAssertEqual([layout.batch, layout.classes, layout.inner, layout.positions], [2, 3, 4, 8])
    // position 5 is sample 1, spatial 1; class 2 of it sits at (1 * 3 + 2) * 4 + 1
    XCTAssertEqual(layout.score(5, 2), 21)
    XCTAssertEqual(ClassIndexLayout(input: [4]).positions, 1)
    XCTAssertEqual(ClassIndexTarget(-100, classes: 3, ignoreIndex: -100), .ignored)
    XCTAssertEqual(ClassIndexTarget(3, classes: 3, ignoreIndex: 3), .ignored, "ignore_index is tested before the range")
    XCTAssertEqual(ClassIndexTarget(-1, classes: 3, ignoreIndex: -100), .outOfRange(-1))
  }

  // MARK: - PyTorch

  func testPyTorchMeanDividesByTheWeightsOfTheTargetsNotIgnored() throws {
    let x = Tensor([-1, -2, -3, -4, -5, -6] as [Float], shape: [3, 2])
    let y = longs([1, 0, -100])
    let w = Tensor([0.5, 2] as [Float])
    let none = try NLLLoss.pytorch(input: x, target: y, weight: w, ignoreIndex: -100, reduction: .none).value
    XCTAssertEqual(none.doubles, [4, 1.5, 0])
    let mean = try NLLLoss.pytorch(input: x, target: y, weight: w, ignoreIndex: -100, reduction: .mean).value
    XCTAssertEqual(mean.scalar, Double(Float(5.5) / Float(2.5)))
    let sum = try NLLLoss.pytorch(input: x, target: y, weight: nil, ignoreIndex: -100, reduction: .sum).value
    XCTAssertEqual(sum.scalar, 5)
  }

  func testPyTorchMeanOfEveryTargetIgnoredIsNaN() throws {
    let x = Tensor([-1, -2] as [Float], shape: [1, 2])
    let mean = try NLLLoss.pytorch(input: x, target: longs([1]), weight: nil, ignoreIndex: 1, reduction: .mean).value
    XCTAssertTrue(mean.scalar.isNaN)
  }

  func testPyTorchHalfCountsAndSumsInHalf() throws {
    // 2049 samples of -1 (not ignored) in float16: the cascade adds 16 at a time, so the sum is
    // exact until the last addition, 2048 + 1, which rounds to even (2048); the count 2049 also
    // becomes Half 2048, so the mean is 1.
    let n = 2049
    let x = Tensor(float16: [Float16](repeating: -1, count: n * 2), shape: [n, 2])
    let y = longs([Int64](repeating: 0, count: n))
    let sum = try NLLLoss.pytorch(input: x, target: y, weight: nil, ignoreIndex: -100, reduction: .sum).value
    XCTAssertEqual(sum.scalar, 2048)
    let mean = try NLLLoss.pytorch(input: x, target: y, weight: nil, ignoreIndex: -100, reduction: .mean).value
    XCTAssertEqual(mean.scalar, 1)
  }

  func testPyTorchRefusesTargetsOutOfRangeAndOtherDtypes() {
    let x = Tensor([-1, -2] as [Float], shape: [1, 2])
    XCTAssertThrowsKernelError(.other, containing: "Target -1 is out of bounds.") {
      try NLLLoss.pytorch(input: x, target: longs([-1]), weight: nil, ignoreIndex: -100, reduction: .sum).value
    }
    XCTAssertThrowsKernelError(.dtype, containing: "Long or Byte, but got Int") {
      try NLLLoss.pytorch(input: x, target: ints([0]), weight: nil, ignoreIndex: -100, reduction: .sum).value
    }
  }

  func testPyTorchFourDimensionalNoneKeepsTheSpatialShape() throws {
    // (1, 2, 1, 2): targets [1, 0] pick x[0, 1, 0, 0] and x[0, 0, 0, 1]
    let x = Tensor([-1, -2, -3, -4] as [Float], shape: [1, 2, 1, 2])
    let none = try NLLLoss.pytorch(input: x, target: longs([1, 0], shape: [1, 1, 2]), weight: nil,
                                   ignoreIndex: -100, reduction: .none).value
    XCTAssertEqual(none.shape, [1, 1, 2])
    XCTAssertEqual(none.doubles, [3, 2])
  }

  // MARK: - MindSpore

  func testMindSporeWrapsNegativeClassesAndRefusesClassesOutOfRange() throws {
    let x = Tensor([-1, -2, -3] as [Float], shape: [1, 3])
    let wrapped = try NLLLoss.mindspore(inputs: x, target: ints([-1]), weight: nil, ignoreIndex: -100, reduction: "none")
    XCTAssertEqual(wrapped.doubles, [3])
    XCTAssertThrowsKernelError(.other, containing: "must be in [-3, 3), but got: 3") {
      try NLLLoss.mindspore(inputs: x, target: longs([3]), weight: nil, ignoreIndex: -100, reduction: "none")
    }
  }

  func testMindSporeNaNFromAnyNonFiniteScoreOfTheSample() throws {
    // the smoothing term -sum(x) is -inf; 0.0 * inf is NaN, added to the loss
    let x = Tensor([-1, .infinity, -2, -3] as [Float], shape: [2, 2])
    let loss = try NLLLoss.mindspore(inputs: x, target: longs([0, 0]), weight: nil, ignoreIndex: -100, reduction: "none")
    XCTAssertTrue(loss.doubles[0].isNaN)
    XCTAssertEqual(loss.doubles[1], 2)
  }

  func testMindSporeFunctionLeavesOtherReductionsUnreduced() throws {
    let x = Tensor([-1, -2, -3, -4] as [Float], shape: [2, 2])
    let loss = try NLLLoss.mindspore(inputs: x, target: longs([1, 0]), weight: nil, ignoreIndex: -100, reduction: "avg")
    XCTAssertEqual(loss.shape, [2])
    XCTAssertEqual(loss.doubles, [2, 3])
    let mean = try NLLLoss.mindspore(inputs: x, target: longs([1, -100]), weight: nil, ignoreIndex: -100, reduction: "mean")
    XCTAssertEqual(mean.scalar, 2)
  }

  private func longs(_ v: [Int64], shape: [Int]? = nil) -> Tensor { Tensor(shape: shape ?? [v.count], storage: .int64(v)) }
  private func ints(_ v: [Int32]) -> Tensor { Tensor(shape: [v.count], storage: .int32(v)) }
}
