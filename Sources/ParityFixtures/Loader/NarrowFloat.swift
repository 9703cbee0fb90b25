import ParityCore

/// The floating dtypes narrower than `Double`, rounded from a JSON number exactly once.
///
/// Decimal -> `Double` -> narrower type rounds twice, and that can differ from rounding the
/// decimal directly only when the `Double` lands exactly on a tie between two values of the
/// narrower type (for a recorder's shortest decimals it never does). There the literal's
/// digits decide, via `DecimalLiteral`, so every literal rounds correctly.
protocol NarrowFloat {
  /// Rounds to nearest, ties to even, in one step.
  init(roundingFromDouble value: Double)
  var exactDouble: Double { get }
  var isInfinite: Bool { get }
  static var greatestFinite: Self { get }
  /// The largest finite value plus half its ulp: the magnitude from which values round to infinity.
  static var overflowThreshold: Double { get }
}

extension Float: NarrowFloat {
  @inline(__always) init(roundingFromDouble value: Double) { self.init(value) }
  @inline(__always) var exactDouble: Double { Double(self) }
  static var greatestFinite: Float { .greatestFiniteMagnitude }
  static var overflowThreshold: Double { 0x1.FFFFFFp127 }
}

extension Float16: NarrowFloat {
  @inline(__always) init(roundingFromDouble value: Double) { self.init(value) }
  @inline(__always) var exactDouble: Double { Double(self) }
  static var greatestFinite: Float16 { .greatestFiniteMagnitude }
  static var overflowThreshold: Double { 65520 }
}

extension BFloat16: NarrowFloat {
  @inline(__always) init(roundingFromDouble value: Double) { self.init(value) }
  @inline(__always) var exactDouble: Double { doubleValue }
  static var greatestFinite: BFloat16 { .greatestFiniteMagnitude }
  static var overflowThreshold: Double { 0x1.FFp127 }
}

extension NarrowFloat {
  /// The literal of `number` rounded once to `Self`, or `nil` when a finite literal
  /// overflows to infinity. `bytes` are the parsed document the number's offset points into.
  @inline(__always)
  static func rounding(_ number: JSONNumber, in bytes: UnsafeBufferPointer<UInt8>) -> Self? {
    let value = number.double
    guard value.isFinite else { return nil }
    let rounded = Self(roundingFromDouble: value)
    let roundedValue = rounded.exactDouble
    if roundedValue == value { return rounded }
    if rounded.isInfinite {
      // `value` is at or past the threshold; only a literal just below an exact-threshold
      // double stays finite.
      if abs(value) == overflowThreshold,
        DecimalLiteral.compareMagnitude(literalAt: number.offset, in: bytes, with: value) < 0
      {
        return value < 0 ? Self(roundingFromDouble: -greatestFinite.exactDouble) : greatestFinite
      }
      return nil
    }
    // `rounded` is the nearest value to `value`; if the value as far on the other side is
    // representable too, `value` is a tie (both subtractions are exact: Sterbenz).
    let gap = value - roundedValue
    let mirror = value + gap
    guard mirror - value == gap, Self(roundingFromDouble: mirror).exactDouble == mirror else { return rounded }
    return tieBreak(rounded, roundedValue, mirror, number, bytes)
  }

  @inline(never)
  static func tieBreak(_ rounded: Self, _ roundedValue: Double, _ mirror: Double, _ number: JSONNumber, _ bytes: UnsafeBufferPointer<UInt8>) -> Self {
    let order = DecimalLiteral.compareMagnitude(literalAt: number.offset, in: bytes, with: number.double)
    if order == 0 { return rounded }  // a true tie: ties to even, as already done
    let roundedIsLarger = abs(roundedValue) > abs(mirror)
    // Literal above the tie: take the larger magnitude; below it: the smaller.
    if (order > 0) == roundedIsLarger { return rounded }
    return Self(roundingFromDouble: mirror)
  }
}
