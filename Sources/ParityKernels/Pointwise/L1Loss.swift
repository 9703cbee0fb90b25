import ParityCore

/// `|input - target|`, element by element.
public enum L1Loss {
  /// PyTorch: `abs(input - target)` after the wrapper's size warning and `broadcast_tensors`;
  /// two ops, so a 16-bit difference is rounded before `abs` (which is exact).
  struct PyTorchChain: PointwiseChain {
    @inline(__always)
    func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
      abs(R.stored(o.x - o.y))
    }
  }

  public static func pytorch(input: Tensor, target: Tensor, reduction: LossReduction) throws(KernelError) -> LossOutput {
    try PyTorchPointwiseLoss.differenceLoss(
      PyTorchChain(), .subtraction { difference in difference.map { $0 < 0 ? 0 &- $0 : $0 } },
      input: input, target: target, reduction: reduction)
  }
}
