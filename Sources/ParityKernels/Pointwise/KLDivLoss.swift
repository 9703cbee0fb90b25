import Foundation
import ParityCore

/// The pointwise Kullback-Leibler divergence `y (log y - x)`, or `e^y (y - x)` with a log target.
public enum KLDivLoss {
  /// PyTorch's composite `kl_div`: `xlogy(t, t) - t * x` (or `exp(t) * (t - x)`), fused for
  /// same-shape float32 operands (`FusedFloatLoss`), else op by op, broadcasting without a
  /// warning; `batchmean` then divides the sum by `input.size(0)`
  /// (not for a 0-d input). The wrapper's `'mean'` warning is the adapter's.
  public static func pytorch(
    input: Tensor, target: Tensor, reduction: LossReduction, batchmean: Bool, logTarget: Bool
  ) throws(KernelError) -> LossOutput {
    guard input.dtype.isFloatingPoint, target.dtype.isFloatingPoint else {
      throw KernelError(kind: .dtype, message: "kl_div: Integral inputs not supported.")
    }
    let fusedLoss: FusedFloatLoss = logTarget ? .klDivergenceLogTarget : .klDivergence
    var value: Tensor
    if let fused = fusedLoss.pytorch(input: input, target: target, reduction: reduction) {
      value = fused
    } else {
      value = try opByOp(input: input, target: target, reduction: reduction, logTarget: logTarget)
    }
    if batchmean && input.rank > 0 {
      value = TorchOps.scalar(EagerTensor(value), .opmath(Double(input.shape[0])), /).tensor
    }
    return LossOutput(value)
  }

  /// The loss op by op (`TorchOps`): any dtypes, broadcasting.
  static func opByOp(input: Tensor, target: Tensor, reduction: LossReduction, logTarget: Bool) throws(KernelError) -> Tensor {
    let x = EagerTensor(input), t = EagerTensor(target)
    let loss: EagerTensor
    if logTarget {
      loss = try TorchOps.binary(TorchOps.unary(t, Foundation.exp), TorchOps.subtract(t, x), *)
    } else {
      // xlogy's kernel: NaN for a NaN y, 0 for x == 0, else x * log(y) with the log stored first.
      let dtype = t.dtype
      let xlogy = try TorchOps.binary(t, t) { a, b in
        b.isNaN ? .nan : a == 0 ? 0 : a * EagerTensor.rounded(Foundation.log(b), to: dtype)
      }
      loss = try TorchOps.subtract(xlogy, TorchOps.binary(t, x, *))
    }
    return try TorchOps.reduced(loss, reduction)
  }

  /// The warning `kl_div` emits for `reduction='mean'` (its sentences joined with no spaces).
  public static let meanWarning = "reduction: 'mean' divides the total loss by both the batch size and the support size."
    + "'batchmean' divides only by the batch size, and aligns with the KL div math definition."
    + "'mean' will be changed to behave the same as 'batchmean' in the next major release."
}
