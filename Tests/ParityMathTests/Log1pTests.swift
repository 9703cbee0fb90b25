import Foundation
import Glibc
import ParityCore
@testable import ParityMath
import ParityTestSupport
import XCTest

/// `VectorMath.log1p`: special values and tiny inputs exactly, and the error over sweeps of
/// its whole domain against glibc's `log1p` in `Double` (for `Float`) and `log1pl` in
/// `Float80` (for `Double`).
final class Log1pTests: XCTestCase {
  // MARK: Float

  func testFloatSpecialValues() {
    let cases: [(Float, Float)] = [
      (0, 0), (-0.0, -0.0), (.infinity, .infinity), (-1, -.infinity), (1, 0.6931472),
      (.greatestFiniteMagnitude, 88.72284), (-0.99999994, -16.635532),
    ]
    for (x, expected) in cases {
      let result = VectorMath.log1p(SIMD8(repeating: x))[0]
      XCTAssertEqual(result.bitPattern, expected.bitPattern, "log1p(\(x)) = \(result), expected \(expected)")
    }
    for x: Float in [.nan, .signalingNaN, -1.0000001, -2, -.greatestFiniteMagnitude, -.infinity] {
      XCTAssertTrue(VectorMath.log1p(SIMD8(repeating: x))[0].isNaN, "log1p(\(x)) should be NaN")
    }
  }

  /// log1p(x) == x, bit for bit, for every |x| < 2^-24 tried: all subnormals' binades and
  /// the normals up to 2^-24, both signs.
  func testFloatTinyInputsAreExact() {
    var inputs = Lanes.bitSweep(from: .leastNonzeroMagnitude, to: Float(0x1p-24).nextDown, count: 1 << 16)
    inputs += inputs.map { -$0 }
    inputs += [1e-30, -1e-30, Float.leastNormalMagnitude, -Float.leastNormalMagnitude]
    let results = Lanes.map(inputs, VectorMath.log1p)
    for (x, r) in zip(inputs, results) where r.bitPattern != x.bitPattern {
      XCTFail("log1p(\(x)) = \(r), expected \(x)")
      return
    }
  }

  /// About 2.4 million inputs: evenly spaced bit patterns over [0, greatest finite] (every
  /// binade, so [1e-30, 1e38] gets most of them) and over [-1, -0], plus uniformly spaced
  /// values over [-1, 1] and [0, 100], where most of SoftMarginLoss's arguments lie.
  func testFloatAccuracySweep() {
    var inputs = Lanes.bitSweep(from: 0, to: .greatestFiniteMagnitude, count: 1 << 20)
    inputs += Lanes.bitSweep(from: -0.0, to: -1, count: 1 << 19)
    var random = Lanes.Random(seed: 3)
    inputs += (0..<(1 << 19)).map { _ in Float(random.uniform(-1, 1)) }
    inputs += (0..<(1 << 18)).map { _ in Float(random.uniform(0, 100)) }

    let results = Lanes.map(inputs, VectorMath.log1p)
    var stats = ULPErrorStats(dtype: .float32)
    for (x, r) in zip(inputs, results) {
      stats.record(input: Double(x), result: Double(r), reference: Float80(Foundation.log1p(Double(x))))
    }
    print("Float log1p over [-1, greatest finite]: \(stats)")
    assertFaithful(stats)
  }

  // MARK: Double

  func testDoubleSpecialValues() {
    let cases: [(Double, Double)] = [
      (0, 0), (-0.0, -0.0), (.infinity, .infinity), (-1, -.infinity), (1, 0.6931471805599453),
      (.greatestFiniteMagnitude, 709.782712893384), (-0.9999999999999999, -36.7368005696771),
      (.leastNonzeroMagnitude, .leastNonzeroMagnitude), (-.leastNonzeroMagnitude, -.leastNonzeroMagnitude),
      (1e-300, 1e-300), (-1e-300, -1e-300), (0x1p-54, 0x1p-54), (-0x1p-54, -0x1p-54),
    ]
    for (x, expected) in cases {
      let result = VectorMath.log1p(SIMD4(repeating: x))[0]
      XCTAssertEqual(result.bitPattern, expected.bitPattern, "log1p(\(x)) = \(result), expected \(expected)")
    }
    for x: Double in [.nan, -1.0000000000000002, -2, -.infinity] {
      XCTAssertTrue(VectorMath.log1p(SIMD4(repeating: x))[0].isNaN, "log1p(\(x)) should be NaN")
    }
    let x = SIMD8<Double>(-0.5, 0, 1, 2, 1e300, -0.0, .infinity, 1e-10)
    let wide = VectorMath.log1p(x)
    XCTAssertEqual(wide.lowHalf, VectorMath.log1p(x.lowHalf))
    XCTAssertEqual(wide.highHalf, VectorMath.log1p(x.highHalf))
  }

  /// About 1.8 million inputs: over the binades of [2^-1074, 2^1024) and of (-1, -2^-1074],
  /// and uniformly over (-1, 0), [-0.3, 0.42] (around the reduction's k = 0 interval) and
  /// [0, 4].
  func testDoubleAccuracySweep() {
    var random = Lanes.Random(seed: 4)
    var inputs = (0..<(1 << 19)).map { _ in random.logUniform(-1074, 1023.99) }
    inputs += (0..<(1 << 18)).map { _ in -random.logUniform(-1074, -0x1p-40) }
    inputs += (0..<(1 << 18)).map { _ in -random.unit() }
    inputs += (0..<(1 << 18)).map { _ in random.uniform(-0.3, 0.42) }
    inputs += (0..<(1 << 18)).map { _ in random.uniform(0, 4) }

    let results = Lanes.map(inputs, VectorMath.log1p)
    var stats = ULPErrorStats(dtype: .float64)
    for (x, r) in zip(inputs, results) {
      stats.record(input: x, result: r, reference: log1pl(Float80(x)))
    }
    print("Double log1p over (-1, greatest finite]: \(stats)")
    assertFaithful(stats)
  }
}

/// `log1p(_:nonNegative: true)`, which the float64 SoftMarginLoss chain uses on `exp`
/// results, gives the general function's bits over its domain: ≥ 0, +inf and NaN.
final class Log1pNonNegativeTests: XCTestCase {
  func testSameAsTheGeneralFunctionOnItsDomain() {
    var random = Lanes.Random(seed: 7)
    var inputs: [Double] = [0, .leastNonzeroMagnitude, 0x1p-1074 * 3, 0x1p-60, 0x1p-54, 0x1p-53, 0.4142135623730951, 1, 2,
                            0x1p53, 0x1p53 + 2, .greatestFiniteMagnitude, .infinity, .nan]
    inputs += (0..<(1 << 18)).map { _ in random.logUniform(-1070, 1023) }
    inputs += (0..<(1 << 16)).map { _ in random.uniform(0, 3) }
    let general = Lanes.map(inputs) { VectorMath.log1p($0) }
    let nonNegative = Lanes.map(inputs) { VectorMath.log1p($0, nonNegative: true) }
    for (i, x) in inputs.enumerated() {
      if x.isNaN {
        XCTAssertTrue(nonNegative[i].isNaN, "log1p(nan)")
      } else {
        XCTAssertEqual(nonNegative[i].bitPattern, general[i].bitPattern, "log1p(\(x))")
      }
    }
  }
}
