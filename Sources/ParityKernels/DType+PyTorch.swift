import ParityCore

extension DType {
  /// The name PyTorch's C++ errors use (`c10::toString(ScalarType)`).
  var torchName: String {
    switch self {
    case .float16: return "Half"
    case .bfloat16: return "BFloat16"
    case .float32: return "Float"
    case .float64: return "Double"
    case .int32: return "Int"
    case .int64: return "Long"
    case .bool: return "Bool"
    }
  }

  /// `torch.promote_types` restricted to the contract's dtypes: bool yields to anything,
  /// integers to floats, and float16 with bfloat16 meet at float32 (neither holds the other).
  static func torchPromoted(_ a: DType, _ b: DType) -> DType {
    if a == b || b == .bool { return a }
    if a == .bool { return b }
    switch (a.isFloatingPoint, b.isFloatingPoint) {
    case (true, false): return a
    case (false, true): return b
    case (false, false): return .int64  // int32 with int64
    case (true, true):
      if a.byteWidth == 2 && b.byteWidth == 2 { return .float32 }
      return a.byteWidth >= b.byteWidth ? a : b
    }
  }

  /// The dtype TensorIterator computes a binary op in when `self` is the first operand,
  /// following `at::result_type`'s categories: a 0-d operand only counts against an
  /// operand with dimensions when it is of a higher category (float over integer over bool).
  static func torchResultType(_ a: DType, rank aRank: Int, _ b: DType, rank bRank: Int) -> DType {
    guard (aRank == 0) != (bRank == 0) else { return torchPromoted(a, b) }
    let (dimensioned, zeroDim) = aRank == 0 ? (b, a) : (a, b)
    if dimensioned.isFloatingPoint { return dimensioned }
    if dimensioned == .bool || zeroDim.isFloatingPoint { return torchPromoted(dimensioned, zeroDim) }
    return dimensioned
  }
}
