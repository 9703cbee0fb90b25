import ParityCore
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// Properties of the PyTorch pointwise losses that the recordings pin down, checked on inputs
/// chosen so that the wrong rounding or the wrong order of checks gives another answer.
final class PointwiseLossPyTorchTests: XCTestCase {
  func testL1RoundsTheFloat16DifferenceBeforeAbs() throws {
    // 2049 is not a float16 value; 2048 - (-1) = 2049 rounds to 2048 (ties to even).
    let output = try L1Loss.pytorch(input: Tensor(float16: [2048]), target: Tensor(float16: [-1]), reduction: .none)
    XCTAssertEqual(output.value.doubles, [2048])
  }

  func testSmoothL1RoundsPerOpInFloat16AndOnceInBFloat16() throws {
    // beta = 0.7 is no 16-bit value, so where beta is rounded and whether the quotient is
    // rounded per op show in the last bit; every 16-bit value in [0, 0.7) is tried.
    let beta = 0.7
    let halves = (0..<UInt16(0x3999)).map { Float16(bitPattern: $0) }
    let f = try SmoothL1Loss.pytorch(
      input: Tensor(float16: halves), target: Tensor(float16: [Float16(0)]), reduction: .none, beta: beta)
    let h = Float(Float16(Float(beta)))
    let perOp = halves.map { z in Double(Float16(Float(Float16(Float(Float16(0.5 * Float(z))) * Float(z))) / h)) }
    XCTAssertEqual(f.value.doubles, perOp, "float16: every op rounded, beta rounded to float16")

    let bfloats = (0..<UInt16(0x3F33)).map { BFloat16(bitPattern: $0) }
    let b = try SmoothL1Loss.pytorch(
      input: Tensor(bfloat16: bfloats), target: Tensor(bfloat16: [BFloat16(Float(0))]), reduction: .none, beta: beta)
    let once = bfloats.map { z in BFloat16(0.5 * z.floatValue * z.floatValue / Float(beta)).doubleValue }
    XCTAssertEqual(b.value.doubles, once, "bfloat16: computed in Float, rounded once")
  }

  func testSmoothL1WithBetaZeroIsL1AndANegativeBetaIsRefused() throws {
    let x = Tensor([0.25, -3] as [Float]), y = Tensor([1, 1] as [Float])
    XCTAssertEqual(
      try SmoothL1Loss.pytorch(input: x, target: y, reduction: .none, beta: 0),
      try L1Loss.pytorch(input: x, target: y, reduction: .none))
    XCTAssertThrowsError(try SmoothL1Loss.pytorch(input: x, target: y, reduction: .none, beta: -1))
  }

  func testHuberReturnsTheInputsDtype() throws {
    let output = try HuberLoss.pytorch(input: Tensor(float16: [0.5]), target: Tensor([0.25] as [Float]), reduction: .none, delta: 1)
    XCTAssertEqual(output.value.dtype, .float16)
  }

  func testDifferenceLossesWarnWhenTheTargetsSizeDiffers() throws {
    let output = try MSELoss.pytorch(input: Tensor([1, 2, 3, 4] as [Float], shape: [2, 2]), target: Tensor([1, 2] as [Float]), reduction: .mean)
    XCTAssertEqual(output.warnings, [
      "Using a target size (torch.Size([2])) that is different to the input size (torch.Size([2, 2])). "
        + "This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size."
    ])
    XCTAssertEqual(output.value.scalar, 2)
  }

  func testBCEClampsItsLogsAtMinus100AndChecksInputBeforeTarget() throws {
    let output = try BinaryCrossEntropy.pytorch(
      input: Tensor([0, 1, 1] as [Float]), target: Tensor([1, 0, 1] as [Float]), weight: nil, reduction: .none)
    XCTAssertEqual(output.value.doubles.map { $0 }, [100, 100, 0])
    XCTAssertEqual(output.value.doubles[2].sign, .minus, "x = 1, t = 1 gives -0.0, as PyTorch does")
    XCTAssertThrowsError(
      try BinaryCrossEntropy.pytorch(input: Tensor([0.5, 2] as [Float]), target: Tensor([-1, 0.5] as [Float]), weight: nil, reduction: .none)
    ) { error in
      XCTAssertEqual((error as? KernelError)?.message, "all elements of target should be between 0 and 1")
    }
  }

  /// The range check scans in blocks; the first element outside [0, 1] (NaN included) decides,
  /// the input's before the target's at the same index, wherever it sits in a long tensor.
  func testBCERangeCheckFindsTheFirstOffenderInLongTensors() {
    func message(badInput: Int?, badTarget: Int?, bad: Float, _ dtype: DType) -> String? {
      var x = [Float](repeating: 0.5, count: 5000), y = [Float](repeating: 0.25, count: 5000)
      if let i = badInput { x[i] = bad }
      if let t = badTarget { y[t] = bad }
      let input = dtype == .float32 ? Tensor(x) : Tensor(x.map(Double.init))
      let target = dtype == .float32 ? Tensor(y) : Tensor(y.map(Double.init))
      do {
        _ = try BinaryCrossEntropy.pytorch(input: input, target: target, weight: nil, reduction: .mean)
        return nil
      } catch {
        return error.message
      }
    }
    let inputMessage = "all elements of input should be between 0 and 1"
    let targetMessage = "all elements of target should be between 0 and 1"
    for dtype in [DType.float32, .float64] {
      XCTAssertNil(message(badInput: nil, badTarget: nil, bad: 0, dtype))
      for bad: Float in [.nan, -0x1p-149, 1.0000001, .infinity] {
        XCTAssertEqual(message(badInput: 4999, badTarget: nil, bad: bad, dtype), inputMessage, "\(bad) \(dtype)")
        XCTAssertEqual(message(badInput: 3000, badTarget: 2000, bad: bad, dtype), targetMessage, "\(bad) \(dtype)")
        XCTAssertEqual(message(badInput: 2000, badTarget: 3000, bad: bad, dtype), inputMessage, "\(bad) \(dtype)")
        XCTAssertEqual(message(badInput: 1500, badTarget: 1500, bad: bad, dtype), inputMessage, "\(bad) \(dtype)")
      }
    }
  }

  func testBroadcastShapesNamesTheMismatchAsPyTorchDoes() {
    XCTAssertThrowsError(try BinaryCrossEntropy.broadcastShapes([4, 3], [4])) { error in
      XCTAssertEqual((error as? KernelError)?.message,
        "Attempting to broadcast a dimension of length 4 at -1! Mismatching argument at index 1 had torch.Size([4]); "
          + "but expected shape should be broadcastable to [4, 3]")
    }
  }

  func testKLBatchmeanDividesTheRounded16BitSumBySizeZero() throws {
    let x = Tensor(float16: [-1, -2, -0.5, -0.25], shape: [2, 2]), t = Tensor(float16: [0.1, 0.2, 0.3, 0.4], shape: [2, 2])
    let sum = try KLDivLoss.pytorch(input: x, target: t, reduction: .sum, batchmean: false, logTarget: false).value.scalar
    let batchmean = try KLDivLoss.pytorch(input: x, target: t, reduction: .sum, batchmean: true, logTarget: false).value.scalar
    XCTAssertEqual(batchmean, Double(Float16(Float(sum) / 2)))
  }

  func testPoissonFloat16EpsVanishes() throws {
    // Half(1e-8) = 0, so log(0 + eps) = -inf and 0 - 1 * -inf = inf (float32 gives a finite loss).
    let half = try PoissonNLLLoss.pytorch(
      input: Tensor(float16: [0]), target: Tensor(float16: [1]), logInput: false, full: false, eps: 1e-8, reduction: .none)
    XCTAssertEqual(half.value.scalar, .infinity)
    let single = try PoissonNLLLoss.pytorch(
      input: Tensor([0] as [Float]), target: Tensor([1] as [Float]), logInput: false, full: false, eps: 1e-8, reduction: .none)
    XCTAssertEqual(single.value.scalar, Double(-Float(1) * Float(log(Double(Float(1e-8))))), accuracy: 1e-5)
  }

  func testChunkedEvaluationOnAllCoresEqualsASerialLoop() throws {
    // Above Chunking.parallelThreshold the chunks run on every core; each element is the
    // same computation, so the result must be the serial one, bit for bit.
    var generator = SplitMix64(seed: 20261203)
    let n = (1 << 17) + 3
    let x = (0..<n).map { _ in Float(Double(generator.next() % 20000) / 1000 - 10) }
    let y = (0..<n).map { _ in Float(Double(generator.next() % 20000) / 1000 - 10) }
    let output = try MSELoss.pytorch(input: Tensor(x), target: Tensor(y), reduction: .none)
    let serial = zip(x, y).map { a, b -> Float in let d = a - b; return d * d }
    XCTAssertEqual(output.value.storage, .float32(serial))
    let huber = try HuberLoss.pytorch(input: Tensor(x), target: Tensor(y), reduction: .none, delta: 1.5)
    let serialHuber = zip(x, y).map { a, b -> Float in
      let z = abs(a - b)
      return z < 1.5 ? 0.5 * z * z : 1.5 * (z - 0.5 * 1.5)
    }
    XCTAssertEqual(huber.value.storage, .float32(serialHuber))
  }
}
