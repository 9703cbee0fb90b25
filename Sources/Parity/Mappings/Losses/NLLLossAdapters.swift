import ParityCore
import ParityKernels

/// Both frameworks' argument handling for the NLL loss, in their order and words.
enum NLLLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// `ignore_index=-100`, bound as given: each framework checks its type itself.
  static func ignoreIndex(stage: Parameter.Stage = .call) -> Parameter {
    .object("ignore_index", default: .integer(-100), stage: stage)
  }

  /// Module and function alike (the module passes its arguments on to `F.nll_loss`): the
  /// reduction resolves first, then `nll_loss_nd`'s argument parser wants an `int`
  /// `ignore_index` (not a bool), then the kernel's checks.
  static let pytorch = PyTorchLossAdapters.loss { x, y, reduction, arguments throws(CallError) in
    let weight = try arguments.optionalTensor("weight")
    let ignoreIndex = try atenIgnoreIndex(arguments, op: "nll_loss_nd")
    return try CallError.rethrowing { () throws(KernelError) in
      try NLLLoss.pytorch(input: x, target: y, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
    }
  }

  /// `mindspore.nn.NLLLoss(weight, ignore_index, reduction)`: `LossBase` checks the reduction,
  /// then the constructor wants an `int` `ignore_index` (not a bool) and a float16 or float32
  /// weight tensor; `construct` calls `ops.nll_loss`.
  static let mindSporeCell: Implementation = { arguments throws(CallError) in
    let reduction = try MindSporeRegressionAdapters.exactReduction(arguments.value("reduction"), owner: "'NLLLoss'")
    let ignoreIndex = try cellIgnoreIndex(arguments, owner: "NLLLoss")
    let weight = try cellWeight(arguments, owner: "NLLLoss")
    let inputs = try arguments.tensor("logits"), labels = try arguments.tensor("labels")
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try NLLLoss.mindspore(inputs: inputs, target: labels, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction.rawValue)
    }
  }

  /// `ignore_index` as an ATen op's argument parser takes it (position 5 in `nll_loss_nd` and
  /// `cross_entropy_loss`): an `int`, not a bool.
  static func atenIgnoreIndex(_ arguments: BoundArguments, op: String) throws(CallError) -> Int64 {
    let value = arguments.value("ignore_index")
    guard case .integer(let ignoreIndex)? = value else {
      throw CallError(kind: .argument, message: "\(op)(): argument 'ignore_index' (position 5) must be int, not "
        + MindSporeRegressionAdapters.typeName(value, qualified: false))
    }
    return ignoreIndex
  }

  /// A MindSpore class-index cell's `ignore_index`: an `int` (not a bool), checked by its constructor.
  static func cellIgnoreIndex(_ arguments: BoundArguments, owner: String) throws(CallError) -> Int64 {
    let value = arguments.value("ignore_index")
    guard case .integer(let ignoreIndex)? = value else {
      throw CallError(kind: .dtype, message: "For '\(owner)', the type of 'ignore_index' should be 'int', but got type "
        + "'\(MindSporeRegressionAdapters.typeName(value, qualified: false))'.")
    }
    return ignoreIndex
  }

  /// A MindSpore class-index cell's `weight`: none, or a float16 or float32 tensor.
  static func cellWeight(_ arguments: BoundArguments, owner: String) throws(CallError) -> Tensor? {
    let weight = try arguments.optionalTensor("weight")
    if let weight, ![.float16, .float32].contains(weight.dtype) {
      throw CallError(kind: .dtype, message: "For '\(owner)', the 'weight' should be one of [mindspore.float16, mindspore.float32], "
        + "but got 'mindspore.\(weight.dtype.rawValue)'.")
    }
    return weight
  }

  /// `mindspore.ops.nll_loss`: no checks of its own; `ignore_index` is compared with the
  /// target (`None` compares nothing), and `reduction` is only tested against 'sum' and 'mean'.
  static let mindSporeFunction: Implementation = { arguments throws(CallError) in
    let ignoreIndex: Int64?
    switch arguments.value("ignore_index") {
    case .integer(let i)?: ignoreIndex = i
    case .bool(let b)?: ignoreIndex = b ? 1 : 0
    case .number(let d)?: ignoreIndex = d.rounded() == d ? Int64(d) : .min
    case .none?, nil: ignoreIndex = nil
    default:
      throw CallError(kind: .argument, message: "Failed calling Equal with \"Equal()(input=Tensor, other=string)\".")
    }
    let reduction: String
    if case .string(let s)? = arguments.value("reduction") { reduction = s } else { reduction = "none" }
    let inputs = try arguments.tensor("inputs"), target = try arguments.tensor("target")
    let weight = try arguments.optionalTensor("weight")
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try NLLLoss.mindspore(inputs: inputs, target: target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
    }
  }
}
