/// PyTorch's composite float32 losses (losses that ATen writes as a sequence of eager ops),
/// fused into one pass: each op still rounds to `Float` exactly where PyTorch stores its
/// result in a tensor, and each transcendental op is the correctly rounded value from a
/// `Double` evaluation (`expForFloat`, `logForFloat`, `logSigmoidForFloat`), except within a
/// tiny fraction of an ULP of a tie. The arithmetic ops are `Float` ops, which round as the
/// eager ops do. Each function writes `output[i]` from `input[i]` and `target[i]`, or with no
/// `output` returns their sum as `Summation.block` adds them (`forEachVector`).
extension VectorMath {
  /// `binary_cross_entropy` for inputs and targets in [0, 1] (the kernel's check, done
  /// before): `(y - 1)·max(log1p(-x), -100) - y·max(log(x), -100)`. `log1p(-x)` is
  /// `log(1 - x)` with `1 - x` exact in `Double` for `x ≥ 2^-24`; below that it rounds to `-x`.
  @inlinable @inline(__always) @discardableResult
  public static func binaryCrossEntropyLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    forEachVector(input, target, output) { x, y in
      let logOfComplement = select(x .< 0x1p-24, -x, narrowed(logForFloat(1 - widened(x))))
      let logOfInput = narrowed(logForFloat(widened(x)))
      // std::max(v, -100): `v < -100 ? -100 : v`, so NaN passes.
      let limit = SIMD8<Float>(repeating: -100)
      return (y - 1) * select(logOfComplement .< limit, limit, logOfComplement) - y * select(logOfInput .< limit, limit, logOfInput)
    }
  }

  /// `binary_cross_entropy_with_logits`: `(1 - y)·x - log_sigmoid(x)`.
  @inlinable @inline(__always) @discardableResult
  public static func binaryCrossEntropyWithLogitsLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    forEachVector(input, target, output) { x, y in (1 - y) * x - narrowed(logSigmoidForFloat(widened(x))) }
  }

  /// `kl_div`: `xlogy(y, y) - y·x`.
  @inlinable @inline(__always) @discardableResult
  public static func klDivergenceLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    forEachVector(input, target, output) { x, y in
      // xlogy's kernel: 0 where y is 0 (even against log 0 = -inf), NaN where y is NaN.
      let xlogy = select(y .== 0, SIMD8(repeating: 0), y * narrowed(logForFloat(widened(y))))
      return xlogy - y * x
    }
  }

  /// `kl_div(log_target=True)`: `exp(y)·(y - x)`.
  @inlinable @inline(__always) @discardableResult
  public static func klDivergenceLogTargetLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    forEachVector(input, target, output) { x, y in narrowed(expForFloat(widened(y))) * (y - x) }
  }

  /// `poisson_nll_loss(log_input=True, full=False)`: `exp(x) - y·x`.
  @inlinable @inline(__always) @discardableResult
  public static func poissonLogInputLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    forEachVector(input, target, output) { x, y in narrowed(expForFloat(widened(x))) - y * x }
  }

  /// `poisson_nll_loss(log_input=False, full=False)`: `x - y·log(x + eps)`, `eps` already
  /// rounded to `Float` as `add` rounds its scalar.
  @inlinable @inline(__always) @discardableResult
  public static func poissonLosses(
    eps: Float, input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    forEachVector(input, target, output) { x, y in x - y * narrowed(logForFloat(widened(x + eps))) }
  }

  /// Runs `formula` over whole vectors, then once over the zero-padded tail, writing each
  /// loss to `output`. With no `output` it returns the losses' sum in `Summation.block`'s
  /// order instead (four interleaved vector accumulators over 32-element steps, combined as
  /// `(a0 + a1) + (a2 + a3)`, then the rest one by one), so a reduction never stores them;
  /// it returns 0 when it writes. Inlined with `formula` into each function above, so each
  /// loop is specialized and makes no calls.
  @inlinable @inline(__always)
  static func forEachVector(
    _ input: UnsafeBufferPointer<Float>, _ target: UnsafeBufferPointer<Float>, _ output: UnsafeMutableBufferPointer<Float>?,
    _ formula: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
  ) -> Float {
    let count = input.count
    precondition(target.count == count && (output?.count ?? count) == count, "losses: buffer counts differ")
    guard count > 0, let x = input.baseAddress, let y = target.baseAddress else { return 0 }
    @inline(__always) func vector(_ i: Int) -> SIMD8<Float> { formula(load(x + i), load(y + i)) }
    /// The losses of elements `start..<count` (fewer than a vector's worth at a time).
    @inline(__always) func rest(_ start: Int, _ body: (Int, Float) -> Void) {
      var i = start
      while i < count {
        let n = Swift.min(8, count - i)
        let v = formula(loadPartial(x + i, n), loadPartial(y + i, n))
        for lane in 0..<n { body(i + lane, v[lane]) }
        i += n
      }
    }
    guard let out = output?.baseAddress else {
      var (a0, a1, a2, a3) = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
      var i = 0
      while i + 32 <= count {
        a0 += vector(i)
        a1 += vector(i + 8)
        a2 += vector(i + 16)
        a3 += vector(i + 24)
        i += 32
      }
      var tail: Float = 0
      rest(i) { _, loss in tail += loss }
      return ((a0 + a1) + (a2 + a3)).sum() + tail
    }
    let whole = count - count % 8
    var i = 0
    while i < whole {
      store(vector(i), out + i)
      i += 8
    }
    rest(whole) { index, loss in out[index] = loss }
    return 0
  }
}
