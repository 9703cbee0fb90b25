import ParityCore
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// `PointwiseEvaluation`'s fused `sum`/`mean` (each leaf of the cascade's tree computed into a
/// stack buffer, never stored whole) against the cascade over the stored losses: the same bits,
/// for every dtype, with and without weights, at lengths on both sides of the parallel threshold.
final class PointwiseEvaluationTests: XCTestCase {
  private func storedThenSummed<C: PointwiseChain>(_ chain: C, _ operands: PointwiseOperands, _ dtype: DType) -> Tensor {
    let losses = PointwiseEvaluation.evaluate(chain, operands, dtype: dtype, reduce: PyTorchLossReduction(reduction: .none))
    let sum = PyTorchLossReduction.sum(losses.storage.doubleValues.map { Float($0) })
    switch dtype {
    case .float64:
      return Tensor(shape: [], storage: .float64([Summation.cascade(losses.storage.doubleValues)]))
    default:
      return Tensor(dtype: dtype, shape: [], doubles: [EagerTensor.rounded(Double(sum), to: dtype)])
    }
  }

  func testFusedSumIsTheCascadeOverStoredLosses() {
    var rng = SplitMix64(seed: 17)
    for count in [1, 255, 257, 4099, Chunking.parallelThreshold + 33, 100_003] {
      let xs = (0..<count).map { _ in Double(Float.random(in: -8...8, using: &rng)) }
      let ys = (0..<count).map { _ in Double(Float.random(in: -8...8, using: &rng)) }
      let ws = (0..<count).map { _ in Double(Float.random(in: 0...2, using: &rng)) }
      for dtype in [DType.float32, .float64, .float16, .bfloat16] {
        let x = Tensor(dtype: dtype, shape: [count], doubles: xs.map { EagerTensor.rounded($0, to: dtype) })
        let y = Tensor(dtype: dtype, shape: [count], doubles: ys.map { EagerTensor.rounded($0, to: dtype) })
        let w = Tensor(dtype: dtype, shape: [count], doubles: ws.map { EagerTensor.rounded($0, to: dtype) })
        for weight in [nil, w] {
          let operands = PointwiseOperands(x: x, y: y, weight: weight, shape: [count])
          let fused = PointwiseEvaluation.evaluate(
            SmoothL1Loss.PyTorchChain(beta: 0.5), operands, dtype: dtype, reduce: PyTorchLossReduction(reduction: .sum))
          let expected = storedThenSummed(SmoothL1Loss.PyTorchChain(beta: 0.5), operands, dtype)
          XCTAssertEqual(fused.storage.doubleValues[0].bitPattern, expected.storage.doubleValues[0].bitPattern,
            "count \(count) \(dtype) weighted \(weight != nil)")
          let mean = PointwiseEvaluation.evaluate(MSELoss.PyTorchChain(), operands, dtype: dtype, reduce: PyTorchLossReduction(reduction: .mean))
          let sum = storedThenSummed(MSELoss.PyTorchChain(), operands, dtype).storage.doubleValues[0]
          let expectedMean = dtype == .float64 ? sum / Double(count) : EagerTensor.rounded(Double(Float(sum) / Float(count)), to: dtype)
          if dtype == .float64 || dtype == .float32 {
            XCTAssertEqual(mean.storage.doubleValues[0].bitPattern, expectedMean.bitPattern, "mean, count \(count) \(dtype)")
          }
        }
      }
    }
  }
}

private extension Summation {
  static func cascade(_ values: [Double]) -> Double { values.withUnsafeBufferPointer { cascade($0) } }
}
