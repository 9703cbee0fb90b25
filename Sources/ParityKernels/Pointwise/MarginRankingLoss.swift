import ParityCore

/// `max(0, -target * (input1 - input2) + margin)`, element by element.
public enum MarginRankingLoss {
  /// PyTorch: the Python wrapper refuses tensors of different ranks (so a lower-rank tensor
  /// never broadcasts, while size-1 dimensions do), then ATen's composite op by op (`TorchOps`):
  /// `(-target * (input1 - input2) + margin).clamp_min_(0)` and `apply_loss_reduction`.
  /// `margin` is a C++ double: it turns an integer product into float32.
  public static func pytorch(
    input1: Tensor, input2: Tensor, target: Tensor, margin: Double, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    try checkSameRank(input1: input1, input2: input2, target: target)
    // The difference is evaluated first: two bool inputs are refused before a bool target.
    let difference = try TorchOps.subtract(EagerTensor(input1), EagerTensor(input2))
    let negatedTarget = try TorchOps.negate(EagerTensor(target))
    let product = try TorchOps.binary(negatedTarget, difference, *)
    let floating = product.dtype.isFloatingPoint ? product : TorchOps.cast(product, to: .float32)
    let unclamped = TorchOps.scalar(floating, .tensorDType(margin), +)
    return LossOutput(try TorchOps.reduced(TorchOps.clampMin(unclamped, 0), reduction))
  }

  /// The Python wrapper's check, which runs before `margin` is parsed: the RuntimeError when the
  /// three tensors' ranks differ.
  public static func checkSameRank(input1: Tensor, input2: Tensor, target: Tensor) throws(KernelError) {
    guard input1.rank != input2.rank || input1.rank != target.rank else { return }
    throw KernelError(kind: .shape, message: "margin_ranking_loss : All input tensors should have same dimension but got sizes: "
      + "input1: \(PyTorchLossArguments.torchSize(input1.shape)), input2: \(PyTorchLossArguments.torchSize(input2.shape)), "
      + "target: \(PyTorchLossArguments.torchSize(target.shape)) ")
  }
}
