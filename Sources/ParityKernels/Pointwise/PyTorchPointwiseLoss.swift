import ParityCore

/// The path PyTorch's losses of a difference (l1, mse, smooth_l1, huber) share: the size
/// warning, `broadcast_tensors`, the dtype, then the kernel and `apply_loss_reduction`.
public enum PyTorchPointwiseLoss {
  /// How a loss's kernel treats dtypes.
  enum Kernel {
    /// l1's `at::sub` then `abs`: bool refused, integers kept (`integer` maps the integer
    /// differences to the loss).
    case subtraction(integer: ([Int64]) -> [Int64])
    /// A TensorIterator kernel named `name` (`mse_cpu`): bool operands are promoted with a
    /// float one; an integer or bool common dtype is not implemented.
    case floating(name: String)
    /// As `floating`, with the output in the input's dtype (huber): computed in the common
    /// dtype and cast to the input's.
    case floatingIntoInput(name: String)
  }

  static func differenceLoss<C: PointwiseChain>(
    _ chain: C, _ kernel: Kernel, input: Tensor, target: Tensor, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    let warnings = PyTorchLossArguments.sizeWarning(input: input.shape, target: target.shape)
    let shape = try PyTorchLossArguments.broadcast(input.shape, target.shape)
    let common = DType.torchResultType(input.dtype, rank: input.rank, target.dtype, rank: target.rank)
    let operands = PointwiseOperands(x: input, y: target, shape: shape)
    var output = common
    switch kernel {
    case .subtraction(let integer):
      try PyTorchLossArguments.checkSubtraction(input, target)
      if !common.isFloatingPoint {
        return LossOutput(try integerLoss(operands, dtype: common, reduction: reduction, integer), warnings: warnings)
      }
    case .floating(let name), .floatingIntoInput(let name):
      guard common.isFloatingPoint else {
        throw KernelError(kind: .dtype, message: "\"\(name)\" not implemented for '\(common.torchName)'")
      }
      if case .floatingIntoInput = kernel {
        try TorchOps.checkCast(common, to: input.dtype)
        output = input.dtype
      }
    }
    let reduce = PyTorchLossReduction(reduction: reduction)
    guard output != common else {
      return LossOutput(PointwiseEvaluation.evaluate(chain, operands, dtype: common, reduce: reduce), warnings: warnings)
    }
    // Stored in the input's dtype, then reduced there.
    let losses = PointwiseEvaluation.evaluate(chain, operands, dtype: common, reduce: PyTorchLossReduction(reduction: .none))
    let narrowed = Tensor(dtype: output, shape: shape, doubles: losses.storage.doubleValues.map { EagerTensor.rounded($0, to: output) })
    return LossOutput(try TorchOps.reduced(EagerTensor(narrowed), reduction), warnings: warnings)
  }

  /// An integer loss: elementwise in `dtype`, `sum` in int64 (as `torch.sum` of any integer
  /// tensor), `mean` refused.
  static func integerLoss(
    _ o: PointwiseOperands, dtype: DType, reduction: LossReduction, _ loss: ([Int64]) -> [Int64]
  ) throws(KernelError) -> Tensor {
    let x = o.x.storage.integerValues, y = o.y.storage.integerValues
    let xs = PyTorchFactors.broadcast(x, from: o.x.shape, to: o.shape)
    let ys = PyTorchFactors.broadcast(y, from: o.y.shape, to: o.shape)
    var difference = zip(xs, ys).map { $0 &- $1 }
    if dtype == .int32 { difference = difference.map { Int64(Int32(truncatingIfNeeded: $0)) } }
    var values = loss(difference)
    if dtype == .int32 { values = values.map { Int64(Int32(truncatingIfNeeded: $0)) } }
    switch reduction {
    case .none:
      return Tensor(shape: o.shape, storage: dtype == .int32 ? .int32(values.map { Int32(truncatingIfNeeded: $0) }) : .int64(values))
    case .sum:
      return Tensor(shape: [], storage: .int64([values.reduce(0, &+)]))
    case .mean:
      throw PyTorchLossArguments.integerMean(dtype)
    }
  }
}

extension TensorStorage {
  /// Integer and bool elements as `Int64`; floats truncated (not used for them).
  var integerValues: [Int64] {
    switch self {
    case .int32(let v): return v.map(Int64.init)
    case .int64(let v): return v
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    default: return doubleValues.map { Int64($0) }
    }
  }
}

extension PyTorchPointwiseLoss {
  /// torch 2.15's weighted l1/mse path in Python: the weight must have the input's size; the
  /// unreduced loss is multiplied by it, and `mean` divides the weighted sum by the weights' sum.
  public static func weighted(_ loss: LossOutput, weight: Tensor, input: Tensor, reduction: LossReduction) throws(KernelError) -> LossOutput {
    guard weight.shape == input.shape else {
      throw KernelError(kind: .shape, message: "Weights and input must have the same size.")
    }
    let product = try TorchOps.binary(EagerTensor(loss.value), EagerTensor(weight), *)
    switch reduction {
    case .none, .sum:
      return LossOutput(try TorchOps.reduced(product, reduction), warnings: loss.warnings)
    case .mean:
      let numerator = EagerTensor(try TorchOps.reduced(product, .sum))
      let denominator = EagerTensor(try TorchOps.reduced(EagerTensor(weight), .sum))
      return LossOutput(try TorchOps.binary(numerator, denominator, /).tensor, warnings: loss.warnings)
    }
  }
}
