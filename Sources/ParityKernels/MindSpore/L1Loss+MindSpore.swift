import ParityCore

extension L1Loss {
  /// `mindspore.ops.l1_loss` once its arguments are checked: `Abs(SubExt(input, target))`
  /// (broadcasting, promoting; two bools subtract to their xor), then `_get_loss`, so the
  /// result has the difference's dtype, float64 rounded through float32 and integers
  /// truncated. CPU `Abs` has no bfloat16 kernel.
  public static func mindspore(input: Tensor, target: Tensor, reduction: LossReduction) throws(KernelError) -> Tensor {
    let difference = try MindSporeOps.binary(EagerTensor(input), EagerTensor(target), .subExt, -)
    guard difference.dtype != .bfloat16 else { throw MindSporeOps.unsupported("Abs") }
    return try MindSporeLossReduction.getLoss(MindSporeOps.unary(difference) { Swift.abs($0) }, reduction)
  }
}
