import XCTest

/// The kernels rely on Swift's `Float16(Double)` rounding once (as the recorder's numpy
/// does), and on `Float16(Float(x))` being the different, twice-rounded path PyTorch takes.
final class Float16ConversionTests: XCTestCase {
  func testFromDoubleRoundsOnceWhereGoingThroughFloatRoundsTwice() {
    // Above the midpoint between 1 and 1 + 2^-10 by less than float32 can hold.
    let value = 1 + 0x1p-11 + 0x1p-40
    XCTAssertEqual(Float16(value).bitPattern, Float16(1 + 0x1p-10).bitPattern)
    XCTAssertEqual(Float16(Float(value)).bitPattern, Float16(1).bitPattern)
  }

  func testTiesToEvenUnderflowAndOverflow() {
    XCTAssertEqual(Float16(1 + 0x1p-11), 1)
    XCTAssertEqual(Float16(1 + 3 * 0x1p-11), 1 + 0x1p-9)
    XCTAssertEqual(Float16(65504.0), Float16.greatestFiniteMagnitude)
    XCTAssertEqual(Float16(65519.99), Float16.greatestFiniteMagnitude)
    XCTAssertEqual(Float16(65520.0), Float16.infinity)  // midpoint, odd max: to infinity
    XCTAssertEqual(Float16(0x1p-25), 0)  // half the least subnormal: tie to even
    XCTAssertEqual(Float16(0x1p-25 + 0x1p-60), Float16.leastNonzeroMagnitude)
    XCTAssertEqual(Float16(Float(0x1p-25 + 0x1p-60)), 0)
  }
}
