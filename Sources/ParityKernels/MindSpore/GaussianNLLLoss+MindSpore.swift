import ParityCore

extension GaussianNLLLoss {
  /// `mindspore.ops.gaussian_nll_loss` once its Python checks have passed (three tensors, a
  /// bool `full`, a float `eps > 0`, an exact reduction), op by op: `var` unsqueezed only when
  /// it is the input's shape without its last dimension (any other shape is left to
  /// broadcasting), `maxima = Maximum(var, eps)`, `Log(maxima)`, `Square(x - target)`
  /// (`SubExt`), `/ maxima` (`Div`), `+`, `0.5 *`, `+ c` (the int 0, or `0.5 * log(2 pi)`
  /// with `full`), then `Tensor.mean()`/`sum()`.
  ///
  /// So a negative `var` is clamped like a small one, and a NaN `var` gives `eps` (`Maximum`
  /// returns its second operand when the first is NaN). `Maximum` keeps a float `var`'s dtype
  /// and computes an integer or bool one in float32; bfloat16 finds no `Maximum` kernel, and a
  /// bool or bfloat16 difference no `Square` kernel. float32 `Log` is nnacl's, split in two
  /// halves (`MindSporeLossExpLog.halves`, how the recording's workers had settled every op).
  public static func mindspore(
    input: Tensor, target: Tensor, variance: Tensor, full: Bool, eps: Double, reduction: LossReduction
  ) throws(KernelError) -> Tensor {
    var v = EagerTensor(variance)
    if v.shape != input.shape && !input.shape.isEmpty && Array(input.shape.dropLast()) == v.shape { v.shape.append(1) }
    guard v.dtype != .bfloat16 else { throw MindSporeOps.unsupported("Maximum") }
    if !v.dtype.isFloatingPoint { v = MindSporeOps.cast(v, to: .float32) }
    let maxima = MindSporeOps.scalar(v, eps) { value, bound in value > bound ? value : bound }
    let logarithm = MindSporeLossExpLog.log(maxima, chunks: MindSporeLossExpLog.halves)
    let difference = try MindSporeOps.binary(EagerTensor(input), EagerTensor(target), .subExt, -)
    guard difference.dtype != .bool && difference.dtype != .bfloat16 else { throw MindSporeOps.unsupported("Square") }
    let squared = MindSporeOps.unary(difference) { $0 * $0 }
    let quotient = try MindSporeOps.binary(squared, maxima, .div, /)
    var loss = MindSporeOps.scalar(try MindSporeOps.binary(logarithm, quotient, .add, +), 0.5, *)
    loss = MindSporeOps.scalar(loss, full ? halfLogTwoPi : 0, +)
    return try MindSporeLossReduction.tensorMethod(loss, reduction)
  }
}
