/// One element's operands: input and target, and the loss's optional weights (1 when absent).
struct ChainOperands<Scalar: ChainScalar> {
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
protocol PointwiseChain {
  func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _ rounding: R.Type) -> R.Scalar
}
