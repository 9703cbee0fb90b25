/// PyTorch's float32 losses of a difference (`mse_kernel`, `smooth_l1_kernel`,
/// `huber_kernel`), one vector loop each: the same `Float` ops in the same order as the
/// kernels' `Vectorized` lambdas, so every element has their bits (a NaN's sign aside).
/// Nothing here needs more than arithmetic; the loops exist to be built twice, the second
/// time for AVX2 (`HaswellVectorMath`), where PyTorch's kernels run 8 lanes wide too.
/// Each function writes `output[i]` from `input[i]` and `target[i]`, or with no `output`
/// returns their sum as `Summation.block` adds them (`forEachVector`).
extension VectorMath {
  /// `mse`: `d = x - y; d·d`.
  @inlinable @inline(__always) @discardableResult
  public static func squaredErrorLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    forEachVector(input, target, output) { x, y in
      let d = x - y
      return d * d
    }
  }

  /// `smooth_l1` with `beta > 0` (already rounded to `Float`): `z = |x - y|`, then
  /// `0.5·z·z / beta` where `z < beta`, else `z - 0.5·beta`.
  @inlinable @inline(__always) @discardableResult
  public static func smoothL1Losses(
    beta: Float, input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    let b = SIMD8(repeating: beta)
    return forEachVector(input, target, output) { x, y in
      let z = magnitude(x - y)
      return select(z .< b, 0.5 * z * z / b, z - 0.5 * b)
    }
  }

  /// `huber` with `delta > 0` (already rounded to `Float`): `z = |x - y|`, then `0.5·z·z`
  /// where `z < delta`, else `delta·(z - 0.5·delta)`.
  @inlinable @inline(__always) @discardableResult
  public static func huberLosses(
    delta: Float, input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    let d = SIMD8(repeating: delta)
    return forEachVector(input, target, output) { x, y in
      let z = magnitude(x - y)
      return select(z .< d, 0.5 * z * z, d * (z - 0.5 * d))
    }
  }

  /// `|v|` lane by lane: the sign bit cleared, as `Vectorized::abs` does.
  @inlinable @inline(__always)
  static func magnitude(_ v: SIMD8<Float>) -> SIMD8<Float> {
    float(bits(v) & SIMD8(repeating: Int32.max))
  }
}
