import ParityCore
import ParityKernels

/// Both frameworks' argument handling for the multi-label soft margin loss, in their order.
enum MultiLabelSoftMarginLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// `weight=None`, bound as given: a tensor, or a number (which PyTorch's functional and
  /// MindSpore multiply by, and PyTorch's module refuses as a buffer).
  static func weight(stage: Parameter.Stage = .call) -> Parameter {
    .object("weight", default: .none, stage: stage)
  }

  /// `size_average=None, reduce=None, reduction='mean'`, the reduction binding `None` too (the
  /// function only checks its string after computing the loss).
  static func pytorchReduction(stage: Parameter.Stage = .call) -> [Parameter] {
    [.optionalBool("size_average", stage: stage), .optionalBool("reduce", stage: stage),
     MindSporeClassificationAdapters.reduction(stage: stage)]
  }

  /// The legacy pair resolves to a string (`legacy_get_string`, with its warning); else the
  /// reduction is passed on as given and checked only after the loss (`x is not valid`, or a
  /// TypeError for `None`). The module registers `weight` as a buffer, refusing a number.
  static func pytorch(module: Bool) -> Implementation {
    { arguments throws(CallError) in
      var warnings: [String] = []
      let requested: String?
      if try arguments.usesLegacyReduction() {
        let resolved = try PyTorchReduction.resolve(
          sizeAverage: arguments.optionalBool("size_average"), reduce: arguments.optionalBool("reduce"), reduction: "mean")
        requested = resolved.reduction.rawValue
        warnings = resolved.warnings
      } else if case .string(let s)? = arguments.value("reduction") {
        requested = s
      } else {
        requested = nil
      }
      let weight = try weightValue(arguments.value("weight"), module: module)
      let input = try arguments.tensor("input"), target = try arguments.tensor("target")
      let value = try CallError.rethrowing { () throws(KernelError) in
        try MultiLabelSoftMarginLoss.pytorch(input: input, target: target, weight: weight, reduction: requested)
      }
      return .init(value: value, warnings: warnings)
    }
  }

  static func weightValue(_ value: ArgumentValue?, module: Bool) throws(CallError) -> MultiLabelSoftMarginLoss.Weight? {
    switch value {
    case .tensor(let t)?: return .tensor(t)
    case .none?, nil: return nil
    case let other:
      guard !module, let number = MindSporeRegressionAdapters.number(other) else {
        throw CallError(kind: .argument, message: "cannot assign '\(MindSporeRegressionAdapters.typeName(other, qualified: false))' "
          + "object to buffer 'weight' (torch Tensor or None required)")
      }
      return .number(number)
    }
  }

  /// `mindspore.nn.MultiLabelSoftMarginLoss(weight, reduction)` checks the reduction when built
  /// (`LossBase`); `ops.multilabel_soft_margin_loss` checks its tensors, computes the loss and
  /// only then checks the reduction (`_get_loss`).
  static func mindspore(module: Bool) -> Implementation {
    { arguments throws(CallError) in
      let check = MindSporeClassificationAdapters.ReductionCheck.lossBase(cell: "MultiLabelSoftMarginLoss")
      let requested = arguments.value("reduction")
      if module { _ = try check.resolve(requested) }
      let input = try arguments.tensor(module ? "x" : "input"), target = try arguments.tensor("target")
      let weight: MultiLabelSoftMarginLoss.Weight?
      switch arguments.value("weight") {
      case .tensor(let t)?: weight = .tensor(t)
      case .none?, nil: weight = nil
      case let other: weight = MindSporeRegressionAdapters.number(other).map { .number($0) }
      }
      let reduction: String? = if case .string(let s)? = requested { s } else { nil }
      return FrameworkAdapter.Output(value: try CallError.rethrowing { () throws(KernelError) in
        try MultiLabelSoftMarginLoss.mindspore(input: input, target: target, weight: weight, reduction: reduction)
      })
    }
  }
}
