import ParityCore
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// The fused float32 paths of the composite PyTorch losses (`RoundedFloatLoss`) against the
/// op-by-op model they replace for same-shape float32 operands: the same ops and roundings,
/// with ParityMath's `…ForFloat` functions where the model calls the C library in `Double`.
/// Both are correctly rounded except within a tiny fraction of an ULP of a tie, so the
/// elements must agree bit for bit except for a handful, and those by 1 ULP.
final class RoundedFloatLossTests: XCTestCase {
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
    XCTAssertNotNil(RoundedFloatLoss.klDivergence.pytorch(input: x, target: y, reduction: .none))
    XCTAssertNil(RoundedFloatLoss.klDivergence.pytorch(input: x, target: Tensor([1] as [Float]), reduction: .none))
    XCTAssertNil(RoundedFloatLoss.klDivergence.pytorch(input: x, target: Tensor([1, 0] as [Double]), reduction: .none))
    XCTAssertNil(RoundedFloatLoss.klDivergence.pytorch(input: Tensor([0.5, 1] as [Double]), target: Tensor([1, 0] as [Double]), reduction: .none))
  }
}
