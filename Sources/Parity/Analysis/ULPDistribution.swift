import ParityCore

/// An API's ULP histograms summed over its cases, by source and output dtype: the evidence
/// behind "within n ULP" as a distribution rather than a maximum.
public struct ULPDistribution: Sendable {
  /// Recordings against exact first, then the Swift port against recordings, each in the
  /// order the cases first show them.
  public private(set) var sources: [ULPSource] = []
  /// Floating output dtypes with any counted element, in `DType` order.
  public private(set) var dtypes: [DType] = []
  private var histograms: [ULPSource: [DType: ULPHistogram]] = [:]

  public init(_ result: APIResult) {
    var order: [ULPSource] = []
    for caseResult in result.cases {
      for (framework, comparison) in caseResult.recordedAgainstExact {
        add(comparison, from: .recordedAgainstExact(framework: framework), order: &order)
      }
      for check in caseResult.checks {
        if let values = check.values { add(values, from: .swiftAgainstRecorded(framework: check.framework), order: &order) }
      }
    }
    sources = order.filter { if case .recordedAgainstExact = $0 { return true } else { return false } }
      + order.filter { if case .swiftAgainstRecorded = $0 { return true } else { return false } }
    dtypes = Set(histograms.values.flatMap(\.keys)).sorted()
  }

  /// The summed histogram, or `nil` when the source has no element of that dtype.
  public func histogram(_ source: ULPSource, _ dtype: DType) -> ULPHistogram? {
    histograms[source]?[dtype]
  }

  private mutating func add(_ comparison: ValueComparison, from source: ULPSource, order: inout [ULPSource]) {
    guard comparison.dtype.isFloatingPoint, comparison.elementCount > 0 else { return }
    if !order.contains(source) { order.append(source) }
    var byDType = histograms[source] ?? [:]
    byDType[comparison.dtype] = (byDType[comparison.dtype] ?? ULPHistogram()) + comparison.ulpHistogram
    histograms[source] = byDType
  }
}
