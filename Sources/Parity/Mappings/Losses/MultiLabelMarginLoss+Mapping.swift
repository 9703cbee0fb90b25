import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.MultiLabelMarginLoss` and `mindspore.nn.MultiLabelMarginLoss`, which the table
  /// lists but mindspore 2.10 does not have.
  public static let multiLabelMarginLossModule = APIMapping(
    id: "nn.MultiLabelMarginLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.MultiLabelMarginLoss",
        signature: Signature(LossParameters.pytorchReduction(stage: .construction) + LossParameters.tensors()),
        implementation: MultiLabelMarginLossAdapters.pytorch),
      .missing(framework: "mindspore", api: "mindspore.nn.MultiLabelMarginLoss"),
    ],
    documentation: .tableRow("torch.nn.MultiLabelMarginLoss"))

  /// `torch.nn.functional.multilabel_margin_loss` and `mindspore.ops.multilabel_margin_loss`.
  public static let multiLabelMarginLossFunctional = APIMapping(
    id: "nn.functional.multilabel_margin_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.multilabel_margin_loss",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction()),
        implementation: MultiLabelMarginLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.multilabel_margin_loss",
        signature: Signature(LossParameters.tensors() + [MindSporeClassificationAdapters.reduction()]),
        implementation: MultiLabelMarginLossAdapters.mindspore),
    ],
    documentation: .tableRow("torch.nn.functional.multilabel_margin_loss"))
}
