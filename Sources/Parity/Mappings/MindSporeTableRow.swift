/// The loss rows of MindSpore's API mapping table (release r2.4.10, in its order):
/// `docs/mindspore/source_en/note/api_mapping/pytorch_api_mapping.md`, as transcribed in
/// `../shared/seed/mindspore-r2.4/README.md`. The compatibility table lists them all and
/// judges each claim where a mapping checks it.
public struct MindSporeTableRow: Sendable, Equatable {
  public var pytorch: String
  public var mindspore: String
  /// The table's words: "Consistent", "diff", or a sentence.
  public var claim: String
  /// The diff page the row links, if any (in `pytorch_diff/`).
  public var diffPage: String?

  public init(pytorch: String, mindspore: String, claim: String, diffPage: String?) {
    self.pytorch = pytorch
    self.mindspore = mindspore
    self.claim = claim
    self.diffPage = diffPage
  }

  public static let source = "docs/mindspore/source_en/note/api_mapping/pytorch_api_mapping.md (release r2.4.10)"

  /// The 37 rows, in the table's order.
  public static let all: [MindSporeTableRow] = [
    .init(pytorch: "torch.nn.BCELoss", mindspore: "mindspore.nn.BCELoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.BCEWithLogitsLoss", mindspore: "mindspore.nn.BCEWithLogitsLoss", claim: "diff", diffPage: "BCEWithLogitsLoss.md"),
    .init(pytorch: "torch.nn.CTCLoss", mindspore: "mindspore.nn.CTCLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.CosineEmbeddingLoss", mindspore: "mindspore.nn.CosineEmbeddingLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.CrossEntropyLoss", mindspore: "mindspore.nn.CrossEntropyLoss", claim: "diff", diffPage: "CrossEntropyLoss.md"),
    .init(pytorch: "torch.nn.GaussianNLLLoss", mindspore: "mindspore.nn.GaussianNLLLoss", claim: "diff", diffPage: "GaussianNLLLoss.md"),
    .init(pytorch: "torch.nn.HingeEmbeddingLoss", mindspore: "mindspore.nn.HingeEmbeddingLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.HuberLoss", mindspore: "mindspore.nn.HuberLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.KLDivLoss", mindspore: "mindspore.nn.KLDivLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.L1Loss", mindspore: "mindspore.nn.L1Loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.MSELoss", mindspore: "mindspore.nn.MSELoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.MarginRankingLoss", mindspore: "mindspore.nn.MarginRankingLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.MultiLabelMarginLoss", mindspore: "mindspore.nn.MultiLabelMarginLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.MultiLabelSoftMarginLoss", mindspore: "mindspore.nn.MultiLabelSoftMarginLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.MultiMarginLoss", mindspore: "mindspore.nn.MultiMarginLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.NLLLoss", mindspore: "mindspore.nn.NLLLoss", claim: "diff", diffPage: "NLLLoss.md"),
    .init(pytorch: "torch.nn.PoissonNLLLoss", mindspore: "mindspore.nn.PoissonNLLLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.SmoothL1Loss", mindspore: "mindspore.nn.SmoothL1Loss", claim: "diff", diffPage: "SmoothL1Loss.md"),
    .init(pytorch: "torch.nn.SoftMarginLoss", mindspore: "mindspore.nn.SoftMarginLoss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.TripletMarginLoss", mindspore: "mindspore.nn.TripletMarginLoss", claim: "The functions are consistent, but the number or sequence of parameters is inconsistent.", diffPage: "TripletMarginLoss.md"),
    .init(pytorch: "torch.nn.functional.cosine_embedding_loss", mindspore: "mindspore.ops.cosine_embedding_loss", claim: "The functions are consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.ctc_loss", mindspore: "mindspore.ops.ctc_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.hinge_embedding_loss", mindspore: "mindspore.ops.hinge_embedding_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.l1_loss", mindspore: "mindspore.ops.l1_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.margin_ranking_loss", mindspore: "mindspore.ops.margin_ranking_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.mse_loss", mindspore: "mindspore.ops.mse_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.multi_margin_loss", mindspore: "mindspore.ops.multi_margin_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.multilabel_margin_loss", mindspore: "mindspore.ops.multilabel_margin_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.multilabel_soft_margin_loss", mindspore: "mindspore.ops.multilabel_soft_margin_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.nll_loss", mindspore: "mindspore.ops.nll_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.smooth_l1_loss", mindspore: "mindspore.ops.smooth_l1_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.soft_margin_loss", mindspore: "mindspore.ops.soft_margin_loss", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.triplet_margin_loss", mindspore: "mindspore.ops.triplet_margin_loss", claim: "The functions are consistent, but the number or sequence of parameters is inconsistent.", diffPage: "TripletMarginLoss.md"),
    .init(pytorch: "torch.nn.functional.binary_cross_entropy", mindspore: "mindspore.ops.binary_cross_entropy", claim: "The functions are consistent, but the parameter names are inconsistent.", diffPage: nil),
    .init(pytorch: "torch.nn.functional.binary_cross_entropy_with_logits", mindspore: "mindspore.ops.binary_cross_entropy_with_logits", claim: "The functions are consistent, but the parameter names are inconsistent.", diffPage: nil),
    .init(pytorch: "torch.nn.functional.cross_entropy", mindspore: "mindspore.ops.cross_entropy", claim: "Consistent", diffPage: nil),
    .init(pytorch: "torch.nn.functional.kl_div", mindspore: "mindspore.ops.kl_div", claim: "diff", diffPage: "kl_div.md"),
  ]

  public static func row(pytorch: String) -> MindSporeTableRow? {
    all.first { $0.pytorch == pytorch }
  }
}
