import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.MSELoss` and its MindSpore counterpart in the mapping table.
  public static let mseLossModule = APIMapping(
    id: "nn.MSELoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.MSELoss",
        signature: Signature(LossParameters.pytorchReduction(stage: .construction) + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.mse),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.MSELoss",
        signature: Signature([MindSporeRegressionAdapters.reduction(stage: .construction)] + MindSporeRegressionAdapters.cellTensors),
        implementation: MindSporeRegressionAdapters.mse(functional: false)),
    ],
    documentation: .tableRow("torch.nn.MSELoss"))

  /// `torch.nn.functional.mse_loss` and its MindSpore counterpart in the mapping table.
  public static let mseLossFunctional = APIMapping(
    id: "nn.functional.mse_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.mse_loss",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction() + [.optionalTensor("weight")]),
        implementation: PyTorchLossAdapters.mse),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.mse_loss",
        signature: Signature(LossParameters.tensors() + [MindSporeRegressionAdapters.reduction()]),
        implementation: MindSporeRegressionAdapters.mse(functional: true)),
    ],
    documentation: .tableRow("torch.nn.functional.mse_loss"))
}
