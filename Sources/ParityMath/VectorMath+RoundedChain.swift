extension VectorMath {
  /// PyTorch's float32 SoftMarginLoss chain, `t = -x`, `t = t·y`, `e = exp(t)`, `log1p(e)`,
  /// with each op rounded to `Float` from a result accurate to Double precision, so each is
  /// the correctly rounded value except within 2^-29 ULP of a tie.
  ///
  /// The Float-precision `exp` and `log1p` are each within 1 ULP, but chained their errors
  /// compound to 2 ULP from the correctly rounded chain in about 1 element in 6000, and
  /// PyTorch's recorded results sit within 1 ULP of that chain. Evaluating each op in
  /// Double keeps Swift there too, at about half the speed.
  @inlinable @inline(__always)
  public static func softMarginLossRounded(_ x: SIMD8<Float>, _ y: SIMD8<Float>) -> SIMD8<Float> {
    // Negation flips the sign bit (the SIMD prefix minus is 0 - x, which turns -0 into +0).
    let t = float(bits(x) ^ SIMD8(repeating: Int32.min)) * y
    let e = SIMD8<Float>(exp(SIMD8<Double>(t)))
    return SIMD8<Float>(log1p(SIMD8<Double>(e)))
  }

  /// `output[i]` = the rounded chain for `input[i]`, `target[i]`; the tail goes through the
  /// same vector code zero-padded, so every element gets the same bits wherever it sits.
  @inlinable
  public static func softMarginLossRounded(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachLane(input: input, target: target, output: output) { (x: SIMD8<Float>, y: SIMD8<Float>) in
      softMarginLossRounded(x, y)
    }
  }
}
