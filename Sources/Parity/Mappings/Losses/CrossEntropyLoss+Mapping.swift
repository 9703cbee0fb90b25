import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.CrossEntropyLoss` and `mindspore.nn.CrossEntropyLoss`: weight, ignore_index,
  /// reduction and label_smoothing to the constructor (PyTorch's also takes the legacy
  /// size_average/reduce), the tensors to the call.
  public static let crossEntropyLossModule = APIMapping(
    id: "nn.CrossEntropyLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.CrossEntropyLoss",
        signature: Signature(
          [.optionalTensor("weight", stage: .construction), .optionalBool("size_average", stage: .construction),
           NLLLossAdapters.ignoreIndex(stage: .construction), .optionalBool("reduce", stage: .construction),
           .string("reduction", default: "mean", stage: .construction),
           .object("label_smoothing", default: .number(0), stage: .construction)] + LossParameters.tensors()),
        implementation: CrossEntropyLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.CrossEntropyLoss",
        signature: Signature(
          [.optionalTensor("weight", stage: .construction), NLLLossAdapters.ignoreIndex(stage: .construction),
           MindSporeRegressionAdapters.reduction(stage: .construction),
           .object("label_smoothing", default: .number(0), stage: .construction)] + MindSporeRegressionAdapters.cellTensors),
        implementation: CrossEntropyLossAdapters.mindSporeCell),
    ],
    documentation: .tableRow(
      "torch.nn.CrossEntropyLoss",
      descriptions: [
        "pytorch": "Calculate the cross-entropy loss between the predicted and target values.",
        "mindspore": "MindSpore implements the same function as PyTorch, and the target value supports two different data forms: "
          + "class index and class probabilistic.",
      ],
      parameters: [
        .init(names: ["pytorch": "weight", "mindspore": "weight"], difference: "-"),
        .init(names: ["pytorch": "size_average"], difference: "PyTorch has deprecated this parameter, function taken over by reduction"),
        .init(names: ["pytorch": "ignore_index", "mindspore": "ignore_index"], difference: "-"),
        .init(names: ["pytorch": "reduce"], difference: "PyTorch has deprecated this parameter, function taken over by reduction"),
        .init(names: ["pytorch": "reduction", "mindspore": "reduction"], difference: "-"),
        .init(names: ["mindspore": "label_smoothing"],
              difference: "Label smoothing value, used as a regularization means to prevent overfitting of the model when calculating Loss. "
                + "The range of values is [0.0, 1.0]. Default value: 0.0."),
        .init(category: "Input", names: ["pytorch": "input", "mindspore": "logits"], difference: "Same function, different parameter names"),
        .init(category: "Input", names: ["pytorch": "target", "mindspore": "labels"], difference: "Same function, different parameter names"),
      ]))

  /// `torch.nn.functional.cross_entropy` and `mindspore.ops.cross_entropy` (the table: "Consistent").
  public static let crossEntropyFunctional = APIMapping(
    id: "nn.functional.cross_entropy",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.cross_entropy",
        signature: Signature(
          LossParameters.tensors() + [.optionalTensor("weight"), .optionalBool("size_average"), NLLLossAdapters.ignoreIndex(),
                                      .optionalBool("reduce"), .string("reduction", default: "mean"),
                                      .object("label_smoothing", default: .number(0))]),
        implementation: CrossEntropyLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.cross_entropy",
        signature: Signature(
          LossParameters.tensors("input", "target") + [.optionalTensor("weight"), NLLLossAdapters.ignoreIndex(),
                                                       MindSporeRegressionAdapters.reduction(),
                                                       .object("label_smoothing", default: .number(0))]),
        implementation: CrossEntropyLossAdapters.mindSporeFunction),
    ],
    documentation: .tableRow("torch.nn.functional.cross_entropy"))
}
