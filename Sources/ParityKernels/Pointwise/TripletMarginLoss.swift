import ParityCore

/// The triplet margin loss: `max(margin + d(a, p) - d(a, n), 0)` per row, with
/// `d(x, y) = ||x - y + eps||_p` over the last dimension, then the reduction.
public enum TripletMarginLoss {
  /// `torch.triplet_margin_loss` (aten/src/ATen/native/Loss.cpp) once its Python wrapper has
  /// checked the margin, op by op (`TorchOps`): the rank check, `pairwise_distance(a, p)`,
  /// `pairwise_distance(a, n)`, with `swap` the `min` with `pairwise_distance(p, n)`, then
  /// `clamp_min(margin + d_ap - d_an, 0)` (`margin + t` is `t.add(margin)`) and
  /// `apply_loss_reduction`.
  public static func pytorch(
    anchor: Tensor, positive: Tensor, negative: Tensor, margin: Double, p: Double, eps: Double, swap: Bool,
    reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    guard anchor.rank == positive.rank, positive.rank == negative.rank else {
      throw KernelError(kind: .shape, message: "The anchor, positive, and negative tensors are expected to have the same number "
        + "of dimensions, but got: anchor \(anchor.rank)D, positive \(positive.rank)D, and negative \(negative.rank)D inputs")
    }
    let a = EagerTensor(anchor), pos = EagerTensor(positive), neg = EagerTensor(negative)
    let toPositive = try TorchOps.pairwiseDistance(a, pos, p: p, eps: eps)
    var toNegative = try TorchOps.pairwiseDistance(a, neg, p: p, eps: eps)
    if swap {
      toNegative = try TorchOps.minimum(toNegative, try TorchOps.pairwiseDistance(pos, neg, p: p, eps: eps))
    }
    let shifted = TorchOps.scalar(toPositive, .tensorDType(margin), +)
    let loss = TorchOps.clampMin(try TorchOps.binary(shifted, toNegative, -), 0)
    return LossOutput(try TorchOps.reduced(loss, reduction))
  }

  /// The Python wrapper's (or the module constructor's) check: `margin <= 0` is a ValueError
  /// (a NaN margin passes).
  public static func checkMargin(_ margin: Double) throws(KernelError) {
    guard !(margin <= 0) else {
      throw KernelError(kind: .argument, message: "margin must be greater than 0, got \(margin)")
    }
  }
}
