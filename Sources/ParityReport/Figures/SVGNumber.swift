/// Numbers as SVG text: a fixed count of decimals, rounded half away from zero, with no
/// exponent and no "-0", so the same value is always the same bytes.
enum SVGNumber {
  static let decimals = 2

  static func format(_ value: Double, decimals: Int = SVGNumber.decimals) -> String {
    precondition(value.isFinite, "SVG coordinates must be finite")
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero))
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(scaled) }
    let fraction = String(scaled % scale)
    return sign + String(scaled / scale) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }
}
