/// One series of a curve panel: log10(loss) at each sampled margin, or why it has none.
public struct SeriesSamples: Sendable {
  public var key: String
  public var label: String
  /// `nil` when the computation rejects the dtype (see `absence`); -inf is a loss of 0,
  /// +inf an infinite loss.
  public var log10Losses: [Double]?
  /// The computation's own words for refusing the dtype.
  public var absence: String?

  public init(key: String, label: String, log10Losses: [Double]?, absence: String? = nil) {
    self.key = key
    self.label = label
    self.log10Losses = log10Losses
    self.absence = absence
  }
}
