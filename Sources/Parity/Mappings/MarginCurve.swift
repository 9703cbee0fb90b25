import ParityCore

/// A figure a mapping declares: its loss against the margin, one panel per dtype and one
/// series per way of computing the loss. Reports plot whatever is declared, on a log scale.
public struct MarginCurve: Sendable {
  /// Names the figure's files (`<api>-<id>-<dtype>.svg`).
  public var id: String
  public var title: String
  public var xLabel: String
  public var panels: [CurvePanel]
  /// In drawing order; the `exact` key is drawn as the reference.
  public var series: [CurveSeries]
  public var annotations: [CurveAnnotation]
  /// Sampling intervals per panel (margins that round to the same dtype value count once).
  public var resolution: Int

  public init(
    id: String, title: String, xLabel: String, panels: [CurvePanel], series: [CurveSeries],
    annotations: [CurveAnnotation] = [], resolution: Int = 600
  ) {
    self.id = id
    self.title = title
    self.xLabel = xLabel
    self.panels = panels
    self.series = series
    self.annotations = annotations
    self.resolution = resolution
  }
}
