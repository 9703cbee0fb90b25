import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.HingeEmbeddingLoss` and `mindspore.nn.HingeEmbeddingLoss`.
  public static let hingeEmbeddingLossModule = APIMapping(
    id: "nn.HingeEmbeddingLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.HingeEmbeddingLoss",
        signature: Signature(
          [.object("margin", default: .number(1), stage: .construction)] + LossParameters.pytorchReduction(stage: .construction)
            + LossParameters.tensors()),
        implementation: HingeEmbeddingLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.HingeEmbeddingLoss",
        signature: Signature(
          [.object("margin", default: .number(1), stage: .construction), MindSporeRegressionAdapters.reduction(stage: .construction)]
            + MindSporeRegressionAdapters.cellTensors),
        implementation: HingeEmbeddingLossAdapters.mindSporeCell),
    ],
    documentation: .tableRow("torch.nn.HingeEmbeddingLoss"))

  /// `torch.nn.functional.hinge_embedding_loss` and `mindspore.ops.hinge_embedding_loss`.
  public static let hingeEmbeddingLossFunctional = APIMapping(
    id: "nn.functional.hinge_embedding_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.hinge_embedding_loss",
        signature: Signature(LossParameters.tensors() + [.object("margin", default: .number(1))] + LossParameters.pytorchReduction()),
        implementation: HingeEmbeddingLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.hinge_embedding_loss",
        signature: Signature(
          LossParameters.tensors("inputs", "targets") + [.object("margin", default: .number(1)), MindSporeRegressionAdapters.reduction()]),
        implementation: HingeEmbeddingLossAdapters.mindSporeFunction),
    ],
    documentation: .tableRow("torch.nn.functional.hinge_embedding_loss"))
}

/// Both frameworks' argument handling for the hinge embedding loss, in their order and words.
enum HingeEmbeddingLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// Module and function alike (the module passes its `margin` on): the reduction resolves
  /// first, then `torch.hinge_embedding_loss`'s argument parser wants a float `margin` (an int,
  /// a bool or a 0-d tensor will do).
  static let pytorch = PyTorchLossAdapters.loss { x, y, reduction, arguments throws(CallError) in
    let margin = try PyTorchLossAdapters.atenFloat(arguments.value("margin"), op: "hinge_embedding_loss", name: "margin", position: 3)
    return try CallError.rethrowing { () throws(KernelError) in
      try HingeEmbeddingLoss.pytorch(input: x, target: y, margin: margin, reduction: reduction)
    }
  }

  /// `mindspore.nn.HingeEmbeddingLoss(margin, reduction)`: the constructor's validator wants an
  /// `int` or `float` margin (not a bool), then the reduction exactly; `construct` calls the
  /// function, whose own checks then pass but for the dtypes.
  static let mindSporeCell: Implementation = { arguments throws(CallError) in
    let value = arguments.value("margin")
    switch value {
    case .number?, .integer?: break
    default:
      throw CallError(kind: .dtype, message: "For 'HingeEmbeddingLoss', the type of 'margin' should be one of "
        + "'['float', 'int']', but got type '\(MindSporeRegressionAdapters.typeName(value, qualified: false))'.")
    }
    let requested = arguments.value("reduction")
    guard case .string(let s)? = requested, let reduction = LossReduction(rawValue: s) else {
      throw CallError(kind: .argument, message: "For 'HingeEmbeddingLoss', the 'reduction' must be str and must be in "
        + "'['none', 'sum', 'mean']', but got '\(MindSporeRegressionAdapters.shown(requested))'.")
    }
    return try call(arguments, LossTensorNames.mindspore, margin: value, reduction: reduction)
  }

  /// `mindspore.ops.hinge_embedding_loss`: `margin` a float or int (a bool is an int), then the
  /// reduction (a ValueError the recorder files under `other`), then the dtypes.
  static let mindSporeFunction: Implementation = { arguments throws(CallError) in
    let value = arguments.value("margin")
    guard MindSporeRegressionAdapters.number(value) != nil else {
      throw CallError(kind: .argument, message: "For 'HingeEmbeddingLoss', 'margin' must be a float or int, but got "
        + "<class '\(MindSporeRegressionAdapters.typeName(value, qualified: true))'>.")
    }
    let requested = arguments.value("reduction")
    guard case .string(let s)? = requested, let reduction = LossReduction(rawValue: s) else {
      throw CallError(kind: .argument, message: "For 'HingeEmbeddingLoss', 'reduction' must be one of 'none', 'mean', 'sum',"
        + "but got \(MindSporeRegressionAdapters.shown(requested)).")
    }
    return try call(arguments, LossTensorNames("inputs", "targets"), margin: value, reduction: reduction)
  }

  /// The function's dtype checks and ops (`HingeEmbeddingLoss.mindspore`).
  private static func call(
    _ arguments: BoundArguments, _ names: LossTensorNames, margin: ArgumentValue?, reduction: LossReduction
  ) throws(CallError) -> FrameworkAdapter.Output {
    let inputs = try arguments.tensor(names.input), targets = try arguments.tensor(names.target)
    let margin = MindSporeRegressionAdapters.number(margin) ?? 1
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try HingeEmbeddingLoss.mindspore(inputs: inputs, targets: targets, margin: margin, reduction: reduction)
    }
  }
}
