import ParityCore
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// The cosine embedding loss in both frameworks' numerics. Expected values are what torch 2.15
/// and mindspore 2.10 returned on CPU (the recorded `nn.CosineEmbeddingLoss` cases named in
/// each test), or exact references.
final class CosineEmbeddingLossTests: XCTestCase {
  private func pytorch(
    _ x1: Tensor, _ x2: Tensor, _ y: Tensor, margin: Double = 0, _ reduction: LossReduction = .none
  ) throws -> Tensor {
    try CosineEmbeddingLoss.pytorch(input1: x1, input2: x2, target: y, margin: margin, reduction: reduction)
  }

  private func mindspore(
    _ x1: Tensor, _ x2: Tensor, _ y: Tensor, margin: Double = 0, _ reduction: LossReduction = .none,
    api: CosineEmbeddingLoss.MindSporeAPI = .cell
  ) throws -> Tensor {
    try CosineEmbeddingLoss.mindspore(input1: x1, input2: x2, target: y, margin: margin, reduction: .success(reduction), api: api)
  }

  /// `float32+int32/2x2+2x2+2/*/doc-example-mindspore`: MindSpore's docstring prints
  /// 0.0003425479 for the mean, and mindspore 2.10 returns it. torch 2.15 returned it too, but
  /// only because its float32 `sqrt` (MKL's) gave 1.0807404518 for 1.1680001020 where the
  /// correctly rounded root, which the model takes, is 1.0807405710: op by op with correctly
  /// rounded ops PyTorch's order gives 0.000685215 per element (1 - cos cancels, so one ULP of
  /// the root is 2e-4 of the loss), within float32's tolerance (atol 1e-5) of the recording.
  func testMindSporesDocstringExample() throws {
    let x1 = Tensor([0.3, 0.8, 0.4, 0.3] as [Float], shape: [2, 2])
    let x2 = Tensor([0.4, 1.2, -0.4, -0.9] as [Float], shape: [2, 2])
    let y = Tensor(shape: [2], storage: .int32([1, -1]))
    XCTAssertEqual(Float(try mindspore(x1, x2, y, .mean).scalar), 0.0003425479)
    XCTAssertEqual(try mindspore(x1, x2, y).doubles.map { Float($0) }, [0.0006850958, 0])
    XCTAssertEqual(try pytorch(x1, x2, y).doubles.map { Float($0) }, [0.000685215, 0])
    XCTAssertEqual(try pytorch(x1, x2, y, .mean).scalar, 0.0003425479, accuracy: 1e-5)
  }

  /// `*/2x3+2x3+2/none/both-zero`: PyTorch's EPSILON makes the cosine of two zero vectors 0
  /// (loss 1 for target 1, 0 for -1) in float32, float64 and bfloat16; float16 adds Half(1e-12) = 0
  /// and gets 0/0. MindSpore has no epsilon: nan, which `Maximum` turns into 0 for target -1.
  func testZeroVectors() throws {
    let y = Tensor([1, -1] as [Float])
    for dtype in [DType.float32, .float64, .bfloat16] {
      let zeros = Tensor(dtype: dtype, shape: [2, 3], doubles: Array(repeating: 0, count: 6))
      XCTAssertEqual(try pytorch(zeros, zeros, y).doubles, [1, 0], "\(dtype)")
    }
    let zeros16 = Tensor(dtype: .float16, shape: [2, 3], doubles: Array(repeating: 0, count: 6))
    XCTAssertTrue(try pytorch(zeros16, zeros16, y).doubles.allSatisfy(\.isNaN))
    let zeros = Tensor(dtype: .float32, shape: [2, 3], doubles: Array(repeating: 0, count: 6))
    let ms = try mindspore(zeros, zeros, y).doubles
    XCTAssertTrue(ms[0].isNaN)
    XCTAssertEqual(ms[1], 0)
  }

  /// `float16/3x333+3x333+3/*/random`: PyTorch multiplies the squared magnitudes before the
  /// square root, and in float16 their product overflows (333 * 333 > 65504): the cosine is
  /// 0 and the loss 1 for two equal vectors; MindSpore takes each root first and gets 0.
  func testFloat16MagnitudeProductOverflowsInPyTorchOnly() throws {
    let ones = Tensor(dtype: .float16, shape: [1, 333], doubles: Array(repeating: 1, count: 333))
    let y = Tensor(dtype: .float16, shape: [1], doubles: [1])
    XCTAssertEqual(try pytorch(ones, ones, y).doubles, [1])
    XCTAssertEqual(try mindspore(ones, ones, y).doubles, [0])
    let narrow = Tensor(dtype: .float16, shape: [1, 200], doubles: Array(repeating: 1, count: 200))
    XCTAssertEqual(try pytorch(narrow, narrow, y).doubles, [0])
  }

  /// Targets other than +-1 (0, 2, -0.5, nan) contribute 0 in both frameworks, and a nan cosine
  /// under target -1 is nan in PyTorch (`clamp_min`) but 0 in MindSpore (`Maximum`).
  func testOtherTargetsAndNaN() throws {
    let x1 = Tensor([1, 2, 3, 4, 5, 6, 7, 8, .nan, 1] as [Float], shape: [5, 2])
    let x2 = Tensor([2, 1, 1, 1, 3, 1, 1, 2, 1, 1] as [Float], shape: [5, 2])
    let y = Tensor([0, 2, -0.5, .nan, -1] as [Float])
    let pt = try pytorch(x1, x2, y).doubles
    XCTAssertEqual(Array(pt.prefix(4)), [0, 0, 0, 0])
    XCTAssertTrue(pt[4].isNaN)
    XCTAssertEqual(try mindspore(x1, x2, y).doubles, [0, 0, 0, 0, 0])
  }

  /// PyTorch's float32 loss against the loss computed in Double from the same inputs with
  /// EPSILON, over random pairs, targets +-1 and margins: within the float32 error bound of a
  /// cosine of D-element dot products, (D + 4) ULP of 1 (the loss is 1 - cos or cos - margin,
  /// so it cannot be measured in its own ULP where those cancel).
  func testPyTorchFloat32WithinItsErrorBoundOfDoubleReference() throws {
    var generator = SplitMix64(seed: 8)
    for _ in 0..<50 {
      let n = Int.random(in: 1...6, using: &generator), d = Int.random(in: 1...40, using: &generator)
      let a = (0..<n * d).map { _ in Float.random(in: -2...2, using: &generator) }
      let b = (0..<n * d).map { _ in Float.random(in: -2...2, using: &generator) }
      let t = (0..<n).map { _ in Float(Bool.random(using: &generator) ? 1 : -1) }
      let margin = Double(Float(Double.random(in: -0.5...0.5, using: &generator)))
      let got = try pytorch(Tensor(a, shape: [n, d]), Tensor(b, shape: [n, d]), Tensor(t), margin: margin).doubles
      for i in 0..<n {
        let u = a[(i * d)..<((i + 1) * d)].map(Double.init), v = b[(i * d)..<((i + 1) * d)].map(Double.init)
        let dot = zip(u, v).map(*).reduce(0, +)
        let m1 = u.map { $0 * $0 }.reduce(0, +) + CosineEmbeddingLoss.epsilon
        let m2 = v.map { $0 * $0 }.reduce(0, +) + CosineEmbeddingLoss.epsilon
        let cos = dot / (m1 * m2).squareRoot()
        let reference = t[i] == 1 ? 1 - cos : max(cos - margin, 0)
        XCTAssertLessThanOrEqual(abs(got[i] - reference), Double(d + 4) * Double(Float.ulpOfOne), "\(got[i]) vs \(reference)")
      }
    }
  }

  /// MindSpore's `_get_loss` rounds a float64 loss through float32 (`float64/5x8+5x8+5/none/random`
  /// differs from PyTorch from the 8th digit on); PyTorch keeps float64.
  func testMindSporeRoundsFloat64ThroughFloat32() throws {
    let x1 = Tensor([0.1, 0.7, 0.3, -0.2] as [Double], shape: [2, 2])
    let x2 = Tensor([0.5, 0.3, 0.9, 0.4] as [Double], shape: [2, 2])
    let y = Tensor([1, 1] as [Double])
    let ms = try mindspore(x1, x2, y).doubles
    XCTAssertEqual(ms, ms.map { Double(Float($0)) })
    let pt = try pytorch(x1, x2, y).doubles
    XCTAssertNotEqual(pt, pt.map { Double(Float($0)) })
    XCTAssertEqual(pt[0], ms[0], accuracy: 1e-7)
  }

  /// Shapes: PyTorch wants a 0-d or 1-d target with 1-d or 2-d inputs; MindSpore reduces axis 1
  /// of any rank from 2 (a 3-d pair with a 2-d target) and has no axis 1 in a 1-d pair.
  func testShapesEachFrameworkRefuses() throws {
    let x = Tensor(dtype: .float32, shape: [2, 3, 4], doubles: (0..<24).map { Double($0 % 5) - 2 })
    let y2 = Tensor(dtype: .float32, shape: [2, 4], doubles: [1, -1, 1, -1, 1, 1, -1, -1])
    XCTAssertThrowsKernelError(.shape, containing: "0D or 1D target tensor expected") { try self.pytorch(x, x, y2) }
    XCTAssertEqual(try mindspore(x, x, y2).shape, [2, 4])
    let v = Tensor([1, 2, 3] as [Float]), scalar = Tensor(dtype: .float32, shape: [], doubles: [1])
    XCTAssertEqual(try pytorch(v, v, scalar).shape, [])
    XCTAssertThrowsKernelError(.shape, containing: "the axis value must be in [-1,1), but got 1.") { try self.mindspore(v, v, scalar) }
    let m = Tensor(dtype: .float32, shape: [3, 4], doubles: Array(repeating: 1, count: 12))
    XCTAssertThrowsKernelError(.shape, containing: "1D target tensor expects 2D input tensors, but found inputs with sizes [3, 4] and [3].") {
      try self.pytorch(m, v, Tensor([1, 1, 1] as [Float]))
    }
  }

  /// `Select`'s broadcast message numbers dimensions its own way (measured on mindspore 2.10).
  func testSelectBroadcastMessage() {
    func message(_ a: [Int], _ b: [Int]) -> String {
      do { _ = try MindSporeOps.selectBroadcastShape(a, b); return "" } catch { return error.message }
    }
    XCTAssertTrue(message([2, 3], [2, 4]).contains("condition.shape[3] or input.shape[3]"))
    XCTAssertTrue(message([5, 2, 3], [5, 2, 4]).contains("condition.shape[5] or input.shape[5]"))
    XCTAssertTrue(message([2, 3, 1], [2, 4]).contains("condition.shape[3] or input.shape[2]"))
    XCTAssertTrue(message([2], [2, 4]).contains("condition.shape[1] or input.shape[2]"))
    XCTAssertTrue(message([3, 2], [2, 4]).contains("condition.shape[2] or input.shape[2]"))
    XCTAssertEqual(message([3, 1], [3]), "")
  }

  /// `TorchOps.sum(_:dim:)` sums integers and bools exactly into int64 (`bool.sum()` counts).
  func testIntegerSumIsInt64() throws {
    let b = EagerTensor(shape: [2, 3], dtype: .bool, values: [1, 1, 0, 1, 1, 1])
    let s = try TorchOps.sum(b, dim: 1)
    XCTAssertEqual(s.dtype, .int64)
    XCTAssertEqual(s.values, [2, 3])
  }
}
