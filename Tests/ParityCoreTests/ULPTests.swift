import ParityCore
import XCTest

final class ULPTests: XCTestCase {
  /// 1, the value after it, the greatest finite value and the least subnormal, per dtype.
  private let landmarks: [(DType, next: Double, greatest: Double, least: Double)] = [
    (.float16, Double(Float16(1).nextUp), Double(Float16.greatestFiniteMagnitude), Double(Float16.leastNonzeroMagnitude)),
    (.bfloat16, 1 + 0x1p-7, BFloat16.greatestFiniteMagnitude.doubleValue, BFloat16.leastNonzeroMagnitude.doubleValue),
    (.float32, Double(Float(1).nextUp), Double(Float.greatestFiniteMagnitude), Double(Float.leastNonzeroMagnitude)),
    (.float64, Double(1).nextUp, Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude),
  ]

  func testEqualValuesAreZeroApartAndAdjacentValuesOne() {
    for (dtype, next, greatest, least) in landmarks {
      XCTAssertEqual(ULP.distance(1, 1, in: dtype), 0, "\(dtype)")
      XCTAssertEqual(ULP.distance(1, next, in: dtype), 1, "\(dtype)")
      XCTAssertEqual(ULP.distance(next, 1, in: dtype), 1, "\(dtype)")
      XCTAssertEqual(ULP.distance(-1, -next, in: dtype), 1, "\(dtype)")
      XCTAssertEqual(ULP.distance(0, least, in: dtype), 1, "\(dtype)")
      // Below 1 the spacing halves: 1 and the value before it are also one apart.
      let before = dtype == .bfloat16 ? 1 - 0x1p-8 : (dtype == .float16 ? Double(Float16(1).nextDown)
        : dtype == .float32 ? Double(Float(1).nextDown) : Double(1).nextDown)
      XCTAssertEqual(ULP.distance(before, 1, in: dtype), 1, "\(dtype)")
      XCTAssertEqual(ULP.distance(greatest, greatest, in: dtype), 0, "\(dtype)")
    }
  }

  func testSignedZerosAreTheSameValue() {
    for dtype in DType.allCases where dtype.isFloatingPoint {
      XCTAssertEqual(ULP.distance(0, -0.0, in: dtype), 0, "\(dtype)")
      XCTAssertEqual(ULP.distance(-0.0, 0, in: dtype), 0, "\(dtype)")
    }
  }

  func testDistanceAcrossZero() {
    for (dtype, _, _, least) in landmarks {
      XCTAssertEqual(ULP.distance(-least, least, in: dtype), 2, "\(dtype)")
      XCTAssertEqual(ULP.distance(-least, 0, in: dtype), 1, "\(dtype)")
    }
    // -1 to 1 in float16: 0x3C00 values each side of zero.
    XCTAssertEqual(ULP.distance(-1, 1, in: .float16), 2 * 0x3C00)
    XCTAssertEqual(ULP.distance(-1, 1, in: .float32), 2 * 0x3F80_0000)
  }

  func testInfinityIsOnePastTheGreatestFiniteValue() {
    for (dtype, _, greatest, _) in landmarks {
      XCTAssertEqual(ULP.distance(greatest, .infinity, in: dtype), 1, "\(dtype)")
      XCTAssertEqual(ULP.distance(-.infinity, -greatest, in: dtype), 1, "\(dtype)")
      XCTAssertEqual(ULP.distance(.infinity, .infinity, in: dtype), 0, "\(dtype)")
    }
    XCTAssertEqual(ULP.distance(-.infinity, .infinity, in: .bfloat16), 2 * 0x7F80)
    XCTAssertEqual(ULP.distance(-.infinity, .infinity, in: .float64), 2 * 0x7FF0_0000_0000_0000)
  }

  func testNaNAndNonFloatDTypesHaveNoDistance() {
    for dtype in DType.allCases {
      XCTAssertNil(ULP.distance(.nan, 1, in: dtype), "\(dtype)")
      XCTAssertNil(ULP.distance(1, .nan, in: dtype), "\(dtype)")
      XCTAssertNil(ULP.distance(.nan, .nan, in: dtype), "\(dtype)")
    }
    for dtype in [DType.int32, .int64, .bool] {
      XCTAssertNil(ULP.distance(1, 2, in: dtype), "\(dtype)")
    }
  }

  func testDistanceCountsEveryValueBetween() {
    // 1 to 2 spans one binade: 2^(precision - 1) steps.
    for (dtype, _, _, _) in landmarks {
      let steps = UInt64(1) << UInt64(dtype.significandPrecision! - 1)
      XCTAssertEqual(ULP.distance(1, 2, in: dtype), steps, "\(dtype)")
    }
  }
}
