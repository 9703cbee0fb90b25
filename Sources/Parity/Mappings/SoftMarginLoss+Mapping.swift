import ParityKernels

extension APIMapping {
  /// `torch.nn.functional.soft_margin_loss` and `mindspore.nn.SoftMarginLoss`.
  public static let softMarginLoss = APIMapping(
    id: "SoftMarginLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch",
        api: "torch.nn.functional.soft_margin_loss",
        signature: Signature([
          .tensor("input"), .tensor("target"),
          .optionalBool("size_average"), .optionalBool("reduce"),
          .string("reduction", default: "mean"),
        ])
      ) { arguments throws(CallError) in
        let (reduction, warnings) = try PyTorchReduction.resolve(
          sizeAverage: arguments.optionalBool("size_average"),
          reduce: arguments.optionalBool("reduce"),
          reduction: arguments.string("reduction"))
        let input = try arguments.tensor("input")
        let target = try arguments.tensor("target")
        let value = try CallError.rethrowing { () throws(KernelError) in
          try SoftMarginLoss.pytorch(input: input, target: target, reduction: reduction)
        }
        return .init(value: value, warnings: warnings)
      },
      FrameworkAdapter(
        framework: "mindspore",
        api: "mindspore.nn.SoftMarginLoss",
        signature: Signature([
          .string("reduction", default: "mean", stage: .construction),
          .tensor("logits"), .tensor("labels"),
        ])
      ) { arguments throws(CallError) in
        let reduction = try MindSporeReduction.resolve(arguments.string("reduction"), primitive: "SoftMarginLoss")
        let logits = try arguments.tensor("logits")
        let labels = try arguments.tensor("labels")
        let value = try CallError.rethrowing { () throws(KernelError) in
          try SoftMarginLoss.mindspore(logits: logits, labels: labels, reduction: reduction)
        }
        return .init(value: value)
      },
    ],
    documentation: MappingDocumentation(
      descriptions: [
        "pytorch":
          "Loss function for the binary classification problem, used to calculate the binary loss value for the input Tensor x and the target value Tensor y (containing 1 or -1).",
        "mindspore": "There are no functional differences except for two parameters that have been deprecated in PyTorch.",
      ],
      claim: "There are no functional differences except for two parameters that have been deprecated in PyTorch.",
      parameters: [
        .init(names: ["pytorch": "input", "mindspore": "logits"], difference: "Same function, different parameter names"),
        .init(names: ["pytorch": "target", "mindspore": "labels"], difference: "Same function, different parameter names"),
        .init(
          names: ["pytorch": "size_average"],
          difference: "Deprecated, replaced by reduction. MindSpore does not have this parameter"),
        .init(
          names: ["pytorch": "reduce"], difference: "Deprecated, replaced by reduction. MindSpore does not have this Parameter"),
        .init(names: ["pytorch": "reduction", "mindspore": "reduction"], difference: "-"),
      ],
      source: "docs/mindspore/source_en/note/api_mapping/pytorch_diff/SoftMarginLoss.md"))
}
