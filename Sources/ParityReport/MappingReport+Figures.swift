import ParityCore
import ParityFixtures
import Parity

extension MappingReport {
  /// Where figures go, relative to the reports folder.
  static let figuresFolder = "figures"

  /// What the figures and their section are drawn from, computed once per rendering: the
  /// curve samples cost thousands of kernel calls.
  struct FigureData {
    var curves: [(curve: MarginCurve, samples: [CurveSamples])]
    var distribution: ULPDistribution
  }

  var figureData: FigureData {
    FigureData(curves: mapping.documentation.curves.map { ($0, $0.samples) }, distribution: ULPDistribution(result))
  }

  /// The figures the report embeds, rendered: each declared margin curve per dtype, then the
  /// ULP histogram when any value was compared.
  var figures: [ReportFigure] { figures(figureData) }

  func figures(_ data: FigureData) -> [ReportFigure] {
    var list: [ReportFigure] = []
    for (curve, curveSamples) in data.curves {
      for samples in curveSamples {
        let figure = MarginCurveFigure(curve: curve, samples: samples)
        list.append(ReportFigure(path: curvePath(curve, samples.dtype), alt: figure.title, svg: figure.svg))
      }
    }
    let distribution = data.distribution
    if !distribution.dtypes.isEmpty {
      let figure = ULPHistogramFigure(title: ulpTitle, distribution: distribution, labels: ulpLabels(distribution))
      list.append(ReportFigure(path: ulpPath, alt: figure.title, svg: figure.svg))
    }
    return list
  }

  func curvePath(_ curve: MarginCurve, _ dtype: DType) -> String {
    "\(Self.figuresFolder)/\(mapping.id)-\(curve.id)-\(dtype.rawValue).svg"
  }

  var ulpPath: String { "\(Self.figuresFolder)/\(mapping.id)-ulp.svg" }
  var ulpTitle: String { "\(mapping.id): ULP distances by output dtype" }

  func ulpLabels(_ distribution: ULPDistribution) -> [ULPSource: String] {
    var labels: [ULPSource: String] = [:]
    for source in distribution.sources {
      switch source {
      case .recordedAgainstExact(let framework): labels[source] = "\(name(framework)) recorded vs exact"
      case .swiftAgainstRecorded(let framework): labels[source] = "Swift port vs \(name(framework)) recorded"
      }
    }
    return labels
  }

  /// The "Figures" section: captions saying what computed each curve, where the annotated
  /// points fall, and the embedded images. Empty when there is nothing to draw.
  func figuresSection(_ data: FigureData) -> String {
    var text = ""
    for (curve, samples) in data.curves {
      text += curveSection(curve, samples)
    }
    let distribution = data.distribution
    if !distribution.dtypes.isEmpty {
      text += "### ULP distances\n\n"
      text += "Every element of every value, by output dtype, bucketed by its distance in ULP: "
        + distribution.sources.map { ulpSourceText($0) }.joined(separator: "; ")
        + ". `inf/nan` counts elements where one side is inf or nan and the other is not the same value "
        + "(a distance to infinity measures the format, not the computation). Counts are on a log scale.\n\n"
      var table = MarkdownTable(["Source", "dtype"] + ULPHistogram.labels.map { "\($0) ULP" } + ["inf/nan", "Elements"])
      let labels = ulpLabels(distribution)
      for source in distribution.sources {
        for dtype in distribution.dtypes {
          guard let h = distribution.histogram(source, dtype) else { continue }
          table.append([labels[source] ?? "", dtype.rawValue] + (h.counts + [h.nonFinite, h.total]).map(String.init))
        }
      }
      text += table.rendered + "\n![\(ulpTitle)](\(ulpPath))\n"
    }
    return text.isEmpty ? "" : "\n## Figures\n\n" + text
  }

  func ulpSourceText(_ source: ULPSource) -> String {
    switch source {
    case .recordedAgainstExact(let framework):
      return "\(name(framework))'s recorded values against the exact answer rounded once to the dtype"
    case .swiftAgainstRecorded(let framework):
      return "the Swift port through the \(name(framework)) adapter against \(name(framework))'s recording"
    }
  }

  func curveSection(_ curve: MarginCurve, _ panels: [CurveSamples]) -> String {
    var text = "### \(curve.title)\n\n"
    text += "The loss on a log scale against the \(curve.xLabel), one figure per dtype. "
      + "Dots on the band above a plot mark margins where the loss is inf, on the band below where it is exactly 0. "
      + "The curves:\n\n"
    for series in curve.series {
      var line = "- **\(series.label)**: \(series.provenance)."
      for panel in panels {
        if let absence = panel.series(series.key)?.absence {
          line += " None for \(panel.dtype.rawValue): \"\(absence)\""
        }
      }
      text += line + "\n"
    }
    if !curve.annotations.isEmpty {
      text += "\nWhere each annotated point falls, to the dtype's precision (margins sampled in "
        + "\(curve.resolution) even steps, then narrowed to neighbouring dtype values):\n\n"
      var table = MarkdownTable(["dtype", "Margins sampled"] + curve.annotations.map(\.label))
      for panel in panels {
        let range = "\(AxisScale.label(panel.range.lowerBound, step: 1)) to \(AxisScale.label(panel.range.upperBound, step: 1))"
        table.append([panel.dtype.rawValue, range] + panel.marks.map { mark in
          if panel.series(mark.annotation.series)?.log10Losses == nil { return "no series" }
          guard let margin = mark.margin else { return "not in range" }
          return "m \(mark.annotation.kind == .becomesInfinite ? "≥" : "≤") \(PythonSnippet.float(margin, dtype: panel.dtype))"
        })
      }
      text += table.rendered
    }
    for panel in panels {
      text += "\n![\(curve.title), \(panel.dtype.rawValue)](\(curvePath(curve, panel.dtype)))\n"
    }
    return text + "\n"
  }
}
