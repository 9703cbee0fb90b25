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
  /// The row of MindSpore's API mapping table for `pytorch`: its claim is what the report
  /// holds against the evidence, with the table's five criteria; `parameters` is the diff
  /// page's table where the row has a page.
  /// A row with a diff page passes the page's `descriptions` (its PyTorch and MindSpore
  /// paragraphs; the MindSpore one is the page's claim) and parameter table.
  public static func tableRow(
    _ pytorch: String, descriptions: [String: String] = [:], parameters: [ParameterCorrespondence] = []
  ) -> MappingDocumentation {
    let row = MindSporeTableRow.row(pytorch: pytorch)
    return MappingDocumentation(
      descriptions: descriptions, claim: descriptions["mindspore"] ?? row?.claim ?? "(not in the table)", parameters: parameters,
      source: row?.diffPage.map { "docs/mindspore/source_en/note/api_mapping/pytorch_diff/\($0)" } ?? MindSporeTableRow.source)
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
