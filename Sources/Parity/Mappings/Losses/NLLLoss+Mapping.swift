import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.NLLLoss` and `mindspore.nn.NLLLoss`: weight, ignore_index and reduction to the
  /// constructor (PyTorch's also takes the legacy size_average/reduce), the tensors to the call.
  public static let nllLossModule = APIMapping(
    id: "nn.NLLLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.NLLLoss",
        signature: Signature(
          [.optionalTensor("weight", stage: .construction), .optionalBool("size_average", stage: .construction),
           NLLLossAdapters.ignoreIndex(stage: .construction), .optionalBool("reduce", stage: .construction),
           .string("reduction", default: "mean", stage: .construction)] + LossParameters.tensors()),
        implementation: NLLLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.NLLLoss",
        signature: Signature(
          [.optionalTensor("weight", stage: .construction), NLLLossAdapters.ignoreIndex(stage: .construction),
           MindSporeRegressionAdapters.reduction(stage: .construction)] + MindSporeRegressionAdapters.cellTensors),
        implementation: NLLLossAdapters.mindSporeCell),
    ],
    documentation: .tableRow(
      "torch.nn.NLLLoss",
      descriptions: [
        "pytorch": "Calculate the negative log-likelihood loss between the predicted and target values.",
        "mindspore": "There are no functional differences except for two parameters that have been deprecated in PyTorch.",
      ],
      parameters: [
        .init(names: ["pytorch": "weight", "mindspore": "weight"], difference: "Specify the weight of each category"),
        .init(names: ["pytorch": "size_average"], difference: "Deprecated, replaced by reduction. MindSpore does not have this parameter"),
        .init(names: ["pytorch": "ignore_index", "mindspore": "ignore_index"],
              difference: "Specify the values to be ignored in the labels (generally padding values) so that they do not have an effect on the gradient"),
        .init(names: ["pytorch": "reduce"], difference: "Deprecated, replaced by reduction. MindSpore does not have this parameter"),
        .init(names: ["pytorch": "reduction", "mindspore": "reduction"], difference: "Specify the calculation method to be applied to the output results"),
        .init(category: "Input", names: ["pytorch": "input", "mindspore": "logits"],
              difference: "The functions are the same, but the parameter names are different"),
        .init(category: "Input", names: ["pytorch": "target", "mindspore": "labels"],
              difference: "The functions are the same, but the parameter names are different"),
      ]))

  /// `torch.nn.functional.nll_loss` and `mindspore.ops.nll_loss` (the table: "Consistent").
  public static let nllLossFunctional = APIMapping(
    id: "nn.functional.nll_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.nll_loss",
        signature: Signature(
          LossParameters.tensors() + [.optionalTensor("weight"), .optionalBool("size_average"), NLLLossAdapters.ignoreIndex(),
                                      .optionalBool("reduce"), .string("reduction", default: "mean")]),
        implementation: NLLLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.nll_loss",
        signature: Signature(
          LossParameters.tensors("inputs", "target") + [.optionalTensor("weight"), NLLLossAdapters.ignoreIndex(),
                                                        MindSporeRegressionAdapters.reduction(), .number("label_smoothing", default: 0)]),
        implementation: NLLLossAdapters.mindSporeFunction),
    ],
    documentation: .tableRow("torch.nn.functional.nll_loss"))
}
