extension VectorMath {
  /// Elements a summation block holds. Each block is summed by four vector accumulators
  /// (each `Float` lane adds up 4096 / 32 = 128 losses in order, each `Double` lane 256) and
  /// block sums combine pairwise, so the rounding error of a sum grows like that of
  /// PyTorch's cascade sum rather than with the element count.
  @inlinable public static var summationBlock: Int { 4096 }

  // The float32 chain is `softMarginLossRounded` (VectorMath+RoundedChain.swift).

  /// SoftMarginLoss for four pairs of `Double`s, `log1p(exp(-x·y))`, each step rounded.
  @inlinable @inline(__always)
  public static func softMarginLoss(_ x: SIMD4<Double>, _ y: SIMD4<Double>) -> SIMD4<Double> {
    DoubleChain.loss(x, y)
  }

  /// The `Double` chain in stages: `exp(-x·y)`, then `log1p`, each in two halves.
  @usableFromInline
  enum DoubleChain: ExpLog1pStages {
    @inlinable @inline(__always)
    static func expReduction(_ x: SIMD4<Double>, _ y: SIMD4<Double>) -> ExpReduced {
      expReduced(double(bits(x) ^ SIMD4(repeating: 1 << 63)) * y)
    }

    @inlinable @inline(__always)
    static func exp(_ reduction: ExpReduced) -> SIMD4<Double> { VectorMath.exp(reduction) }

    @inlinable @inline(__always)
    static func log1pReduction(_ e: SIMD4<Double>) -> Log1pReduced { log1pReduced(e) }

    @inlinable @inline(__always)
    static func log1p(_ reduction: Log1pReduced, of e: SIMD4<Double>) -> SIMD4<Double> {
      VectorMath.log1p(reduction, of: e, nonNegative: true)
    }
  }

  /// `output[i] = log1p(exp(-input[i]·target[i]))` in `Double`, four lanes at a time, in
  /// stages (`forEachElement`). All three buffers must have the same count; `output` may be
  /// `input` or `target` itself.
  @inlinable @inline(__always)
  public static func softMarginLoss(
    input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>,
    output: UnsafeMutableBufferPointer<Double>
  ) {
    forEachElement(DoubleChain.self, input: input, target: target, output: output)
  }

  /// The sum of `log1p(exp(-input[i]·target[i]))` in `Double`, never stored: see
  /// `sumOfElements`.
  @inlinable @inline(__always)
  public static func softMarginLossSum(input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>) -> Double {
    sumOfElements(DoubleChain.self, input: input, target: target)
  }
}
