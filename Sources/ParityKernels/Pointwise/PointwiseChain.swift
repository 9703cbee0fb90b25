import ParityCore

/// One element's operands: input and target, and the loss's optional weights (1 when absent).
struct ChainOperands<Scalar: ChainScalar>: Sendable {
  var x: Scalar
  var y: Scalar
  var weight: Scalar = 1
  var posWeight: Scalar = 1
}

/// A loss's formula for one element, as one framework's CPU kernels evaluate it.
///
/// `element` is generic over where results are stored, so one definition serves every dtype:
/// it calls `R.stored` after each op the framework stores in a tensor. Conformers are small
/// structs holding the loss's parameters (`beta`, `delta`, ...).
protocol PointwiseChain: Sendable {
  func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _ rounding: R.Type) -> R.Scalar
  /// The same loss as a vector loop for same-shape float32 operands without weights, where
  /// ParityMath has one; nil (the default) leaves every dtype to `element`.
  var fusedFloat: FusedFloatLoss? { get }
}

extension PointwiseChain {
  var fusedFloat: FusedFloatLoss? { nil }
}

/// A PyTorch kernel whose reduced-float branch differs by dtype: for `fusedDType` it computes
/// in Float and rounds once at the end, for every other dtype it stores each op's result.
/// (smooth_l1 fuses bfloat16 and rounds float16 per op; huber the reverse.)
protocol FusedInOneDType: PointwiseChain {
  /// The dtype whose kernel computes the whole formula in Float.
  static var fusedDType: DType { get }
  /// The formula, calling `R.stored` after every op that stores in the dtype.
  func formula<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _ rounding: R.Type) -> R.Scalar
}

extension FusedInOneDType {
  @inline(__always)
  func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
    R.dtype == Self.fusedDType ? R.stored(formula(o, Unrounded<R>.self)) : formula(o, R.self)
  }
}
