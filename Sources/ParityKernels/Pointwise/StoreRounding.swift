import ParityCore

/// Where an op of a chain stores its result in a tensor: rounding to the tensor's dtype.
///
/// A chain calls `stored` after every op whose result the framework writes to a tensor
/// (each ATen op, each MindSpore primitive), and not inside a fused kernel, which rounds
/// once at its end. For float32 and float64 the compute scalar is the dtype, so storing is
/// the identity; for the 16-bit dtypes it rounds a `Float` to 16 bits.
protocol StoreRounding {
  associatedtype Scalar: ChainScalar
  /// The dtype of the tensors this rounding stores into.
  static var dtype: DType { get }
  static func stored(_ value: Scalar) -> Scalar
  /// The storage of a tensor of `dtype` holding `values` (already stored).
  static func storage(_ values: [Scalar]) -> TensorStorage
}

/// float32 and float64: every op already rounds to the dtype.
enum NativeRounding<Scalar: ChainScalar>: StoreRounding {
  static var dtype: DType { Scalar.self == Float.self ? .float32 : .float64 }
  @inline(__always) static func stored(_ value: Scalar) -> Scalar { value }
  static func storage(_ values: [Scalar]) -> TensorStorage { Scalar.storage(values) }
}

/// A 16-bit dtype computed in `Float`.
enum ReducedRounding<Half: ReducedPrecisionFloat>: StoreRounding {
  static var dtype: DType { Half.self == Float16.self ? .float16 : .bfloat16 }
  @inline(__always) static func stored(_ value: Float) -> Float { Half.stored(value) }
  static func storage(_ values: [Float]) -> TensorStorage { Half.storage(values.map(Half.init)) }
}

/// `R`'s arithmetic without rounding between ops: a fused kernel that computes a 16-bit
/// dtype in `Float` and rounds once at its end (the chain calls `R.stored` on the result).
enum Unrounded<R: StoreRounding>: StoreRounding {
  typealias Scalar = R.Scalar
  static var dtype: DType { R.dtype }
  @inline(__always) static func stored(_ value: Scalar) -> Scalar { value }
  static func storage(_ values: [Scalar]) -> TensorStorage { R.storage(values) }
}
