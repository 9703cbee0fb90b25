import Foundation
import ParityMath
import XCTest

/// The buffer-level SoftMarginLoss loops: every element is the lane kernel's answer (so the
/// float32 chain is rounded step by step), tails of every length and the stage-block edges,
/// aliasing, and the fused blocked sum against a wider reference.
final class SoftMarginLossTests: XCTestCase {
  private func inputs(_ count: Int, seed: UInt64) -> (x: [Float], y: [Float]) {
    var random = Lanes.Random(seed: seed)
    let x = (0..<count).map { _ in Float(random.uniform(-30, 30)) }
    let y = (0..<count).map { _ in random.next() & 1 == 0 ? Float(1) : -1 }
    return (x, y)
  }

  /// The chain the loss promises: `t = -x`, `t = t·y`, `e = exp(t)`, `log1p(e)`, each
  /// rounded to Float (the lane function; ForFloatTests checks it against Float80).
  private func chained(_ x: Float, _ y: Float) -> Float {
    VectorMath.softMarginLossRounded(SIMD8(repeating: x), SIMD8(repeating: y))[0]
  }

  private func chained(_ x: Double, _ y: Double) -> Double {
    let t = (-x) * y
    let e = VectorMath.exp(SIMD4(repeating: t))[0]
    return VectorMath.log1p(SIMD4(repeating: e))[0]
  }

  func testFloatElementwiseMatchesTheChainForEveryTailLength() {
    for count in Array(0...41) + [255, 256, 257, 1000, 4097] {
      let (x, y) = inputs(count, seed: UInt64(count))
      var out = [Float](repeating: .nan, count: count)
      x.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
          out.withUnsafeMutableBufferPointer { VectorMath.softMarginLossRounded(input: xb, target: yb, output: $0) }
        }
      }
      for i in 0..<count {
        XCTAssertEqual(out[i].bitPattern, chained(x[i], y[i]).bitPattern, "count \(count), element \(i)")
      }
    }
  }

  func testDoubleElementwiseMatchesTheChainForEveryTailLength() {
    for count in 0...21 {
      let (xf, yf) = inputs(count, seed: 100 + UInt64(count))
      let x = xf.map { Double($0) * 1.0000001 }, y = yf.map(Double.init)
      var out = [Double](repeating: .nan, count: count)
      x.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
          out.withUnsafeMutableBufferPointer { VectorMath.softMarginLoss(input: xb, target: yb, output: $0) }
        }
      }
      for i in 0..<count {
        XCTAssertEqual(out[i].bitPattern, chained(x[i], y[i]).bitPattern, "count \(count), element \(i)")
      }
    }
  }

  /// Special inputs flow through: the loss is +inf where exp(-x·y) overflows, 0 where it
  /// underflows to 0 (log1p(0) = 0), ln 2 at x = ±0, NaN for NaN and for 0·inf.
  func testFloatSpecialInputs() {
    let x: [Float] = [0, -0.0, -.infinity, .infinity, .nan, 1, 0, 200, -200, 1e-30]
    let y: [Float] = [1, 1, 1, 1, 1, .nan, .infinity, 1, 1, 1]
    var out = [Float](repeating: 0, count: x.count)
    x.withUnsafeBufferPointer { xb in
      y.withUnsafeBufferPointer { yb in
        out.withUnsafeMutableBufferPointer { VectorMath.softMarginLossRounded(input: xb, target: yb, output: $0) }
      }
    }
    XCTAssertEqual(out[0], 0.6931472)
    XCTAssertEqual(out[1], 0.6931472)
    XCTAssertEqual(out[2], .infinity)
    XCTAssertEqual(out[3].bitPattern, Float(0).bitPattern)
    XCTAssertTrue(out[4].isNaN)
    XCTAssertTrue(out[5].isNaN)
    XCTAssertTrue(out[6].isNaN)
    XCTAssertEqual(out[7].bitPattern, Float(0).bitPattern)  // exp(-200) underflows to 0
    XCTAssertEqual(out[8], .infinity)  // exp(200) overflows in Float, as in PyTorch's chain
    XCTAssertEqual(out[9], 0.6931472)
  }

  func testOutputMayAliasAnInput() {
    let (x, y) = inputs(37, seed: 7)
    var expected = [Float](repeating: 0, count: x.count)
    x.withUnsafeBufferPointer { xb in
      y.withUnsafeBufferPointer { yb in
        expected.withUnsafeMutableBufferPointer { VectorMath.softMarginLossRounded(input: xb, target: yb, output: $0) }
      }
    }
    var inPlace = x
    inPlace.withUnsafeMutableBufferPointer { buffer in
      y.withUnsafeBufferPointer { yb in
        VectorMath.softMarginLossRounded(input: UnsafeBufferPointer(buffer), target: yb, output: buffer)
      }
    }
    XCTAssertEqual(inPlace, expected)
  }

  // MARK: Sum

  /// The fused Float sum against the Double sum of the same Float losses, for counts around
  /// the vector, accumulator and block sizes; the blocked scheme keeps the relative error near
  /// that of a cascade sum (well under 1e-6 here), where one Float accumulator would drift.
  func testFloatSumAgainstDoubleReference() {
    for count in Array(0...41) + [255, 256, 257, 1000, 4095, 4096, 4097, 8192 + 5, 100_003, 1 << 20] {
      let (x, y) = inputs(count, seed: 1000 + UInt64(count))
      var losses = [Float](repeating: 0, count: count)
      let sum = x.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
          losses.withUnsafeMutableBufferPointer { VectorMath.softMarginLossRounded(input: xb, target: yb, output: $0) }
          return VectorMath.softMarginLossRoundedSum(input: xb, target: yb)
        }
      }
      let reference = losses.reduce(0.0) { $0 + Double($1) }
      if count == 0 {
        XCTAssertEqual(sum.bitPattern, Float(0).bitPattern)
      } else {
        XCTAssertEqual(Double(sum), reference, accuracy: reference * 1e-6, "count \(count)")
      }
    }
  }

  func testDoubleSumAgainstCompensatedReference() {
    for count in [0, 1, 3, 4, 5, 15, 16, 17, 4095, 4096, 4097, 100_003] {
      let (xf, yf) = inputs(count, seed: 2000 + UInt64(count))
      let x = xf.map(Double.init), y = yf.map(Double.init)
      var losses = [Double](repeating: 0, count: count)
      let sum = x.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
          losses.withUnsafeMutableBufferPointer { VectorMath.softMarginLoss(input: xb, target: yb, output: $0) }
          return VectorMath.softMarginLossSum(input: xb, target: yb)
        }
      }
      let reference = Double(losses.reduce(Float80(0)) { $0 + Float80($1) })
      XCTAssertEqual(sum, reference, accuracy: reference * 1e-14, "count \(count)")
    }
  }

  func testSumPropagatesNaNAndInfinity() {
    var x = [Float](repeating: 0.5, count: 5000)
    let y = [Float](repeating: 1, count: 5000)
    x[4321] = .nan
    let nanSum = x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { VectorMath.softMarginLossRoundedSum(input: xb, target: $0) } }
    XCTAssertTrue(nanSum.isNaN)
    x[4321] = -.infinity
    let infSum = x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { VectorMath.softMarginLossRoundedSum(input: xb, target: $0) } }
    XCTAssertEqual(infSum, .infinity)
  }
}
