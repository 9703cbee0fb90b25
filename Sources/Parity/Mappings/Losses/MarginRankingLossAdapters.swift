import ParityCore
import ParityKernels

/// Both frameworks' argument handling for the margin ranking loss, in their order and words.
enum MarginRankingLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// `(input1, input2, target)`, the names both frameworks give the three tensors.
  static let tensors: [Parameter] = [.tensor("input1"), .tensor("input2"), .tensor("target")]

  /// Module and function alike (the module passes its `margin` on): the reduction resolves
  /// first, then the wrapper's rank check, then `torch.margin_ranking_loss`'s parser wants a
  /// float `margin`.
  static let pytorch: Implementation = { arguments throws(CallError) in
    let (reduction, warnings) = try arguments.pytorchReduction()
    let input1 = try arguments.tensor("input1"), input2 = try arguments.tensor("input2"), target = try arguments.tensor("target")
    try CallError.rethrowing { () throws(KernelError) in try MarginRankingLoss.checkSameRank(input1: input1, input2: input2, target: target) }
    let margin = try PyTorchLossAdapters.atenFloat(arguments.value("margin"), op: "margin_ranking_loss", name: "margin", position: 4)
    let output = try CallError.rethrowing { () throws(KernelError) in
      try MarginRankingLoss.pytorch(input1: input1, input2: input2, target: target, margin: margin, reduction: reduction)
    }
    return .init(output, warnings: warnings)
  }

  /// `mindspore.nn.MarginRankingLoss(margin, reduction)`: `LossBase` checks the reduction when
  /// constructed; `construct` calls the function with the stored margin.
  static let mindSporeCell: Implementation = { arguments throws(CallError) in
    let reduction = try MindSporeRegressionAdapters.exactReduction(arguments.value("reduction"), owner: "'MarginRankingLoss'")
    return try call(arguments, reduction: .success(reduction))
  }

  /// `mindspore.ops.margin_ranking_loss`: its `reduction` is checked by `_get_loss`, after the
  /// loss is computed, so any error of the computation comes first.
  static let mindSporeFunction: Implementation = { arguments throws(CallError) in
    let requested = arguments.value("reduction")
    let reduction = Result { () throws(CallError) in
      try MindSporeRegressionAdapters.exactReduction(requested, owner: "'margin_ranking_loss'")
    }
    return try call(arguments, reduction: reduction.mapError { KernelError(kind: $0.kind, message: $0.message) })
  }

  /// The function's checks: `margin` exactly a float (not an int or a bool), then the kernel.
  private static func call(
    _ arguments: BoundArguments, reduction: Result<LossReduction, KernelError>
  ) throws(CallError) -> FrameworkAdapter.Output {
    let value = arguments.value("margin")
    guard case .number(let margin)? = value else {
      throw CallError(kind: .dtype, message: "For 'margin_ranking_loss', the type of 'margin' should be 'float', "
        + "but got type '\(MindSporeRegressionAdapters.typeName(value, qualified: false))'.")
    }
    let input1 = try arguments.tensor("input1"), input2 = try arguments.tensor("input2"), target = try arguments.tensor("target")
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try MarginRankingLoss.mindspore(input1: input1, input2: input2, target: target, margin: margin, reduction: reduction)
    }
  }
}
