import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.BCEWithLogitsLoss` and its MindSpore counterpart in the mapping table.
  public static let bceWithLogitsLossModule = APIMapping(
    id: "nn.BCEWithLogitsLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.BCEWithLogitsLoss",
        signature: Signature([.optionalTensor("weight", stage: .construction)] + LossParameters.pytorchReduction(stage: .construction) + [.optionalTensor("pos_weight", stage: .construction)] + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.binaryCrossEntropyWithLogits),
    ],
    documentation: .tableRow(claim: "diff"))

  /// `torch.nn.functional.binary_cross_entropy_with_logits` and its MindSpore counterpart in the mapping table.
  public static let bceWithLogitsLossFunctional = APIMapping(
    id: "nn.functional.binary_cross_entropy_with_logits",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.binary_cross_entropy_with_logits",
        signature: Signature(LossParameters.tensors() + [.optionalTensor("weight")] + LossParameters.pytorchReduction() + [.optionalTensor("pos_weight")]),
        implementation: PyTorchLossAdapters.binaryCrossEntropyWithLogits),
    ],
    documentation: .tableRow(claim: "The functions are consistent, but the parameter names are inconsistent."))
}
