/// How a figure draws one series: colour, line width and dash pattern.
///
/// The exact answer is the wide pale reference under the others; the rest take a palette
/// slot in declaration order, with dashes so they stay apart in grey print.
struct SeriesStyle {
  var color: String
  var width: Double
  var dash: String?

  static let reference = SeriesStyle(color: "#b5b5b5", width: 6, dash: nil)

  static let palette = [
    SeriesStyle(color: "#1f5fbf", width: 1.8, dash: nil),
    SeriesStyle(color: "#d9531e", width: 1.8, dash: "7 4"),
    SeriesStyle(color: "#2a9d4b", width: 1.8, dash: "2 3"),
    SeriesStyle(color: "#8e44ad", width: 1.8, dash: "9 3 2 3"),
  ]

  /// The style of the `index`th series that is not the reference.
  static func slot(_ index: Int) -> SeriesStyle { palette[index % palette.count] }
}
