extension VectorMath {
  /// Elements a summation block holds. Each block is summed by four vector accumulators
  /// (each `Float` lane adds up 4096 / 32 = 128 losses in order, each `Double` lane 256) and
  /// block sums combine pairwise, so the rounding error of a sum grows like that of
  /// PyTorch's cascade sum rather than with the element count.
  @inlinable public static var summationBlock: Int { 4096 }

  // MARK: Lanes

  /// SoftMarginLoss for eight pairs, `log1p(exp(-x·y))`, each step rounded to `Float`
  /// the way PyTorch's CPU kernel rounds it: `t = -x`, `t = t·y`, `e = exp(t)`, `log1p(e)`,
  /// with `exp` and `log1p` the `Float`-precision functions (within 1 ULP each).
  @inlinable @inline(__always)
  public static func softMarginLoss(_ x: SIMD8<Float>, _ y: SIMD8<Float>) -> SIMD8<Float> {
    FloatChain.second(FloatChain.first(x, y))
  }

  /// SoftMarginLoss for four pairs of `Double`s, `log1p(exp(-x·y))`, each step rounded.
  @inlinable @inline(__always)
  public static func softMarginLoss(_ x: SIMD4<Double>, _ y: SIMD4<Double>) -> SIMD4<Double> {
    DoubleChain.second(DoubleChain.first(x, y))
  }

  /// The `Float`-precision chain in stages: `exp(-x·y)`, then `log1p`.
  @usableFromInline
  enum FloatChain: ElementStages {
    /// `exp(t)`, `t = -x·y` rounded as PyTorch rounds it: `t = -x`, `t = t·y`.
    @inlinable @inline(__always)
    static func first(_ x: SIMD8<Float>, _ y: SIMD8<Float>) -> SIMD8<Float> {
      // Negation flips the sign bit (the SIMD prefix minus is 0 - x, which turns -0 into +0).
      exp(float(bits(x) ^ SIMD8(repeating: Int32.min)) * y)
    }

    @inlinable @inline(__always)
    static func second(_ e: SIMD8<Float>) -> SIMD8<Float> { log1p(e) }
  }

  /// The `Double` chain in stages: `exp(-x·y)`, then `log1p`.
  @usableFromInline
  enum DoubleChain: ElementStages {
    @inlinable @inline(__always)
    static func first(_ x: SIMD4<Double>, _ y: SIMD4<Double>) -> SIMD4<Double> {
      exp(double(bits(x) ^ SIMD4(repeating: 1 << 63)) * y)
    }

    @inlinable @inline(__always)
    static func second(_ e: SIMD4<Double>) -> SIMD4<Double> { log1p(e, nonNegative: true) }
  }

  // MARK: Over buffers

  /// `output[i] = log1p(exp(-input[i]·target[i]))` for every `i`, eight lanes at a time, with
  /// the `Float`-precision lane functions, in stages (`forEachElement`). All three buffers
  /// must have the same count; `output` may be `input` or `target` itself.
  @inlinable @inline(__always)
  public static func softMarginLoss(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachElement(FloatChain.self, input: input, target: target, output: output)
  }

  /// `output[i] = log1p(exp(-input[i]·target[i]))` in `Double`, four lanes at a time; the
  /// stages, tail and aliasing are as in the `Float` version.
  @inlinable @inline(__always)
  public static func softMarginLoss(
    input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>,
    output: UnsafeMutableBufferPointer<Double>
  ) {
    forEachElement(DoubleChain.self, input: input, target: target, output: output)
  }

  /// The sum of `log1p(exp(-input[i]·target[i]))` over all `i` with the `Float`-precision
  /// lane functions, without storing the losses: see `sumOfElements`.
  @inlinable @inline(__always)
  public static func softMarginLossSum(input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>) -> Float {
    sumOfElements(FloatChain.self, input: input, target: target)
  }

  /// The sum of `log1p(exp(-input[i]·target[i]))` in `Double`: see `sumOfElements`.
  @inlinable @inline(__always)
  public static func softMarginLossSum(input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>) -> Double {
    sumOfElements(DoubleChain.self, input: input, target: target)
  }
}
