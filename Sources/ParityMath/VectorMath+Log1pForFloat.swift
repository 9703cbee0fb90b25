extension VectorMath {
  /// `log(1 + e)` for `e` a `Float` value ≥ 0 (an `exp` result) widened to `Double`,
  /// evaluated to a relative error below 2^-50, for rounding to `Float` (correctly rounded
  /// except within 2^-26 ULP of a tie).
  ///
  /// `1 + e` is exact in `Double` for every `Float` `e` in [2^-29, 2^53] (above, the lost 1
  /// is under 2^-53 of `e` and far less of the result), so there is no correction term: `1 + e = 2^k·m` with √2/2 ≤ m < √2, `f = m - 1` (exact), and
  /// `log(1 + f) = 2·atanh(s) = 2s + 2s·s²·g(s²)`, `s = f/(2 + f)`, with `g` a degree-5
  /// near-minimax polynomial (Chebyshev fit, 2^-50.4). Below 2^-24, `log1p(e)` rounds to `e`
  /// itself in `Float` (the `-e²/2` is under half an ULP), which also covers ±0 and the
  /// inputs where `1 + e` would round. `log1p(inf) = inf`; NaN stays NaN.
  @inlinable @inline(__always)
  public static func log1pForFloat(_ e: SIMD8<Double>) -> SIMD8<Double> {
    log1pForFloat(log1pForFloatReduced(e), of: e)
  }

  /// `log1pForFloat` up to its polynomial: `k` and `s = f/(2 + f)`, the division included.
  @usableFromInline @frozen
  struct Log1pForFloatReduced {
    @usableFromInline var s: SIMD8<Double>
    @usableFromInline var k: SIMD8<Double>

    @inlinable @inline(__always)
    init(s: SIMD8<Double>, k: SIMD8<Double>) { (self.s, self.k) = (s, k) }
  }

  @inlinable @inline(__always)
  static func log1pForFloatReduced(_ e: SIMD8<Double>) -> Log1pForFloatReduced {
    let u = 1 + e
    // Move the exponent boundary from 1 to √2/2 so k picks m in [√2/2, √2).
    var iu = bits(u) &+ (0x3ff0_0000_0000_0000 &- 0x3fe6_a09e_667f_3bcd)
    // k as a Double: the biased exponent in the significand of 2^52, minus 2^52 + 1023
    // (x86 before AVX-512 has no 64-bit integer conversion).
    let k = double((iu &>> 52) | 0x4330_0000_0000_0000) - (0x1p52 + 1023)
    iu = (iu & 0x000f_ffff_ffff_ffff) &+ 0x3fe6_a09e_667f_3bcd
    let f = double(iu) - 1
    return Log1pForFloatReduced(s: f / (2 + f), k: k)
  }

  /// The rest of `log1pForFloat(e)` from `reduced`, which came from `e`.
  @inlinable @inline(__always)
  static func log1pForFloat(_ reduced: Log1pForFloatReduced, of e: SIMD8<Double>) -> SIMD8<Double> {
    var y = logOfReduced(reduced)
    y = select(e .< 0x1p-24, e, y)
    // +inf and NaN are their own answers (the bit arithmetic above would make a finite m).
    y = select(.!(e .< .infinity), e, y)
    return y
  }

  /// `k·ln2 + log(1 + f)` from `k` and `s = f/(2 + f)`, |f| ≤ √2 - 1, to a relative error
  /// below 2^-50 (2^-47 where `k·ln2` and `log(1 + f)` nearly cancel): the part of every
  /// `…ForFloat` logarithm after its own reduction.
  @inlinable @inline(__always)
  static func logOfReduced(_ reduced: Log1pForFloatReduced) -> SIMD8<Double> {
    let s = reduced.s
    let z = s * s
    // Estrin's scheme, three fused multiply-adds deep.
    let z2 = z * z
    let g01 = SIMD8<Double>(repeating: 0x1.55555555553b8p-2).addingProduct(z, SIMD8(repeating: 0x1.9999999b86b7cp-3))
    let g23 = SIMD8<Double>(repeating: 0x1.2492462aa8c89p-3).addingProduct(z, SIMD8(repeating: 0x1.c71fcd1ced0aep-4))
    let g45 = SIMD8<Double>(repeating: 0x1.7382d06f0c1dep-4).addingProduct(z, SIMD8(repeating: 0x1.546adfbbda333p-4))
    let g = g01.addingProduct(z2, g23.addingProduct(z2, g45))
    let twoS = s + s
    let log1pF = twoS.addingProduct(twoS * z, g)
    // k·ln2 inside the fused multiply-add is exact; ln2's own error, k·2^-54 with k ≤ 128,
    // is below 2^-47 against a result above k·ln2/2.
    return log1pF.addingProduct(reduced.k, SIMD8(repeating: 0x1.62e42fefa39efp-1))
  }
}
