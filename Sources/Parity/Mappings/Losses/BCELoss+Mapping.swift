import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.BCELoss` and its MindSpore counterpart in the mapping table.
  public static let bceLossModule = APIMapping(
    id: "nn.BCELoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.BCELoss",
        signature: Signature([.optionalTensor("weight", stage: .construction)] + LossParameters.pytorchReduction(stage: .construction) + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.binaryCrossEntropy),
    ],
    documentation: .tableRow(claim: "Consistent"))

  /// `torch.nn.functional.binary_cross_entropy` and its MindSpore counterpart in the mapping table.
  public static let bceLossFunctional = APIMapping(
    id: "nn.functional.binary_cross_entropy",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.binary_cross_entropy",
        signature: Signature(LossParameters.tensors() + [.optionalTensor("weight")] + LossParameters.pytorchReduction()),
        implementation: PyTorchLossAdapters.binaryCrossEntropy),
    ],
    documentation: .tableRow(claim: "The functions are consistent, but the parameter names are inconsistent."))
}
