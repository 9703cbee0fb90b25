import Foundation
import Glibc
import ParityCore
import ParityMath
import XCTest

/// `VectorMath.expForFloat` and `log1pForFloat`, the `Double` evaluations the float32
/// SoftMarginLoss chain rounds to `Float`, and that chain (`softMarginLossRounded`): special
/// values exactly, and sweeps against `expl` and `log1pl` in `Float80`, which are accurate to
/// far below a `Float` ULP. Rounded to `Float`, both functions should be effectively correctly
/// rounded (their `Double` errors, 2^-45 and 2^-50, are 2^-21 and 2^-26 of a `Float` ULP), and
/// the chain should give the bits of the correctly rounded chain.
final class ForFloatTests: XCTestCase {
  /// The error bound the sweeps assert, in `Float` ULPs: half an ULP (correct rounding) plus
  /// a margin far above the functions' documented `Double` errors and far below anything a
  /// `Float`-precision evaluation could reach.
  private static let nearlyCorrectlyRounded = 0.5 + 0x1p-12

  // MARK: exp

  func testExpSpecialValues() {
    let cases: [(Float, Float)] = [
      (0, 1), (-0.0, 1), (.infinity, .infinity), (-.infinity, 0),
      (-1000, 0), (1000, .infinity), (.greatestFiniteMagnitude, .infinity), (-.greatestFiniteMagnitude, 0),
      // At and beyond the clamps: e^-110 and e^89 lie beyond Float's range either way.
      (-110, 0), (-110.5, 0), (89, .infinity), (89.5, .infinity),
      // The last input with a finite result, and the first that overflows once rounded.
      (88.72283, 3.4027985e38), (88.72284, .infinity),
      // Gradual underflow: the least subnormal, and the first input that rounds to 0.
      (-103.97208, .leastNonzeroMagnitude), (-103.972084, 0),
    ]
    let inputs = cases.map(\.0)
    let (_, results) = Lanes.mapForFloat(inputs, VectorMath.expForFloat)
    for ((x, expected), result) in zip(cases, results) {
      XCTAssertEqual(result.bitPattern, expected.bitPattern, "Float(expForFloat(\(x))) = \(result), expected \(expected)")
      // The same input alone in a vector: lanes do not affect each other.
      let alone = SIMD8<Float>(VectorMath.expForFloat(SIMD8(repeating: Double(x))))[0]
      XCTAssertEqual(alone.bitPattern, result.bitPattern, "exp(\(x)) alone and among other lanes")
    }
    // Ordinary values: the correctly rounded Float.
    for x: Float in [1, -1, 0.5, -0.5, 2, 10, -10, 0x1p-30, -0x1p-30, 20.5, -87.33655] {
      let result = SIMD8<Float>(VectorMath.expForFloat(SIMD8(repeating: Double(x))))[0]
      let expected = Float(expl(Float80(x)))
      XCTAssertEqual(result.bitPattern, expected.bitPattern, "Float(expForFloat(\(x))) = \(result), expected \(expected)")
    }
    for x: Float in [.nan, -.nan, .signalingNaN] {
      XCTAssertTrue(VectorMath.expForFloat(SIMD8(repeating: Double(x)))[0].isNaN, "exp(\(x)) should be NaN")
    }
    // exp(-100) is a subnormal Float, not 0.
    let e100 = SIMD8<Float>(VectorMath.expForFloat(SIMD8(repeating: -100)))[0]
    XCTAssertTrue(e100.isSubnormal)
    XCTAssertEqual(e100, Float(Foundation.exp(-100.0)))
    XCTAssertEqual(e100, Float(expl(-100)))
  }

  /// About 2.6 million inputs over [-110, 89]: evenly spaced bit patterns on each side of
  /// zero (every binade; dense near 0, where e^t is near 1, and near the subnormal results)
  /// and uniformly spaced values (dense near the overflow threshold). The `Double` result
  /// keeps its 2^-45, so the `Float` result is the correctly rounded one except where e^t
  /// lies within 2^-21 ULP of a midpoint between two `Float`s. Measured: one such input,
  /// t = -0.0004677376 (bits 0xb9f53aae), whose e^t lies 2^-22.4 ULP below the midpoint
  /// 0.99953234...0.9995324 and rounds up; the test allows that one and no more, and only
  /// that close to a midpoint.
  func testExpAccuracySweep() {
    var inputs = Lanes.bitSweep(from: -0.0, to: -110, count: 1 << 20)
    inputs += Lanes.bitSweep(from: 0, to: 89, count: 1 << 20)
    var random = Lanes.Random(seed: 11)
    inputs += (0..<(1 << 19)).map { _ in Float(random.uniform(-110, 89)) }

    let (wide, results) = Lanes.mapForFloat(inputs, VectorMath.expForFloat)
    var stats = RoundingStats()
    for i in inputs.indices {
      let reference = expl(Float80(inputs[i]))
      stats.record(input: inputs[i], result: results[i], reference: reference)
      stats.recordWide(input: inputs[i], result: wide[i], reference: reference)
    }
    print("Float(expForFloat) over [-110, 89]: \(stats)")
    XCTAssertGreaterThanOrEqual(stats.count, 2_000_000)
    XCTAssertLessThanOrEqual(stats.maxError, Self.nearlyCorrectlyRounded, "\(stats)")
    XCTAssertLessThanOrEqual(stats.maxDistance, 1, "\(stats)")
    XCTAssertLessThanOrEqual(stats.misroundedCount, 1, "\(stats.misrounded)")
    XCTAssertLessThan(stats.misroundedMaxFromMidpoint, 0x1p-21, "\(stats.misrounded)")
    XCTAssertLessThan(stats.maxRelativeError, 0x1p-45, "\(stats)")
    XCTAssertTrue(stats.nanMismatches.isEmpty, "\(stats.nanMismatches.prefix(5))")
  }

  // MARK: log1p

  func testLog1pSpecialValues() {
    let cases: [(Float, Float)] = [
      (0, 0), (-0.0, -0.0), (.infinity, .infinity),
      // Below 2^-24, e itself: its rounding hides the -e²/2.
      (.leastNonzeroMagnitude, .leastNonzeroMagnitude), (0x1.5p-133, 0x1.5p-133), (.leastNormalMagnitude, .leastNormalMagnitude),
      (1e-30, 1e-30), (0x1p-25, 0x1p-25), (Float(0x1p-24).nextDown, Float(0x1p-24).nextDown),
      // At 2^-24 the full evaluation: log1p(2^-24) = 2^-24 - 2^-49 + 2^-74/3 - ..., just above
      // the midpoint below 2^-24, so the correctly rounded result is 2^-24.
      (0x1p-24, 0x1p-24),
      (1, 0.6931472), (.greatestFiniteMagnitude, 88.72284),
    ]
    let inputs = cases.map(\.0)
    let (wide, results) = Lanes.mapForFloat(inputs, VectorMath.log1pForFloat)
    for (i, (e, expected)) in cases.enumerated() {
      XCTAssertEqual(results[i].bitPattern, expected.bitPattern, "Float(log1pForFloat(\(e))) = \(results[i]), expected \(expected)")
      let alone = SIMD8<Float>(VectorMath.log1pForFloat(SIMD8(repeating: Double(e))))[0]
      XCTAssertEqual(alone.bitPattern, results[i].bitPattern, "log1p(\(e)) alone and among other lanes")
      if e < 0x1p-24 || e == .infinity {
        XCTAssertEqual(wide[i].bitPattern, Double(e).bitPattern, "log1pForFloat(\(e)) should be e itself")
      }
    }
    // Large and ordinary values: the correctly rounded Float.
    for e: Float in [0x1p-23, 1e-6, 0.5, 1.5, 2, 3, 1e10, 0x1p53, 0x1p64, 1e30, 0x1p127, Float(0x1p-24).nextUp] {
      let result = SIMD8<Float>(VectorMath.log1pForFloat(SIMD8(repeating: Double(e))))[0]
      let expected = Float(log1pl(Float80(e)))
      XCTAssertEqual(result.bitPattern, expected.bitPattern, "Float(log1pForFloat(\(e))) = \(result), expected \(expected)")
    }
    for e: Float in [.nan, .signalingNaN] {
      XCTAssertTrue(VectorMath.log1pForFloat(SIMD8(repeating: Double(e)))[0].isNaN, "log1p(\(e)) should be NaN")
    }
  }

  /// log1pForFloat(e) is e, bit for bit, for every e < 2^-24 tried: evenly spaced bit
  /// patterns over all the subnormals' and normals' binades up to 2^-24.
  func testLog1pTinyInputsAreReturned() {
    let inputs = Lanes.bitSweep(from: .leastNonzeroMagnitude, to: Float(0x1p-24).nextDown, count: 1 << 14)
    let (wide, _) = Lanes.mapForFloat(inputs, VectorMath.log1pForFloat)
    for (e, r) in zip(inputs, wide) where r.bitPattern != Double(e).bitPattern {
      XCTFail("log1pForFloat(\(e)) = \(r), expected \(e)")
      return
    }
  }

  /// About 2.1 million inputs: evenly spaced bit patterns over [0, greatest finite] (every
  /// binade) and over [2^-26, 2^-10] (around the switch to `e` itself at 2^-24), uniformly
  /// spaced values over [0, 4] and evenly spaced bit patterns over [0.5, 2] (around 1, where
  /// exp(t) lands for small margins). Every input's `Float` result is the correctly rounded
  /// one, and the `Double` result keeps its 2^-50 from 2^-24 up.
  func testLog1pAccuracySweep() {
    var inputs = Lanes.bitSweep(from: 0, to: .greatestFiniteMagnitude, count: 1 << 20)
    inputs += Lanes.bitSweep(from: 0x1p-26, to: 0x1p-10, count: 1 << 18)
    var random = Lanes.Random(seed: 12)
    inputs += (0..<(1 << 19)).map { _ in Float(random.uniform(0, 4)) }
    inputs += Lanes.bitSweep(from: 0.5, to: 2, count: 1 << 18)

    let (wide, results) = Lanes.mapForFloat(inputs, VectorMath.log1pForFloat)
    var stats = RoundingStats()
    for i in inputs.indices {
      let reference = log1pl(Float80(inputs[i]))
      stats.record(input: inputs[i], result: results[i], reference: reference)
      // Below 2^-24 the result is e by design, a relative error up to 2^-25.
      if inputs[i] >= 0x1p-24 { stats.recordWide(input: inputs[i], result: wide[i], reference: reference) }
    }
    print("Float(log1pForFloat) over [0, greatest finite]: \(stats)")
    XCTAssertGreaterThanOrEqual(stats.count, 2_000_000)
    XCTAssertLessThanOrEqual(stats.maxError, Self.nearlyCorrectlyRounded, "\(stats)")
    XCTAssertEqual(stats.maxDistance, 0, "\(stats)")
    XCTAssertEqual(stats.misroundedCount, 0, "\(stats.misrounded)")
    XCTAssertLessThan(stats.maxRelativeError, 0x1p-50, "\(stats)")
    XCTAssertTrue(stats.nanMismatches.isEmpty, "\(stats.nanMismatches.prefix(5))")
  }

  // MARK: The rounded chain

  /// `softMarginLossRounded` against the correctly rounded chain PyTorch's float32 kernel
  /// approximates: `t = (-x)·y` in `Float`, `e` = `expl(t)` rounded to `Float`, the loss =
  /// `log1pl(e)` rounded to `Float`. About 1 million pairs, x uniform in [-30, 30], y mostly
  /// ±1 and a quarter from {0.5, 2, -3, -0.5} (so t reaches ±90: overflow to +inf included).
  /// Every element within 1 ULP; all but a few in 10^4 (ties within 2^-21 ULP) bit-exact.
  func testRoundedChainAgainstFloat80Chain() {
    var random = Lanes.Random(seed: 13)
    let targets: [Float] = [1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 0.5, 2, -3, -0.5]
    let count = 1 << 20
    let x = (0..<count).map { _ in Float(random.uniform(-30, 30)) }
    let y = (0..<count).map { _ in targets[Int(random.next() % UInt64(targets.count))] }

    var results = [Float](repeating: 0, count: count)
    for i in stride(from: 0, to: count, by: 8) {
      let xv = SIMD8(x[i..<(i + 8)]), yv = SIMD8(y[i..<(i + 8)])
      let r = VectorMath.softMarginLossRounded(xv, yv)
      for lane in 0..<8 { results[i + lane] = r[lane] }
    }

    var exact = 0
    var maxDistance: UInt64 = 0
    var firstMismatches: [String] = []
    for i in 0..<count {
      let t = (-x[i]) * y[i]
      let e = Float(expl(Float80(t)))
      let expected = Float(log1pl(Float80(e)))
      let distance = ULP.distance(Double(results[i]), Double(expected), in: .float32) ?? .max
      if distance == 0 {
        exact += 1
      } else if firstMismatches.count < 5 {
        firstMismatches.append("x \(x[i]) y \(y[i]): \(results[i]), expected \(expected)")
      }
      maxDistance = max(maxDistance, distance)
    }
    let exactFraction = Double(exact) / Double(count)
    print(
      "softMarginLossRounded over \(count) pairs: \((exactFraction * 100_000).rounded() / 1000)% bit-exact "
        + "(\(count - exact) differ), max distance \(maxDistance) ULP \(firstMismatches)")
    XCTAssertLessThanOrEqual(maxDistance, 1, "\(firstMismatches)")
    XCTAssertGreaterThanOrEqual(exactFraction, 0.9999, "\(firstMismatches)")
  }

  // The buffer loops and the fused sum are checked in SoftMarginLossTests.
}

/// Accuracy figures for `Float` results against an exact reference held in `Float80`: the
/// largest error in `Float` ULPs (against the unrounded reference), the largest whole-ULP
/// distance from the correctly rounded `Float`, the inputs whose result is not that `Float`,
/// and the largest relative error of the `Double` value before its rounding.
///
/// Unlike `ULPErrorStats`, the correctly rounded `Float` is `Float(reference)` taken straight
/// from the `Float80` (x87 stores round once, subnormals included): going through `Double`
/// first would round twice, wrong wherever the reference sits within 2^-53 of a midpoint.
private struct RoundingStats: CustomStringConvertible {
  var count = 0
  var correctlyRounded = 0
  var maxError = 0.0
  var maxErrorInput: Float = 0
  var maxDistance: UInt64 = 0
  var maxDistanceInput: Float = 0
  var misroundedCount = 0
  /// The first few results that are not the correctly rounded `Float`, with how far (in
  /// ULPs) the reference lies from the midpoint the result was rounded across.
  var misrounded: [(input: Float, result: Float, correctlyRounded: Float, fromMidpoint: Double)] = []
  /// The largest such distance from a midpoint: a misrounding excused by the `Double`
  /// result's error must be tiny here.
  var misroundedMaxFromMidpoint = 0.0
  var maxRelativeError = 0.0
  var maxRelativeErrorInput: Float = 0
  /// Inputs whose result was NaN against a non-NaN reference, or the other way round.
  var nanMismatches: [Float] = []

  mutating func record(input: Float, result: Float, reference: Float80) {
    count += 1
    let rounded = Float(reference)
    if result.isNaN || rounded.isNaN {
      if result.isNaN != rounded.isNaN { nanMismatches.append(input) } else { correctlyRounded += 1 }
      return
    }
    let distance = ULP.distance(Double(result), Double(rounded), in: .float32) ?? .max
    if distance == 0 {
      correctlyRounded += 1
    } else {
      misroundedCount += 1
      var fromMidpoint = Double.infinity
      if distance == 1, result.isFinite, rounded.isFinite {
        let midpoint = (Float80(result) + Float80(rounded)) / 2
        fromMidpoint = Double(abs(reference - midpoint) / Self.floatULP(of: midpoint))
      }
      misroundedMaxFromMidpoint = max(misroundedMaxFromMidpoint, fromMidpoint)
      if misrounded.count < 10 { misrounded.append((input, result, rounded, fromMidpoint)) }
    }
    if distance > maxDistance { maxDistance = distance; maxDistanceInput = input }
    // The fractional error only where both are finite; a wrong infinity shows as a distance.
    guard result.isFinite, rounded.isFinite else { return }
    let error = Double(abs(Float80(result) - reference) / Self.floatULP(of: reference))
    if error > maxError { maxError = error; maxErrorInput = input }
  }

  /// Records the `Double` result before rounding: its error relative to the reference.
  mutating func recordWide(input: Float, result: Double, reference: Float80) {
    guard reference.isFinite, reference != 0 else { return }
    let error = Double(abs(Float80(result) - reference) / abs(reference))
    if !(error <= maxRelativeError) { maxRelativeError = error; maxRelativeErrorInput = input }
  }

  /// The spacing of `Float`s in the binade of `value` (the subnormal spacing below it).
  static func floatULP(of value: Float80) -> Float80 {
    let exponent = value == 0 ? -126 : max(Int(value.magnitude.exponent), -126)
    return Float80(sign: .plus, exponent: exponent - 23, significand: 1)
  }

  var description: String {
    let percent = (Double(correctlyRounded) / Double(max(count, 1)) * 1e8).rounded() / 1e6
    let log2Relative = maxRelativeError == 0 ? "-inf" : "\((Foundation.log2(maxRelativeError) * 100).rounded() / 100)"
    // Near 0.5 the excess over half an ULP is the figure of interest.
    let error = maxError > 0.5 ? "0.5 + 2^\((Foundation.log2(maxError - 0.5) * 100).rounded() / 100)" : "\(maxError)"
    return "\(count) inputs: max error \(error) ULP (at \(maxErrorInput)), "
      + "max distance from correctly rounded \(maxDistance) ULP (at \(maxDistanceInput)), "
      + "\(percent)% correctly rounded (\(misroundedCount) not: \(misrounded.prefix(3))), "
      + "Double result's max relative error 2^\(log2Relative) (at \(maxRelativeErrorInput)), "
      + "\(nanMismatches.count) NaN mismatches"
  }
}
