import ParityCore
import ParityKernels

extension MarginCurve {
  /// Every panel, evaluated.
  public var samples: [CurveSamples] { panels.map(samples(for:)) }

  /// Samples `panel` at `resolution` even steps rounded to its dtype, evaluates each series
  /// there, and resolves the annotations to the exact dtype value where they happen.
  public func samples(for panel: CurvePanel) -> CurveSamples {
    let dtype = panel.dtype
    let (low, high) = (panel.margins.lowerBound, panel.margins.upperBound)
    let steps = max(resolution, 1)
    var margins: [Double] = []
    for i in 0...steps {
      let m = Self.rounded(low + (high - low) * Double(i) / Double(steps), to: dtype)
      if margins.last != m { margins.append(m) }
    }
    let evaluated = series.map { s -> SeriesSamples in
      do {
        return SeriesSamples(key: s.key, label: s.label, log10Losses: try s.log10Losses(dtype, margins))
      } catch {
        return SeriesSamples(key: s.key, label: s.label, log10Losses: nil, absence: Self.describe(error))
      }
    }
    let marks = annotations.map { annotation -> CurveMark in
      guard let s = series.first(where: { $0.key == annotation.series }),
        let values = evaluated.first(where: { $0.key == annotation.series })?.log10Losses
      else { return CurveMark(annotation: annotation, margin: nil) }
      return CurveMark(
        annotation: annotation, margin: Self.locate(annotation.kind, values: values, margins: margins, dtype: dtype, series: s))
    }
    return CurveSamples(dtype: dtype, range: panel.margins, margins: margins, series: evaluated, marks: marks)
  }

  /// The margin where `kind` happens: the bracketing samples, narrowed by bisection over the
  /// dtype's values (assuming one crossing between them) until they are neighbours.
  static func locate(_ kind: CurveAnnotation.Kind, values: [Double], margins: [Double], dtype: DType, series: CurveSeries)
    -> Double?
  {
    func isHit(_ value: Double) -> Bool { kind == .becomesInfinite ? value == .infinity : value == -.infinity }
    func hits(at margin: Double) -> Bool { (try? series.log10Losses(dtype, [margin]).first.map(isHit)) ?? false }
    // Scanning up for inf, down for 0: `inside` is the first sample where it happens.
    let order = kind == .becomesInfinite ? Array(margins.indices) : margins.indices.reversed()
    guard let first = order.firstIndex(where: { isHit(values[$0]) }) else { return nil }
    guard first > 0 else { return margins[order[first]] }
    var inside = margins[order[first]]
    var outside = margins[order[first - 1]]
    for _ in 0..<200 {
      let middle = rounded(outside + (inside - outside) / 2, to: dtype)
      guard middle != inside && middle != outside else { break }
      if hits(at: middle) { inside = middle } else { outside = middle }
    }
    return inside
  }

  /// `value` rounded once to the nearest value of `dtype`.
  static func rounded(_ value: Double, to dtype: DType) -> Double {
    TensorStorage(dtype: dtype, doubles: [value]).doubleValues[0]
  }

  static func describe(_ error: any Error) -> String {
    (error as? KernelError)?.message ?? String(describing: error)
  }
}
