import Foundation
import ParityCore
import Parity

/// An API's `ULPDistribution` as an SVG bar chart: one panel per output dtype, a group of
/// bars per ULP bucket plus the non-finite disagreements, a bar per source, counts on a
/// shared log scale and written above each bar.
struct ULPHistogramFigure {
  var title: String
  var distribution: ULPDistribution
  /// Each source's legend text.
  var labels: [ULPSource: String]

  static let width = 780
  static let panelHeight = 200.0
  static let headerHeight = 78.0
  static let plotLeft = 84.0
  static let plotRight = 760.0
  /// Bar colours by source, in the distribution's source order.
  static let colors = ["#4c78a8", "#f58518", "#54a24b", "#b279a2"]
  static let groups = ULPHistogram.labels + ["inf/nan"]

  var height: Int { Int(Self.headerHeight + Self.panelHeight * Double(distribution.dtypes.count) + 10) }

  var svg: String {
    var svg = SVGDocument(width: Self.width, height: height, title: title, summary: summary)
    svg.text(title, x: Self.plotLeft, y: 24, size: 16, bold: true)
    svg.text(
      "elements per ULP distance, log scale; inf/nan: one side inf or nan where the other is not",
      x: Self.plotLeft, y: 43, size: 12, fill: "#555555")
    var left = Self.plotLeft
    for (index, source) in distribution.sources.enumerated() {
      let text = labels[source] ?? "\(source)"
      svg.rect(x: left, y: 54, width: 14, height: 12, fill: Self.color(index))
      svg.text(text, x: left + 20, y: 64, size: 12)
      left += 20 + MarginCurveFigure.textWidth(text) + 24
    }
    let top = distribution.dtypes.compactMap { dtype in
      distribution.sources.compactMap { distribution.histogram($0, dtype) }.flatMap { $0.counts + [$0.nonFinite] }.max()
    }.max() ?? 1
    let decades = max(1, Int(log10(Double(max(top, 1))).rounded(.up)))
    for (row, dtype) in distribution.dtypes.enumerated() {
      panel(dtype, at: Self.headerHeight + Self.panelHeight * Double(row), decades: decades, into: &svg)
    }
    return svg.rendered
  }

  /// Every count in words, for the document's description.
  var summary: String {
    var parts: [String] = [title + "."]
    for dtype in distribution.dtypes {
      for source in distribution.sources {
        guard let h = distribution.histogram(source, dtype) else { continue }
        let buckets = zip(Self.groups, h.counts + [h.nonFinite]).map { "\($0) ULP: \($1)" }.joined(separator: ", ")
        parts.append("\(dtype.rawValue), \(labels[source] ?? "\(source)"): \(buckets).")
      }
    }
    return parts.joined(separator: " ")
  }

  static func color(_ index: Int) -> String { colors[index % colors.count] }

  func panel(_ dtype: DType, at y0: Double, decades: Int, into svg: inout SVGDocument) {
    let plotTop = y0 + 34
    let plotBottom = y0 + Self.panelHeight - 44
    // From half an element, so a bucket of one still shows a bar.
    let y = AxisScale(domain: log10(0.5)...Double(decades), from: plotBottom, to: plotTop)
    let histograms = distribution.sources.map { distribution.histogram($0, dtype) }
    let totals = zip(distribution.sources, histograms).compactMap { source, h in
      h.map { "\(labels[source] ?? "\(source)") \($0.total)" }
    }
    svg.text(dtype.rawValue, x: Self.plotLeft, y: y0 + 16, size: 14, bold: true)
    svg.text("elements: " + totals.joined(separator: "; "), x: Self.plotLeft + 80, y: y0 + 16, size: 12, fill: "#555555")

    for decade in 0...decades {
      let py = y.position(Double(decade))
      svg.line(x1: Self.plotLeft, y1: py, x2: Self.plotRight, y2: py, stroke: "#e6e6e6")
      svg.line(x1: Self.plotLeft - 5, y1: py, x2: Self.plotLeft, y2: py, stroke: "#444444")
      svg.text(decade < 3 ? String(Int(pow(10, Double(decade)))) : "1e\(decade)", x: Self.plotLeft - 8, y: py + 4, size: 11, anchor: .end)
    }
    svg.text("elements", x: 22, y: (plotTop + plotBottom) / 2, size: 12, anchor: .middle, rotation: -90)

    let groupWidth = (Self.plotRight - Self.plotLeft) / Double(Self.groups.count)
    let barWidth = (groupWidth - 16) / Double(max(histograms.count, 1))
    for (group, name) in Self.groups.enumerated() {
      let groupLeft = Self.plotLeft + groupWidth * Double(group)
      let isNonFinite = group == ULPHistogram.labels.count
      if isNonFinite {
        svg.line(x1: groupLeft, y1: plotTop, x2: groupLeft, y2: plotBottom + 20, stroke: "#999999", dash: "3 3")
      }
      svg.text(name, x: groupLeft + groupWidth / 2, y: plotBottom + 16, size: 12, anchor: .middle, fill: isNonFinite ? "#a03020" : "#222222")
      for (index, histogram) in histograms.enumerated() {
        guard let histogram else { continue }
        let count = isNonFinite ? histogram.nonFinite : histogram.counts[group]
        let barLeft = groupLeft + 8 + barWidth * Double(index)
        let centre = barLeft + barWidth / 2
        guard count > 0 else {
          svg.text("0", x: centre, y: plotBottom - 3, size: 10, anchor: .middle, fill: "#999999")
          continue
        }
        let barTop = y.position(log10(Double(count)))
        svg.rect(x: barLeft + 1, y: barTop, width: barWidth - 2, height: plotBottom - barTop, fill: Self.color(index))
        svg.text(String(count), x: centre, y: barTop - 3, size: 10, anchor: .middle)
      }
    }
    svg.line(x1: Self.plotLeft, y1: plotBottom, x2: Self.plotRight, y2: plotBottom, stroke: "#444444")
    svg.text("ULP distance", x: (Self.plotLeft + Self.plotRight) / 2, y: plotBottom + 34, size: 12, anchor: .middle, fill: "#555555")
  }
}
