/// A figure file beside a report: where it goes, how the report embeds it, and its SVG text.
struct ReportFigure {
  /// Relative to the reports folder (`figures/SoftMarginLoss-ulp.svg`).
  var path: String
  /// The image's alternative text in the markdown.
  var alt: String
  var svg: String
}
