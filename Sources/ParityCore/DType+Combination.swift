/// The dtypes of a call's tensors, in the case's order: one name for the combination wherever
/// it is shown (a report's mixed-dtype table, the dtype criterion's lists).
extension Collection where Element == DType {
  /// Whether the tensors mix dtypes (`float32 & int64`), as promotion and class-index calls do.
  public var mixesDTypes: Bool { Set(self).count > 1 }

  /// `float32` when the tensors share one dtype, else `float32 & int64` in the case's order.
  public var combinationText: String {
    mixesDTypes ? map(\.rawValue).joined(separator: " & ") : first?.rawValue ?? ""
  }
}
