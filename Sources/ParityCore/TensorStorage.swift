/// The elements of a tensor in row-major order, one case per dtype.
///
/// An enum of typed arrays rather than raw bytes: kernels switch once and then run over a
/// concrete `[Float]` or `[Double]`, with no per-element dispatch.
public enum TensorStorage: Sendable {
  case float16([Float16])
  case bfloat16([BFloat16])
  case float32([Float])
  case float64([Double])
  case int32([Int32])
  case int64([Int64])
  case bool([Bool])

  @inlinable
  public var dtype: DType {
    switch self {
    case .float16: return .float16
    case .bfloat16: return .bfloat16
    case .float32: return .float32
    case .float64: return .float64
    case .int32: return .int32
    case .int64: return .int64
    case .bool: return .bool
    }
  }

  @inlinable
  public var count: Int {
    switch self {
    case .float16(let v): return v.count
    case .bfloat16(let v): return v.count
    case .float32(let v): return v.count
    case .float64(let v): return v.count
    case .int32(let v): return v.count
    case .int64(let v): return v.count
    case .bool(let v): return v.count
    }
  }

  /// Every element widened to `Double`, which holds every float dtype exactly
  /// (and every int32; int64 beyond 2^53 rounds).
  public var doubleValues: [Double] {
    switch self {
    case .float16(let v): return v.map { Double($0) }
    case .bfloat16(let v): return v.map { $0.doubleValue }
    case .float32(let v): return v.map { Double($0) }
    case .float64(let v): return v
    case .int32(let v): return v.map { Double($0) }
    case .int64(let v): return v.map { Double($0) }
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    }
  }

  /// Builds storage of `dtype` from `Double`s, rounding once, straight to the target type.
  public init(dtype: DType, doubles: [Double]) {
    switch dtype {
    case .float16: self = .float16(doubles.map { Float16($0) })
    case .bfloat16: self = .bfloat16(doubles.map { BFloat16($0) })
    case .float32: self = .float32(doubles.map { Float($0) })
    case .float64: self = .float64(doubles)
    case .int32: self = .int32(doubles.map { Int32($0) })
    case .int64: self = .int64(doubles.map { Int64($0) })
    case .bool: self = .bool(doubles.map { $0 != 0 })
    }
  }
}

extension TensorStorage: Equatable {
  /// Bitwise equality for floats (so NaN equals the same NaN and -0 differs from +0):
  /// two storages are equal when they would serialize to the same bytes.
  public static func == (lhs: TensorStorage, rhs: TensorStorage) -> Bool {
    switch (lhs, rhs) {
    case (.float16(let a), .float16(let b)): return a.map(\.bitPattern) == b.map(\.bitPattern)
    case (.bfloat16(let a), .bfloat16(let b)): return a == b
    case (.float32(let a), .float32(let b)): return a.map(\.bitPattern) == b.map(\.bitPattern)
    case (.float64(let a), .float64(let b)): return a.map(\.bitPattern) == b.map(\.bitPattern)
    case (.int32(let a), .int32(let b)): return a == b
    case (.int64(let a), .int64(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    default: return false
    }
  }
}
