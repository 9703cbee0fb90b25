/// A curve annotation resolved on one panel: the margin where it happens, to the dtype's
/// precision, or `nil` when the series never gets there in the panel's range.
public struct CurveMark: Sendable, Equatable {
  public var annotation: CurveAnnotation
  public var margin: Double?

  public init(annotation: CurveAnnotation, margin: Double?) {
    self.annotation = annotation
    self.margin = margin
  }
}
