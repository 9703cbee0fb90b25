import ParityCore

/// The checks MindSpore's classification-loss primitives (BinaryCrossEntropy,
/// BCEWithLogitsLoss, KLDivLoss) run in their shape and type inference, before any kernel.
enum MindSporeClassificationChecks {
  /// Whether `weight` broadcasts to `input` without changing it: no more dimensions, and each
  /// trailing dimension equal or 1 (the inference's "can not broadcast to the shape of 'input'").
  static func broadcasts(_ weight: [Int], to input: [Int]) -> Bool {
    guard weight.count <= input.count else { return false }
    return zip(weight.reversed(), input.reversed()).allSatisfy { $0 == $1 || $0 == 1 }
  }

  /// The shape error for an optional weight that does not broadcast to the input.
  static func checkWeight(_ weight: Tensor?, named name: String, primitive: String, input: Tensor) throws(KernelError) {
    guard let weight, !broadcasts(weight.shape, to: input.shape) else { return }
    throw KernelError(kind: .shape, message: "For '\(primitive)', the shape of '\(name)' can not broadcast to the shape of 'input'.")
  }
}
