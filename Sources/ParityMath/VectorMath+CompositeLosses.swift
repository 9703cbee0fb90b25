/// PyTorch's composite float32 losses (losses that ATen writes as a sequence of eager ops),
/// fused into one pass: each op still rounds to `Float` exactly where PyTorch stores its
/// result in a tensor, and each transcendental op is the correctly rounded value from a
/// `Double` evaluation (`expForFloat`, `logForFloat`, `logSigmoidForFloat`), except within a
/// tiny fraction of an ULP of a tie. The arithmetic ops are `Float` ops, which round as the
/// eager ops do. Each function writes `output[i]` from `input[i]` and `target[i]`; all three
/// buffers have the same count.
extension VectorMath {
  /// `binary_cross_entropy` for inputs and targets in [0, 1] (the kernel's check, done
  /// before): `(y - 1)·max(log1p(-x), -100) - y·max(log(x), -100)`. `log1p(-x)` is
  /// `log(1 - x)` with `1 - x` exact in `Double` for `x ≥ 2^-24`; below that it rounds to `-x`.
  @inlinable @inline(__always)
  public static func binaryCrossEntropyLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachVector(input, target, output) { x, y in
      let logOfComplement = select(x .< 0x1p-24, -x, narrowed(logForFloat(1 - widened(x))))
      let logOfInput = narrowed(logForFloat(widened(x)))
      // std::max(v, -100): `v < -100 ? -100 : v`, so NaN passes.
      let limit = SIMD8<Float>(repeating: -100)
      return (y - 1) * select(logOfComplement .< limit, limit, logOfComplement) - y * select(logOfInput .< limit, limit, logOfInput)
    }
  }

  /// `binary_cross_entropy_with_logits`: `(1 - y)·x - log_sigmoid(x)`.
  @inlinable @inline(__always)
  public static func binaryCrossEntropyWithLogitsLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachVector(input, target, output) { x, y in (1 - y) * x - narrowed(logSigmoidForFloat(widened(x))) }
  }

  /// `kl_div`: `xlogy(y, y) - y·x`.
  @inlinable @inline(__always)
  public static func klDivergenceLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachVector(input, target, output) { x, y in
      // xlogy's kernel: 0 where y is 0 (even against log 0 = -inf), NaN where y is NaN.
      let xlogy = select(y .== 0, SIMD8(repeating: 0), y * narrowed(logForFloat(widened(y))))
      return xlogy - y * x
    }
  }

  /// `kl_div(log_target=True)`: `exp(y)·(y - x)`.
  @inlinable @inline(__always)
  public static func klDivergenceLogTargetLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachVector(input, target, output) { x, y in narrowed(expForFloat(widened(y))) * (y - x) }
  }

  /// `poisson_nll_loss(log_input=True, full=False)`: `exp(x) - y·x`.
  @inlinable @inline(__always)
  public static func poissonLogInputLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachVector(input, target, output) { x, y in narrowed(expForFloat(widened(x))) - y * x }
  }

  /// `poisson_nll_loss(log_input=False, full=False)`: `x - y·log(x + eps)`, `eps` already
  /// rounded to `Float` as `add` rounds its scalar.
  @inlinable @inline(__always)
  public static func poissonLosses(
    eps: Float, input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachVector(input, target, output) { x, y in x - y * narrowed(logForFloat(widened(x + eps))) }
  }

  /// Runs `formula` over whole vectors, then once over the zero-padded tail. Inlined with
  /// `formula` into each function above, so each loop is specialized and makes no calls.
  @inlinable @inline(__always)
  static func forEachVector(
    _ input: UnsafeBufferPointer<Float>, _ target: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>,
    _ formula: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
  ) {
    let count = input.count
    precondition(target.count == count && output.count == count, "losses: buffer counts differ")
    guard count > 0, let x = input.baseAddress, let y = target.baseAddress, let out = output.baseAddress else { return }
    let whole = count - count % 8
    var i = 0
    while i < whole {
      store(formula(load(x + i), load(y + i)), out + i)
      i += 8
    }
    if whole < count {
      let v = formula(loadPartial(x + whole, count - whole), loadPartial(y + whole, count - whole))
      for lane in 0..<(count - whole) { out[whole + lane] = v[lane] }
    }
  }
}
