extension VectorMath {
  /// `log(1 + x)` for eight `Float`s, faithfully rounded: at most 0.90 ULP from the exact
  /// value over every `Float` input, 99.6% of results correctly rounded.
  ///
  /// fdlibm's `log1pf`, made branch-free: `u = 1 + x = 2^k·m` with `√2/2 ≤ m < √2`, `f = m - 1`
  /// (exact), the rounding error of `1 + x` carried as a correction `c/u`, and
  /// `log(1 + f) = f - f²/2 + s·(f²/2 + R(s²))` with `s = f/(2 + f)`; one division serves both
  /// `1/(2 + f)` and `1/m`. When `k = 0` the reduction is skipped (`f = x`, no correction),
  /// which keeps tiny and subnormal inputs exact: `log1p(x) == x` for |x| < 2^-24. Special values:
  /// `log1p(±0) = ±0`, `log1p(-1) = -inf`, `log1p(x < -1) = NaN`, `log1p(inf) = inf`,
  /// NaN stays NaN.
  @inlinable @inline(__always)
  public static func log1p(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let u = 1 + x
    // Move the exponent boundary from 1 to √2/2 so k picks m in [√2/2, √2).
    var iu = bits(u) &+ (0x3f80_0000 - 0x3f35_04f3)
    let biasedK = (iu &>> 23) & 0x1ff  // k + 127
    // k as a Float: the biased exponent in the significand of 2^23, minus 2^23 + 127.
    let dk = float(biasedK | 0x4b00_0000) - (0x1p23 + 127)
    iu = (iu & 0x007f_ffff) &+ 0x3f35_04f3
    let m = float(iu)
    // When k = 0, f is x itself: no reduction, no correction. Taking f = m - 1 with the
    // correction there instead would cost accuracy for |x| near 2^-24, where the correction
    // is most of the result.
    let unreduced = dk .== 0
    let f = select(unreduced, x, m - 1)

    // q = 1/((2 + f)·m) gives s = f/(2 + f) = f·m·q and 1/u = 2^-k·(2 + f)·q.
    let twoPlusF = 2 + f
    let q = 1 / (twoPlusF * m)
    let s = f * m * q
    // c/u, where c = (1 + x) - u exactly (x - (u - 1) is exact while u < 2^24); dropped for
    // k > 23, where it is below 2^-24 against a result above 16, and when k = 0.
    var c = (x - (u - 1)) * (twoPlusF * q * float((254 &- biasedK) &<< 23))
    c = select((dk .> 23) .| unreduced, SIMD8(repeating: 0), c)

    let z = s * s
    let w = z * z
    let t1 = w * (0x1.999c26p-2 + w * 0x1.f13c4cp-3)
    let t2 = z * (0x1.555554p-1 + w * 0x1.23d3dcp-2)
    let hfsq = 0.5 * f * f
    // ln2 = 0x1.62e3p-1 + 0x1.2fefa2p-17; dk·ln2hi is exact.
    var y = s * (hfsq + (t2 + t1)) + (dk * 0x1.2fefa2p-17 + c) - hfsq + f + dk * 0x1.62e3p-1

    // ±0 and inf are their own answers (the sum would lose the sign of -0); at and below -1
    // the answer is -inf or NaN, and NaN (unordered with -1) lands there too.
    y = select((x .== 0) .| (x .== .infinity), x, y)
    y = select(.!(x .> -1), select(x .== -1, SIMD8(repeating: -.infinity), SIMD8(repeating: .nan)), y)
    return y
  }

  /// `log(1 + x)` for sixteen `Float`s: the eight-lane function on each half.
  @inlinable @inline(__always)
  public static func log1p(_ x: SIMD16<Float>) -> SIMD16<Float> {
    SIMD16(lowHalf: log1p(x.lowHalf), highHalf: log1p(x.highHalf))
  }
}
