import Foundation
import ParityCore

/// `-w (pw y log σ(x) + (1 - y) log(1 - σ(x)))`.
public enum BinaryCrossEntropyWithLogits {
  /// PyTorch's composite `binary_cross_entropy_with_logits`, fused for same-shape float32
  /// operands without weights (`FusedFloatLoss`), else op by op: `log_sigmoid(input)`
  /// (one kernel: `min(x, 0) - log1p(exp(-|x|))`), weighted by `(pos_weight - 1) * target + 1`
  /// in place, then `(1 - target).mul_(input).sub_(log_sigmoid)` and `mul_(weight)`. The
  /// in-place chain starts from `1 - target`, so the result has the target's dtype.
  public static func pytorch(
    input: Tensor, target: Tensor, weight: Tensor?, posWeight: Tensor?, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    guard input.shape == target.shape else {
      throw KernelError(kind: .shape, message: "Target size (\(PyTorchLossArguments.torchSize(target.shape))) "
        + "must be the same as input size (\(PyTorchLossArguments.torchSize(input.shape)))")
    }
    guard input.dtype.isFloatingPoint else {
      throw KernelError(kind: .dtype, message: "\"log_sigmoid_cpu\" not implemented for '\(input.dtype.torchName)'")
    }
    if weight == nil, posWeight == nil,
      let fused = FusedFloatLoss.binaryCrossEntropyWithLogits.pytorch(input: input, target: target, reduction: reduction)
    {
      return LossOutput(fused)
    }
    return LossOutput(try opByOp(input: input, target: target, weight: weight, posWeight: posWeight, reduction: reduction))
  }

  /// The loss op by op (`TorchOps`), once the checks have passed: any float dtypes, weights.
  static func opByOp(
    input: Tensor, target: Tensor, weight: Tensor?, posWeight: Tensor?, reduction: LossReduction
  ) throws(KernelError) -> Tensor {
    let x = EagerTensor(input), t = EagerTensor(target)
    var logSigmoid = try TorchOps.logSigmoid(x)
    if let posWeight {
      var logWeight = TorchOps.scalar(EagerTensor(posWeight), .opmath(1), -)
      logWeight = try TorchOps.binary(logWeight, t, *)
      logWeight = TorchOps.scalar(logWeight, .tensorDType(1), +)
      logSigmoid = try TorchOps.binaryInPlace(logSigmoid, logWeight, *)
    }
    if target.dtype == .bool { try PyTorchLossArguments.checkSubtraction(target, target) }
    var loss = TorchOps.scalar(t, .opmath(1)) { v, one in one - v }
    loss = try TorchOps.binaryInPlace(loss, x, *)
    loss = try TorchOps.binaryInPlace(loss, logSigmoid, -)
    if let weight { loss = try TorchOps.binaryInPlace(loss, EagerTensor(weight), *) }
    return try TorchOps.reduced(loss, reduction)
  }
}
