import Foundation
import ParityCore

/// The Poisson negative log likelihood `e^x - y x` (log input) or `x - y log(x + eps)`, plus
/// Stirling's approximation of `log(y!)` where `y > 1` when `full`.
public enum PoissonNLLLoss {
  /// PyTorch's composite `poisson_nll_loss`, broadcasting silently: fused for same-shape
  /// float32 operands without Stirling's term (`FusedFloatLoss`), else op by op.
  public static func pytorch(
    input: Tensor, target: Tensor, logInput: Bool, full: Bool, eps: Double, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    if !full, let fused = FusedFloatLoss.poisson(logInput: logInput, eps: eps).pytorch(input: input, target: target, reduction: reduction) {
      return LossOutput(fused)
    }
    return LossOutput(try opByOp(input: input, target: target, logInput: logInput, full: full, eps: eps, reduction: reduction))
  }

  /// The loss op by op (`TorchOps`): any dtypes, broadcasting, Stirling's term.
  static func opByOp(
    input: Tensor, target: Tensor, logInput: Bool, full: Bool, eps: Double, reduction: LossReduction
  ) throws(KernelError) -> Tensor {
    let x = EagerTensor(input), t = EagerTensor(target)
    var loss: EagerTensor
    if logInput {
      loss = try TorchOps.subtract(TorchOps.unary(x, Foundation.exp), TorchOps.binary(t, x, *))
    } else {
      let logs = TorchOps.unary(TorchOps.scalar(x, .tensorDType(eps), +), Foundation.log)
      loss = try TorchOps.subtract(x, TorchOps.binary(t, logs, *))
    }
    if full {
      let tLogT = try TorchOps.binary(t, TorchOps.unary(t, Foundation.log), *)
      let first = try TorchOps.subtract(tLogT, t)
      let half = TorchOps.scalar(TorchOps.unary(TorchOps.scalar(t, .opmath(2 * Double.pi), *), Foundation.log), .opmath(0.5), *)
      var stirling = try TorchOps.binary(first, half, +)
      let mask = PyTorchFactors.broadcast(t.values, from: t.shape, to: stirling.shape)
      stirling.values = zip(stirling.values, mask).map { $1 <= 1 ? 0 : $0 }
      loss = try TorchOps.binaryInPlace(loss, stirling, +)
    }
    return try TorchOps.reduced(loss, reduction)
  }
}
