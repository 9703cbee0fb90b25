extension VectorMath {
  /// `log(x)` for `x` a `Float` value widened to `Double`, to a relative error below 2^-47,
  /// for rounding to `Float` (correctly rounded except within 2^-23 ULP of a tie).
  ///
  /// `x = 2^k·m` with √2/2 ≤ m < √2 (a subnormal `Float` is a normal `Double`, so one
  /// reduction covers every input) and `f = m - 1`, exact; then `log1pForFloat`'s
  /// polynomial. Special values as C's `log`: `log(±0) = -inf`, `log(x < 0) = NaN`,
  /// `log(inf) = inf`, NaN stays NaN.
  @inlinable @inline(__always)
  public static func logForFloat(_ x: SIMD8<Double>) -> SIMD8<Double> {
    // Move the exponent boundary from 1 to √2/2 so k picks m in [√2/2, √2).
    var ix = bits(x) &+ (0x3ff0_0000_0000_0000 &- 0x3fe6_a09e_667f_3bcd)
    let k = double((ix &>> 52) | 0x4330_0000_0000_0000) - (0x1p52 + 1023)
    ix = (ix & 0x000f_ffff_ffff_ffff) &+ 0x3fe6_a09e_667f_3bcd
    let f = double(ix) - 1
    var y = logOfReduced(Log1pForFloatReduced(s: f / (2 + f), k: k))
    y = select(x .== 0, SIMD8(repeating: -.infinity), y)
    y = select(.!(x .< .infinity), x, y)
    y = select(x .< 0, SIMD8(repeating: .nan), y)
    return y
  }
}
