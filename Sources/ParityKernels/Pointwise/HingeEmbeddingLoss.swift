import ParityCore

/// `x` where the target is 1, `max(0, margin - x)` where it is -1. A target that is neither
/// gets both terms in PyTorch (ATen tests `!= 1` and `!= -1`) and neither in MindSpore (which
/// tests `> 0` and `< 0`, so any positive target counts as 1 and any negative one as -1).
public enum HingeEmbeddingLoss {
  /// PyTorch's composite `hinge_embedding_loss`, op by op (`TorchOps`):
  /// `margin_clamp = (margin - self).clamp_min_(0)`, where `margin - self` is ATen's
  /// `empty_like(self).fill_(margin).sub_(self)` (the margin converted to the input's dtype
  /// first: refused if it overflows it, truncated for integers), then
  /// `where(target != 1, margin_clamp, zeros) + where(target != -1, self, zeros)` and
  /// `apply_loss_reduction`. The result has the input's dtype and the broadcast shape; the
  /// target is only compared, so its dtype never matters.
  public static func pytorch(input: Tensor, target: Tensor, margin: Double, reduction: LossReduction) throws(KernelError) -> LossOutput {
    let x = EagerTensor(input), t = EagerTensor(target)
    let filled = try TorchOps.filled(like: x, with: margin)
    let marginClamp = TorchOps.clampMin(try TorchOps.subtract(filled, x), 0)
    let zeros = EagerTensor(shape: x.shape, dtype: x.dtype, values: [Double](repeating: 0, count: x.count))
    let outputMargin = try TorchOps.where(TorchOps.compare(t, 1, !=), marginClamp, zeros)
    let outputSelf = try TorchOps.where(TorchOps.compare(t, -1, !=), x, zeros)
    let output = try TorchOps.binary(outputMargin, outputSelf, +)
    return LossOutput(try TorchOps.reduced(output, reduction))
  }
}

extension TorchOps {
  /// `empty_like(a).fill_(value)`: the Python number converted to `a`'s dtype by c10's
  /// `checked_convert`, which refuses a finite value outside the dtype's range (and NaN for
  /// the integer types and bool), then rounds it (16-bit through Float) or truncates it. The
  /// refusal is a RuntimeError the recorder files under `other`.
  static func filled(like a: EagerTensor, with value: Double) throws(KernelError) -> EagerTensor {
    let bounds: (name: String, lowest: Double, max: Double)?
    switch a.dtype {
    case .float64: bounds = nil
    case .float32: bounds = ("float", -Double(Float.greatestFiniteMagnitude), Double(Float.greatestFiniteMagnitude))
    case .float16: bounds = ("c10::Half", -65504, 65504)
    case .bfloat16:
      let max = BFloat16(bitPattern: 0x7F7F).doubleValue
      bounds = ("c10::BFloat16", -max, max)
    case .int32: bounds = ("int", -0x1p31, 0x1p31 - 1)
    case .int64: bounds = ("int64_t", -0x1p63, 0x1p63)
    case .bool: bounds = ("bool", 0, 1)
    }
    if let bounds {
      let unrepresentable = a.dtype.isFloatingPoint ? !value.isInfinite && !value.isNaN && (value < bounds.lowest || value > bounds.max)
        : value.isNaN || value < bounds.lowest || value > bounds.max
      if unrepresentable {
        throw KernelError(kind: .other, message: "value cannot be converted to type \(bounds.name) without overflow")
      }
    }
    let element = EagerTensor.rounded(value, to: a.dtype)
    return EagerTensor(shape: a.shape, dtype: a.dtype, values: [Double](repeating: element, count: a.count))
  }

  /// A comparison with a Python number (`target != 1`): a bool tensor of `a`'s shape. The
  /// number is exact in every dtype it is compared in here (±1), so the comparison is exact.
  static func compare(_ a: EagerTensor, _ value: Double, _ op: (Double, Double) -> Bool) -> EagerTensor {
    EagerTensor(shape: a.shape, dtype: .bool, values: a.values.map { op($0, value) ? 1 : 0 })
  }

  /// `at::where(condition, a, b)`: one iterator over the three (the broadcast error names the
  /// condition's size as tensor a, then the shape so far against `b`), `a` and `b` promoted.
  static func `where`(_ condition: EagerTensor, _ a: EagerTensor, _ b: EagerTensor) throws(KernelError) -> EagerTensor {
    let shape = try PyTorchLossArguments.broadcast(PyTorchLossArguments.broadcast(condition.shape, a.shape), b.shape)
    let dtype = DType.torchResultType(a.dtype, rank: a.rank, b.dtype, rank: b.rank)
    let c = PyTorchFactors.broadcast(condition.values, from: condition.shape, to: shape)
    let x = PyTorchFactors.broadcast(a.values, from: a.shape, to: shape)
    let y = PyTorchFactors.broadcast(b.values, from: b.shape, to: shape)
    return EagerTensor(shape: shape, dtype: dtype, values: c.indices.map { EagerTensor.rounded(c[$0] != 0 ? x[$0] : y[$0], to: dtype) })
  }
}
