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
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.BCEWithLogitsLoss",
        signature: Signature([
          MindSporeClassificationAdapters.reduction(stage: .construction),
          .optionalTensor("weight", stage: .construction), .optionalTensor("pos_weight", stage: .construction),
        ] + LossParameters.tensors()),
        implementation: MindSporeClassificationAdapters.binaryCrossEntropyWithLogits),
    ],
    documentation: .tableRow(
      "torch.nn.BCEWithLogitsLoss",
      descriptions: [
        "pytorch": "Combine the Sigmoid layer and BCELoss in one class to calculate the binary cross-entropy loss between the predicted and target values, making it numerically more stable than using Sigmoid followed by BCELoss separately.",
        "mindspore": "MindSpore API basically implements the same function as PyTorch. Only the input parameter names are different.",
      ],
      parameters: [
        .init(names: ["pytorch": "input", "mindspore": "logits"], difference: "input Tensor"),
        .init(names: ["pytorch": "target", "mindspore": "labels"], difference: "input Tensor"),
        .init(names: ["pytorch": "weight", "mindspore": "weight"], difference: "Same function, same parameter name"),
        .init(names: ["pytorch": "size_average"], difference: "Same function. PyTorch has deprecated this parameter, while MindSpore does not have this parameter"),
        .init(names: ["pytorch": "reduce"], difference: "Same function. PyTorch has deprecated this parameter, while MindSpore does not have this parameter"),
        .init(names: ["pytorch": "reduction", "mindspore": "reduction"], difference: "Same function, same parameter name"),
        .init(names: ["pytorch": "pos_weight", "mindspore": "pos_weight"], difference: "Same function, same parameter name"),
      ]))

  /// `torch.nn.functional.binary_cross_entropy_with_logits` and its MindSpore counterpart in the mapping table.
  public static let bceWithLogitsLossFunctional = APIMapping(
    id: "nn.functional.binary_cross_entropy_with_logits",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.binary_cross_entropy_with_logits",
        signature: Signature(LossParameters.tensors() + [.optionalTensor("weight")] + LossParameters.pytorchReduction() + [.optionalTensor("pos_weight")]),
        implementation: PyTorchLossAdapters.binaryCrossEntropyWithLogits),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.binary_cross_entropy_with_logits",
        signature: Signature(LossParameters.tensors() + [
          .optionalTensor("weight"), .optionalTensor("pos_weight"), MindSporeClassificationAdapters.reduction(),
        ]),
        implementation: MindSporeClassificationAdapters.binaryCrossEntropyWithLogits),
    ],
    documentation: .tableRow("torch.nn.functional.binary_cross_entropy_with_logits"))
}
