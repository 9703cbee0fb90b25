import ParityCore

extension DType {
  /// The name MindSpore's type checks print (`Tensor[Float32]`).
  var mindSporeName: String {
    switch self {
    case .float16: return "Float16"
    case .bfloat16: return "BFloat16"
    case .float32: return "Float32"
    case .float64: return "Float64"
    case .int32: return "Int32"
    case .int64: return "Int64"
    case .bool: return "Bool"
    }
  }
}
