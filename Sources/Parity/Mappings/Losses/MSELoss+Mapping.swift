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
    ],
    documentation: .tableRow(claim: "Consistent"))

  /// `torch.nn.functional.mse_loss` and its MindSpore counterpart in the mapping table.
  public static let mseLossFunctional = APIMapping(
    id: "nn.functional.mse_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.mse_loss",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction() + [.optionalTensor("weight")]),
        implementation: PyTorchLossAdapters.mse),
    ],
    documentation: .tableRow(claim: "Consistent"))
}
