extension VectorMath {
  /// PyTorch's float32 SoftMarginLoss chain, `t = -x`, `t = t·y`, `e = exp(t)`, `log1p(e)`,
  /// with each op rounded to `Float` from a `Double` result accurate to 2^-45 or better, so
  /// each is the correctly rounded value except within 2^-21 ULP of a tie.
  ///
  /// The Float-precision `exp` and `log1p` are each within 1 ULP, but chained their errors
  /// compound to 2 ULP from the correctly rounded chain in about 1 element in 6000, and
  /// PyTorch's recorded results sit within 1 ULP of that chain. `expForFloat` and
  /// `log1pForFloat` are `Double` evaluations cut to the accuracy `Float` needs: no
  /// division in `exp`, one in `log1p`, fused multiply-adds throughout.
  @inlinable @inline(__always)
  public static func softMarginLossRounded(_ x: SIMD8<Float>, _ y: SIMD8<Float>) -> SIMD8<Float> {
    RoundedFloatChain.loss(x, y)
  }

  /// The rounded chain in stages: `e = exp(-x·y)` as `Float`s rounded from `expForFloat`,
  /// then `log1p(e)` as `Float`s rounded from `log1pForFloat`, each function in two halves.
  @usableFromInline
  enum RoundedFloatChain: ExpLog1pStages {
    @inlinable @inline(__always)
    static func expReduction(_ x: SIMD8<Float>, _ y: SIMD8<Float>) -> ExpForFloatReduced {
      // Negation flips the sign bit (the SIMD prefix minus is 0 - x, which turns -0 into +0).
      let t = float(bits(x) ^ SIMD8(repeating: Int32.min)) * y
      return expForFloatReduced(widened(t))
    }

    @inlinable @inline(__always)
    static func exp(_ reduction: ExpForFloatReduced) -> SIMD8<Float> {
      narrowed(expForFloat(reduction))
    }

    @inlinable @inline(__always)
    static func log1pReduction(_ e: SIMD8<Float>) -> Log1pForFloatReduced {
      log1pForFloatReduced(widened(e))
    }

    @inlinable @inline(__always)
    static func log1p(_ reduction: Log1pForFloatReduced, of e: SIMD8<Float>) -> SIMD8<Float> {
      narrowed(log1pForFloat(reduction, of: widened(e)))
    }
  }

  /// `output[i]` = the rounded chain for `input[i]`, `target[i]`, in stages
  /// (`forEachElement`): every element gets the same bits wherever it sits.
  @inlinable @inline(__always)
  public static func softMarginLossRounded(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachElement(RoundedFloatChain.self, input: input, target: target, output: output)
  }

  /// The sum of the rounded chain over all elements (`sumOfElements`), never stored.
  @inlinable @inline(__always)
  public static func softMarginLossRoundedSum(input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>) -> Float {
    sumOfElements(RoundedFloatChain.self, input: input, target: target)
  }
}
