import ParityCore
import ParityFixtures
import Parity

/// One panel of a `MarginCurve` as an SVG line chart: log10(loss) against the margin, every
/// declared series, infinite losses as markers on a band above the plot and zero losses on a
/// band below it, and each annotation as a labelled vertical line.
struct MarginCurveFigure {
  var curve: MarginCurve
  var samples: CurveSamples

  static let width = 780
  static let height = 500
  static let plotLeft = 84.0
  static let plotRight = 752.0
  static let plotTop = 112.0
  static let plotBottom = 402.0
  /// Vertical centres of the inf and 0 bands.
  static let infinityBand = 90.0
  static let zeroBand = 424.0
  static let bandHalfHeight = 11.0

  var title: String { "\(curve.title), \(samples.dtype.rawValue)" }

  /// The annotation's sentence with its margin, as the figure and the report word it.
  static func describe(_ mark: CurveMark, dtype: DType) -> String? {
    guard let margin = mark.margin else { return nil }
    let relation = mark.annotation.kind == .becomesInfinite ? "≥" : "≤"
    return "\(mark.annotation.label) for m \(relation) \(PythonSnippet.float(margin, dtype: dtype))"
  }

  var svg: String {
    var svg = SVGDocument(
      width: Self.width, height: Self.height, title: title,
      summary: ([title + ", loss on a log scale"] + samples.marks.compactMap { Self.describe($0, dtype: samples.dtype) })
        .joined(separator: "; ") + ".")
    let x = AxisScale(domain: samples.range, from: Self.plotLeft, to: Self.plotRight)
    let (y, yStep) = yScale
    let bandLeft = Self.plotLeft
    let bandWidth = Self.plotRight - Self.plotLeft

    svg.text(title, x: Self.plotLeft, y: 24, size: 16, bold: true)
    svg.text(
      "loss on a log scale; dots on the inf band: the loss is inf; on the 0 band: the loss is exactly 0",
      x: Self.plotLeft, y: 43, size: 12, fill: "#555555")

    // Bands, grid, frame.
    for centre in [Self.infinityBand, Self.zeroBand] {
      svg.rect(x: bandLeft, y: centre - Self.bandHalfHeight, width: bandWidth, height: 2 * Self.bandHalfHeight, fill: "#f3f3f3")
    }
    svg.text("inf", x: Self.plotLeft - 8, y: Self.infinityBand + 4, size: 12, anchor: .end, bold: true)
    svg.text("0", x: Self.plotLeft - 8, y: Self.zeroBand + 4, size: 12, anchor: .end, bold: true)
    let xStep = AxisScale.roundStep(span: samples.range.upperBound - samples.range.lowerBound, count: 10)
    for tick in x.ticks(step: xStep) {
      let px = x.position(tick)
      svg.line(x1: px, y1: Self.plotTop, x2: px, y2: Self.plotBottom, stroke: "#e6e6e6")
      svg.line(x1: px, y1: Self.zeroBand + Self.bandHalfHeight, x2: px, y2: Self.zeroBand + Self.bandHalfHeight + 5, stroke: "#444444")
      svg.text(AxisScale.label(tick, step: xStep), x: px, y: Self.zeroBand + Self.bandHalfHeight + 19, size: 12, anchor: .middle)
    }
    for tick in y.ticks(step: yStep) {
      let py = y.position(tick)
      svg.line(x1: Self.plotLeft, y1: py, x2: Self.plotRight, y2: py, stroke: "#e6e6e6")
      svg.line(x1: Self.plotLeft - 5, y1: py, x2: Self.plotLeft, y2: py, stroke: "#444444")
      svg.text(Self.powerOfTen(tick), x: Self.plotLeft - 8, y: py + 4, size: 12, anchor: .end)
    }
    svg.rect(x: Self.plotLeft, y: Self.plotTop, width: bandWidth, height: Self.plotBottom - Self.plotTop, fill: "none", stroke: "#888888")
    svg.text(curve.xLabel, x: (Self.plotLeft + Self.plotRight) / 2, y: Double(Self.height) - 12, size: 13, anchor: .middle)
    svg.text("loss (log scale)", x: 20, y: (Self.plotTop + Self.plotBottom) / 2, size: 13, anchor: .middle, rotation: -90)

    // Series: the reference under the others, each broken where it leaves the finite range.
    let styles = self.styles
    for (index, series) in samples.series.enumerated() {
      guard let values = series.log10Losses else { continue }
      var run: [(x: Double, y: Double)] = []
      for (margin, value) in zip(samples.margins, values) {
        if value.isFinite {
          run.append((x.position(margin), y.position(value)))
        } else {
          svg.polyline(run, stroke: styles[index].color, width: styles[index].width, dash: styles[index].dash)
          run = []
        }
      }
      svg.polyline(run, stroke: styles[index].color, width: styles[index].width, dash: styles[index].dash)
    }
    // Markers, each series at its own height in the band so coinciding ones stay visible.
    for (index, series) in samples.series.enumerated() {
      guard let values = series.log10Losses else { continue }
      let offset = (Double(index) - Double(samples.series.count - 1) / 2) * 5
      for (margin, value) in zip(samples.margins, values) where value.isInfinite {
        let centre = value > 0 ? Self.infinityBand : Self.zeroBand
        svg.circle(cx: x.position(margin), cy: centre + offset, r: 2.2, fill: styles[index].color)
      }
    }

    // Annotations: a dashed line through plot and bands; the label on the side with room.
    var slots: [CurveAnnotation.Kind: Int] = [:]
    for mark in samples.marks {
      guard let margin = mark.margin, let text = Self.describe(mark, dtype: samples.dtype),
        let index = samples.series.firstIndex(where: { $0.key == mark.annotation.series })
      else { continue }
      let px = x.position(margin)
      let slot = slots[mark.annotation.kind, default: 0]
      slots[mark.annotation.kind] = slot + 1
      let color = styles[index].color
      svg.line(
        x1: px, y1: Self.infinityBand - Self.bandHalfHeight, x2: px, y2: Self.zeroBand + Self.bandHalfHeight,
        stroke: color, width: 1, dash: "3 3")
      let labelY = mark.annotation.kind == .becomesInfinite
        ? Self.plotTop + 18 + 16 * Double(slot) : Self.plotBottom - 10 - 16 * Double(slot)
      let (labelX, anchor) = Self.labelPlacement(at: px, width: Self.textWidth(text))
      svg.text(text, x: labelX, y: labelY, size: 12, anchor: anchor, fill: color, halo: true)
    }

    legend(into: &svg, styles: styles)
    return svg.rendered
  }

  /// A generous width estimate for `text` at 12 px in the default sans-serif.
  static func textWidth(_ text: String) -> Double { 7 * Double(text.count) }

  /// Beside the line at `x` on the side with more room, else against the plot's edge.
  static func labelPlacement(at x: Double, width: Double) -> (x: Double, anchor: SVGDocument.Anchor) {
    let fitsRight = x + 5 + width <= plotRight - 4
    let fitsLeft = x - 5 - width >= plotLeft + 4
    let preferLeft = x > (plotLeft + plotRight) / 2
    if fitsLeft && (preferLeft || !fitsRight) { return (x - 5, .end) }
    if fitsRight { return (x + 5, .start) }
    return preferLeft ? (plotLeft + 4, .start) : (plotRight - 4, .end)
  }

  /// One style per series in declaration order; `exact` is the reference.
  var styles: [SeriesStyle] {
    var next = 0
    return samples.series.map { series in
      guard series.key != RecordedCall.exactKey else { return .reference }
      defer { next += 1 }
      return .slot(next)
    }
  }

  /// Whole powers of ten spanning every finite value, with at most eight intervals.
  var yScale: (AxisScale, Double) {
    let finite = samples.series.flatMap { $0.log10Losses ?? [] }.filter(\.isFinite)
    let low = finite.min() ?? -1
    let high = finite.max() ?? 1
    let step = AxisScale.roundStep(span: max(high - low, 1), count: 8, minimum: 1)
    let domain = ((low / step).rounded(.down) * step)...((high / step).rounded(.up) * step)
    return (AxisScale(domain: domain, from: Self.plotBottom, to: Self.plotTop), step)
  }

  /// `1e-40`, `0.1`, `1`, `10`, `100`, `1e3`.
  static func powerOfTen(_ exponent: Double) -> String {
    let e = Int(exponent.rounded())
    switch e {
    case -1: return "0.1"
    case 0: return "1"
    case 1: return "10"
    case 2: return "100"
    default: return "1e\(e)"
    }
  }

  /// One row under the subtitle: each series' line and label, or why it is missing.
  func legend(into svg: inout SVGDocument, styles: [SeriesStyle]) {
    var left = Self.plotLeft
    let baseline = 64.0
    for (index, series) in samples.series.enumerated() {
      let text: String
      if series.log10Losses == nil {
        text = "\(series.label): none for \(samples.dtype.rawValue)"
        svg.text(text, x: left, y: baseline, size: 12, fill: "#777777")
      } else {
        text = series.label
        let style = styles[index]
        svg.line(x1: left, y1: baseline - 4, x2: left + 30, y2: baseline - 4, stroke: style.color, width: style.width, dash: style.dash)
        left += 36
        svg.text(text, x: left, y: baseline, size: 12)
      }
      left += Self.textWidth(text) + 24
    }
  }
}
