import Foundation
import ParityCore

/// The Gaussian negative log likelihood `(log v + (x - y)^2 / v) / 2` with `v = max(var, eps)`,
/// plus `log(2 pi) / 2` when `full`.
public enum GaussianNLLLoss {
  /// `var` or `eps` as given: a tensor, or a Python number (PyTorch spreads a float `var`
  /// over the input; `clamp_` takes a tensor `eps` elementwise).
  public enum Operand: Sendable {
    case tensor(Tensor)
    case number(Double)
  }

  /// `0.5 * math.log(2 * math.pi)`, the constant both frameworks add with `full`, as Python
  /// computes it in double.
  static let halfLogTwoPi = 0.9189385332046727

  /// `torch.nn.functional.gaussian_nll_loss` once `reduction` is one of `none`/`mean`/`sum`
  /// and `eps` a number, op by op (`TorchOps`) after its checks in their order: a negative
  /// `var` (a float, or any element of a tensor), then `var`'s size against the input's
  /// alone (equal; the input's without its last dimension, then unsqueezed; or the same rank
  /// with one dimension where `var` has 1). Then `var.clone().clamp_(min=eps)` (in place, so
  /// an integer `var` refuses a float `eps`), `0.5 * (log(var) + (input - target) ** 2 / var)`,
  /// `loss += 0.5 * log(2 pi)` with `full`, and `mean()`/`sum()`.
  public static func pytorch(
    input: Tensor, target: Tensor, variance: Operand, full: Bool, eps: Operand, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    let x = EagerTensor(input), t = EagerTensor(target)
    var v: EagerTensor
    switch variance {
    case .number(let value):
      guard !(value < 0) else { throw negativeVariance }
      // `var * torch.ones_like(input)`: a float times the input's dtype (float32 for integers).
      v = TorchOps.scalar(EagerTensor(shape: x.shape, dtype: x.dtype, values: [Double](repeating: 1, count: x.count)), .opmath(value), *)
    case .tensor(let tensor):
      v = EagerTensor(tensor)
      guard !v.values.contains(where: { $0 < 0 }) else { throw negativeVariance }
    }
    v.shape = try pytorchVarianceShape(v.shape, input: x.shape)
    switch eps {
    case .number(let value): v = try TorchOps.clampMinInPlace(v, value)
    case .tensor(let bound): v = try TorchOps.binaryInPlace(v, EagerTensor(bound)) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) }
    }
    let difference = try TorchOps.subtract(x, t)
    let quotient = try TorchOps.divide(TorchOps.square(difference), v)
    var loss = TorchOps.scalar(try TorchOps.binary(TorchOps.unary(v, Foundation.log), quotient, +), .opmath(0.5), *)
    if full { loss = TorchOps.scalar(loss, .tensorDType(halfLogTwoPi), +) }
    return LossOutput(try TorchOps.reduced(loss, reduction))
  }

  static let negativeVariance = KernelError(kind: .argument, message: "var has negative entry/entries")

  /// `var`'s shape once PyTorch has checked it against the input's: unchanged when equal, or
  /// when of the same rank with exactly one other dimension (where `var` has 1: the sizes of
  /// `var` where they differ must add up to 1); with a trailing 1 when it is the input's shape
  /// without its last dimension; else a ValueError.
  static func pytorchVarianceShape(_ shape: [Int], input: [Int]) throws(KernelError) -> [Int] {
    guard shape != input else { return shape }
    if !input.isEmpty && Array(input.dropLast()) == shape { return shape + [1] }
    if shape.count == input.count && zip(input, shape).filter({ $0 != $1 }).map(\.1).reduce(0, +) == 1 { return shape }
    throw KernelError(kind: .shape, message: "var is of incorrect size")
  }
}

extension TorchOps {
  /// `a.clamp_(min=value)` in place: the number converted to `a`'s dtype (refused by an
  /// integer or bool tensor when it is a float, told apart by its value as `TorchScalar`
  /// does), NaN kept.
  static func clampMinInPlace(_ a: EagerTensor, _ value: Double) throws(KernelError) -> EagerTensor {
    let integral = value.rounded() == value
    try checkCast(a.dtype.isFloatingPoint || integral ? a.dtype : .float32, to: a.dtype)
    let bound = EagerTensor.rounded(value, to: a.dtype)
    return EagerTensor(shape: a.shape, dtype: a.dtype, values: a.values.map { $0 < bound ? bound : $0 })
  }

  /// `a ** 2`: the tensor's own dtype (integers stay integers), each square rounded once.
  static func square(_ a: EagerTensor) -> EagerTensor {
    EagerTensor(shape: a.shape, dtype: a.dtype, values: a.values.map { EagerTensor.rounded($0 * $0, to: a.dtype) })
  }

  /// `a / b`, true division: two integer operands divide in float32.
  static func divide(_ a: EagerTensor, _ b: EagerTensor) throws(KernelError) -> EagerTensor {
    guard !a.dtype.isFloatingPoint && !b.dtype.isFloatingPoint else { return try binary(a, b, /) }
    return try binary(EagerTensor(shape: a.shape, dtype: .float32, values: a.values.map { EagerTensor.rounded($0, to: .float32) }), b, /)
  }
}
