import ParityCore

/// `_get_loss` (`LossBase.get_loss`), which MindSpore's Python-composed losses end with:
/// cast the loss to float32, multiply by the weight 1.0, `ReduceMean`/`ReduceSum` over every
/// axis (or nothing for `'none'`), then cast back to the loss's dtype. The casts run for
/// `'none'` too, so a float64 loss is rounded through float32, and an integer or bool loss
/// comes back truncated.
enum MindSporeLossReduction {
  /// An empty loss has no defined `mean` or `sum` here: MindSpore's CPU `ReduceSum` and
  /// `ReduceMean` never write their output for it, and the value is whatever the memory pool
  /// held (the recorder sees it change when it overwrites free memory between two calls).
  static func getLoss(_ loss: EagerTensor, _ reduction: LossReduction) throws(KernelError) -> Tensor {
    if reduction != .none && loss.values.isEmpty { throw undefinedEmpty(reduction) }
    let floats = MindSporeOps.cast(loss, to: .float32)
    var result: EagerTensor
    switch reduction {
    case .none:
      result = floats
    case .sum:
      result = EagerTensor(shape: [], dtype: .float32, values: [Double(reduceSum(floats.values, shape: floats.shape))])
    case .mean:
      result = EagerTensor(shape: [], dtype: .float32, values: [Double(reduceMean(floats.values))])
    }
    result = MindSporeOps.cast(result, to: loss.dtype)
    return result.tensor
  }

  /// What a `mean` or `sum` of an empty loss is: nothing MindSpore defines.
  static func undefinedEmpty(_ reduction: LossReduction) -> KernelError {
    KernelError.undefinedResult("MindSpore's CPU Reduce\(reduction == .sum ? "Sum" : "Mean") does not write "
      + "its output for an empty input: the result is undefined (uninitialized memory)")
  }

  /// The CPU `ReduceSum` over every axis of float32 `values` (each exactly a Float): a
  /// double accumulator from the first element on, in row-major order, then rounded to
  /// float. A shape whose every dimension after the first is 1 (an `(N, 1)` column) takes
  /// nnacl's `ReduceSumDim2Axis0` instead, which accumulates in float.
  static func reduceSum(_ values: [Double], shape: [Int]) -> Float {
    guard let first = values.first else { return 0 }
    if shape.count >= 2 && shape.dropFirst().allSatisfy({ $0 == 1 }) {
      var acc = Float(first)
      for v in values.dropFirst() { acc += Float(v) }
      return acc
    }
    var acc = first
    for v in values.dropFirst() { acc += v }
    return Float(acc)
  }

  /// The CPU `ReduceMean` over every axis: the double sum rounded to float, divided in float
  /// by the count.
  static func reduceMean(_ values: [Double]) -> Float {
    var acc: Double = 0
    if let first = values.first {
      acc = first
      for v in values.dropFirst() { acc += v }
    }
    return Float(acc) / Float(values.count)
  }
}
