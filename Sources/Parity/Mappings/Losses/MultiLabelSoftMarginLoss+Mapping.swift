import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.MultiLabelSoftMarginLoss` and `mindspore.nn.MultiLabelSoftMarginLoss`: `weight`
  /// and the reduction to the constructor, `(input, target)` (MindSpore's `(x, target)`) to the call.
  public static let multiLabelSoftMarginLossModule = APIMapping(
    id: "nn.MultiLabelSoftMarginLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.MultiLabelSoftMarginLoss",
        signature: Signature(
          [MultiLabelSoftMarginLossAdapters.weight(stage: .construction)]
            + MultiLabelSoftMarginLossAdapters.pytorchReduction(stage: .construction) + LossParameters.tensors()),
        implementation: MultiLabelSoftMarginLossAdapters.pytorch(module: true)),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.MultiLabelSoftMarginLoss",
        signature: Signature(
          [MultiLabelSoftMarginLossAdapters.weight(stage: .construction), MindSporeClassificationAdapters.reduction(stage: .construction)]
            + LossParameters.tensors("x", "target")),
        implementation: MultiLabelSoftMarginLossAdapters.mindspore(module: true)),
    ],
    documentation: .tableRow("torch.nn.MultiLabelSoftMarginLoss"))

  /// `torch.nn.functional.multilabel_soft_margin_loss` and `mindspore.ops.multilabel_soft_margin_loss`.
  public static let multiLabelSoftMarginLossFunctional = APIMapping(
    id: "nn.functional.multilabel_soft_margin_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.multilabel_soft_margin_loss",
        signature: Signature(
          LossParameters.tensors() + [MultiLabelSoftMarginLossAdapters.weight()] + MultiLabelSoftMarginLossAdapters.pytorchReduction()),
        implementation: MultiLabelSoftMarginLossAdapters.pytorch(module: false)),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.multilabel_soft_margin_loss",
        signature: Signature(
          LossParameters.tensors() + [MultiLabelSoftMarginLossAdapters.weight(), MindSporeClassificationAdapters.reduction()]),
        implementation: MultiLabelSoftMarginLossAdapters.mindspore(module: false)),
    ],
    documentation: .tableRow("torch.nn.functional.multilabel_soft_margin_loss"))
}
