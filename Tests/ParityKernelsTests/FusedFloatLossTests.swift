import Foundation
import ParityCore
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// The fused float32 paths (`FusedFloatLoss`) against the models they replace for same-shape
/// float32 operands. The losses of a difference are plain arithmetic and must agree with
/// their chains bit for bit. The composite losses use ParityMath's `…ForFloat` functions where
/// the op-by-op model calls the C library in `Double`; both are correctly rounded except
/// within a tiny fraction of an ULP of a tie, so the elements must agree bit for bit except
/// for a handful, and those by 1 ULP.
final class FusedFloatLossTests: XCTestCase {
  /// Random values around the loss's domain, with every edge value mixed in: signed zeros,
  /// infinities, NaN, the extremes and a subnormal. Odd length, above the parallel threshold.
  private static func operands(_ seed: UInt64, spread: Float, nonNegative: Bool) -> (Tensor, Tensor) {
    var rng = SplitMix64(seed: seed)
    let edges: [Float] = [0, -0.0, .infinity, -.infinity, .nan, .greatestFiniteMagnitude, 0x1p-140, 1, -1, 100, -100, 800]
    func value() -> Float {
      if rng.next() % 64 == 0 { return edges[Int(rng.next() % UInt64(edges.count))] }
      let v = Float.random(in: -spread...spread, using: &rng)
      return nonNegative ? abs(v) : v
    }
    let count = 3 * Chunking.parallelThreshold + 7
    return (Tensor((0..<count).map { _ in value() }), Tensor((0..<count).map { _ in value() }))
  }

  /// `chain`'s float32 losses of same-shape `x` and `y`, reduced as PyTorch does, element by
  /// element through the chain: the model `PointwiseEvaluation.evaluate` replaces with the
  /// chain's fused loop.
  private static func chainModel<C: PointwiseChain>(_ chain: C, _ x: Tensor, _ y: Tensor, _ reduction: LossReduction) -> Tensor {
    PreparedOperands<Float>(PointwiseOperands(x: x, y: y, shape: x.shape)).withElements { elements in
      PointwiseEvaluation.reduced(
        count: elements.count, shape: x.shape, NativeRounding<Float>.self, reduce: PyTorchLossReduction(reduction: reduction)
      ) { range, out in elements.fill(chain, NativeRounding<Float>.self, range, out) }
    }
  }

  private func assertAgrees(
    _ name: String, fused: (Tensor, Tensor, LossReduction) throws -> Tensor,
    opByOp: (Tensor, Tensor, LossReduction) throws -> Tensor, _ operands: (Tensor, Tensor)
  ) throws {
    let (x, y) = operands
    let a = try fused(x, y, .none).doubles, b = try opByOp(x, y, .none).doubles
    XCTAssertEqual(a.count, b.count)
    var differing = 0
    for i in a.indices where Float(a[i]).bitPattern != Float(b[i]).bitPattern {
      let bothNaN = a[i].isNaN && b[i].isNaN
      if !bothNaN {
        differing += 1
        XCTAssertLessThanOrEqual(ULP.distance(a[i], b[i], in: .float32) ?? .max, 1, "\(name) at \(i): x \(x.doubles[i]) y \(y.doubles[i])")
      }
    }
    print("\(name): \(a.count - differing) of \(a.count) elements bit-identical to the op-by-op model")
    XCTAssertLessThanOrEqual(differing, 3, name)
    for reduction in [LossReduction.sum, .mean] {
      let s = try fused(x, y, reduction).scalar, t = try opByOp(x, y, reduction).scalar
      XCTAssertTrue(s == t || (s.isNaN && t.isNaN) || differing > 0, "\(name) \(reduction): \(s) against \(t)")
    }
  }

  /// mse, smooth_l1 and huber, fused against `PointwiseEvaluation` of their chains: every
  /// element and every reduction bit-identical (NaNs only as NaNs), for each parameter from
  /// tiny to huge, including the branch points themselves among the differences.
  func testDifferenceLossesAreBitIdenticalToTheirChains() throws {
    let (x, y) = Self.operands(4, spread: 8, nonNegative: false)
    func check<C: PointwiseChain>(_ name: String, _ chain: C, _ path: (Tensor, Tensor, LossReduction) throws -> LossOutput) throws {
      for reduction in [LossReduction.none, .sum, .mean] {
        let fused = try path(x, y, reduction).value
        let model = Self.chainModel(chain, x, y, reduction)
        XCTAssertNotNil(chain.fusedFloat?.pytorch(input: x, target: y, reduction: reduction), name)
        XCTAssertEqual(fused.shape, model.shape, name)
        let (a, b) = (fused.doubles, model.doubles)
        let differing = a.indices.filter { Float(a[$0]).bitPattern != Float(b[$0]).bitPattern && !(a[$0].isNaN && b[$0].isNaN) }
        XCTAssertEqual(differing.count, 0, "\(name) \(reduction): first at \(differing.first.map { "\($0): \(a[$0]) against \(b[$0])" } ?? "")")
      }
    }
    try check("mse", MSELoss.PyTorchChain()) { try MSELoss.pytorch(input: $0, target: $1, reduction: $2) }
    for beta in [1e-30, 0.5, 1, 3, 1e30] {
      try check("smooth_l1 beta \(beta)", SmoothL1Loss.PyTorchChain(beta: beta)) {
        try SmoothL1Loss.pytorch(input: $0, target: $1, reduction: $2, beta: beta)
      }
    }
    for delta in [1e-30, 0.25, 1, 3, 1e30] {
      try check("huber delta \(delta)", HuberLoss.PyTorchChain(delta: delta)) {
        try HuberLoss.pytorch(input: $0, target: $1, reduction: $2, delta: delta)
      }
    }
  }

  /// BCE's float32 loop against the kernel's formula with each logarithm the correctly
  /// rounded `Float` (the C library's `Double` `log`/`log1p`, rounded): bit-identical except
  /// within a tiny fraction of an ULP of a tie. (PyTorch calls `logf`/`log1pf`, which are
  /// faithfully rounded, and its chain here, kept for the 16-bit dtypes, does too.) Inputs
  /// cover [0, 1] with its ends, subnormals and the 2^-24 switch-over.
  func testBinaryCrossEntropyHasCorrectlyRoundedLogarithms() throws {
    var rng = SplitMix64(seed: 5)
    let edges: [Float] = [0, 1, 0x1p-149, 0x1p-126, 0x1p-25, 0x1p-24, Float(0x1p-24).nextUp, Float(0x1p-24).nextDown, 0.5, Float(1).nextDown, 1e-30]
    let count = 3 * Chunking.parallelThreshold + 7
    func value() -> Float {
      if rng.next() % 16 == 0 { return edges[Int(rng.next() % UInt64(edges.count))] }
      // Uniform in [0, 1] and log-uniform down to 2^-40, half each.
      return rng.next() % 2 == 0 ? Float.random(in: 0...1, using: &rng) : Float(pow(2, -Double.random(in: 0...40, using: &rng)))
    }
    let xs = (0..<count).map { _ in value() }, ys = (0..<count).map { _ in value() }
    let fused = try BinaryCrossEntropy.pytorch(input: Tensor(xs), target: Tensor(ys), weight: nil, reduction: .none).value.doubles
    var differing = 0
    for i in 0..<count {
      let (x, y) = (xs[i], ys[i])
      let l1 = max(Float(Foundation.log1p(-Double(x))), -100), l2 = max(Float(Foundation.log(Double(x))), -100)
      let expected = (y - 1) * l1 - y * l2
      if Float(fused[i]).bitPattern != expected.bitPattern {
        differing += 1
        XCTAssertLessThanOrEqual(ULP.distance(fused[i], Double(expected), in: .float32) ?? .max, 1, "x \(x) y \(y)")
      }
    }
    print("bce: \(count - differing) of \(count) elements bit-identical to the correctly rounded formula")
    XCTAssertLessThanOrEqual(differing, 3)
  }

  /// `sum` and `mean` sum each leaf inside the loop (no stored losses): bit-identical to the
  /// cascade over the losses the same loop stores, for counts around the loop's 8- and
  /// 32-element steps and the 256-element leaves.
  func testFusedSumsAreTheCascadeOfTheStoredLosses() throws {
    // Finite values only (the edge values would make most sums NaN or infinite).
    var rng = SplitMix64(seed: 6)
    let n = Chunking.parallelThreshold + 5
    let x = (0..<n).map { _ in Float.random(in: 0.001...4, using: &rng) }, y = (0..<n).map { _ in Float.random(in: 0...4, using: &rng) }
    let losses: [(String, FusedFloatLoss)] = [
      ("mse", .squaredError), ("smooth_l1", .smoothL1(beta: 1)), ("huber", .huber(delta: 0.5)),
      ("bce_with_logits", .binaryCrossEntropyWithLogits), ("kl_div", .klDivergence), ("poisson", .poisson(eps: 1e-8)),
    ]
    for count in [1, 7, 8, 9, 31, 32, 33, 255, 256, 257, 1000, 4097, Chunking.parallelThreshold + 5] {
      let xs = Tensor(Array(x.prefix(count))), ys = Tensor(Array(y.prefix(count)))
      for (name, loss) in losses {
        let stored = try XCTUnwrap(loss.pytorch(input: xs, target: ys, reduction: .none)).doubles.map(Float.init)
        let cascade = stored.withUnsafeBufferPointer { Summation.cascadeOnAllCores($0) }
        let sum = try XCTUnwrap(loss.pytorch(input: xs, target: ys, reduction: .sum)).scalar
        XCTAssertTrue(Float(sum).bitPattern == cascade.bitPattern || (sum.isNaN && cascade.isNaN), "\(name) n \(count): \(sum) against \(cascade)")
      }
    }
  }

  func testBinaryCrossEntropyWithLogits() throws {
    try assertAgrees(
      "bce_with_logits",
      fused: { try BinaryCrossEntropyWithLogits.pytorch(input: $0, target: $1, weight: nil, posWeight: nil, reduction: $2).value },
      opByOp: { try BinaryCrossEntropyWithLogits.opByOp(input: $0, target: $1, weight: nil, posWeight: nil, reduction: $2) },
      Self.operands(1, spread: 40, nonNegative: false))
  }

  func testKLDivergence() throws {
    for logTarget in [false, true] {
      try assertAgrees(
        "kl_div log_target \(logTarget)",
        fused: { try KLDivLoss.pytorch(input: $0, target: $1, reduction: $2, batchmean: false, logTarget: logTarget).value },
        opByOp: { try KLDivLoss.opByOp(input: $0, target: $1, reduction: $2, logTarget: logTarget) },
        Self.operands(2, spread: logTarget ? 90 : 3, nonNegative: !logTarget))
    }
  }

  func testPoisson() throws {
    for logInput in [true, false] {
      try assertAgrees(
        "poisson_nll log_input \(logInput)",
        fused: { try PoissonNLLLoss.pytorch(input: $0, target: $1, logInput: logInput, full: false, eps: 1e-8, reduction: $2).value },
        opByOp: { try PoissonNLLLoss.opByOp(input: $0, target: $1, logInput: logInput, full: false, eps: 1e-8, reduction: $2) },
        Self.operands(3, spread: logInput ? 90 : 20, nonNegative: !logInput))
    }
  }

  /// Only same-shape float32 operands take the fused path; the rest stay op by op.
  func testOtherOperandsAreLeftToTheOpByOpPath() {
    let x = Tensor([0.5, 1] as [Float]), y = Tensor([1, 0] as [Float])
    XCTAssertNotNil(FusedFloatLoss.klDivergence.pytorch(input: x, target: y, reduction: .none))
    XCTAssertNil(FusedFloatLoss.klDivergence.pytorch(input: x, target: Tensor([1] as [Float]), reduction: .none))
    XCTAssertNil(FusedFloatLoss.klDivergence.pytorch(input: x, target: Tensor([1, 0] as [Double]), reduction: .none))
    XCTAssertNil(FusedFloatLoss.klDivergence.pytorch(input: Tensor([0.5, 1] as [Double]), target: Tensor([1, 0] as [Double]), reduction: .none))
  }
}
