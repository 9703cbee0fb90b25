import ParityCore

/// `(input - target)^2`, element by element.
public enum MSELoss {
  /// PyTorch's `mse_stub`: `diff = a - b; diff * diff` in the dtype (a 16-bit difference is
  /// rounded before it is squared).
  struct PyTorchChain: PointwiseChain {
    @inline(__always)
    func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
      let d = R.stored(o.x - o.y)
      return R.stored(d * d)
    }

    var fusedFloat: FusedFloatLoss? { .squaredError }
  }

  public static func pytorch(input: Tensor, target: Tensor, reduction: LossReduction) throws(KernelError) -> LossOutput {
    try PyTorchPointwiseLoss.differenceLoss(PyTorchChain(), .floating(name: "mse_cpu"), input: input, target: target, reduction: reduction)
  }
}
