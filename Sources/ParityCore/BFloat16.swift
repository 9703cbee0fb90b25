/// Brain floating point: float32's sign and exponent with a 7-bit fraction.
///
/// Swift has no `BFloat16`, so this is a storage type with exact conversions. Every
/// conversion into it rounds once, to nearest with ties to even, straight from the source
/// type: converting a `Double` through `Float` first would round twice.
@frozen
public struct BFloat16: Sendable, Hashable {
  public var bitPattern: UInt16

  @inlinable
  public init(bitPattern: UInt16) { self.bitPattern = bitPattern }

  /// Rounds `value` to the nearest bfloat16, ties to even; NaN stays NaN (quiet), sign kept.
  @inlinable
  public init(_ value: Float) {
    let bits = value.bitPattern
    if value.isNaN {
      bitPattern = UInt16(truncatingIfNeeded: bits >> 16) | 0x0040
      return
    }
    // Adding 0x7FFF plus the lowest kept bit rounds to nearest even; a carry out of the
    // fraction bumps the exponent, which is exactly right (including overflow to infinity).
    let lsb = (bits >> 16) & 1
    bitPattern = UInt16(truncatingIfNeeded: (bits &+ 0x7FFF &+ lsb) >> 16)
  }

  /// Rounds `value` to the nearest bfloat16 in one step, ties to even.
  @inlinable
  public init(_ value: Double) {
    if value.isNaN {
      self.init(Float.nan)
      if value.sign == .minus { bitPattern |= 0x8000 }
      return
    }
    if value.isInfinite || value == 0 {
      self.init(Float(value))  // exact for these
      return
    }
    // The quantum of a bfloat16 near `value`: 2^(e - 7) for normals, 2^-133 below 2^-126.
    let exponent = max(Int(value.exponent), -126)
    let quantum = Double(sign: .plus, exponent: exponent - 7, significand: 1)
    let rounded = (value / quantum).rounded(.toNearestOrEven) * quantum
    if abs(rounded) > BFloat16.greatestFiniteMagnitude.doubleValue {
      self.init(value < 0 ? -Float.infinity : Float.infinity)
    } else {
      self.init(Float(rounded))  // `rounded` is a bfloat16 value, so this is exact
    }
  }

  /// The exact value as a `Float` (every bfloat16 is a float32).
  @inlinable
  public var floatValue: Float { Float(bitPattern: UInt32(bitPattern) << 16) }

  /// The exact value as a `Double`.
  @inlinable
  public var doubleValue: Double { Double(floatValue) }

  public static let greatestFiniteMagnitude = BFloat16(bitPattern: 0x7F7F)
  public static let leastNormalMagnitude = BFloat16(bitPattern: 0x0080)
  public static let leastNonzeroMagnitude = BFloat16(bitPattern: 0x0001)
  public static let infinity = BFloat16(bitPattern: 0x7F80)
  public static let nan = BFloat16(bitPattern: 0x7FC0)

  @inlinable public var isNaN: Bool { floatValue.isNaN }
  @inlinable public var isFinite: Bool { floatValue.isFinite }
  @inlinable public var isInfinite: Bool { floatValue.isInfinite }
}

extension BFloat16: CustomStringConvertible {
  public var description: String { floatValue.description }
}
