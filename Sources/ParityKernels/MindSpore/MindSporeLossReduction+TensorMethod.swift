import ParityCore

extension MindSporeLossReduction {
  /// `Tensor.mean()` / `Tensor.sum()` over every element, in the loss's own dtype (no cast to
  /// float32 as `_get_loss` does), for the losses that end with them (`ops.gaussian_nll_loss`,
  /// `ops.hinge_embedding_loss`):
  /// float64 adds the elements in row-major order from the first and divides by the count in
  /// double; float32 and float16 reduce as the CPU `ReduceSum` and `ReduceMean` do for float32,
  /// rounded to the dtype. The mean or sum of an empty tensor is undefined (the kernel never
  /// writes its output).
  static func tensorMethod(_ loss: EagerTensor, _ reduction: LossReduction) throws(KernelError) -> Tensor {
    guard reduction != .none else { return loss.tensor }
    guard !loss.values.isEmpty else { throw undefinedEmpty(reduction) }
    let value: Double
    if loss.dtype == .float64 {
      let sum = loss.values.dropFirst().reduce(loss.values[0], +)
      value = reduction == .sum ? sum : sum / Double(loss.values.count)
    } else {
      value = Double(reduction == .sum ? reduceSum(loss.values, shape: loss.shape) : reduceMean(loss.values))
    }
    return EagerTensor(shape: [], dtype: loss.dtype, values: [EagerTensor.rounded(value, to: loss.dtype)]).tensor
  }
}
