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
    ],
    documentation: .tableRow(claim: "Consistent"))
}
