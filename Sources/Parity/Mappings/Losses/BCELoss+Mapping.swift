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
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.BCELoss",
        signature: Signature([
          .optionalTensor("weight", stage: .construction), MindSporeClassificationAdapters.reduction(stage: .construction),
        ] + LossParameters.tensors("logits", "labels")),
        implementation: MindSporeClassificationAdapters.binaryCrossEntropy(.lossBase(cell: "BCELoss"))),
    ],
    documentation: .tableRow("torch.nn.BCELoss"))

  /// `torch.nn.functional.binary_cross_entropy` and its MindSpore counterpart in the mapping table.
  public static let bceLossFunctional = APIMapping(
    id: "nn.functional.binary_cross_entropy",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.binary_cross_entropy",
        signature: Signature(LossParameters.tensors() + [.optionalTensor("weight")] + LossParameters.pytorchReduction()),
        implementation: PyTorchLossAdapters.binaryCrossEntropy),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.binary_cross_entropy",
        signature: Signature(
          LossParameters.tensors("logits", "labels") + [.optionalTensor("weight"), MindSporeClassificationAdapters.reduction()]),
        implementation: MindSporeClassificationAdapters.binaryCrossEntropy(.primitive(
          name: "BinaryCrossEntropy", call: "input=Tensor, target=Tensor, weight=None", owner: "BinaryCrossEntropy"))),
    ],
    documentation: .tableRow("torch.nn.functional.binary_cross_entropy"))
}
