import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.PoissonNLLLoss` and its MindSpore counterpart in the mapping table.
  public static let poissonNLLLossModule = APIMapping(
    id: "nn.PoissonNLLLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.PoissonNLLLoss",
        signature: Signature([.bool("log_input", default: true, stage: .construction), .bool("full", default: false, stage: .construction), .optionalBool("size_average", stage: .construction), .number("eps", default: 1e-8, stage: .construction), .optionalBool("reduce", stage: .construction), .string("reduction", default: "mean", stage: .construction)] + LossParameters.tensors("log_input", "target")),
        implementation: PyTorchLossAdapters.poissonNLL),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.PoissonNLLLoss",
        signature: Signature([
          .object("log_input", default: .bool(true), stage: .construction),
          .object("full", default: .bool(false), stage: .construction),
          .object("eps", default: .number(1e-8), stage: .construction),
          MindSporeRegressionAdapters.reduction(stage: .construction),
        ] + LossParameters.tensors()),
        implementation: MindSporeRegressionAdapters.poissonNLL),
    ],
    documentation: .tableRow("torch.nn.PoissonNLLLoss"))
}
