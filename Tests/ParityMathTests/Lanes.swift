import Foundation
import ParityMath
import ParityTestSupport
import XCTest

/// Runs a lane function over whole arrays (the last vector zero-padded), and the
/// deterministic input generators the accuracy sweeps share.
enum Lanes {
  static func map(_ xs: [Float], _ f: (SIMD8<Float>) -> SIMD8<Float>) -> [Float] {
    var out = [Float](repeating: 0, count: xs.count)
    var i = 0
    while i < xs.count {
      var v = SIMD8<Float>()
      for lane in 0..<min(8, xs.count - i) { v[lane] = xs[i + lane] }
      let r = f(v)
      for lane in 0..<min(8, xs.count - i) { out[i + lane] = r[lane] }
      i += 8
    }
    return out
  }

  static func map(_ xs: [Double], _ f: (SIMD4<Double>) -> SIMD4<Double>) -> [Double] {
    var out = [Double](repeating: 0, count: xs.count)
    var i = 0
    while i < xs.count {
      var v = SIMD4<Double>()
      for lane in 0..<min(4, xs.count - i) { v[lane] = xs[i + lane] }
      let r = f(v)
      for lane in 0..<min(4, xs.count - i) { out[i + lane] = r[lane] }
      i += 4
    }
    return out
  }

  /// A `…ForFloat` function over `xs` widened to `Double`, eight lanes at a time (the last
  /// vector zero-padded): the `Double` results, and those rounded to `Float` as the kernels
  /// round them.
  static func mapForFloat(_ xs: [Float], _ f: (SIMD8<Double>) -> SIMD8<Double>) -> (wide: [Double], rounded: [Float]) {
    var wide = [Double](repeating: 0, count: xs.count)
    var i = 0
    while i < xs.count {
      let n = min(8, xs.count - i)
      var v = SIMD8<Double>()
      for lane in 0..<n { v[lane] = Double(xs[i + lane]) }
      let r = f(v)
      for lane in 0..<n { wide[i + lane] = r[lane] }
      i += 8
    }
    return (wide, wide.map { Float($0) })
  }

  /// `count` Floats evenly spaced in bit pattern from `from` to `to` (both included, same
  /// sign), so every binade in between gets its share: dense where results go subnormal.
  static func bitSweep(from: Float, to: Float, count: Int) -> [Float] {
    precondition(from.sign == to.sign && count > 1)
    let a = UInt64(from.bitPattern), b = UInt64(to.bitPattern)
    let (lo, hi) = (min(a, b), max(a, b))
    return (0..<count).map { i in Float(bitPattern: UInt32(lo + (hi - lo) * UInt64(i) / UInt64(count - 1))) }
  }

  /// SplitMix64: a fixed, seedable stream, so a failing input can be reproduced.
  struct Random {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }
    /// 2^e with e uniform in [lo, hi): uniform over the binades.
    mutating func logUniform(_ lo: Double, _ hi: Double) -> Double { Foundation.exp2(uniform(lo, hi)) }
  }
}

extension XCTestCase {
  /// The sweep claim every `exp` and `log1p` makes: at least 10^6 inputs, every result within
  /// 1 ULP of the exact value (and so at most 1 ULP from the correctly rounded one), and NaN
  /// exactly where the reference is NaN.
  func assertFaithful(_ stats: ULPErrorStats, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertGreaterThanOrEqual(stats.count, 1_000_000, file: file, line: line)
    XCTAssertLessThanOrEqual(stats.maxDistance, 1, "\(stats)", file: file, line: line)
    XCTAssertLessThan(stats.maxError, 1, "\(stats)", file: file, line: line)
    XCTAssertTrue(stats.nanMismatches.isEmpty, "\(stats.nanMismatches.prefix(5))", file: file, line: line)
  }
}
