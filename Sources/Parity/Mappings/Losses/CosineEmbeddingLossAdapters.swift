import ParityCore
import ParityKernels

/// Both frameworks' argument handling for the cosine embedding loss, in their order and words.
enum CosineEmbeddingLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// `(input1, input2, target)`: PyTorch's names, and `ops.cosine_embedding_loss`'s.
  static let tensors: [Parameter] = [.tensor("input1"), .tensor("input2"), .tensor("target")]

  /// `mindspore.nn.CosineEmbeddingLoss`'s `construct(logits_x1, logits_x2, labels)`.
  static let cellTensors: [Parameter] = [.tensor("logits_x1"), .tensor("logits_x2"), .tensor("labels")]

  /// Module and function alike (the module passes its `margin` on): the reduction resolves
  /// first, then `torch.cosine_embedding_loss`'s parser wants a float `margin`.
  static let pytorch: Implementation = { arguments throws(CallError) in
    let (reduction, warnings) = try arguments.pytorchReduction()
    let input1 = try arguments.tensor("input1"), input2 = try arguments.tensor("input2"), target = try arguments.tensor("target")
    let margin = try PyTorchLossAdapters.atenFloat(arguments.value("margin"), op: "cosine_embedding_loss", name: "margin", position: 4)
    let output = try CallError.rethrowing { () throws(KernelError) in
      try CosineEmbeddingLoss.pytorch(input1: input1, input2: input2, target: target, margin: margin, reduction: reduction)
    }
    return .init(value: output, warnings: warnings)
  }

  /// `mindspore.nn.CosineEmbeddingLoss(margin, reduction)`: `LossBase` checks the reduction, then
  /// the constructor wants `margin` a float (not an int or a bool) in [-1, 1].
  static let mindSporeCell: Implementation = { arguments throws(CallError) in
    let reduction = try MindSporeRegressionAdapters.exactReduction(arguments.value("reduction"), owner: "'CosineEmbeddingLoss'")
    let value = arguments.value("margin")
    guard case .number(let margin)? = value else {
      throw CallError(kind: .dtype, message: "For 'CosineEmbeddingLoss', the type of 'margin' should be 'float', "
        + "but got type '\(MindSporeRegressionAdapters.typeName(value, qualified: false))'.")
    }
    guard margin >= -1 && margin <= 1 else {
      throw CallError(kind: .argument, message: "For 'CosineEmbeddingLoss', the 'margin' must be in range of [-1.0, 1.0], "
        + "but got \(MindSporeRegressionAdapters.shown(.number(margin))) with type 'float'.")
    }
    let input1 = try arguments.tensor("logits_x1"), input2 = try arguments.tensor("logits_x2"), target = try arguments.tensor("labels")
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try CosineEmbeddingLoss.mindspore(
        input1: input1, input2: input2, target: target, margin: margin, reduction: .success(reduction), api: .cell)
    }
  }

  /// `mindspore.ops.cosine_embedding_loss`: the tensors' checks, then `margin` (an int or a bool
  /// is converted with `float()`), the loss, and only then `_get_loss`'s reduction check.
  static let mindSporeFunction: Implementation = { arguments throws(CallError) in
    let input1 = try arguments.tensor("input1"), input2 = try arguments.tensor("input2"), target = try arguments.tensor("target")
    try CallError.rethrowing { () throws(KernelError) in try CosineEmbeddingLoss.checkFunctionArguments(input1, input2, target) }
    let value = arguments.value("margin")
    guard let margin = MindSporeRegressionAdapters.number(value) else {
      throw CallError(kind: .dtype, message: "For 'ops.cosine_embedding_loss', the type of 'margin' should be 'float', "
        + "but got type '\(MindSporeRegressionAdapters.typeName(value, qualified: false))'.")
    }
    guard margin >= -1 && margin <= 1 else {
      throw CallError(kind: .argument, message: "For ops.cosine_embedding_loss, the value of 'margin' should be in [-1, 1],"
        + "but got \(MindSporeRegressionAdapters.shown(.number(margin))).")
    }
    let requested = arguments.value("reduction")
    let reduction = Result { () throws(CallError) in
      try MindSporeRegressionAdapters.exactReduction(requested, owner: "'cosine_embedding_loss'")
    }
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try CosineEmbeddingLoss.mindspore(
        input1: input1, input2: input2, target: target, margin: margin,
        reduction: reduction.mapError { KernelError(kind: $0.kind, message: $0.message) }, api: .function)
    }
  }
}
