import ParityCore
@testable import ParityKernels
import ParityTestSupport
import XCTest

/// The kernels' own Float16 conversions must agree bit for bit with the runtime's.
final class ReducedPrecisionFloatTests: XCTestCase {
  func testFloat16WideningMatchesTheRuntimeForEveryBitPattern() {
    for pattern in UInt16.min...UInt16.max {
      let half = Float16(bitPattern: pattern)
      let expected = Float(half)
      if expected.isNaN {
        XCTAssertTrue(half.float.isNaN, "\(pattern)")
        XCTAssertEqual(half.float.sign, expected.sign, "\(pattern)")
      } else {
        XCTAssertEqual(half.float.bitPattern, expected.bitPattern, "\(pattern)")
      }
    }
  }

  func testFloat16RoundingMatchesTheRuntimeAtEveryBoundary() {
    // Every float16 value, its neighbours in float32, and the midpoints between float16s.
    var samples: [Float] = [0, -0, .infinity, -.infinity, .nan, 65504, 65519.996, 65520, 65536, 1e30,
                            .greatestFiniteMagnitude, .leastNonzeroMagnitude, 0x1p-25, 0x1p-24, 0x1p-14]
    for pattern in UInt16.min...UInt16.max {
      let value = Float(Float16(bitPattern: pattern))
      guard value.isFinite else { continue }
      let next = Float(Float16(bitPattern: pattern).nextUp)
      let midpoint = value + (next - value) / 2
      samples += [value, value.nextUp, value.nextDown, midpoint, midpoint.nextUp, midpoint.nextDown]
    }
    check(samples)
  }

  func testFloat16RoundingMatchesTheRuntimeOnRandomFloats() {
    var rng = SplitMix64(seed: 21)
    check((0..<1_000_000).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) })
  }

  private func check(_ samples: [Float], file: StaticString = #filePath, line: UInt = #line) {
    var failures: [String] = []
    for value in samples {
      let expected = Float(Float16(value))
      let actual = Float16.stored(value)
      let same = expected.isNaN ? actual.isNaN : actual.bitPattern == expected.bitPattern
      if !same { failures.append("\(value) (0x\(String(value.bitPattern, radix: 16))): \(actual) vs \(expected)") }
    }
    XCTAssertEqual(failures.count, 0, failures.prefix(5).joined(separator: "; "), file: file, line: line)
  }

  func testBFloat16StoredIsTheRuntimeRoundTrip() {
    var rng = SplitMix64(seed: 22)
    for _ in 0..<100_000 {
      let value = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
      let expected = BFloat16(value).floatValue
      let actual = BFloat16.stored(value)
      XCTAssertTrue(expected.isNaN ? actual.isNaN : actual.bitPattern == expected.bitPattern, "\(value)")
    }
  }
}
