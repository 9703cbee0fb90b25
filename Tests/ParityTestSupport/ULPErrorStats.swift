import ParityCore

/// Running accuracy figures for a function checked against a higher-precision reference:
/// the largest error in ULPs of the result type (as a fraction, measured against the
/// reference before it is rounded), the largest whole-ULP distance from the correctly
/// rounded reference, and how many results were correctly rounded.
public struct ULPErrorStats: Sendable, CustomStringConvertible {
  public let dtype: DType
  public private(set) var count = 0
  public private(set) var correctlyRounded = 0
  public private(set) var maxError = 0.0
  public private(set) var maxErrorInput = 0.0
  public private(set) var maxDistance: UInt64 = 0
  public private(set) var maxDistanceInput = 0.0
  /// Inputs whose result was NaN against a non-NaN reference, or the other way round.
  public private(set) var nanMismatches: [Double] = []

  public init(dtype: DType) {
    precondition(dtype == .float32 || dtype == .float64, "ULPErrorStats: float32 or float64")
    self.dtype = dtype
  }

  /// Records `result` (a value of `dtype`) for `input` against the exact `reference`, given
  /// as its nearest `Double` for float32 results or as a `Float80` for float64 results.
  public mutating func record(input: Double, result: Double, reference: Float80) {
    count += 1
    let rounded = dtype == .float32 ? Double(Float(Double(reference))) : Double(reference)
    if result.isNaN || rounded.isNaN {
      if result.isNaN != rounded.isNaN { nanMismatches.append(input) } else { correctlyRounded += 1 }
      return
    }
    let distance = ULP.distance(result, rounded, in: dtype) ?? .max
    if distance == 0 { correctlyRounded += 1 }
    if distance > maxDistance { maxDistance = distance; maxDistanceInput = input }
    // Fractional error: only meaningful where the reference is finite; a wrong infinity
    // already shows as a whole-ULP distance.
    guard reference.isFinite, result.isFinite else { return }
    let error = Double(abs(Float80(result) - reference) / Self.ulp(of: reference, in: dtype))
    if error > maxError { maxError = error; maxErrorInput = input }
  }

  /// The spacing of `dtype` values in the binade of `value` (the subnormal spacing below it).
  static func ulp(of value: Float80, in dtype: DType) -> Float80 {
    let (precision, minExponent) = dtype == .float32 ? (24, -126) : (53, -1022)
    let exponent = value == 0 ? minExponent : max(Int(value.magnitude.exponent), minExponent)
    return Float80(sign: .plus, exponent: exponent - (precision - 1), significand: 1)
  }

  public var correctlyRoundedFraction: Double { count == 0 ? 1 : Double(correctlyRounded) / Double(count) }

  public var description: String {
    let percent = (correctlyRoundedFraction * 100_000).rounded() / 1000
    return "\(count) inputs: max error \(maxError.formatted6) ULP (at \(maxErrorInput)), "
      + "max distance from correctly rounded \(maxDistance) ULP (at \(maxDistanceInput)), "
      + "\(percent)% correctly rounded, \(nanMismatches.count) NaN mismatches"
  }
}

extension Double {
  fileprivate var formatted6: String { "\((self * 1_000_000).rounded() / 1_000_000)" }
}
