import ParityCore

/// One panel of a margin curve, evaluated: the sampled margins (each a value of the dtype,
/// ascending), every series at them, and where the declared annotations fall.
public struct CurveSamples: Sendable {
  public var dtype: DType
  public var range: ClosedRange<Double>
  public var margins: [Double]
  /// In the curve's series order.
  public var series: [SeriesSamples]
  /// In the curve's annotation order.
  public var marks: [CurveMark]

  public init(dtype: DType, range: ClosedRange<Double>, margins: [Double], series: [SeriesSamples], marks: [CurveMark]) {
    self.dtype = dtype
    self.range = range
    self.margins = margins
    self.series = series
    self.marks = marks
  }

  public func series(_ key: String) -> SeriesSamples? {
    series.first { $0.key == key }
  }
}
