import ParityCore

/// What a loss returned and the warnings its framework emitted on the way (PyTorch's Python
/// wrappers warn, for example, when a target's size differs from the input's).
public struct LossOutput: Sendable, Equatable {
  public var value: Tensor
  public var warnings: [String]

  public init(_ value: Tensor, warnings: [String] = []) {
    self.value = value
    self.warnings = warnings
  }
}
