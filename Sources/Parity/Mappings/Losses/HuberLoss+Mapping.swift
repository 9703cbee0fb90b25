import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.HuberLoss` and its MindSpore counterpart in the mapping table.
  public static let huberLossModule = APIMapping(
    id: "nn.HuberLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.HuberLoss",
        signature: Signature([.string("reduction", default: "mean", stage: .construction), .number("delta", default: 1, stage: .construction)] + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.huber),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.HuberLoss",
        signature: Signature(
          [MindSporeRegressionAdapters.reduction(stage: .construction), .object("delta", default: .number(1), stage: .construction)]
            + MindSporeRegressionAdapters.cellTensors),
        implementation: MindSporeRegressionAdapters.huber),
    ],
    documentation: .tableRow("torch.nn.HuberLoss"))
}
