import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.SmoothL1Loss` and its MindSpore counterpart in the mapping table.
  public static let smoothL1LossModule = APIMapping(
    id: "nn.SmoothL1Loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.SmoothL1Loss",
        signature: Signature(LossParameters.pytorchReduction(stage: .construction) + [.number("beta", default: 1, stage: .construction)] + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.smoothL1),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.SmoothL1Loss",
        signature: Signature(
          [.object("beta", default: .number(1), stage: .construction), MindSporeRegressionAdapters.reduction(default: "none", stage: .construction)]
            + MindSporeRegressionAdapters.cellTensors),
        implementation: MindSporeRegressionAdapters.smoothL1Cell),
    ],
    documentation: .tableRow(
      "torch.nn.SmoothL1Loss",
      descriptions: [
        "pytorch": "SmoothL1Loss loss function. If the element-wise absolute error between the predicted and target values is less than a set threshold beta, use a squared term, otherwise with an absolute error term.",
        "mindspore": "There are no functional differences except for two parameters that have been deprecated in PyTorch.",
      ],
      parameters: [
        .init(names: ["pytorch": "size_average"], difference: "Deprecated, replaced by reduction. MindSpore does not have this parameter"),
        .init(names: ["pytorch": "reduce"], difference: "Deprecated, replaced by reduction. MindSpore does not have this parameter"),
        .init(names: ["pytorch": "reduction", "mindspore": "reduction"], difference: "Same function, different parameter names"),
        .init(names: ["pytorch": "beta", "mindspore": "beta"], difference: "-"),
        .init(category: "Input", names: ["pytorch": "input", "mindspore": "logits"], difference: "Same function, different parameter names"),
        .init(category: "Input", names: ["pytorch": "target", "mindspore": "labels"], difference: "Same function, different parameter names"),
      ]))

  /// `torch.nn.functional.smooth_l1_loss` and its MindSpore counterpart in the mapping table.
  public static let smoothL1LossFunctional = APIMapping(
    id: "nn.functional.smooth_l1_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.smooth_l1_loss",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction() + [.number("beta", default: 1)]),
        implementation: PyTorchLossAdapters.smoothL1),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.smooth_l1_loss",
        signature: Signature(LossParameters.tensors() + [.object("beta", default: .number(1)), MindSporeRegressionAdapters.reduction(default: "none")]),
        implementation: MindSporeRegressionAdapters.smoothL1Function),
    ],
    documentation: .tableRow("torch.nn.functional.smooth_l1_loss"))
}
