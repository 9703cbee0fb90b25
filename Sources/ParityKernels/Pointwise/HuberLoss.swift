import ParityCore

/// `0.5 z^2` where `z = |input - target| < delta`, else `delta (z - 0.5 delta)`.
public enum HuberLoss {
  /// PyTorch's `huber_kernel`: float16 computes in Float and rounds once, bfloat16 rounds
  /// after every op (the reverse of smooth_l1).
  struct PyTorchChain: FusedInOneDType {
    var delta: Double

    static var fusedDType: DType { .float16 }

    @inline(__always)
    func formula<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
      let delta = R.stored(R.Scalar(self.delta))
      let z = abs(R.stored(o.x - o.y))
      return z < delta ? R.stored(R.stored(0.5 * z) * z) : R.stored(delta * R.stored(z - R.stored(0.5 * delta)))
    }

    var fusedFloat: FusedFloatLoss? { .huber(delta: Float(delta)) }
  }

  public static func pytorch(input: Tensor, target: Tensor, reduction: LossReduction, delta: Double) throws(KernelError) -> LossOutput {
    guard delta > 0 else {
      throw KernelError(kind: .argument, message: "huber_loss does not support non-positive values for delta.")
    }
    return try PyTorchPointwiseLoss.differenceLoss(PyTorchChain(delta: delta), .floatingIntoInput(name: "huber_cpu"), input: input, target: target, reduction: reduction)
  }
}
