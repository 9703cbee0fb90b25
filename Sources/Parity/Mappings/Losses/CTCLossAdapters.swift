import ParityCore
import ParityKernels

/// Both frameworks' argument handling for the CTC loss.
enum CTCLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// The four tensors, module call and function alike.
  static let tensors: [Parameter] = ["log_probs", "targets", "input_lengths", "target_lengths"].map { .tensor($0) }

  /// `blank=0, reduction='mean', zero_infinity=False`, at one stage.
  static func options(stage: Parameter.Stage = .call) -> [Parameter] {
    [.integer("blank", default: 0, stage: stage), .string("reduction", default: "mean", stage: stage),
     .bool("zero_infinity", default: false, stage: stage)]
  }

  /// Module and function alike (the module passes its arguments to `F.ctc_loss`): the reduction
  /// resolves first (`_Reduction.get_enum`), then `torch.ctc_loss` runs.
  static let pytorch: Implementation = { arguments throws(CallError) in
    let (reduction, warnings) = try arguments.pytorchReduction()
    let kernel = try kernelArguments(arguments)
    let zeroInfinity = try arguments.bool("zero_infinity")
    let value = try CallError.rethrowing { () throws(KernelError) in
      try CTCLoss.pytorch(
        logProbs: kernel.logProbs, targets: kernel.targets, inputLengths: kernel.inputLengths,
        targetLengths: kernel.targetLengths, blank: kernel.blank, reduction: reduction, zeroInfinity: zeroInfinity)
    }
    return FrameworkAdapter.Output(value: value, warnings: warnings)
  }

  /// `mindspore.ops.ctc_loss`: `_check_ctc_loss_inputs` wants the reduction among none/sum/mean,
  /// then the primitive runs; the result is the tuple (loss, log_alpha).
  static let mindSporeFunction: Implementation = { arguments throws(CallError) in
    let reduction = try MindSporeRegressionAdapters.exactReduction(arguments.value("reduction"), owner: "'ctc_loss'")
    let kernel = try kernelArguments(arguments)
    let (loss, logAlpha) = try CallError.rethrowing { () throws(KernelError) in
      try CTCLoss.mindspore(
        logProbs: kernel.logProbs, targets: kernel.targets, inputLengths: kernel.inputLengths,
        targetLengths: kernel.targetLengths, blank: kernel.blank, reduction: reduction)
    }
    return FrameworkAdapter.Output(value: loss, moreValues: [logAlpha])
  }

  /// `mindspore.nn.CTCLoss`: `construct` calls `ops.ctc_loss` (a (T, C) input as a batch of one)
  /// and returns the loss alone.
  static let mindSporeCell: Implementation = { arguments throws(CallError) in
    let reduction = try MindSporeRegressionAdapters.exactReduction(arguments.value("reduction"), owner: "'ctc_loss'")
    let kernel = try kernelArguments(arguments)
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try CTCLoss.mindSporeCell(
        logProbs: kernel.logProbs, targets: kernel.targets, inputLengths: kernel.inputLengths,
        targetLengths: kernel.targetLengths, blank: kernel.blank, reduction: reduction)
    }
  }

  private static func kernelArguments(_ arguments: BoundArguments) throws(CallError)
    -> (logProbs: Tensor, targets: Tensor, inputLengths: Tensor, targetLengths: Tensor, blank: Int64)
  {
    guard case .integer(let blank)? = arguments.value("blank") else {
      throw CallError(kind: .argument, message: "blank must be an int")
    }
    return (try arguments.tensor("log_probs"), try arguments.tensor("targets"), try arguments.tensor("input_lengths"),
            try arguments.tensor("target_lengths"), blank)
  }
}
