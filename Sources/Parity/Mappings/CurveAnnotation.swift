/// A point a margin-curve figure marks on one series: where it becomes inf or 0.
public struct CurveAnnotation: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// The smallest margin from which the series is +inf (scanning up).
    case becomesInfinite
    /// The largest margin at which the series is exactly 0 (scanning down).
    case becomesZero
  }

  public var kind: Kind
  /// The series' key.
  public var series: String
  /// What happens there (`PyTorch overflows to inf`).
  public var label: String

  public init(_ kind: Kind, series: String, label: String) {
    self.kind = kind
    self.series = series
    self.label = label
  }
}
