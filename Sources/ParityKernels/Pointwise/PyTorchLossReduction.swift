import ParityCore

/// `apply_loss_reduction` on PyTorch's CPU: `sum` accumulates in the compute scalar (Float
/// for float32 and the 16-bit dtypes, Double for float64) by a cascade, and `mean` divides
/// that sum by the count; the result is rounded once to the dtype, a 0-d tensor.
struct PyTorchLossReduction: LossReducer {
  var reduction: LossReduction

  func reduce<R: StoreRounding>(_ losses: [R.Scalar], shape: [Int], _: R.Type) -> Tensor {
    switch reduction {
    case .none:
      return Tensor(shape: shape, storage: R.storage(losses))
    case .sum:
      return Tensor(shape: [], storage: R.storage([R.stored(Self.sum(losses))]))
    case .mean:
      return Tensor(shape: [], storage: R.storage([R.stored(Self.sum(losses) / R.Scalar(losses.count))]))
    }
  }

  func reduce<R: StoreRounding>(sum: () -> R.Scalar, count: Int, _: R.Type) -> Tensor? {
    switch reduction {
    case .none: return nil
    case .sum: return Tensor(shape: [], storage: R.storage([R.stored(sum())]))
    case .mean: return Tensor(shape: [], storage: R.storage([R.stored(sum() / R.Scalar(count))]))
    }
  }

  static func sum<T: BinaryFloatingPoint & SIMDScalar>(_ values: [T]) -> T {
    values.withUnsafeBufferPointer { Summation.cascadeOnAllCores($0) }
  }
}
