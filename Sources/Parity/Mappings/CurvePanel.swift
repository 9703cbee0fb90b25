import ParityCore

/// One dtype of a margin curve and the margins to sample: wide enough to show both ends.
public struct CurvePanel: Sendable {
  public var dtype: DType
  public var margins: ClosedRange<Double>

  public init(_ dtype: DType, _ margins: ClosedRange<Double>) {
    self.dtype = dtype
    self.margins = margins
  }
}
