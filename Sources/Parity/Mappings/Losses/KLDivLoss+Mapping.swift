import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.KLDivLoss` and its MindSpore counterpart in the mapping table.
  public static let klDivLossModule = APIMapping(
    id: "nn.KLDivLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.KLDivLoss",
        signature: Signature(LossParameters.pytorchReduction(stage: .construction) + [.bool("log_target", default: false, stage: .construction)] + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.klDiv(module: true)),
    ],
    documentation: .tableRow(claim: "Consistent"))

  /// `torch.nn.functional.kl_div` and its MindSpore counterpart in the mapping table.
  public static let klDivLossFunctional = APIMapping(
    id: "nn.functional.kl_div",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.kl_div",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction() + [.bool("log_target", default: false)]),
        implementation: PyTorchLossAdapters.klDiv(module: false)),
    ],
    documentation: .tableRow(claim: "diff"))
}
