/// An API mapping between frameworks: one Swift implementation behind one adapter per
/// framework, and what the mapping page claims about it.
///
/// Adding a mapping means declaring one of these (and its recorder spec); the runner and
/// the reports work from the declaration alone.
public struct APIMapping: Sendable {
  /// The fixture's `api` field (`SoftMarginLoss`).
  public var id: String
  /// In report column order.
  public var adapters: [FrameworkAdapter]
  public var documentation: MappingDocumentation

  public init(id: String, adapters: [FrameworkAdapter], documentation: MappingDocumentation) {
    self.id = id
    self.adapters = adapters
    self.documentation = documentation
  }

  public func adapter(for framework: String) -> FrameworkAdapter? {
    adapters.first { $0.framework == framework }
  }
}

/// The mapping page's prose and parameter table, which the report reproduces and then
/// tests against the recorded evidence.
public struct MappingDocumentation: Sendable {
  /// One paragraph per framework key, as the page describes each API.
  public var descriptions: [String: String]
  /// The page's verdict, quoted in the report beside what was measured.
  public var claim: String
  public var parameters: [ParameterCorrespondence]
  /// Where the page lives, for the report's header.
  public var source: String?
  /// Figures of the loss against its margin, which the report draws.
  public var curves: [MarginCurve]

  public init(
    descriptions: [String: String], claim: String, parameters: [ParameterCorrespondence], source: String? = nil,
    curves: [MarginCurve] = []
  ) {
    self.descriptions = descriptions
    self.claim = claim
    self.parameters = parameters
    self.source = source
    self.curves = curves
  }
}

extension MappingDocumentation {
  /// A row of MindSpore's API mapping table with no diff page: the table's claim is all it
  /// says, so the report holds the claim and the table's five criteria against the evidence.
  public static func tableRow(claim: String, parameters: [ParameterCorrespondence] = []) -> MappingDocumentation {
    MappingDocumentation(
      descriptions: [:], claim: claim, parameters: parameters,
      source: "docs/mindspore/source_en/note/api_mapping/pytorch_api_mapping.md (release r2.4.10)")
  }
}

/// A row of the page's parameter table: each framework's name for one parameter (or `nil`
/// where it has none) and the page's stated difference.
public struct ParameterCorrespondence: Sendable {
  public var category: String
  public var names: [String: String]
  public var difference: String

  public init(category: String = "Parameters", names: [String: String], difference: String) {
    self.category = category
    self.names = names
    self.difference = difference
  }
}
