import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.L1Loss` and `mindspore.nn.L1Loss`.
  public static let l1LossModule = APIMapping(
    id: "nn.L1Loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.L1Loss",
        signature: Signature(LossParameters.pytorchReduction(stage: .construction) + LossParameters.tensors()),
        implementation: PyTorchLossAdapters.l1),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.L1Loss",
        signature: Signature([MindSporeRegressionAdapters.reduction(stage: .construction)] + MindSporeRegressionAdapters.cellTensors),
        implementation: MindSporeRegressionAdapters.l1(functional: false)),
    ],
    documentation: .tableRow("torch.nn.L1Loss"))

  /// `torch.nn.functional.l1_loss` and `mindspore.ops.l1_loss`.
  public static let l1LossFunctional = APIMapping(
    id: "nn.functional.l1_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.l1_loss",
        signature: Signature(LossParameters.tensors() + LossParameters.pytorchReduction() + [.optionalTensor("weight")]),
        implementation: PyTorchLossAdapters.l1),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.l1_loss",
        signature: Signature(LossParameters.tensors() + [MindSporeRegressionAdapters.reduction()]),
        implementation: MindSporeRegressionAdapters.l1(functional: true)),
    ],
    documentation: .tableRow("torch.nn.functional.l1_loss"))
}
