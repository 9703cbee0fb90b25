import ParityCore

/// The multi-label soft margin loss: the mean over the input's last (class) dimension of
/// `-w (y log σ(x) + (1 - y) log σ(-x))`, then the reduction over what is left.
public enum MultiLabelSoftMarginLoss {
  /// `torch.nn.functional.multilabel_soft_margin_loss` once the reduction is resolved to a
  /// string, op by op (`TorchOps`) as its Python reads:
  /// `-(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))`, `* weight`, then
  /// `.sum(dim=input.dim() - 1) / input.size(-1)` (the dimension is the input's, so a larger
  /// weight or target moves it), and only then the reduction string's check: anything but
  /// `none`/`mean`/`sum` (`elementwise_mean` and other spellings too) is a ValueError after the
  /// loss is computed.
  public static func pytorch(
    input: Tensor, target: Tensor, weight: Weight?, reduction: String?
  ) throws(KernelError) -> Tensor {
    let x = EagerTensor(input), t = EagerTensor(target)
    let positive = try TorchOps.binary(t, try TorchOps.logSigmoid(x), *)
    let negated = try TorchOps.negate(x)
    if t.dtype == .bool { try PyTorchLossArguments.checkSubtraction(.int64, .bool) }
    let complement = TorchOps.scalar(t, .opmath(1)) { v, one in one - v }
    let negative = try TorchOps.binary(complement, try TorchOps.logSigmoid(negated), *)
    var loss = try TorchOps.negate(try TorchOps.binary(positive, negative, +))
    switch weight {
    case .tensor(let w)?: loss = try TorchOps.binary(loss, EagerTensor(w), *)
    case .number(let w)?: loss = TorchOps.scalar(loss, .opmath(w), *)
    case nil: break
    }
    let classDim = x.rank - 1
    guard x.rank > 0 else { throw TorchOps.dimensionOutOfRange(classDim, rank: 0) }
    let perRow = TorchOps.scalar(try TorchOps.sum(loss, dim: classDim), .opmath(Double(x.shape[classDim])), /)
    guard let reduction else {
      throw KernelError(kind: .argument, message: "unsupported operand type(s) for +: 'NoneType' and 'str'")
    }
    guard let resolved = LossReduction(rawValue: reduction) else {
      throw KernelError(kind: .argument, message: "\(reduction) is not valid")
    }
    return try TorchOps.reduced(perRow, resolved)
  }

  /// The `weight` argument: a tensor, or a Python number the functional multiplies by.
  public enum Weight: Sendable {
    case tensor(Tensor)
    case number(Double)
  }
}
