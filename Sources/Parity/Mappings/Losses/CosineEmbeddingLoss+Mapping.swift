import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.CosineEmbeddingLoss` and `mindspore.nn.CosineEmbeddingLoss`: `margin` and the
  /// reduction to the constructor, the two inputs and the target to the call.
  public static let cosineEmbeddingLossModule = APIMapping(
    id: "nn.CosineEmbeddingLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.CosineEmbeddingLoss",
        signature: Signature(
          [.object("margin", default: .number(0), stage: .construction)] + LossParameters.pytorchReduction(stage: .construction)
            + CosineEmbeddingLossAdapters.tensors),
        implementation: CosineEmbeddingLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.CosineEmbeddingLoss",
        signature: Signature(
          [.object("margin", default: .number(0), stage: .construction), MindSporeRegressionAdapters.reduction(stage: .construction)]
            + CosineEmbeddingLossAdapters.cellTensors),
        implementation: CosineEmbeddingLossAdapters.mindSporeCell),
    ],
    documentation: .tableRow("torch.nn.CosineEmbeddingLoss"))

  /// `torch.nn.functional.cosine_embedding_loss` and `mindspore.ops.cosine_embedding_loss`.
  public static let cosineEmbeddingLossFunctional = APIMapping(
    id: "nn.functional.cosine_embedding_loss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.functional.cosine_embedding_loss",
        signature: Signature(
          // `margin: float = 0`: the function's default is the int 0, the module's the float 0.0
          CosineEmbeddingLossAdapters.tensors + [.object("margin", default: .integer(0))] + LossParameters.pytorchReduction()),
        implementation: CosineEmbeddingLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.ops.cosine_embedding_loss",
        signature: Signature(
          CosineEmbeddingLossAdapters.tensors + [.object("margin", default: .number(0)), MindSporeRegressionAdapters.reduction()]),
        implementation: CosineEmbeddingLossAdapters.mindSporeFunction),
    ],
    documentation: .tableRow("torch.nn.functional.cosine_embedding_loss"))
}
