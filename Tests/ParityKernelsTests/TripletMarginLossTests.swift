import Foundation
import ParityCore
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// The triplet margin loss in PyTorch's numerics (ATen's `pairwise_distance` and CPU norm
/// kernel) and MindSpore's checks before its missing CPU kernel. Expected values are what
/// torch 2.15 and mindspore 2.10 returned on CPU (the recorded
/// `nn.functional.triplet_margin_loss` cases named in each test), or exact references.
final class TripletMarginLossTests: XCTestCase {
  private func pytorch(
    _ a: Tensor, _ p: Tensor, _ n: Tensor, margin: Double = 1, norm: Double = 2, eps: Double = 1e-6, swap: Bool = false,
    _ reduction: LossReduction = .none
  ) throws -> Tensor {
    try TripletMarginLoss.pytorch(
      anchor: a, positive: p, negative: n, margin: margin, p: norm, eps: eps, swap: swap, reduction: reduction).value
  }

  private static let oneMargin = Tensor([1] as [Float], shape: [])

  /// `float32/2x2/mean/doc-example`: the mapping page prints 0.8882 (PyTorch) and 0.8881968.
  func testMappingPagesExample() throws {
    let a = Tensor([0.3, 0.7, 0.5, 0.5] as [Float], shape: [2, 2])
    let p = Tensor([0.4, 0.6, 0.4, 0.6] as [Float], shape: [2, 2])
    let n = Tensor([0.2, 0.9, 0.3, 0.7] as [Float], shape: [2, 2])
    XCTAssertEqual(Float(try pytorch(a, p, n, .mean).scalar), 0.8881968)
  }

  /// The vectorized `p = 2` path against exact float64 norms: every row of 1 to 70 elements
  /// (whole 8-lane blocks, tails, both) within 2 ULP of the correctly rounded norm.
  func testVectorizedTwoNormIsWithinTwoULPOfExact() throws {
    var generator = SplitMix64(seed: 7)
    for width in 1...70 {
      let values = (0..<(3 * width)).map { _ in Float.random(in: -50...50, using: &generator) }
      let norms = try TorchOps.vectorNorm(EagerTensor(Tensor(values, shape: [3, width])), p: 2)
      for row in 0..<3 {
        let exact = (0..<width).map { Double(values[row * width + $0]) }.reduce(0) { $0 + $1 * $1 }.squareRoot()
        XCTAssertULPDistance(norms.values[row], Double(Float(exact)), in: .float32, atMost: 2)
      }
    }
  }

  /// bfloat16 and float16 accumulate in float: `[300, 300]` squares past float16's range but
  /// its norm (424.26) does not, and float16 rounds once from float; bfloat16 squares past
  /// float's range overflow (float, not double, is the accumulator).
  func testSixteenBitNormsAccumulateInFloat() throws {
    let half = try TorchOps.vectorNorm(EagerTensor(Tensor(dtype: .float16, shape: [1, 2], doubles: [300, 300])), p: 2)
    XCTAssertEqual(half.values, [Double(Float16(Float(300 * 2.0.squareRoot())))])
    let rows = [Double](repeating: 1e18, count: 17) + [Double](repeating: 3e20, count: 17)
    let brain = try TorchOps.vectorNorm(EagerTensor(Tensor(dtype: .bfloat16, shape: [2, 17], doubles: rows)), p: 2)
    let one = BFloat16(Float(1e18)).doubleValue
    XCTAssertEqual(brain.values[0], BFloat16(Float(one * 17.0.squareRoot())).doubleValue, accuracy: one * 0.02)
    XCTAssertEqual(brain.values[1], .infinity)
  }

  /// `float32/13x1/none/edge-anchor-rows-p=2`: a last dimension of size 1 is `|x|`, so an
  /// anchor of ±3.4028235e38 gives finite distances that cancel (loss 0 as recorded), while a
  /// 0-d tensor runs the reduction and `x * x` overflows.
  func testSizeOneRowsAreAbsoluteValuesAndScalarsSquare() throws {
    let big = Float.greatestFiniteMagnitude
    let a = Tensor([big, -big, 0] as [Float], shape: [3, 1])
    let p = Tensor([0.34117848, -1.9540612, 0] as [Float], shape: [3, 1])
    let n = Tensor([0.27409008, 1.4683043, 0] as [Float], shape: [3, 1])
    XCTAssertEqual(try pytorch(a, p, n, eps: 0).doubles.map { Float($0) }, [0, 0, 1])
    let scalar = try TorchOps.vectorNorm(EagerTensor(Tensor([big] as [Float], shape: [])), p: 2)
    XCTAssertEqual(scalar.values, [.infinity])
    let count = try TorchOps.vectorNorm(EagerTensor(Tensor([3, 0, -1e-30] as [Float], shape: [3, 1])), p: 0)
    XCTAssertEqual(count.values, [1, 0, 1])
  }

  /// `float16/5x6/none/eps=0.0`, its row 2: eps 0, float16, recorded 1.766.
  func testFloat16RowsWithoutEps() throws {
    let x = Tensor(dtype: .float16, shape: [1, 6], doubles: [-1.175, 0.896, 0.842, 0.9453, -0.1797, -0.4019])
    let p = Tensor(dtype: .float16, shape: [1, 6], doubles: [1.187, -0.9688, -0.2285, 1.364, -0.75, -0.4111])
    let n = Tensor(dtype: .float16, shape: [1, 6], doubles: [-1.02, 0.782, -0.7236, 0.01642, 0.7407, -1.848])
    let loss = try pytorch(x, p, n, eps: 0)
    XCTAssertEqual(loss.dtype, .float16)
    XCTAssertEqual(loss.doubles, [Double(Float16(1.766))])
  }

  /// Swap replaces d(a, n) by d(p, n) when that is smaller: an anchor far from both, a
  /// positive next to the negative.
  func testSwapTakesTheSmallerNegativeDistance() throws {
    let a = Tensor([0, 0] as [Double], shape: [1, 2]), p = Tensor([3, 0] as [Double], shape: [1, 2])
    let n = Tensor([3, 1] as [Double], shape: [1, 2])
    // d(a, p) = 3, d(a, n) = sqrt(10), d(p, n) = 1 (eps 0)
    XCTAssertEqual(try pytorch(a, p, n, eps: 0).scalar, 1 + 3 - 10.0.squareRoot(), accuracy: 1e-15)
    XCTAssertEqual(try pytorch(a, p, n, eps: 0, swap: true).scalar, 3)
  }

  /// General p: `pow(sum |x|^p, 1/p)`; p = 1 sums; p = inf is the largest |x|.
  func testGeneralNormOrders() throws {
    let row = EagerTensor(Tensor([3, -4] as [Double], shape: [1, 2]))
    XCTAssertEqual(try TorchOps.vectorNorm(row, p: 1).values, [7])
    XCTAssertEqual(try TorchOps.vectorNorm(row, p: .infinity).values, [4])
    XCTAssertEqual(try TorchOps.vectorNorm(row, p: 3).values, [Foundation.pow(91, 1.0 / 3)])
  }

  /// D = 0 rows have distance 0 (loss = margin); p < 0 there has no identity; different
  /// ranks are refused before anything is computed.
  func testEmptyRowsAndRankMismatch() throws {
    let empty = Tensor([] as [Float], shape: [2, 0])
    XCTAssertEqual(try pytorch(empty, empty, empty, margin: 2).doubles, [2, 2])
    XCTAssertThrowsKernelError(.shape, containing: "does not have an identity") { try self.pytorch(empty, empty, empty, norm: -1) }
    let batch = Tensor([] as [Float], shape: [0, 3])
    XCTAssertTrue(try pytorch(batch, batch, batch, .mean).scalar.isNaN)
    XCTAssertThrowsKernelError(.shape, containing: "same number of dimensions") {
      try self.pytorch(Tensor([1, 2, 3] as [Float], shape: [1, 3]), Tensor([1, 2, 3] as [Float], shape: [3]), Tensor([1, 2, 3] as [Float], shape: [1, 3]))
    }
  }

  /// MindSpore checks types before shapes and has no CPU kernel: a mixed or bfloat16 call is a
  /// dtype error, all three 1-d a shape error, a 1-d margin tensor a shape error, and anything
  /// that passes is the missing kernel.
  func testMindSporeChecksThenHasNoKernel() throws {
    let f = Tensor([1, 2, 3, 4] as [Float], shape: [2, 2]), m = Self.oneMargin
    let h = Tensor(dtype: .float16, shape: [2, 2], doubles: [1, 2, 3, 4])
    let b = Tensor(dtype: .bfloat16, shape: [2], doubles: [1, 2])
    XCTAssertThrowsKernelError(.dtype, containing: "must be same") { try TripletMarginLoss.mindspore(anchor: f, positive: f, negative: h, margin: m) }
    XCTAssertThrowsKernelError(.dtype, containing: "Tensor[BFloat16]") { try TripletMarginLoss.mindspore(anchor: b, positive: b, negative: b, margin: m) }
    let v = Tensor([1, 2] as [Float], shape: [2])
    XCTAssertThrowsKernelError(.shape, containing: "at the same time") { try TripletMarginLoss.mindspore(anchor: v, positive: v, negative: v, margin: m) }
    XCTAssertThrowsKernelError(.shape, containing: "margin must be 0") { try TripletMarginLoss.mindspore(anchor: f, positive: f, negative: f, margin: v) }
    XCTAssertThrowsKernelError(.shape, containing: "can't broadcast") {
      try TripletMarginLoss.mindspore(anchor: f, positive: Tensor([1, 2, 3] as [Float], shape: [3]), negative: f, margin: m)
    }
    XCTAssertThrowsKernelError(.unsupported, containing: "Unsupported op [TripletMarginLoss] on CPU") {
      try TripletMarginLoss.mindspore(anchor: f, positive: v, negative: f, margin: m)
    }
  }
}
