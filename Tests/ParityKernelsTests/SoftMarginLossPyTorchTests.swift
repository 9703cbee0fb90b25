import Foundation
import ParityCore
import ParityKernels
import ParityTestSupport
import XCTest

final class SoftMarginLossPyTorchTests: XCTestCase {
  private func loss(_ input: Tensor, _ target: Tensor, _ reduction: LossReduction = .none) throws -> Tensor {
    try SoftMarginLoss.pytorch(input: input, target: target, reduction: reduction)
  }

  // MARK: The documented example

  func testSeedExampleMeanMatchesPyTorch() throws {
    let x = Tensor([0.3, 0.7, 0.5, 0.5] as [Float], shape: [2, 2])
    let y = Tensor([-1, 1, 1, -1] as [Float], shape: [2, 2])
    let mean = try loss(x, y, .mean)
    XCTAssertEqual(mean.shape, [])
    XCTAssertEqual(mean.dtype, .float32)
    // The value PyTorch 2.15.0 printed for this example.
    XCTAssertULPDistance(mean.scalar, Double(Float("0.6764238")!), in: .float32, atMost: 1)
    // And independently: the mean of the reference chain, summed exactly, rounded once.
    let exact = zip([0.3, 0.7, 0.5, 0.5] as [Float], [-1, 1, 1, -1] as [Float])
      .map { Double(Reference.pytorch($0, $1)) }.reduce(0, +) / 4
    XCTAssertULPDistance(mean.scalar, Double(Float(exact)), in: .float32, atMost: 1)
  }

  func testSeedExampleSumAndNone() throws {
    let x = Tensor([0.3, 0.7, 0.5, 0.5] as [Float], shape: [2, 2])
    let y = Tensor([-1, 1, 1, -1] as [Float], shape: [2, 2])
    let none = try loss(x, y, .none)
    XCTAssertEqual(none.shape, [2, 2])
    let expected = Tensor(zip([0.3, 0.7, 0.5, 0.5] as [Float], [-1, 1, 1, -1] as [Float]).map(Reference.pytorch), shape: [2, 2])
    XCTAssertULPDistance(none, expected, atMost: 1)
    let sum = try loss(x, y, .sum)
    XCTAssertEqual(sum.shape, [])
    XCTAssertULPDistance(sum.scalar, Double(Float(none.doubles.reduce(0, +))), in: .float32, atMost: 1)
  }

  // MARK: Elementwise accuracy

  /// Inputs covering the interesting ranges: overflow, the linear regime, around zero where
  /// the loss is near log 2, tiny magnitudes, and losses deep in the subnormals.
  private func sweep<T: BinaryFloatingPoint>(_: T.Type, count: Int, limit: Double, seed: UInt64) -> (x: [T], y: [T]) {
    var rng = SplitMix64(seed: seed)
    let labels: [Double] = [1, -1, 0.5, -0.25, 2, 0, 3]
    var x: [T] = [], y: [T] = []
    for i in 0..<count {
      let magnitude: Double
      switch i % 3 {
      case 0: magnitude = Double.random(in: 0...limit, using: &rng)
      case 1: magnitude = Double.random(in: 0...20, using: &rng)
      default: magnitude = pow(10, Double.random(in: -30...1, using: &rng))
      }
      x.append(T(Bool.random(using: &rng) ? magnitude : -magnitude))
      y.append(i % 4 == 0 ? T(Double.random(in: -3...3, using: &rng)) : T(labels[i % labels.count]))
    }
    return (x, y)
  }

  func testFloat32ElementwiseWithinOneULPOfCorrectlyRoundedChain() throws {
    let (x, y) = sweep(Float.self, count: 30_000, limit: 100, seed: 1)
    let result = try loss(Tensor(x), Tensor(y))
    XCTAssertEqual(result.dtype, .float32)
    XCTAssertULPDistance(result, Tensor(zip(x, y).map(Reference.pytorch)), atMost: 1)
    // The sweep must reach every regime it claims to.
    XCTAssertTrue(result.doubles.contains(.infinity))
    XCTAssertTrue(result.doubles.contains { $0 > 0 && $0 < Double(Float.leastNormalMagnitude) })
  }

  #if arch(x86_64) && !os(Windows)
  func testFloat64ElementwiseWithinOneULPOfExtendedPrecisionChain() throws {
    let (x, y) = sweep(Double.self, count: 30_000, limit: 800, seed: 2)
    let result = try loss(Tensor(x), Tensor(y))
    XCTAssertEqual(result.dtype, .float64)
    let expected: [Double] = zip(x, y).map { Reference.pytorch($0, $1) }
    XCTAssertULPDistance(result, Tensor(expected), atMost: 1)
    XCTAssertTrue(result.doubles.contains(.infinity))
  }
  #endif

  func testLabelsAreNotChecked() throws {
    // y = 0 gives log 2 whatever x is; y = 3 scales the margin.
    let result = try loss(Tensor([5, -7] as [Float]), Tensor([0, 3] as [Float]))
    XCTAssertULPDistance(result.doubles[0], Double(Float(log(2.0))), in: .float32, atMost: 1)
    XCTAssertULPDistance(result.doubles[1], Double(Reference.pytorch(Float(-7), Float(3))), in: .float32, atMost: 1)
  }

  // MARK: Overflow and underflow, as PyTorch gives them

  func testFloat32OverflowsToInfinity() throws {
    let result = try loss(Tensor([-89, -88] as [Float]), Tensor([1, 1] as [Float]))
    XCTAssertEqual(result.doubles[0], .infinity)
    XCTAssertTrue(result.doubles[1].isFinite)  // exp(88) still fits float32
  }

  func testFloat32KeepsTinyLossesAsSubnormals() throws {
    let result = try loss(Tensor([88] as [Float]), Tensor([1] as [Float]))
    let value = result.doubles[0]
    XCTAssertGreaterThan(value, 0)
    XCTAssertLessThan(value, Double(Float.leastNormalMagnitude))
    XCTAssertULPDistance(value, Double(Float(exp(-88.0))), in: .float32, atMost: 1)
    XCTAssertEqual(value, 6.0546e-39, accuracy: 0.0001e-39)
  }

  func testFloat64OverflowsToInfinity() throws {
    let result = try loss(Tensor([-800, -700] as [Double]), Tensor([1, 1] as [Double]))
    XCTAssertEqual(result.doubles[0], .infinity)
    XCTAssertULPDistance(result.doubles[1], 700, in: .float64, atMost: 1)
  }

  func testFloat16OverflowsPastAMarginOfAbout11() throws {
    let x = [Float16(-11.1), Float16(-11), Float16(-12)]
    let result = try loss(Tensor(float16: x), Tensor(float16: [1, 1, 1]))
    XCTAssertEqual(result.dtype, .float16)
    XCTAssertEqual(result.doubles[0], .infinity)  // exp(11.1) > 65504
    XCTAssertEqual(result.doubles[1], Double(Reference.pytorch(Float16(-11), 1)))
    XCTAssertTrue(result.doubles[1].isFinite)
    XCTAssertEqual(result.doubles[2], .infinity)
  }

  func testBFloat16OverflowsLikeFloat32() throws {
    let result = try loss(Tensor(bfloat16: [BFloat16(Float(-89)), BFloat16(Float(-80))]),
                          Tensor(bfloat16: [BFloat16(Float(1)), BFloat16(Float(1))]))
    XCTAssertEqual(result.dtype, .bfloat16)
    XCTAssertEqual(result.doubles[0], .infinity)
    XCTAssertEqual(result.doubles[1], 80)
  }

  // MARK: Reductions

  func testEmptyMeanIsNaNAndEmptySumIsZero() throws {
    for dtype in [DType.float16, .bfloat16, .float32, .float64] {
      let empty = Tensor(dtype: dtype, shape: [0], doubles: [])
      let mean = try loss(empty, empty, .mean)
      XCTAssertEqual(mean.shape, [], "\(dtype)")
      XCTAssertEqual(mean.dtype, dtype)
      XCTAssertTrue(mean.scalar.isNaN, "\(dtype)")
      let sum = try loss(empty, empty, .sum)
      XCTAssertEqual(sum.scalar, 0, "\(dtype)")
      XCTAssertEqual(try loss(empty, empty, .none).shape, [0])
    }
    let emptyMatrix = Tensor(dtype: .float32, shape: [2, 0], doubles: [])
    XCTAssertEqual(try loss(emptyMatrix, Tensor([] as [Float]), .none).shape, [2, 0])
  }

  func testSumAndMeanOfAFloat64Sweep() throws {
    // Many terms, far more than one summation block, against an exact-ish Double sum.
    var rng = SplitMix64(seed: 3)
    let x = (0..<100_003).map { _ in Double.random(in: -5...5, using: &rng) }
    let y = (0..<100_003).map { _ in Double.random(in: -1...1, using: &rng) }
    let none = try loss(Tensor(x), Tensor(y)).doubles
    var compensated = Float80(0)
    for v in none { compensated += Float80(v) }
    let sum = try loss(Tensor(x), Tensor(y), .sum).scalar
    XCTAssertEqual(sum, Double(compensated), accuracy: Double(compensated) * 1e-14)
    let mean = try loss(Tensor(x), Tensor(y), .mean).scalar
    XCTAssertEqual(mean, Double(compensated / Float80(none.count)), accuracy: 1e-15)
  }

  func testFloat32MeanIsAccurateOverManyTerms() throws {
    // A naive float32 running sum of a million terms drifts by ~1e-4 relative; a cascade
    // sum stays within a few ulps.
    let n = 1_000_000
    var rng = SplitMix64(seed: 4)
    let x = (0..<n).map { _ in Float.random(in: -4...4, using: &rng) }
    let y = [Float](repeating: 1, count: n)
    let losses = try loss(Tensor(x), Tensor(y)).doubles
    let exactMean = losses.reduce(0, +) / Double(n)
    let mean = try loss(Tensor(x), Tensor(y), .mean).scalar
    XCTAssertEqual(mean, exactMean, accuracy: exactMean * 4e-7)
  }

  func testInfinityPropagatesThroughReductions() throws {
    let x = Tensor([-100, 1, 2] as [Float]), y = Tensor([1, 1, 1] as [Float])
    XCTAssertEqual(try loss(x, y, .sum).scalar, .infinity)
    XCTAssertEqual(try loss(x, y, .mean).scalar, .infinity)
  }

  // MARK: Shapes

  func testTargetBroadcastsToInput() throws {
    let x = Tensor([0.1, -0.2, 0.3, 1.5, -2.5, 0] as [Float], shape: [2, 3])
    let result = try loss(x, Tensor([1, -1, 0.5] as [Float]))
    XCTAssertEqual(result.shape, [2, 3])
    let y: [Float] = [1, -1, 0.5, 1, -1, 0.5]
    XCTAssertULPDistance(result, Tensor(zip([0.1, -0.2, 0.3, 1.5, -2.5, 0] as [Float], y).map(Reference.pytorch), shape: [2, 3]), atMost: 1)
    // A column broadcast across rows, and a 0-d target.
    let column = try loss(x, Tensor([1, -1] as [Float], shape: [2, 1]))
    XCTAssertEqual(column.doubles[3], Double(Reference.pytorch(Float(1.5), Float(-1))))
    let scalar = try loss(x, Tensor([2] as [Float], shape: []))
    XCTAssertEqual(scalar.doubles[4], Double(Reference.pytorch(Float(-2.5), Float(2))))
  }

  func testTargetThatWouldWidenTheOutputThrowsShape() {
    XCTAssertThrowsKernelError(.shape, containing: "output with shape [3] doesn't match the broadcast shape [2, 3]") {
      try SoftMarginLoss.pytorch(input: Tensor([1, 2, 3] as [Float]), target: Tensor([Float](repeating: 1, count: 6), shape: [2, 3]), reduction: .mean)
    }
    XCTAssertThrowsKernelError(.shape, containing: "output with shape [4, 1] doesn't match the broadcast shape [4, 5]") {
      try SoftMarginLoss.pytorch(input: Tensor([Float](repeating: 1, count: 4), shape: [4, 1]),
                                 target: Tensor([Float](repeating: 1, count: 5), shape: [1, 5]), reduction: .none)
    }
    XCTAssertThrowsKernelError(.shape, containing: "doesn't match the broadcast shape [1, 3]") {
      try SoftMarginLoss.pytorch(input: Tensor([1, 2, 3] as [Float]), target: Tensor([1, 1, 1] as [Float], shape: [1, 3]), reduction: .sum)
    }
  }

  func testIncompatibleShapesThrowShape() {
    XCTAssertThrowsKernelError(.shape, containing: "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1") {
      try SoftMarginLoss.pytorch(input: Tensor([Float](repeating: 1, count: 6), shape: [2, 3]), target: Tensor([1, 1, 1, 1] as [Float]), reduction: .mean)
    }
  }

  // MARK: Dtypes

  func testIntegerInputThrowsDType() {
    let ints = Tensor(shape: [2], storage: .int64([1, 2]))
    XCTAssertThrowsKernelError(.dtype, containing: "result type Float can't be cast to the desired output type Long") {
      try SoftMarginLoss.pytorch(input: ints, target: Tensor([1, 1] as [Float]), reduction: .mean)
    }
    // An integer target multiplies fine; `exp_` is what refuses.
    XCTAssertThrowsKernelError(.dtype, containing: "result type Float can't be cast to the desired output type Int") {
      try SoftMarginLoss.pytorch(input: Tensor(shape: [2], storage: .int32([1, 2])), target: Tensor(shape: [2], storage: .int32([1, 1])), reduction: .none)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "result type Double can't be cast to the desired output type Long") {
      try SoftMarginLoss.pytorch(input: ints, target: Tensor([1, 1] as [Double]), reduction: .sum)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "bool tensor is not supported") {
      try SoftMarginLoss.pytorch(input: Tensor(shape: [2], storage: .bool([true, false])), target: Tensor([1, 1] as [Float]), reduction: .mean)
    }
  }

  func testIntegerAndBoolTargetsPromoteToTheFloatInput() throws {
    let x = Tensor([0.5, -1.5] as [Float])
    let expected = try loss(x, Tensor([1, -1] as [Float]))
    XCTAssertEqual(try loss(x, Tensor(shape: [2], storage: .int64([1, -1]))), expected)
    XCTAssertEqual(try loss(x, Tensor(shape: [2], storage: .int32([1, -1]))), expected)
    let bools = try loss(x, Tensor(shape: [2], storage: .bool([true, false])))
    XCTAssertEqual(bools.dtype, .float32)
    XCTAssertEqual(bools.doubles[0], expected.doubles[0])
    XCTAssertEqual(bools.doubles[1], Double(Float(log(2.0))))
  }

  func testFloat64TargetMultipliesInDoubleForAFloat32Input() throws {
    // -x * y rounds differently in float32 than in float64 rounded to float32 when y has
    // more bits than float32 holds: here y's extra bits push the product across a tie.
    let x: Float = 3
    let y = 1 + 0x1p-24 + 0x1p-40
    let result = try loss(Tensor([x]), Tensor([y]))
    XCTAssertEqual(result.dtype, .float32)
    let inDouble = Float(-Double(x) * y)
    let inFloat = -x * Float(y)
    XCTAssertNotEqual(inDouble, inFloat)
    XCTAssertEqual(result.doubles[0], Double(Float(log1p(exp(inDouble)))))
    // A 0-d float64 target does not promote: the multiply stays in float32.
    let zeroDim = try loss(Tensor([x, x]), Tensor([y], shape: []))
    XCTAssertEqual(zeroDim.doubles[0], Double(Float(log1p(exp(inFloat)))))
  }
}
