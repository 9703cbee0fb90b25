import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.MultiMarginLoss` and `mindspore.nn.MultiMarginLoss` (the table: "Consistent"):
  /// p, margin, weight and reduction to the constructor (PyTorch's also takes the legacy
  /// size_average/reduce; MindSpore's orders them p, margin, reduction, weight, and its call
  /// takes a weight too).
  public static let multiMarginLossModule = APIMapping(
    id: "nn.MultiMarginLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.MultiMarginLoss",
        signature: Signature(
          MultiMarginLossAdapters.pAndMargin(stage: .construction) + [.optionalTensor("weight", stage: .construction)]
            + LossParameters.pytorchReduction(stage: .construction) + LossParameters.tensors()),
        implementation: MultiMarginLossAdapters.pytorch(module: true)),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.MultiMarginLoss",
        signature: Signature(
          MultiMarginLossAdapters.pAndMargin(stage: .construction)
            + [MindSporeRegressionAdapters.reduction(stage: .construction), .optionalTensor("weight", stage: .construction)]
            + LossParameters.tensors("x", "target") + [.optionalTensor("weight")]),
        implementation: MultiMarginLossAdapters.mindSporeCell),
    ],
    documentation: .tableRow("torch.nn.MultiMarginLoss"))

  /// `torch.nn.functional.multi_margin_loss` and `mindspore.ops.multi_margin_loss` (the table:
  /// "Consistent"; MindSpore's `margin` defaults to the int 1 and takes only ints).
  public static let multiMarginLossFunctional = APIMapping(
    id: "nn.functional.multi_margin_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.multi_margin_loss",
        signature: Signature(
          LossParameters.tensors() + MultiMarginLossAdapters.pAndMargin() + [.optionalTensor("weight")]
            + LossParameters.pytorchReduction()),
        implementation: MultiMarginLossAdapters.pytorch(module: false)),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.multi_margin_loss",
        signature: Signature(
          LossParameters.tensors() + MultiMarginLossAdapters.pAndMargin(margin: .integer(1))
            + [.optionalTensor("weight"), MindSporeRegressionAdapters.reduction()]),
        implementation: MultiMarginLossAdapters.mindSporeFunction),
    ],
    documentation: .tableRow("torch.nn.functional.multi_margin_loss"))
}
