extension VectorMath {
  /// `e^t` for `t` in `Float`'s range, evaluated in `Double` to a relative error below
  /// 2^-45, for rounding to `Float`: the rounded result is the correctly rounded `Float`
  /// except within 2^-21 ULP of a tie, where either neighbour is within 1 ULP.
  ///
  /// Far cheaper than a full-precision `Double` `exp`: `t = k·ln2 + r` in one fused
  /// multiply-add (the error of `ln2` in `Double`, times |k| ≤ 159, stays below 2^-47), a
  /// degree-9 near-minimax polynomial on |r| ≤ ln2/2 (Chebyshev fit, 2^-45.6), no division,
  /// and a single scaling by `2^k`, which is a normal `Double` for every `k` that matters
  /// to `Float`. `t` is clamped to [-110, 89] first: below, `e^t` rounds to `Float` 0;
  /// above, to `Float` +inf. NaN stays NaN.
  @inlinable @inline(__always)
  public static func expForFloat(_ t: SIMD8<Double>) -> SIMD8<Double> {
    expForFloat(expForFloatReduced(t))
  }

  /// `expForFloat` up to its polynomial: `t = k·ln2 + r` and `2^k`. The SoftMarginLoss loops
  /// run the two halves as separate passes over a block (see `ExpLog1pStages`).
  @usableFromInline @frozen
  struct ExpForFloatReduced {
    @usableFromInline var r: SIMD8<Double>
    @usableFromInline var scale: SIMD8<Double>

    @inlinable @inline(__always)
    init(r: SIMD8<Double>, scale: SIMD8<Double>) { (self.r, self.scale) = (r, scale) }
  }

  @inlinable @inline(__always)
  static func expForFloatReduced(_ t: SIMD8<Double>) -> ExpForFloatReduced {
    var t = select(t .> 89, SIMD8(repeating: 89), t)
    t = select(t .< -110, SIMD8(repeating: -110), t)

    // k = round(t / ln2): adding 1.5·2^52 rounds to an integer and leaves it in the low bits.
    let shifter = SIMD8<Double>(repeating: 0x1.8p52)
    let shifted = shifter.addingProduct(t, SIMD8(repeating: 0x1.71547652b82fep0))
    let k = shifted - shifter
    let r = t.addingProduct(k, SIMD8(repeating: -0x1.62e42fefa39efp-1))
    // 2^k for k in [-159, 128]: the biased exponent k + 1023 shifted into place.
    let kBits = bits(shifted) &- bits(shifter)
    return ExpForFloatReduced(r: r, scale: double((kBits &+ 1023) &<< 52))
  }

  @inlinable @inline(__always)
  static func expForFloat(_ reduced: ExpForFloatReduced) -> SIMD8<Double> {
    let r = reduced.r
    // Estrin's scheme: the polynomial's dependency chain is four fused multiply-adds deep,
    // not nine, so several vectors' worth are in flight at once.
    let r2 = r * r
    let r4 = r2 * r2
    let p01 = SIMD8<Double>(repeating: 0x1.000000000003dp+0).addingProduct(r, SIMD8(repeating: 0x1.0000000000006p+0))
    let p23 = SIMD8<Double>(repeating: 0x1.ffffffffe74a0p-2).addingProduct(r, SIMD8(repeating: 0x1.5555555550d79p-3))
    let p45 = SIMD8<Double>(repeating: 0x1.55555588c026cp-5).addingProduct(r, SIMD8(repeating: 0x1.11111123c1f47p-7))
    let p67 = SIMD8<Double>(repeating: 0x1.6c162ba880942p-10).addingProduct(r, SIMD8(repeating: 0x1.a01994bd214e7p-13))
    let p89 = SIMD8<Double>(repeating: 0x1.a17e031985654p-16).addingProduct(r, SIMD8(repeating: 0x1.72e1150d0c9b6p-19))
    let p03 = p01.addingProduct(p23, r2)
    let p47 = p45.addingProduct(p67, r2)
    let p = p03.addingProduct(p47.addingProduct(p89, r4), r4)
    return p * reduced.scale
  }
}
