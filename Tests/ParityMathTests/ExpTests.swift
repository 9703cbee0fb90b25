import Foundation
import Glibc
import ParityCore
import ParityMath
import ParityTestSupport
import XCTest

/// `VectorMath.exp`: special values exactly, and the error over sweeps of the whole range
/// SoftMarginLoss feeds it, against glibc's `exp` in `Double` (for `Float`) and `expl` in
/// `Float80` (for `Double`).
final class ExpTests: XCTestCase {
  // MARK: Float

  func testFloatSpecialValues() {
    let cases: [(Float, Float)] = [
      (0, 1), (-0.0, 1), (.infinity, .infinity), (-.infinity, 0),
      (-1000, 0), (1000, .infinity), (.greatestFiniteMagnitude, .infinity), (-.greatestFiniteMagnitude, 0),
      // The last input with a finite result, and the first that overflows.
      (88.72283, 3.4027985e38), (88.72284, .infinity),
      // Gradual underflow: the least subnormal, and the first input that rounds to 0.
      (-103.97208, .leastNonzeroMagnitude), (-103.972084, 0),
    ]
    for (x, expected) in cases {
      let result = VectorMath.exp(SIMD8(repeating: x))[0]
      XCTAssertEqual(result.bitPattern, expected.bitPattern, "exp(\(x)) = \(result), expected \(expected)")
    }
    XCTAssertTrue(VectorMath.exp(SIMD8<Float>(repeating: .nan))[0].isNaN)
    XCTAssertTrue(VectorMath.exp(SIMD8<Float>(repeating: .signalingNaN))[0].isNaN)
    // exp(-100) is a subnormal, not 0.
    let e100 = VectorMath.exp(SIMD8<Float>(repeating: -100))[0]
    XCTAssertTrue(e100.isSubnormal)
    XCTAssertEqual(e100, Float(Foundation.exp(-100.0)))
  }

  func testFloatLanesAreIndependent() {
    let x = SIMD8<Float>(-.infinity, -100, -1, 0, .nan, 1, 88.72284, 50)
    let r = VectorMath.exp(x)
    for lane in 0..<8 {
      let alone = VectorMath.exp(SIMD8(repeating: x[lane]))[0]
      XCTAssertTrue(r[lane].bitPattern == alone.bitPattern || (r[lane].isNaN && alone.isNaN), "lane \(lane)")
    }
    let wide = VectorMath.exp(SIMD16(lowHalf: x, highHalf: x.replacing(with: 2, where: x .== 0)))
    XCTAssertEqual(wide.lowHalf.replacing(with: 0, where: x .!= x), r.replacing(with: 0, where: x .!= x))
    XCTAssertEqual(wide.highHalf[3], VectorMath.exp(SIMD8(repeating: 2))[0])
  }

  /// About 3.1 million inputs over [-104, 89]: evenly spaced bit patterns on each side of
  /// zero (dense near the subnormal results) and uniformly spaced values (dense near the
  /// overflow threshold).
  func testFloatAccuracySweep() {
    var inputs = Lanes.bitSweep(from: -0.0, to: -104, count: 1 << 20)
    inputs += Lanes.bitSweep(from: 0, to: 89, count: 1 << 20)
    var random = Lanes.Random(seed: 1)
    inputs += (0..<(1 << 20)).map { _ in Float(random.uniform(-104, 89)) }

    let results = Lanes.map(inputs, VectorMath.exp)
    var stats = ULPErrorStats(dtype: .float32)
    for (x, r) in zip(inputs, results) {
      stats.record(input: Double(x), result: Double(r), reference: Float80(Foundation.exp(Double(x))))
    }
    print("Float exp over [-104, 89]: \(stats)")
    assertFaithful(stats)
  }

  // MARK: Double

  func testDoubleSpecialValues() {
    let cases: [(Double, Double)] = [
      (0, 1), (-0.0, 1), (.infinity, .infinity), (-.infinity, 0),
      (-1e4, 0), (1e4, .infinity), (.greatestFiniteMagnitude, .infinity), (-.greatestFiniteMagnitude, 0),
      (709.782712893384, 1.7976931348622732e308), (709.7827128933841, .infinity),
      (-745.1332191019411, .leastNonzeroMagnitude), (-745.1332191019412, 0),
    ]
    for (x, expected) in cases {
      let result = VectorMath.exp(SIMD4(repeating: x))[0]
      XCTAssertEqual(result.bitPattern, expected.bitPattern, "exp(\(x)) = \(result), expected \(expected)")
    }
    XCTAssertTrue(VectorMath.exp(SIMD4<Double>(repeating: .nan))[0].isNaN)
    let e740 = VectorMath.exp(SIMD4<Double>(repeating: -740))[0]
    XCTAssertTrue(e740.isSubnormal)
    XCTAssertEqual(e740, Double(expl(-740)))
    let x = SIMD8<Double>(-1, 0, 1, 2, 700, -700, 710, -746)
    let wide = VectorMath.exp(x)
    XCTAssertEqual(wide.lowHalf, VectorMath.exp(x.lowHalf))
    XCTAssertEqual(wide.highHalf, VectorMath.exp(x.highHalf))
  }

  /// About 1.8 million inputs: uniform over [-746, 710], over [-1, 1], over the subnormal
  /// results [-745.2, -708], and over the binades of |x| in [2^-60, 2^9].
  func testDoubleAccuracySweep() {
    var random = Lanes.Random(seed: 2)
    var inputs = (0..<(1 << 20)).map { _ in random.uniform(-746, 710) }
    inputs += (0..<(1 << 18)).map { _ in random.uniform(-1, 1) }
    inputs += (0..<(1 << 18)).map { _ in random.uniform(-745.2, -708) }
    inputs += (0..<(1 << 18)).map { _ in
      let m = random.logUniform(-60, 9)
      return random.next() & 1 == 0 ? m : -m
    }

    let results = Lanes.map(inputs, VectorMath.exp)
    var stats = ULPErrorStats(dtype: .float64)
    for (x, r) in zip(inputs, results) {
      stats.record(input: x, result: r, reference: expl(Float80(x)))
    }
    print("Double exp over [-746, 710]: \(stats)")
    assertFaithful(stats)
  }
}
