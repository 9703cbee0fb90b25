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
    ],
    documentation: .tableRow(claim: "diff"))

  /// `torch.nn.functional.smooth_l1_loss` and its MindSpore counterpart in the mapping table.
  public static let smoothL1LossFunctional = APIMapping(
    id: "nn.functional.smooth_l1_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.smooth_l1_loss",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction() + [.number("beta", default: 1)]),
        implementation: PyTorchLossAdapters.smoothL1),
    ],
    documentation: .tableRow(claim: "Consistent"))
}
