/// ParityMath's SoftMarginLoss loops compiled for Haswell-class x86-64 (AVX2 and FMA): the
/// same source and the same results as the portable build (NaNs aside, whose sign may
/// differ), in 256-bit registers with fused multiply-adds in hardware rather than through
/// the C library.
///
/// Swift has no per-function target attributes, so this module is built whole with
/// `-target-cpu haswell` (see Package.swift) and must only run where
/// `parity_cpu_runs_haswell_code()` says so. It compiles ParityMath's sources itself (the
/// `ParityMath` folder here is a link to them) rather than importing the module: inlining
/// across modules is the optimizer's choice, and code it leaves un-inlined is a call into
/// the baseline build. Import only `HaswellVectorMath` from here (`import enum`), since this
/// module has its own `VectorMath`.
public enum HaswellVectorMath {
  @inline(never)
  public static func softMarginLossRounded(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>
  ) {
    VectorMath.softMarginLossRounded(input: input, target: target, output: output)
  }

  @inline(never)
  public static func softMarginLossRoundedSum(input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>) -> Float {
    VectorMath.softMarginLossRoundedSum(input: input, target: target)
  }

  @inline(never)
  public static func softMarginLoss(
    input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>, output: UnsafeMutableBufferPointer<Double>
  ) {
    VectorMath.softMarginLoss(input: input, target: target, output: output)
  }

  @inline(never)
  public static func softMarginLossSum(input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>) -> Double {
    VectorMath.softMarginLossSum(input: input, target: target)
  }
}

extension HaswellVectorMath {
  // ParityMath's composite float32 loss loops (VectorMath+CompositeLosses.swift).

  @inline(never) @discardableResult
  public static func binaryCrossEntropyLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.binaryCrossEntropyLosses(input: input, target: target, output: output)
  }

  @inline(never) @discardableResult
  public static func binaryCrossEntropyWithLogitsLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.binaryCrossEntropyWithLogitsLosses(input: input, target: target, output: output)
  }

  @inline(never) @discardableResult
  public static func klDivergenceLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.klDivergenceLosses(input: input, target: target, output: output)
  }

  @inline(never) @discardableResult
  public static func klDivergenceLogTargetLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.klDivergenceLogTargetLosses(input: input, target: target, output: output)
  }

  @inline(never) @discardableResult
  public static func poissonLogInputLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.poissonLogInputLosses(input: input, target: target, output: output)
  }

  @inline(never) @discardableResult
  public static func poissonLosses(
    eps: Float, input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.poissonLosses(eps: eps, input: input, target: target, output: output)
  }
}

extension HaswellVectorMath {
  // ParityMath's float32 losses of a difference (VectorMath+DifferenceLosses.swift).

  @inline(never) @discardableResult
  public static func squaredErrorLosses(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.squaredErrorLosses(input: input, target: target, output: output)
  }

  @inline(never) @discardableResult
  public static func smoothL1Losses(
    beta: Float, input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.smoothL1Losses(beta: beta, input: input, target: target, output: output)
  }

  @inline(never) @discardableResult
  public static func huberLosses(
    delta: Float, input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>?
  ) -> Float {
    VectorMath.huberLosses(delta: delta, input: input, target: target, output: output)
  }
}
