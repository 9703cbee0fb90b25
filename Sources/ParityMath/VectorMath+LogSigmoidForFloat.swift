extension VectorMath {
  /// `log σ(v) = min(v, 0) - log1p(exp(-|v|))` for `v` a `Float` value widened to `Double`,
  /// to a relative error below 2^-44, for rounding to `Float`: PyTorch's `log_sigmoid`
  /// kernel's formula, evaluated the way a correctly rounded op would be.
  ///
  /// `e = exp(-|v|)` stays a `Double` (rounding it to `Float` would cost the result 2^-24),
  /// so `1 + e` is not exact; since `e` is in (0, 1], the reduction needs no exponent:
  /// `f = e` below √2 - 1, else `1 + e = 2·(1 + f)` with `f = (e - 1)/2`. Both terms of the
  /// difference have the same sign, so the result is as accurate as its parts. Where
  /// `exp(-|v|)` underflows to 0 in `Double` (|v| > 745.133, infinities included), the C
  /// library's formula gives `min(v, 0) - 0`: +0 for large positive `v`, not -0.
  @inlinable @inline(__always)
  public static func logSigmoidForFloat(_ v: SIMD8<Double>) -> SIMD8<Double> {
    let negativeMagnitude = double(bits(v) | SIMD8(repeating: 1 << 63))
    let e = expForFloat(negativeMagnitude)
    let upper = e .>= 0x1.a827999fcef34p-2
    let f = select(upper, (e - 1) * 0.5, e)
    let k = select(upper, SIMD8(repeating: 1), SIMD8(repeating: 0))
    let log1pE = logOfReduced(Log1pForFloatReduced(s: f / (2 + f), k: k))
    // min(v, 0) with NaN passing through, as C's fmin would not.
    let minimum = select(v .> 0, SIMD8(repeating: 0), v)
    return select(v .> 745.1332, SIMD8(repeating: 0), minimum - log1pE)
  }
}
