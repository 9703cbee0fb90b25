/// Distances in units in the last place, the measure floating-point checks are stated in.
public enum ULP {
  /// How many representable values of `dtype` lie between `a` and `b` (0 when equal, and
  /// between +0 and -0). Both must be values of `dtype` held exactly in a `Double`; `nil`
  /// when either is NaN or `dtype` is not floating point. Infinity counts as the value after
  /// the greatest finite one.
  @inlinable
  public static func distance(_ a: Double, _ b: Double, in dtype: DType) -> UInt64? {
    guard !a.isNaN, !b.isNaN, let oa = orderedBits(a, dtype), let ob = orderedBits(b, dtype) else { return nil }
    return oa >= ob ? UInt64(bitPattern: oa &- ob) : UInt64(bitPattern: ob &- oa)
  }

  /// Maps a value's bit pattern onto a line where consecutive representable values are
  /// consecutive integers, negatives below positives, and both zeros at 0.
  @inlinable
  static func orderedBits(_ value: Double, _ dtype: DType) -> Int64? {
    let magnitude: Int64
    switch dtype {
    case .float16: magnitude = Int64(Float16(value).bitPattern & 0x7FFF)
    case .bfloat16: magnitude = Int64(BFloat16(value).bitPattern & 0x7FFF)
    case .float32: magnitude = Int64(Float(value).bitPattern & 0x7FFF_FFFF)
    case .float64: magnitude = Int64(bitPattern: value.bitPattern & 0x7FFF_FFFF_FFFF_FFFF)
    case .int32, .int64, .bool: return nil
    }
    return value.sign == .minus ? -magnitude : magnitude
  }
}
