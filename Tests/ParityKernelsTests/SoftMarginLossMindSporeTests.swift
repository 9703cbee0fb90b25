import Foundation
import ParityCore
import ParityKernels
import ParityTestSupport
import XCTest

final class SoftMarginLossMindSporeTests: XCTestCase {
  private func loss(_ logits: Tensor, _ labels: Tensor, _ reduction: LossReduction = .none) throws -> Tensor {
    try SoftMarginLoss.mindspore(logits: logits, labels: labels, reduction: reduction)
  }

  // MARK: Checks

  func testShapesMustBeEqualEvenWhenTheyBroadcast() {
    let matrix = Tensor([Float](repeating: 1, count: 6), shape: [2, 3])
    XCTAssertThrowsKernelError(.shape, containing: "For primitive[SoftMarginLoss], the input_shape: [2,3,] must be equal to") {
      try SoftMarginLoss.mindspore(logits: matrix, labels: Tensor([1, 1, 1] as [Float]), reduction: .mean)
    }
    XCTAssertThrowsKernelError(.shape, containing: "[3,2,]") {
      try SoftMarginLoss.mindspore(logits: matrix, labels: Tensor([Float](repeating: 1, count: 6), shape: [3, 2]), reduction: .none)
    }
    XCTAssertThrowsKernelError(.shape, containing: "[]") {
      try SoftMarginLoss.mindspore(logits: Tensor([1] as [Float], shape: []), labels: Tensor([1] as [Float]), reduction: .sum)
    }
  }

  func testMixedDTypesThrowDType() {
    XCTAssertThrowsKernelError(.dtype, containing: "must be same") {
      try SoftMarginLoss.mindspore(logits: Tensor([1, 2] as [Float]), labels: Tensor(float16: [1, 1]), reduction: .mean)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "Tensor[Float64]") {
      try SoftMarginLoss.mindspore(logits: Tensor([1, 2] as [Float]), labels: Tensor([1, 1] as [Double]), reduction: .none)
    }
  }

  func testUnsupportedDTypesThrowDType() {
    XCTAssertThrowsKernelError(.dtype, containing: "but got Tensor[BFloat16]") {
      try SoftMarginLoss.mindspore(logits: Tensor(bfloat16: [BFloat16(Float(1))]), labels: Tensor(bfloat16: [BFloat16(Float(1))]), reduction: .mean)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "but got Tensor[Int32]") {
      try SoftMarginLoss.mindspore(logits: Tensor(shape: [1], storage: .int32([1])), labels: Tensor(shape: [1], storage: .int32([1])), reduction: .mean)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "but got Tensor[Bool]") {
      try SoftMarginLoss.mindspore(logits: Tensor(shape: [1], storage: .bool([true])), labels: Tensor(shape: [1], storage: .bool([true])), reduction: .sum)
    }
  }

  // MARK: Values

  func testSeedExampleMean() throws {
    let x = Tensor([0.3, 0.7, 0.5, 0.5] as [Float], shape: [2, 2])
    let y = Tensor([-1, 1, 1, -1] as [Float], shape: [2, 2])
    let mean = try loss(x, y, .mean)
    XCTAssertEqual(mean.shape, [])
    XCTAssertULPDistance(mean.scalar, Double(Float("0.6764238")!), in: .float32, atMost: 2)
  }

  func testFloat32ElementwiseWithinOneULPOfCorrectlyRoundedForm() throws {
    var rng = SplitMix64(seed: 11)
    let x = (0..<20_000).map { _ in Float.random(in: -100...100, using: &rng) }
    let y = (0..<20_000).map { i in i % 2 == 0 ? Float(1) : Float.random(in: -2...2, using: &rng) }
    let result = try loss(Tensor(x), Tensor(y))
    XCTAssertEqual(result.dtype, .float32)
    XCTAssertULPDistance(result, Tensor(zip(x, y).map(Reference.mindspore)), atMost: 1)
  }

  func testFloat16ElementwiseRoundsEveryOp() throws {
    let x = (UInt16.min...UInt16.max).map(Float16.init(bitPattern:)).filter(\.isFinite)
    for label: Float16 in [1, -1, 0.5] {
      let y = [Float16](repeating: label, count: x.count)
      let result = try loss(Tensor(float16: x), Tensor(float16: y))
      XCTAssertEqual(result, Tensor(float16: zip(x, y).map(Reference.mindspore)), "y = \(label)")
    }
  }

  func testLargePositiveMarginGivesExactlyZeroWherePyTorchKeepsATinyLoss() throws {
    let x = Tensor([20, 88] as [Float]), y = Tensor([1, 1] as [Float])
    let mindspore = try loss(x, y)
    XCTAssertEqual(mindspore.doubles, [0, 0])
    let pytorch = try SoftMarginLoss.pytorch(input: x, target: y, reduction: .none)
    XCTAssertULPDistance(pytorch.doubles[0], Double(Float(exp(-20.0))), in: .float32, atMost: 1)
    XCTAssertGreaterThan(pytorch.doubles[1], 0)
  }

  func testOverflowsToInfinityLikePyTorch() throws {
    XCTAssertEqual(try loss(Tensor([-89] as [Float]), Tensor([1] as [Float])).doubles, [.infinity])
    XCTAssertEqual(try loss(Tensor([-800] as [Double]), Tensor([1] as [Double])).doubles, [.infinity])
    XCTAssertEqual(try loss(Tensor(float16: [-12]), Tensor(float16: [1])).doubles, [.infinity])
  }

  // MARK: Reductions in the input dtype

  func testFloat16SumFollowsTheKernelsHalvingTree() throws {
    // Seven losses whose float16 sum depends on the order of the additions.
    let x: [Float16] = [-1.73, -4.12, 3.49, 1.1, -1.29, -3.68, 3.93]
    let l = x.map { Reference.mindspore($0, 1) }
    // Odd length folds the last into the first; stride 3 then folds a[2]; stride 1 adds a[1].
    let tree = (((l[0] + l[6]) + l[3]) + (l[2] + l[5])) + (l[1] + l[4])
    let leftToRight = l.dropFirst().reduce(l[0], +)
    XCTAssertNotEqual(tree, leftToRight)
    let sum = try loss(Tensor(float16: x), Tensor(float16: [Float16](repeating: 1, count: 7)), .sum)
    XCTAssertEqual(sum, Tensor(shape: [], storage: .float16([tree])))
  }

  func testFloat16MeanDividesByTheCountRoundedDown() throws {
    // 2051 is not a float16; CUDA's __int2half_rd makes it 2050 (nearest-even would give 2052).
    let n = 2051
    let x = Tensor(float16: [Float16](repeating: 0, count: n))
    let y = Tensor(float16: [Float16](repeating: 1, count: n))
    guard case .float16(let sum) = try loss(x, y, .sum).storage else { return XCTFail("not float16") }
    XCTAssertNotEqual(sum[0] / 2050, sum[0] / 2052)
    let mean = try loss(x, y, .mean)
    XCTAssertEqual(mean, Tensor(shape: [], storage: .float16([sum[0] / 2050])))
  }

  func testFloat32SumAndMeanStayInFloat32() throws {
    var rng = SplitMix64(seed: 12)
    let x = (0..<5000).map { _ in Float.random(in: -3...3, using: &rng) }
    let y = [Float](repeating: 1, count: 5000)
    let none = try loss(Tensor(x), Tensor(y)).doubles
    let exact = none.reduce(0, +)
    let sum = try loss(Tensor(x), Tensor(y), .sum)
    XCTAssertEqual(sum.dtype, .float32)
    XCTAssertEqual(sum.scalar, exact, accuracy: exact * 1e-6)
    let mean = try loss(Tensor(x), Tensor(y), .mean)
    XCTAssertEqual(mean.scalar, Double(Float(sum.scalar) / 5000))
  }

  func testEmptyReductions() throws {
    for dtype in [DType.float16, .float32, .float64] {
      let empty = Tensor(dtype: dtype, shape: [0], doubles: [])
      XCTAssertTrue(try loss(empty, empty, .mean).scalar.isNaN, "\(dtype)")
      XCTAssertEqual(try loss(empty, empty, .sum).scalar, 0, "\(dtype)")
      XCTAssertEqual(try loss(empty, empty, .none).shape, [0], "\(dtype)")
    }
  }
}
