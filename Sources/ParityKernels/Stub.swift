// TEMPORARY stub, replaced by the kernels branch.
import ParityCore
public enum LossReduction: String, Sendable, CaseIterable { case none, mean, sum }
public struct KernelError: Error, Sendable, Equatable { public var kind: ErrorKind; public var message: String }
public enum SoftMarginLoss {
  public static func pytorch(input: Tensor, target: Tensor, reduction: LossReduction) throws(KernelError) -> Tensor { throw KernelError(kind: .other, message: "stub") }
  public static func mindspore(logits: Tensor, labels: Tensor, reduction: LossReduction) throws(KernelError) -> Tensor { throw KernelError(kind: .other, message: "stub") }
}
