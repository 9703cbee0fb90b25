import Foundation
import ParityCore

extension TorchOps {
  /// `-a`, in `a`'s dtype (exact); a bool tensor is refused.
  static func negate(_ a: EagerTensor) throws(KernelError) -> EagerTensor {
    guard a.dtype != .bool else {
      throw KernelError(kind: .dtype, message: "Negation, the `-` operator, on a bool tensor is not supported. "
        + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
    }
    return EagerTensor(shape: a.shape, dtype: a.dtype, values: a.values.map { -$0 })
  }

  /// `a.to(dtype)`: each element rounded (or truncated) to `dtype`.
  static func cast(_ a: EagerTensor, to dtype: DType) -> EagerTensor {
    EagerTensor(shape: a.shape, dtype: dtype, values: a.values.map { EagerTensor.rounded($0, to: dtype) })
  }

  /// `clamp_min_(a, min)` in place: NaN stays NaN (and -0 stays -0).
  static func clampMin(_ a: EagerTensor, _ min: Double) -> EagerTensor {
    EagerTensor(shape: a.shape, dtype: a.dtype, values: a.values.map { $0 < min ? min : $0 })
  }

  /// `F.logsigmoid(a)`: one kernel, `min(x, 0) - log1p(exp(-|x|))` in Double rounded once to the
  /// dtype; integer and bool tensors have no kernel. Correctly rounded on purpose: torch 2.15's
  /// vectorized float32 kernel is not (1 ULP off for 3,456 of 20,000 normal(0, 2) inputs on the
  /// AVX2 recording machine); reproducing those bits would tie the port to one machine's kernel.
  static func logSigmoid(_ a: EagerTensor) throws(KernelError) -> EagerTensor {
    guard a.dtype.isFloatingPoint else {
      throw KernelError(kind: .dtype, message: "\"log_sigmoid_cpu\" not implemented for '\(a.dtype.torchName)'")
    }
    return unary(a) { v in Swift.min(v, 0) - Foundation.log1p(Foundation.exp(-Swift.abs(v))) }
  }
}

extension TorchOps {
  /// `at::where(condition == value, a, b)`: the three broadcast together (condition first, so a
  /// size mismatch names its size as tensor a), the result in `a` and `b`'s promoted dtype.
  static func `where`(
    _ condition: EagerTensor, equals value: Double, _ a: EagerTensor, _ b: EagerTensor
  ) throws(KernelError) -> EagerTensor {
    let shape = try PyTorchLossArguments.broadcast(try PyTorchLossArguments.broadcast(condition.shape, a.shape), b.shape)
    let dtype = DType.torchResultType(a.dtype, rank: a.rank, b.dtype, rank: b.rank)
    let c = PyTorchFactors.broadcast(condition.values, from: condition.shape, to: shape)
    let x = PyTorchFactors.broadcast(a.values, from: a.shape, to: shape)
    let y = PyTorchFactors.broadcast(b.values, from: b.shape, to: shape)
    let values = (0..<c.count).map { i in EagerTensor.rounded(c[i] == value ? x[i] : y[i], to: dtype) }
    return EagerTensor(shape: shape, dtype: dtype, values: values)
  }
}
