import ParityCore
import ParityKernels

/// The parameter lists every PyTorch and MindSpore loss declares in part, and the binding
/// steps their adapters share, so each loss's declaration says only what is its own.
public enum LossParameters {
  /// PyTorch's `size_average=None, reduce=None, reduction='mean'`.
  public static func pytorchReduction(stage: Parameter.Stage = .call) -> [Parameter] {
    [.optionalBool("size_average", stage: stage), .optionalBool("reduce", stage: stage),
     .string("reduction", default: "mean", stage: stage)]
  }

  /// A module's two call tensors, or a function's.
  public static func tensors(_ first: String = "input", _ second: String = "target") -> [Parameter] {
    [.tensor(first), .tensor(second)]
  }
}

extension BoundArguments {
  /// The reduction a PyTorch loss resolves from `size_average`/`reduce`/`reduction` (those it
  /// declares), with the warnings `torch/nn/_reduction.py` emits.
  func pytorchReduction() throws(CallError) -> (reduction: LossReduction, warnings: [String]) {
    let legacy = value("size_average") != nil
    return try PyTorchReduction.resolve(
      sizeAverage: legacy ? optionalBool("size_average") : nil, reduce: legacy ? optionalBool("reduce") : nil,
      reduction: string("reduction"))
  }
}

extension BoundArguments {
  /// Whether `size_average` or `reduce` was given as something other than `None`.
  func usesLegacyReduction() throws(CallError) -> Bool {
    guard value("size_average") != nil else { return false }
    let sizeAverage = try optionalBool("size_average"), reduce = try optionalBool("reduce")
    return sizeAverage != nil || reduce != nil
  }
}

extension FrameworkAdapter.Output {
  /// A kernel's output with the adapter's own warnings first.
  init(_ output: LossOutput, warnings: [String]) {
    self.init(value: output.value, warnings: warnings + output.warnings)
  }
}

/// A loss adapter's two tensors, by the names one API gives them.
public struct LossTensorNames: Sendable {
  public var input: String
  public var target: String

  public init(_ input: String = "input", _ target: String = "target") {
    self.input = input
    self.target = target
  }

  public static let pytorch = LossTensorNames()
  public static let mindspore = LossTensorNames("logits", "labels")
}
