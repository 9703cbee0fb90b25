import ParityCore

/// `0.5 z^2 / beta` where `z = |input - target| < beta`, else `z - 0.5 beta`.
public enum SmoothL1Loss {
  /// PyTorch's `smooth_l1_kernel`: float16 rounds after every op (with beta rounded to
  /// float16), bfloat16 computes in Float and rounds once (its reduced-float branch).
  struct PyTorchChain: FusedInOneDType {
    var beta: Double

    static var fusedDType: DType { .bfloat16 }

    @inline(__always)
    func formula<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
      let beta = R.stored(R.Scalar(self.beta))
      let z = abs(R.stored(o.x - o.y))
      return z < beta ? R.stored(R.stored(R.stored(0.5 * z) * z) / beta) : R.stored(z - R.stored(0.5 * beta))
    }

    var fusedFloat: FusedFloatLoss? { .smoothL1(beta: Float(beta)) }
  }

  /// `beta == 0` is l1 (the wrapper's own branch); a negative beta is refused by the kernel.
  public static func pytorch(input: Tensor, target: Tensor, reduction: LossReduction, beta: Double) throws(KernelError) -> LossOutput {
    if beta == 0 { return try L1Loss.pytorch(input: input, target: target, reduction: reduction) }
    guard beta > 0 else {
      throw KernelError(kind: .argument, message: "smooth_l1_loss does not support negative values for beta.")
    }
    return try PyTorchPointwiseLoss.differenceLoss(PyTorchChain(beta: beta), .floating(name: "smooth_l1_cpu"), input: input, target: target, reduction: reduction)
  }
}
