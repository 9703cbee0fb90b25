import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.SoftMarginLoss` and its MindSpore counterpart in the mapping table.
  public static let softMarginLossModule = APIMapping(
    id: "nn.SoftMarginLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.SoftMarginLoss",
        signature: Signature(LossParameters.pytorchReduction(stage: .construction) + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.softMargin),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.SoftMarginLoss",
        signature: Signature([MindSporeClassificationAdapters.reduction(stage: .construction)] + LossParameters.tensors("logits", "labels")),
        implementation: MindSporeClassificationAdapters.softMargin(.mindspore)),
    ],
    documentation: .tableRow("torch.nn.SoftMarginLoss"))

  /// `torch.nn.functional.soft_margin_loss` and its MindSpore counterpart in the mapping table.
  public static let softMarginLossFunctional = APIMapping(
    id: "nn.functional.soft_margin_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.soft_margin_loss",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction()),
        implementation: PyTorchLossAdapters.softMargin),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.soft_margin_loss",
        signature: Signature(LossParameters.tensors() + [MindSporeClassificationAdapters.reduction()]),
        implementation: MindSporeClassificationAdapters.softMargin(.pytorch)),
    ],
    documentation: .tableRow("torch.nn.functional.soft_margin_loss"))
}
