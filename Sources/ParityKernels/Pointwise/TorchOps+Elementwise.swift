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
}
