import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.CTCLoss` and `mindspore.nn.CTCLoss` (the table: "Consistent"): blank,
  /// reduction and zero_infinity to the constructor, the four tensors to the call.
  public static let ctcLossModule = APIMapping(
    id: "nn.CTCLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.CTCLoss",
        signature: Signature(CTCLossAdapters.options(stage: .construction) + CTCLossAdapters.tensors),
        implementation: CTCLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.CTCLoss",
        signature: Signature(CTCLossAdapters.options(stage: .construction) + CTCLossAdapters.tensors),
        implementation: CTCLossAdapters.mindSporeCell),
    ],
    documentation: .tableRow("torch.nn.CTCLoss"))

  /// `torch.nn.functional.ctc_loss` and `mindspore.ops.ctc_loss`, which returns the tuple
  /// (loss, log_alpha).
  public static let ctcLossFunctional = APIMapping(
    id: "nn.functional.ctc_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.ctc_loss",
        signature: Signature(CTCLossAdapters.tensors + CTCLossAdapters.options()),
        implementation: CTCLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.ctc_loss",
        signature: Signature(CTCLossAdapters.tensors + CTCLossAdapters.options()),
        implementation: CTCLossAdapters.mindSporeFunction),
    ],
    documentation: .tableRow("torch.nn.functional.ctc_loss"))
}
