extension VectorMath {
  /// `log(1 + x)` for four `Double`s, nearly correctly rounded (an error bound of about
  /// 0.53 ULP; see the sweep in Log1pTests for the measured figure), for the reason given
  /// at `exp(_: SIMD4<Double>)`.
  ///
  /// `1 + x` is split exactly into `u + c` (Fast2Sum), `u = 2^k·m` with √2/2 ≤ m < √2 and
  /// `f = m - 1` (exact), so `log1p(x) = k·ln2 + log1p(f) + c/u`; when k = 0, `f = x`. `log1p(f) = 2·atanh(s)`,
  /// `s = f/(2 + f)`, with `s` carried as `sHi + sLo` (the division's residual from a fused
  /// multiply-add) and `2·atanh(s) = 2s + 2s·s²·g(s²)`, `g` a degree-6 near-minimax
  /// polynomial (Chebyshev fit, 2^-57.6 against 2s). The two large terms, `k·ln2hi` (exact:
  /// fdlibm's high part has 32 trailing zero bits) and `2·sHi`, are added exactly
  /// (Fast2Sum) and everything smaller is added to their error first, so only the last
  /// addition rounds at the result's scale. Where k ≠ 0 the result is above 0.34 and `c/u`
  /// needs only a few correct bits, so `1/u` comes from a `Float` division. One `Double` division in all.
  /// Special values: `log1p(±0) = ±0`, `log1p(-1) = -inf`, `log1p(x < -1) = NaN`,
  /// `log1p(inf) = inf`, NaN stays NaN; inputs below 2^-54 in magnitude are their own answers.
  @inlinable @inline(__always)
  public static func log1p(_ x: SIMD4<Double>) -> SIMD4<Double> {
    log1p(x, nonNegative: false)
  }

  /// `log1p(x)` as above; with `nonNegative` (a constant at every call site, so the unused
  /// branch is compiled out) for `x` that is ≥ 0, +inf or NaN only, such as an `exp` result:
  /// the answers for negative inputs are then not worked out (about 8% of the time of the
  /// SoftMarginLoss float64 chain, measured on one thread).
  @inlinable @inline(__always)
  static func log1p(_ x: SIMD4<Double>, nonNegative: Bool) -> SIMD4<Double> {
    log1p(log1pReduced(x), of: x, nonNegative: nonNegative)
  }

  /// `log1p` up to its polynomial: `k`, `s = sHi + sLo` (the division included) and the
  /// correction `c/u`. The SoftMarginLoss loops run the two halves as separate passes over
  /// a block (see `ExpLog1pStages`).
  @usableFromInline @frozen
  struct Log1pReduced {
    @usableFromInline var sHi: SIMD4<Double>
    @usableFromInline var sLo: SIMD4<Double>
    @usableFromInline var k: SIMD4<Double>
    @usableFromInline var cOverU: SIMD4<Double>

    @inlinable @inline(__always)
    init(sHi: SIMD4<Double>, sLo: SIMD4<Double>, k: SIMD4<Double>, cOverU: SIMD4<Double>) {
      (self.sHi, self.sLo, self.k, self.cOverU) = (sHi, sLo, k, cOverU)
    }
  }

  @inlinable @inline(__always)
  static func log1pReduced(_ x: SIMD4<Double>) -> Log1pReduced {
    let one = SIMD4<Double>(repeating: 1)
    let u = one + x
    // Fast2Sum needs the larger magnitude first (x > -1 wherever the result is used).
    let xIsLarger = x .> 1
    let c = (select(xIsLarger, x, one) - u) + select(xIsLarger, one, x)

    // Move the exponent boundary from 1 to √2/2 so k picks m in [√2/2, √2).
    var iu = bits(u) &+ (0x3ff0_0000_0000_0000 &- 0x3fe6_a09e_667f_3bcd)
    // k as a Double: the biased exponent in the significand of 2^52, minus 2^52 + 1023
    // (x86 before AVX-512 has no 64-bit integer conversion).
    let k = double((iu &>> 52) | 0x4330_0000_0000_0000) - (0x1p52 + 1023)
    iu = (iu & 0x000f_ffff_ffff_ffff) &+ 0x3fe6_a09e_667f_3bcd
    // When k = 0, f is x itself and there is nothing to correct: the reduction would leave
    // in c most of a tiny x, which c/u's Float reciprocal could not carry.
    let unreduced = k .== 0
    let f = select(unreduced, x, double(iu) - 1)

    // s = f/(2 + f) = sHi + sLo, where 2 + f = d + dError exactly.
    let d = 2 + f
    let dError = (2 - d) + f
    let reciprocal = 1 / d
    let sHi = f * reciprocal
    let residual = f.addingProduct(-sHi, d) - sHi * dError
    let sLo = residual * reciprocal

    // c/u: c is at most half an ULP of u, so a Float reciprocal is ample; c = 0 wherever u
    // is too small for Float.
    let cOverU = select((c .== 0) .| unreduced, SIMD4(repeating: 0), c * widened(1 / narrowed(u)))
    return Log1pReduced(sHi: sHi, sLo: sLo, k: k, cOverU: cOverU)
  }

  /// The rest of `log1p(x)` from `reduced`, which came from `x`.
  @inlinable @inline(__always)
  static func log1p(_ reduced: Log1pReduced, of x: SIMD4<Double>, nonNegative: Bool) -> SIMD4<Double> {
    let (sHi, k) = (reduced.sHi, reduced.k)
    // Estrin's scheme, three fused multiply-adds deep.
    let z = sHi * sHi
    let z2 = z * z
    let g01 = SIMD4<Double>(repeating: 0x1.5555555555558p-2).addingProduct(z, SIMD4(repeating: 0x1.99999999952b6p-3))
    let g23 = SIMD4<Double>(repeating: 0x1.2492492df62cfp-3).addingProduct(z, SIMD4(repeating: 0x1.c71c62df4373bp-4))
    let g45 = SIMD4<Double>(repeating: 0x1.7462b6717d448p-4).addingProduct(z, SIMD4(repeating: 0x1.39fe256b357ffp-4))
    let g46 = g45.addingProduct(z2, SIMD4(repeating: 0x1.2b5b2383c1004p-4))
    let g = g01.addingProduct(z2, g23.addingProduct(z2, g46))
    let twoS = sHi + sHi
    let correction = twoS * z * g

    // k·ln2hi + 2·sHi = h + hError exactly: |k·ln2hi| ≥ ln2 > |2·sHi| unless k = 0.
    let kLn2 = k * 0x1.62e42feep-1
    let h = kLn2 + twoS
    let hError = (kLn2 - h) + twoS
    let small = ((reduced.sLo + reduced.sLo) + correction).addingProduct(k, SIMD4(repeating: 0x1.a39ef35793c76p-33))
    var y = h + ((hError + small) + reduced.cOverU)

    // Below 2^-54 in magnitude, x is its own answer (x²/2 is under half an ULP): this keeps
    // ±0 and subnormals exact, which 2·(x/2) would not. inf is its own answer; at and below -1
    // the answer is -inf or NaN, and NaN (unordered with -1) lands there too.
    // (A NaN input has already made y NaN, through c.)
    if nonNegative {
      return select((x .< 0x1p-54) .| (x .== .infinity), x, y)
    }
    let magnitude = double(bits(x) & 0x7fff_ffff_ffff_ffff)
    y = select((magnitude .< 0x1p-54) .| (x .== .infinity), x, y)
    y = select(.!(x .> -1), select(x .== -1, SIMD4(repeating: -.infinity), SIMD4(repeating: .nan)), y)
    return y
  }

  /// `log(1 + x)` for eight `Double`s: the four-lane function on each half.
  @inlinable @inline(__always)
  public static func log1p(_ x: SIMD8<Double>) -> SIMD8<Double> {
    SIMD8(lowHalf: log1p(x.lowHalf), highHalf: log1p(x.highHalf))
  }
}
