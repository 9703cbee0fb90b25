import ParityCore

extension MultiLabelSoftMarginLoss {
  /// `mindspore.ops.multilabel_soft_margin_loss` up to `_get_loss`, op by op as its Python reads:
  /// `pos = Log(Add(Exp(-input), 1))`, `neg = Log(Add(Exp(input), 1))`,
  /// `Mul(target, pos) + Mul(1 - target, neg)`, `Mul(loss, weight)`, then
  /// `loss.sum(axis=input.ndim - 1) / input.shape[-1]`. Unlike PyTorch's `logsigmoid`, `Exp`
  /// overflows: beyond `Exp`'s range a term is `inf`, and times a zero factor `nan`. float32
  /// `Exp` and `Log` are nnacl's (`MindSporeLossExpLog`, `Log` split in two halves as the
  /// recording's workers had settled every op). A 0-d input has no class size to divide by.
  /// CPU kernels: no `Neg` for bool, no `Exp` for bfloat16 or integers, no `Sub` for a
  /// bfloat16 target (`1 - target`). The products and the sum run on the pool's threads
  /// (`onPoolThreads`: float32/float64 subnormals read and stored as zero). Only then does `_get_loss` check the reduction string (exactly `mean`, `sum` or `none`)
  /// and reduce in float32.
  public static func mindspore(input: Tensor, target: Tensor, weight: Weight?, reduction: String?) throws(KernelError) -> Tensor {
    let loss = try mindsporeLoss(input: input, target: target, weight: weight)
    guard let reduction, let resolved = LossReduction(rawValue: reduction) else {
      throw KernelError(kind: .argument, message: "For 'multilabel_soft_margin_loss', the 'reduction' must be in "
        + "['mean', 'sum', 'none'], but got \(reduction ?? "None").")
    }
    return try MindSporeLossReduction.getLoss(loss, resolved)
  }

  static func mindsporeLoss(input: Tensor, target: Tensor, weight: Weight?) throws(KernelError) -> EagerTensor {
    let x = EagerTensor(input), t = EagerTensor(target)
    guard x.dtype != .bool else { throw MindSporeOps.unsupported("Neg") }
    guard [.float16, .float32, .float64].contains(x.dtype) else { throw MindSporeOps.unsupported("Exp") }
    let pos = softplus(MindSporeOps.negate(x))
    let neg = softplus(x)
    func pooled(_ a: EagerTensor, _ b: EagerTensor, _ names: MindSporeOps.OperandNames, _ op: @escaping (Double, Double) -> Double) throws(KernelError) -> EagerTensor {
      try MindSporeOps.onPoolThreads([a, b]) { (operands) throws(KernelError) in try MindSporeOps.binary(operands[0], operands[1], names, op) }
    }
    let first = try pooled(t, pos, .mul, *)
    guard t.dtype != .bfloat16 else { throw MindSporeOps.unsupported("Sub") }
    let complement = MindSporeOps.scalar(t, 1) { v, one in one - v }
    var loss = try pooled(first, try pooled(complement, neg, .mul, *), .add, +)
    switch weight {
    case .tensor(let w)?: loss = try pooled(loss, EagerTensor(w), .mul, *)
    case .number(let w)?: loss = MindSporeOps.primitiveScalar(loss, w, *)
    case nil: break
    }
    let summed = try MindSporeOps.sum(loss, axis: x.rank - 1)
    guard x.rank > 0 else { throw KernelError(kind: .other, message: "tuple index out of range") }
    return MindSporeOps.scalar(summed, Double(x.shape[x.rank - 1]), /)
  }

  /// `Log(Add(Exp(a), 1))`, each op stored in `a`'s dtype.
  static func softplus(_ a: EagerTensor) -> EagerTensor {
    let exponential = MindSporeLossExpLog.exp(a)
    return MindSporeLossExpLog.log(MindSporeOps.primitiveScalar(exponential, 1, +), chunks: MindSporeLossExpLog.halves)
  }
}
