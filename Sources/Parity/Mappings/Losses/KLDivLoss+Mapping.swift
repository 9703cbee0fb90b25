import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.KLDivLoss` and its MindSpore counterpart in the mapping table.
  public static let klDivLossModule = APIMapping(
    id: "nn.KLDivLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.KLDivLoss",
        signature: Signature(LossParameters.pytorchReduction(stage: .construction) + [.bool("log_target", default: false, stage: .construction)] + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.klDiv(module: true)),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.KLDivLoss",
        signature: Signature([MindSporeClassificationAdapters.reduction(stage: .construction)] + LossParameters.tensors("logits", "labels")),
        implementation: MindSporeClassificationAdapters.klDiv),
    ],
    documentation: .tableRow("torch.nn.KLDivLoss"))

  /// `torch.nn.functional.kl_div` and its MindSpore counterpart in the mapping table.
  public static let klDivLossFunctional = APIMapping(
    id: "nn.functional.kl_div",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.kl_div",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction() + [.bool("log_target", default: false)]),
        implementation: PyTorchLossAdapters.klDiv(module: false)),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.kl_div",
        signature: Signature(LossParameters.tensors("logits", "labels") + [MindSporeClassificationAdapters.reduction()]),
        implementation: MindSporeClassificationAdapters.klDiv),
    ],
    documentation: .tableRow(
      "torch.nn.functional.kl_div",
      descriptions: [
        "pytorch": "Compute the KL divergence of `logits` and `labels`, `log_target` is the flag Indicates whether the `target` is passed to the log space.",
        "mindspore": "MindSpore API basically implements the same function as PyTorch, but the `log_target` is not defined.",
      ],
      parameters: [
        .init(names: ["pytorch": "input", "mindspore": "logits"], difference: "both are input Tensors"),
        .init(names: ["pytorch": "target", "mindspore": "labels"], difference: "both are input Tensors"),
        .init(names: ["pytorch": "size_average"], difference: "Same function. PyTorch has deprecated this parameter, and MindSpore does not have this parameter."),
        .init(names: ["pytorch": "reduce"], difference: "Same function. PyTorch has deprecated this parameter, and MindSpore does not have this parameter."),
        .init(names: ["pytorch": "reduction", "mindspore": "reduction"], difference: "Same function, different default values."),
        .init(names: ["pytorch": "log_target"], difference: "parameter not defined"),
      ]))
}
