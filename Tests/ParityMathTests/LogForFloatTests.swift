import Foundation
import Glibc
import ParityCore
import ParityMath
import XCTest

/// `VectorMath.logForFloat` and `logSigmoidForFloat`, the `Double` evaluations the fused
/// float32 composite losses round to `Float`: special values exactly (as the C library's
/// `Double` functions give them, which the op-by-op model calls), and sweeps against `logl`,
/// `expl` and `log1pl` in `Float80`.
final class LogForFloatTests: XCTestCase {
  // MARK: log

  func testLogSpecialValues() {
    let cases: [(Float, Float)] = [
      (0, -.infinity), (-0.0, -.infinity), (.infinity, .infinity), (1, 0),
      (-1, .nan), (-.infinity, .nan), (-.leastNonzeroMagnitude, .nan),
      (.leastNonzeroMagnitude, -103.27893), (.leastNormalMagnitude, -87.33655), (.greatestFiniteMagnitude, 88.72284),
      (2, 0.6931472), (0.5, -0.6931472),
    ]
    for (x, expected) in cases {
      let result = Float(VectorMath.logForFloat(SIMD8(repeating: Double(x)))[0])
      XCTAssertEqual(result.isNaN, expected.isNaN, "log(\(x)) = \(result)")
      if !expected.isNaN {
        XCTAssertEqual(result.bitPattern, expected.bitPattern, "log(\(x)) = \(result), expected \(expected)")
        XCTAssertEqual(result, Float(Foundation.log(Double(x))), "log(\(x)) against the C library")
      }
    }
    XCTAssertTrue(VectorMath.logForFloat(SIMD8(repeating: .nan))[0].isNaN)
  }

  /// About 1.8 million inputs: evenly spaced bit patterns over every positive `Float` binade
  /// (subnormals included), and over [0.5, 2], where log x is small and its reduction has
  /// no exponent. Every result is the correctly rounded `Float`, and the `Double` result
  /// keeps its documented 2^-47.
  func testLogAccuracySweep() {
    var inputs = Lanes.bitSweep(from: .leastNonzeroMagnitude, to: .greatestFiniteMagnitude, count: 1 << 20)
    inputs += Lanes.bitSweep(from: 0.5, to: 2, count: 3 << 18)
    let (wide, results) = Lanes.mapForFloat(inputs, VectorMath.logForFloat)
    var correctlyRounded = 0
    var maxRelative = 0.0
    var misrounded: [Float] = []
    for i in inputs.indices {
      let reference = logl(Float80(inputs[i]))
      if results[i].bitPattern == Float(reference).bitPattern { correctlyRounded += 1 } else { misrounded.append(inputs[i]) }
      if reference != 0 { maxRelative = max(maxRelative, Double(abs(Float80(wide[i]) - reference) / abs(reference))) }
    }
    print("Float(logForFloat): \(correctlyRounded) of \(inputs.count) correctly rounded, max relative error 2^\(Foundation.log2(maxRelative))")
    XCTAssertEqual(correctlyRounded, inputs.count, "misrounded at \(misrounded.prefix(5))")
    XCTAssertLessThan(maxRelative, 0x1p-47)
  }

  // MARK: log_sigmoid

  /// The values the op-by-op model gets from the C library, `min(v, 0) - log1p(exp(-|v|))` in
  /// `Double` rounded once, including the signs of zeros: -0 while `exp(-|v|)` is a positive
  /// `Double`, +0 once it underflows (|v| > 745.133).
  func testLogSigmoidSpecialValuesMatchTheCLibraryFormula() {
    let inputs: [Float] = [
      0, -0.0, 1, -1, 20, -20, 88, 103.9, 104, 110, 200, 745.1331, 745.1333, 1000, .greatestFiniteMagnitude, .infinity,
      -104, -745.1333, -1000, -.greatestFiniteMagnitude, -.infinity, 0x1p-30, -0x1p-30, .leastNonzeroMagnitude,
    ]
    for v in inputs {
      let result = Float(VectorMath.logSigmoidForFloat(SIMD8(repeating: Double(v)))[0])
      let d = Double(v)
      let expected = Float(Swift.min(d, 0) - Foundation.log1p(Foundation.exp(-Swift.abs(d))))
      XCTAssertEqual(result.bitPattern, expected.bitPattern, "log_sigmoid(\(v)) = \(result), expected \(expected)")
    }
    XCTAssertTrue(VectorMath.logSigmoidForFloat(SIMD8(repeating: .nan))[0].isNaN)
  }

  /// About 1.5 million inputs, evenly spaced bit patterns over [-120, 120] on each side of 0
  /// and uniform values over [-30, 30]: the rounded result is the correctly rounded `Float`
  /// of `min(v, 0) - log1p(exp(-|v|))` in all but a handful of ties, and within 1 ULP there.
  func testLogSigmoidAccuracySweep() {
    var inputs = Lanes.bitSweep(from: 0, to: 120, count: 1 << 19)
    inputs += Lanes.bitSweep(from: -0.0, to: -120, count: 1 << 19)
    var random = Lanes.Random(seed: 21)
    inputs += (0..<(1 << 19)).map { _ in Float(random.uniform(-30, 30)) }
    let (wide, results) = Lanes.mapForFloat(inputs, VectorMath.logSigmoidForFloat)
    var misrounded: [Float] = []
    var maxDistance: UInt64 = 0
    var maxRelative = 0.0
    var worst: Float = 0
    for i in inputs.indices {
      let v = Float80(inputs[i])
      let reference = Swift.min(v, 0) - log1pl(expl(-Swift.abs(v)))
      let expected = Float(reference)
      let distance = ULP.distance(Double(results[i]), Double(expected), in: .float32) ?? .max
      if distance != 0 { misrounded.append(inputs[i]) }
      maxDistance = max(maxDistance, distance)
      // Beyond |v| = 100 the result is under Float's least subnormal or v itself, and
      // `expForFloat`'s clamp at -110 may leave e^-110 for a smaller e^-|v|.
      if reference != 0, abs(v) <= 100 {
        let r = Double(abs(Float80(wide[i]) - reference) / abs(reference))
        if r > maxRelative { maxRelative = r; worst = inputs[i] }
      }
    }
    print("Float(logSigmoidForFloat): \(inputs.count - misrounded.count) of \(inputs.count) correctly rounded "
      + "(\(misrounded.prefix(5))), max relative error 2^\(Foundation.log2(maxRelative)) at \(worst)")
    XCTAssertLessThanOrEqual(maxDistance, 1)
    XCTAssertLessThanOrEqual(misrounded.count, 4, "\(misrounded.prefix(10))")
    XCTAssertLessThan(maxRelative, 0x1p-44)
  }
}
