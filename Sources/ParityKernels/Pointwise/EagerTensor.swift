import ParityCore

/// A tensor between two eager ops of a framework (`TorchOps`, `MindSporeOps`): shape, dtype
/// and every element exactly (each value is one of `dtype`'s). A composite loss is a chain of
/// these, each op rounding its result once to its dtype.
struct EagerTensor {
  var shape: [Int]
  var dtype: DType
  var values: [Double]

  init(_ tensor: Tensor) {
    shape = tensor.shape
    dtype = tensor.dtype
    values = tensor.storage.doubleValues
  }

  init(shape: [Int], dtype: DType, values: [Double]) {
    self.shape = shape
    self.dtype = dtype
    self.values = values
  }

  var count: Int { values.count }
  var rank: Int { shape.count }

  /// The values stored in a `Tensor` of `dtype` (they already are values of it).
  var tensor: Tensor {
    let storage: TensorStorage
    switch dtype {
    case .int32: storage = .int32(values.map { Int32(truncatingIfNeeded: Int64($0)) })
    case .int64: storage = .int64(values.map { Int64($0) })
    default: storage = TensorStorage(dtype: dtype, doubles: values)
    }
    return Tensor(shape: shape, storage: storage)
  }

  /// `value` as a tensor of `dtype` holds it: floats rounded to nearest (16-bit through
  /// Float, as their kernels compute in float), integers truncated toward zero as
  /// `static_cast` does on x86-64, where NaN, infinities and out-of-range values give the
  /// most negative integer; bool is `!= 0`.
  static func rounded(_ value: Double, to dtype: DType) -> Double {
    switch dtype {
    case .float64: return value
    case .float32: return Double(Float(value))
    case .float16: return Double(Float16(Float(value)))
    case .bfloat16: return BFloat16(Float(value)).doubleValue
    case .int32:
      let t = value.rounded(.towardZero)
      return t >= -0x1p31 && t < 0x1p31 ? t : -0x1p31
    case .int64:
      let t = value.rounded(.towardZero)
      return t >= -0x1p63 && t < 0x1p63 ? t : -0x1p63
    case .bool: return value != 0 ? 1 : 0
    }
  }
}
