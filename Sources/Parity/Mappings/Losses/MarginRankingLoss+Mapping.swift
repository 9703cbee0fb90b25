import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.MarginRankingLoss` and `mindspore.nn.MarginRankingLoss`.
  public static let marginRankingLossModule = APIMapping(
    id: "nn.MarginRankingLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.MarginRankingLoss",
        signature: Signature(
          [.object("margin", default: .number(0), stage: .construction)] + LossParameters.pytorchReduction(stage: .construction)
            + MarginRankingLossAdapters.tensors),
        implementation: MarginRankingLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.MarginRankingLoss",
        signature: Signature(
          [.object("margin", default: .number(0), stage: .construction), MindSporeRegressionAdapters.reduction(stage: .construction)]
            + MarginRankingLossAdapters.tensors),
        implementation: MarginRankingLossAdapters.mindSporeCell),
    ],
    documentation: .tableRow("torch.nn.MarginRankingLoss"))

  /// `torch.nn.functional.margin_ranking_loss` and `mindspore.ops.margin_ranking_loss`.
  public static let marginRankingLossFunctional = APIMapping(
    id: "nn.functional.margin_ranking_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.margin_ranking_loss",
        signature: Signature(
          // `margin: float = 0`: the function's default is the int 0, the module's the float 0.0
          MarginRankingLossAdapters.tensors + [.object("margin", default: .integer(0))] + LossParameters.pytorchReduction()),
        implementation: MarginRankingLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.margin_ranking_loss",
        signature: Signature(
          MarginRankingLossAdapters.tensors + [.object("margin", default: .number(0)), MindSporeRegressionAdapters.reduction()]),
        implementation: MarginRankingLossAdapters.mindSporeFunction),
    ],
    documentation: .tableRow("torch.nn.functional.margin_ranking_loss"))
}
