import ParityCore

extension HingeEmbeddingLoss {
  /// `mindspore.ops.hinge_embedding_loss` once `margin` and `reduction` are checked: its check
  /// that both tensors have a float dtype (bfloat16 included), then op by op:
  /// `pos = (targets > 0) * inputs; neg = (targets < 0) * inputs;`
  /// `loss = pos + Maximum(Cast(margin) * (targets < 0) - neg, 0)`, then `Tensor.mean()`/`sum()`
  /// (`MindSporeLossReduction.tensorMethod`).
  ///
  /// So a positive target counts as 1 and a negative one as -1, and a zero or NaN target gives
  /// 0. Multiplying by a 0 mask turns an infinite input into NaN, whatever the target (and a
  /// margin that overflows the dtype, cast to infinity, does the same on the positive side), while
  /// `Maximum` returns its second operand, 0, when the first is NaN. Every op keeps the inputs'
  /// dtype (the target is only compared), rounding after each; bfloat16 finds no CPU kernel
  /// (`Greater` for the target, `Maximum` for the input). An op with more than one element runs
  /// on MindSpore's pool threads, with denormals flushed to zero: subnormal float32/float64
  /// operands read as zero (a subnormal target is neither positive nor negative) and subnormal
  /// results become zero. float16 computes through float32, where its subnormals are normal.
  public static func mindspore(inputs: Tensor, targets: Tensor, margin: Double, reduction: LossReduction) throws(KernelError) -> Tensor {
    for (position, tensor) in [("first", inputs), ("second", targets)] where !tensor.dtype.isFloatingPoint {
      throw KernelError(kind: .argument, message: "For 'HingeEmbeddingLoss', the dtype of the \(position) input must be float, "
        + "but got \(tensor.dtype.mindSporeName).")
    }
    guard targets.dtype != .bfloat16 else { throw MindSporeOps.unsupported("Greater") }
    let shape = try MindSporeOps.broadcastShape(targets.shape, inputs.shape, .mul)
    guard inputs.dtype != .bfloat16 else { throw MindSporeOps.unsupported("Maximum") }
    let dtype = inputs.dtype
    let flushesTargets = targets.count > 1 && [.float32, .float64].contains(targets.dtype)
    let flushesInputs = (Shape.elementCount(shape) ?? 0) > 1 && [.float32, .float64].contains(dtype)
    func stored(_ value: Double) -> Double {
      let rounded = EagerTensor.rounded(value, to: dtype)
      return flushesInputs ? MindSporeOps.flushedDenormal(rounded, dtype) : rounded
    }
    let m = EagerTensor.rounded(margin, to: dtype)
    let t = PyTorchFactors.broadcast(targets.storage.doubleValues, from: targets.shape, to: shape)
    let x = PyTorchFactors.broadcast(inputs.storage.doubleValues, from: inputs.shape, to: shape)
    let losses = zip(x, t).map { x, t in
      let target = flushesTargets ? MindSporeOps.flushedDenormal(t, targets.dtype) : t
      let input = flushesInputs ? MindSporeOps.flushedDenormal(x, dtype) : x
      let (positive, negative): (Double, Double) = (target > 0 ? 1 : 0, target < 0 ? 1 : 0)
      let difference = stored(stored(m * negative) - stored(negative * input))
      let clipped = difference > 0 ? difference : 0
      return stored(stored(positive * input) + clipped)
    }
    return try MindSporeLossReduction.tensorMethod(EagerTensor(shape: shape, dtype: dtype, values: losses), reduction)
  }
}
