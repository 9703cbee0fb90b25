import ParityCore
import ParityKernels

/// Both frameworks' argument handling for the multi-label margin loss.
enum MultiLabelMarginLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// The legacy arguments or `get_enum` (with its `elementwise_mean` warning), then the kernel;
  /// the module and the function alike (the module passes its `reduction` string on).
  static let pytorch = PyTorchLossAdapters.loss { input, target, reduction, _ throws(CallError) in
    LossOutput(try CallError.rethrowing { () throws(KernelError) in
      try MultiLabelMarginLoss.pytorch(input: input, target: target, reduction: reduction).loss
    })
  }

  /// `ops.multilabel_margin_loss` builds its primitive with the reduction, whose constructor
  /// accepts exactly `none`, `sum` or `mean` (`None` too fails there), then calls it.
  static let mindspore: Implementation = { arguments throws(CallError) in
    let requested = arguments.value("reduction")
    guard case .string(let s)? = requested, LossReduction(rawValue: s) != nil else {
      let shown = if case .string(let s)? = requested { s } else { "None" }
      throw CallError(kind: .argument, message: "For 'MultilabelMarginLoss', the 'reduction' must be str and must be in "
        + "'['none', 'sum', 'mean']', but got '\(shown)'.")
    }
    let input = try arguments.tensor("input"), target = try arguments.tensor("target")
    try CallError.rethrowing { () throws(KernelError) in try MultiLabelMarginLoss.mindspore(input: input, target: target) }
  }
}
