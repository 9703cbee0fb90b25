import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.TripletMarginLoss` and `mindspore.nn.TripletMarginLoss`: PyTorch's constructor
  /// takes `margin, p, eps, swap` and the legacy reduction; MindSpore's takes `p, swap, eps,
  /// reduction` (and, in 2.10, a `margin` that overrides the call's when it is not 1.0), and
  /// its call `(x, positive, negative, margin)`, the page's placement of `margin`.
  public static let tripletMarginLossModule = APIMapping(
    id: "nn.TripletMarginLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.TripletMarginLoss",
        signature: Signature(
          [TripletMarginLossAdapters.parameter("margin", .number(1), stage: .construction),
           TripletMarginLossAdapters.parameter("p", .number(2), stage: .construction),
           TripletMarginLossAdapters.parameter("eps", .number(1e-6), stage: .construction),
           TripletMarginLossAdapters.parameter("swap", .bool(false), stage: .construction)]
            + LossParameters.pytorchReduction(stage: .construction) + TripletMarginLossAdapters.tensors()),
        implementation: TripletMarginLossAdapters.pytorch(module: true)),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.TripletMarginLoss",
        signature: Signature(
          [TripletMarginLossAdapters.parameter("p", .integer(2), stage: .construction),
           TripletMarginLossAdapters.parameter("swap", .bool(false), stage: .construction),
           TripletMarginLossAdapters.parameter("eps", .number(1e-6), stage: .construction),
           MindSporeRegressionAdapters.reduction(stage: .construction),
           TripletMarginLossAdapters.parameter("margin", .number(1), stage: .construction)]
            + TripletMarginLossAdapters.tensors("x") + [TripletMarginLossAdapters.parameter("margin", .number(1))]),
        implementation: TripletMarginLossAdapters.mindspore(module: true)),
    ],
    documentation: .tableRow("torch.nn.TripletMarginLoss"))

  /// `torch.nn.functional.triplet_margin_loss` and `mindspore.ops.triplet_margin_loss`: the
  /// same order up to `swap`; PyTorch adds the legacy reduction pair.
  public static let tripletMarginLossFunctional = APIMapping(
    id: "nn.functional.triplet_margin_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.triplet_margin_loss",
        signature: Signature(TripletMarginLossAdapters.tensors() + functionalParameters + LossParameters.pytorchReduction()),
        implementation: TripletMarginLossAdapters.pytorch(module: false)),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.triplet_margin_loss",
        signature: Signature(TripletMarginLossAdapters.tensors() + functionalParameters + [MindSporeRegressionAdapters.reduction()]),
        implementation: TripletMarginLossAdapters.mindspore(module: false)),
    ],
    documentation: .tableRow("torch.nn.functional.triplet_margin_loss"))

  /// `margin=1.0, p=2, eps=1e-06, swap=False`, as both functions declare them.
  private static let functionalParameters = [
    TripletMarginLossAdapters.parameter("margin", .number(1)), TripletMarginLossAdapters.parameter("p", .integer(2)),
    TripletMarginLossAdapters.parameter("eps", .number(1e-6)), TripletMarginLossAdapters.parameter("swap", .bool(false)),
  ]
}
