import ParityKernels

/// How `torch.nn.functional` losses turn `size_average`, `reduce` and `reduction` into a
/// reduction (torch/nn/_reduction.py), shared by every PyTorch loss adapter.
public enum PyTorchReduction {
  /// Resolves the three arguments as PyTorch does, with the warnings it emits.
  ///
  /// The legacy pair overrides `reduction` whenever either is not `None`; `None` counts as
  /// `True`; `reduce=False` wins over `size_average`.
  public static func resolve(
    sizeAverage: Bool?, reduce: Bool?, reduction: String
  ) throws(CallError) -> (reduction: LossReduction, warnings: [String]) {
    var warnings: [String] = []
    var name = reduction
    if sizeAverage != nil || reduce != nil {
      let averaging = sizeAverage ?? true
      let reducing = reduce ?? true
      name = reducing ? (averaging ? "mean" : "sum") : "none"
      warnings.append("size_average and reduce args will be deprecated, please use reduction='\(name)' instead.")
    }
    switch name {
    case "none": return (.none, warnings)
    case "mean": return (.mean, warnings)
    case "sum": return (.sum, warnings)
    case "elementwise_mean":
      warnings.append("reduction='elementwise_mean' is deprecated. Please use reduction='mean' instead.")
      return (.mean, warnings)
    default:
      throw CallError(kind: .argument, message: "\(name) is not a valid value for reduction")
    }
  }
}
