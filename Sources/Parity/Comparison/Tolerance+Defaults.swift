import ParityCore
import ParityFixtures

extension Tolerance {
  /// `torch.testing.assert_close`'s defaults for `dtype`; exact for integers and bool.
  public static func `default`(for dtype: DType) -> Tolerance {
    switch dtype {
    case .float16: return Tolerance(rtol: 1e-3, atol: 1e-5)
    case .bfloat16: return Tolerance(rtol: 1.6e-2, atol: 1e-5)
    case .float32: return Tolerance(rtol: 1.3e-6, atol: 1e-5)
    case .float64: return Tolerance(rtol: 1e-7, atol: 1e-7)
    case .int32, .int64, .bool: return Tolerance(rtol: 0, atol: 0)
    }
  }

  /// Whether `actual` is close enough to `expected`: NaN matches only NaN, infinities must
  /// be equal, finite values pass when |actual - expected| <= atol + rtol * |expected|.
  @inlinable
  public func accepts(_ actual: Double, _ expected: Double) -> Bool {
    if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
    if expected.isInfinite || actual.isInfinite { return expected == actual }
    return abs(actual - expected) <= atol + rtol * abs(expected)
  }
}
