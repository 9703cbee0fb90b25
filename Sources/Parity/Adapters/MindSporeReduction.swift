import ParityKernels

/// How MindSpore's loss primitives convert `reduction`: case-insensitively, to one of
/// none/mean/sum; PyTorch's `elementwise_mean` alias is unknown to it.
public enum MindSporeReduction {
  public static func resolve(_ reduction: String, primitive: String) throws(CallError) -> LossReduction {
    switch reduction.lowercased() {
    case "none": return .none
    case "mean": return .mean
    case "sum": return .sum
    default:
      throw CallError(
        kind: .argument,
        message: "Failed to convert the value \"\(reduction)\" of input 'reduction' of '\(primitive)' to enum.")
    }
  }
}
