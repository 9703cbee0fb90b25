import ParityCore
import ParityTestSupport
import XCTest

final class BFloat16Tests: XCTestCase {
  private func bits(_ value: Float) -> UInt16 { BFloat16(value).bitPattern }
  private func bits(_ value: Double) -> UInt16 { BFloat16(value).bitPattern }

  // MARK: From Float

  func testFromFloatExactValuesKeepTheirBits() {
    XCTAssertEqual(bits(Float(1)), 0x3F80)
    XCTAssertEqual(bits(Float(-2)), 0xC000)
    XCTAssertEqual(bits(Float(0.5)), 0x3F00)
    XCTAssertEqual(BFloat16(Float(3.140625)).floatValue, 3.140625)
  }

  func testFromFloatRoundsTiesToEven() {
    // 1 + 2^-8 lies halfway between 1 (even fraction) and 1 + 2^-7 (odd).
    XCTAssertEqual(bits(Float(bitPattern: 0x3F80_8000)), 0x3F80)
    // Halfway between 0x3F81 (odd) and 0x3F82 (even): rounds up.
    XCTAssertEqual(bits(Float(bitPattern: 0x3F81_8000)), 0x3F82)
    // Just above and below the halfway point go to the nearer neighbour.
    XCTAssertEqual(bits(Float(bitPattern: 0x3F80_8001)), 0x3F81)
    XCTAssertEqual(bits(Float(bitPattern: 0x3F81_7FFF)), 0x3F81)
    XCTAssertEqual(bits(Float(bitPattern: 0xBF80_8000)), 0xBF80)
  }

  func testFromFloatSubnormals() {
    XCTAssertEqual(bits(Float(bitPattern: 0x0001_0000)), 0x0001)  // 2^-133, the least bfloat16
    XCTAssertEqual(bits(Float(bitPattern: 0x0000_8000)), 0x0000)  // half of it: tie to even 0
    XCTAssertEqual(bits(Float(bitPattern: 0x0000_8001)), 0x0001)
    XCTAssertEqual(bits(Float(bitPattern: 0x0001_8000)), 0x0002)  // tie between 1 and 2 → 2
    XCTAssertEqual(bits(Float.leastNonzeroMagnitude), 0x0000)
    XCTAssertEqual(bits(-Float.leastNonzeroMagnitude), 0x8000)  // underflow keeps the sign
    // The largest subnormal rounds up into the least normal.
    XCTAssertEqual(bits(Float(bitPattern: 0x007F_FFFF)), 0x0080)
  }

  func testFromFloatOverflowsToInfinity() {
    XCTAssertEqual(bits(Float.greatestFiniteMagnitude), 0x7F80)
    XCTAssertEqual(bits(-Float.greatestFiniteMagnitude), 0xFF80)
    XCTAssertEqual(bits(Float(bitPattern: 0x7F7F_7FFF)), 0x7F7F)  // below the midpoint: stays finite
    XCTAssertEqual(bits(Float(bitPattern: 0x7F7F_8000)), 0x7F80)  // midpoint, odd max: to infinity
    XCTAssertEqual(bits(Float.infinity), 0x7F80)
    XCTAssertEqual(bits(-Float.infinity), 0xFF80)
  }

  func testFromFloatNaNStaysQuietNaNWithItsSign() {
    // A payload only in the low bits must not be truncated into infinity.
    let signalling = BFloat16(Float(bitPattern: 0x7F80_0001))
    XCTAssertTrue(signalling.isNaN)
    XCTAssertEqual(signalling.bitPattern & 0x0040, 0x0040)
    let negative = BFloat16(-Float.nan)
    XCTAssertTrue(negative.isNaN)
    XCTAssertEqual(negative.bitPattern & 0x8000, 0x8000)
    XCTAssertTrue(BFloat16(Float.nan).isNaN)
  }

  func testSignedZeros() {
    XCTAssertEqual(bits(Float(0)), 0x0000)
    XCTAssertEqual(bits(-Float(0)), 0x8000)
    XCTAssertEqual(bits(Double(0)), 0x0000)
    XCTAssertEqual(bits(-Double(0)), 0x8000)
    XCTAssertEqual(BFloat16(bitPattern: 0x8000).floatValue.sign, .minus)
  }

  // MARK: From Double

  func testFromDoubleRoundsTiesToEven() {
    XCTAssertEqual(bits(1 + 0x1p-8), 0x3F80)
    XCTAssertEqual(bits(1 + 3 * 0x1p-8), 0x3F82)
    XCTAssertEqual(bits(-(1 + 0x1p-8)), 0xBF80)
    XCTAssertEqual(bits(1 + 0x1p-8 + 0x1p-52), 0x3F81)
  }

  func testFromDoubleRoundsOnceWhereGoingThroughFloatRoundsTwice() {
    // Just above a bfloat16 midpoint, by less than float32 can hold: through Float the
    // excess is lost, leaving an exact tie that goes to even (down); directly it rounds up.
    let value = 1 + 0x1p-8 + 0x1p-40
    XCTAssertEqual(BFloat16(Float(value)).bitPattern, 0x3F80)
    XCTAssertEqual(bits(value), 0x3F81)
    // The same in the subnormal range: 2^-134 is half the least bfloat16.
    let tiny = 0x1p-134 + 0x1p-160
    XCTAssertEqual(BFloat16(Float(tiny)).bitPattern, 0x0000)
    XCTAssertEqual(bits(tiny), 0x0001)
  }

  func testFromDoubleSubnormalsAndUnderflow() {
    XCTAssertEqual(bits(0x1p-133), 0x0001)
    XCTAssertEqual(bits(0x1p-134), 0x0000)  // tie to even
    XCTAssertEqual(bits(3 * 0x1p-134), 0x0002)  // tie between 1 and 2 → 2
    XCTAssertEqual(bits(0x1p-126), 0x0080)  // least normal
    XCTAssertEqual(bits(1e-300), 0x0000)
    XCTAssertEqual(bits(-1e-300), 0x8000)
    XCTAssertEqual(bits(Double.leastNonzeroMagnitude), 0x0000)
  }

  func testFromDoubleOverflowsToInfinity() {
    let greatest = BFloat16.greatestFiniteMagnitude.doubleValue
    XCTAssertEqual(greatest, (2 - 0x1p-7) * 0x1p127)
    let midpoint = (2 - 0x1p-8) * 0x1p127
    XCTAssertEqual(bits(greatest), 0x7F7F)
    XCTAssertEqual(bits(midpoint.nextDown), 0x7F7F)
    XCTAssertEqual(bits(midpoint), 0x7F80)  // tie, odd max: to infinity
    XCTAssertEqual(bits(-midpoint), 0xFF80)
    XCTAssertEqual(bits(1e300), 0x7F80)
    XCTAssertEqual(bits(Double.greatestFiniteMagnitude), 0x7F80)
    XCTAssertEqual(bits(Double.infinity), 0x7F80)
    XCTAssertEqual(bits(-Double.infinity), 0xFF80)
  }

  func testFromDoubleNaN() {
    XCTAssertTrue(BFloat16(Double.nan).isNaN)
    XCTAssertTrue(BFloat16(Double(bitPattern: 0x7FF0_0000_0000_0001)).isNaN)
    XCTAssertEqual(BFloat16(-Double.nan).bitPattern & 0x8000, 0x8000)
  }

  func testEveryBFloat16RoundTripsThroughFloatAndDouble() {
    for pattern in UInt16.min...UInt16.max {
      let value = BFloat16(bitPattern: pattern)
      if value.isNaN {
        XCTAssertTrue(BFloat16(value.floatValue).isNaN)
        XCTAssertTrue(BFloat16(value.doubleValue).isNaN)
        continue
      }
      XCTAssertEqual(BFloat16(value.floatValue).bitPattern, pattern)
      XCTAssertEqual(BFloat16(value.doubleValue).bitPattern, pattern)
    }
  }

  func testFromFloatAndFromDoubleAgreeOnRandomFloats() {
    // A Double that is exactly a Float rounds once either way, so both paths must agree.
    var rng = SplitMix64(seed: 7)
    for _ in 0..<100_000 {
      let value = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
      if value.isNaN { continue }
      XCTAssertEqual(BFloat16(value).bitPattern, BFloat16(Double(value)).bitPattern, "\(value)")
    }
  }
}
