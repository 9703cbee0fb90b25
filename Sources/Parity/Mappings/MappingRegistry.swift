/// The mappings Parity knows, looked up by the fixture's `api` field.
public struct MappingRegistry: Sendable {
  public private(set) var mappings: [APIMapping]

  public init(_ mappings: [APIMapping]) {
    self.mappings = mappings
  }

  /// Every mapping this package implements.
  public static let standard = MappingRegistry([
    .softMarginLoss,
    .l1LossModule, .l1LossFunctional, .mseLossModule, .mseLossFunctional,
    .smoothL1LossModule, .smoothL1LossFunctional, .huberLossModule,
    .bceLossModule, .bceLossFunctional, .bceWithLogitsLossModule, .bceWithLogitsLossFunctional,
    .klDivLossModule, .klDivLossFunctional, .poissonNLLLossModule,
    .softMarginLossModule, .softMarginLossFunctional,
    .marginRankingLossModule, .marginRankingLossFunctional,
    .hingeEmbeddingLossModule, .hingeEmbeddingLossFunctional,
    .gaussianNLLLossModule,
    .multiLabelSoftMarginLossModule, .multiLabelSoftMarginLossFunctional,
    .multiLabelMarginLossModule, .multiLabelMarginLossFunctional,
    .nllLossModule, .nllLossFunctional,
    .ctcLossModule, .ctcLossFunctional,
    .cosineEmbeddingLossModule, .cosineEmbeddingLossFunctional,
    .tripletMarginLossModule, .tripletMarginLossFunctional,
    .crossEntropyLossModule, .crossEntropyFunctional,
    .multiMarginLossModule, .multiMarginLossFunctional,
  ])

  public func mapping(id: String) -> APIMapping? {
    mappings.first { $0.id == id }
  }

  public var ids: [String] { mappings.map(\.id) }
}
