import Foundation

/// A linear map from data values to figure coordinates, and round tick values for its axis.
struct AxisScale {
  var domain: ClosedRange<Double>
  /// The coordinates of the domain's lower and upper bounds (upper first for a y axis).
  var from: Double
  var to: Double

  func position(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    guard span > 0 else { return (from + to) / 2 }
    return from + (value - domain.lowerBound) / span * (to - from)
  }

  /// Multiples of `step` inside the domain.
  func ticks(step: Double) -> [Double] {
    let first = (domain.lowerBound / step).rounded(.up)
    let last = (domain.upperBound / step).rounded(.down)
    guard first <= last else { return [] }
    return stride(from: first, through: last, by: 1).map { $0 * step }
  }

  /// The smallest of 1, 2 or 5 times a power of ten (at least `minimum`) that cuts `span`
  /// into at most `count` parts.
  static func roundStep(span: Double, count: Int, minimum: Double = 0) -> Double {
    let raw = max(span / Double(max(count, 1)), minimum, .leastNormalMagnitude)
    let power = pow(10, (log10(raw)).rounded(.down))
    return [1, 2, 5, 10].map { $0 * power }.first { $0 >= raw * (1 - 1e-9) } ?? 10 * power
  }

  /// A tick value as text: whole numbers plainly, others with the decimals `step` needs.
  static func label(_ value: Double, step: Double) -> String {
    if step >= 1 { return String(Int64(value.rounded())) }
    let decimals = Int(-log10(step).rounded(.down))
    return SVGNumber.format(value, decimals: max(decimals, 1))
  }
}
