extension VectorMath {
  /// `e^x` for four `Double`s, nearly correctly rounded: the error bound is about 0.53 ULP
  /// (see the sweep in ExpTests for the measured figure), so results differ from the
  /// correctly rounded `Double` only within a few hundredths of an ULP of a tie.
  ///
  /// Near-correct rounding matters because SoftMarginLoss chains `exp` into `log1p`: two
  /// functions that are each merely faithful put about 1 element in 10,000 two ULPs from
  /// the chain of correctly rounded ops, where PyTorch's results sit within one.
  ///
  /// `x = k·ln2 + r`, |r| ≤ ln2/2, with fdlibm's two-part ln2 (its high part has 32 trailing
  /// zero bits, so `k·ln2hi` and `x - k·ln2hi` are exact), `e^r = 1 + r + r²·q(r)` with `q` a
  /// degree-10 near-minimax polynomial (Chebyshev fit, absolute error 2^-61.6 in `r²·q`)
  /// evaluated by Estrin's scheme, and the sum formed so that only the last addition rounds
  /// at the result's scale: `1 + rHi` split exactly into `s + sError` (Fast2Sum), the small
  /// parts (`sError`, `-rLo`, `r²·q`) added first. No division. Then scaling by `2^k` as two
  /// exact powers of two, so the only rounding into the subnormal range is the last multiply,
  /// and results past `Double.greatestFiniteMagnitude` overflow to `+inf`.
  /// `exp(-inf) = 0`, `exp(inf) = inf`, NaN stays NaN.
  @inlinable @inline(__always)
  public static func exp(_ x: SIMD4<Double>) -> SIMD4<Double> {
    exp(expReduced(x))
  }

  /// `exp` up to its polynomial: `k`, biased, and `r = rHi - rLo`. The SoftMarginLoss loops
  /// run the two halves as separate passes over a block (see `ExpLog1pStages`).
  @usableFromInline @frozen
  struct ExpReduced {
    @usableFromInline var rHi: SIMD4<Double>
    @usableFromInline var rLo: SIMD4<Double>
    /// k + 2048 in the integer lanes.
    @usableFromInline var kBiased: SIMD4<UInt64>

    @inlinable @inline(__always)
    init(rHi: SIMD4<Double>, rLo: SIMD4<Double>, kBiased: SIMD4<UInt64>) {
      (self.rHi, self.rLo, self.kBiased) = (rHi, rLo, kBiased)
    }
  }

  @inlinable @inline(__always)
  static func expReduced(_ x: SIMD4<Double>) -> ExpReduced {
    // Clamping keeps k within [-1076, 1024]; the scaling then produces 0 and inf by itself.
    var x = select(x .> 710, SIMD4(repeating: 710), x)
    x = select(x .< -746, SIMD4(repeating: -746), x)

    // k = round(x / ln2). Adding 1.5·2^52 rounds to an integer and leaves it in the low bits;
    // the integer is read off biased by 2048 so it is never negative.
    let shifter = SIMD4<Double>(repeating: 0x1.8p52)
    let shifted = shifter.addingProduct(x, SIMD4(repeating: 0x1.71547652b82fep0))
    let k = shifted - shifter
    let kBiased = bits(shifted) &- (bits(shifter) &- 2048)
    return ExpReduced(rHi: x - k * 0x1.62e42feep-1, rLo: k * 0x1.a39ef35793c76p-33, kBiased: kBiased)
  }

  @inlinable @inline(__always)
  static func exp(_ reduced: ExpReduced) -> SIMD4<Double> {
    let (rHi, rLo) = (reduced.rHi, reduced.rLo)
    let r = rHi - rLo

    let r2 = r * r
    let r4 = r2 * r2
    let q01 = SIMD4<Double>(repeating: 0x1.0000000000000p-1).addingProduct(r, SIMD4(repeating: 0x1.5555555555557p-3))
    let q23 = SIMD4<Double>(repeating: 0x1.5555555555556p-5).addingProduct(r, SIMD4(repeating: 0x1.11111111100d8p-7))
    let q45 = SIMD4<Double>(repeating: 0x1.6c16c16c162d2p-10).addingProduct(r, SIMD4(repeating: 0x1.a01a01abe9ce8p-13))
    let q67 = SIMD4<Double>(repeating: 0x1.a01a01a6d9931p-16).addingProduct(r, SIMD4(repeating: 0x1.71de022bd5558p-19))
    let q89 = SIMD4<Double>(repeating: 0x1.27e4db6121beep-22).addingProduct(r, SIMD4(repeating: 0x1.af4df5750ec30p-26))
    let q03 = q01.addingProduct(r2, q23)
    let q47 = q45.addingProduct(r2, q67)
    let q8a = q89.addingProduct(r2, SIMD4(repeating: 0x1.1f730a202ec17p-29))
    let q = q03.addingProduct(r4, q47.addingProduct(r4, q8a))
    let p = r2 * q

    // 1 + rHi = s + sError exactly (|rHi| < 1), then everything below s's last bit first.
    let s = 1 + rHi
    let sError = (1 - s) + rHi
    let y = s + (sError + (p - rLo))

    // 2^k = 2^k1 · 2^k2, k1 = ⌊k/2⌋, each a normal power of two; its exponent field is
    // k1 + 1023 = k1Biased - 1.
    let k1Biased = reduced.kBiased &>> 1  // ⌊k/2⌋ + 1024
    let k2Biased = reduced.kBiased &- k1Biased  // k - ⌊k/2⌋ + 1024
    return y * double((k1Biased &- 1) &<< 52) * double((k2Biased &- 1) &<< 52)
  }

  /// `e^x` for eight `Double`s: the four-lane function on each half.
  @inlinable @inline(__always)
  public static func exp(_ x: SIMD8<Double>) -> SIMD8<Double> {
    SIMD8(lowHalf: exp(x.lowHalf), highHalf: exp(x.highHalf))
  }
}
