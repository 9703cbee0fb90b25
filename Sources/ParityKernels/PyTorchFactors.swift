import ParityCore

/// The right operand of PyTorch's `out *= target`, laid out like `out` (broadcast) and
/// converted the way TensorIterator converts it for the dtype the multiply is computed in.
enum PyTorchFactors {
  /// The multiply runs in float32 (or in a 16-bit dtype, which PyTorch computes in float32).
  case float([Float])
  /// The multiply runs in float64: a float64 operand with dimensions promotes it.
  case double([Double])

  /// `target` must already be known to broadcast to `input`'s shape.
  init(target: Tensor, input: Tensor) {
    let computeType = DType.torchResultType(input.dtype, rank: input.rank, target.dtype, rank: target.rank)
    if computeType == .float64 {
      // Widening a float is exact; an int64 rounds once, as static_cast<double> does.
      self = .double(Self.broadcast(target.storage.doubleValues, from: target.shape, to: input.shape))
      return
    }
    var values = Self.floats(target.storage)
    if target.count != 1 {
      // TensorIterator casts an operand to a 16-bit compute type first (through Float, as
      // c10::Half and c10::BFloat16 convert). A single broadcast value skips that: mul's
      // reduced-float fast path reads it straight as Float (`original_scalar_value<float>`).
      switch computeType {
      case .float16: values = values.map(Float16.stored)
      case .bfloat16: values = values.map(BFloat16.stored)
      default: break
      }
    }
    self = .float(Self.broadcast(values, from: target.shape, to: input.shape))
  }

  /// Every element rounded once to Float, as `static_cast<float>` does from each dtype.
  static func floats(_ storage: TensorStorage) -> [Float] {
    switch storage {
    case .float16(let v): return v.map(\.float)
    case .bfloat16(let v): return v.map(\.floatValue)
    case .float32(let v): return v
    case .float64(let v): return v.map { Float($0) }
    case .int32(let v): return v.map { Float($0) }
    case .int64(let v): return v.map { Float($0) }
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    }
  }

  /// `values` (of shape `source`) repeated to fill `target`, sharing storage when nothing moves.
  static func broadcast<T>(_ values: [T], from source: [Int], to target: [Int]) -> [T] {
    if source == target { return values }
    let count = Shape.elementCount(target) ?? 0
    if values.count == 1 { return Array(repeating: values[0], count: count) }
    return Shape.broadcastIndices(from: source, to: target).map { values[$0] }
  }
}
