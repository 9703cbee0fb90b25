/// The element types the fixture contract names, spelled as the contract spells them.
public enum DType: String, CaseIterable, Sendable, Hashable, Comparable {
  case float16, bfloat16, float32, float64, int32, int64, bool

  /// Bytes per element in the contract's `base64` encoding (raw little-endian).
  @inlinable
  public var byteWidth: Int {
    switch self {
    case .bool: return 1
    case .float16, .bfloat16: return 2
    case .float32, .int32: return 4
    case .float64, .int64: return 8
    }
  }

  @inlinable
  public var isFloatingPoint: Bool {
    switch self {
    case .float16, .bfloat16, .float32, .float64: return true
    case .int32, .int64, .bool: return false
    }
  }

  /// Significand bits including the implicit one; `nil` for non-floating dtypes.
  @inlinable
  public var significandPrecision: Int? {
    switch self {
    case .float16: return 11
    case .bfloat16: return 8
    case .float32: return 24
    case .float64: return 53
    case .int32, .int64, .bool: return nil
    }
  }

  /// Orders dtypes as the contract lists them, so tables and reports are stable.
  public static func < (lhs: DType, rhs: DType) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
