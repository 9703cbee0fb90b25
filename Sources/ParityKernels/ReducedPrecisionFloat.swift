import ParityCore

/// A 16-bit float that PyTorch's CPU kernels ("reduced floating types") compute in `Float`:
/// every op widens its operands exactly, works in `Float`, and rounds the result back.
///
/// Kernels are generic over this protocol so float16 and bfloat16 share one loop that the
/// optimizer specializes for each type; nothing dispatches per element.
protocol ReducedPrecisionFloat: StorageElement {
  /// Rounds to the nearest value of `Self`, ties to even (overflow gives infinity).
  init(_ value: Float)
  /// The exact value, widened.
  var float: Float { get }
  /// `value` rounded to `Self` and widened back: what a reduced-precision op stores.
  static func stored(_ value: Float) -> Float
}

extension ReducedPrecisionFloat {
  @inline(__always)
  static func stored(_ value: Float) -> Float { Self(value).float }
}

extension BFloat16: ReducedPrecisionFloat {
  @inline(__always)
  var float: Float { floatValue }
}

// x86-64 without F16C converts Float16 through runtime calls (`__extendhfsf2`,
// `__truncsfhf2`) that cost more than the chain's exp; these do the same in a few
// instructions, with the same results (checked against the runtime in the tests).
extension Float16: ReducedPrecisionFloat {
  /// Places the half's bits in a float's fields and rescales by 2^112, which is exact for
  /// normals and subnormals alike; infinities and NaNs get the float's top exponent instead.
  @inline(__always)
  var float: Float {
    let bits = UInt32(bitPattern)
    let shifted = (bits & 0x7FFF) << 13
    let magnitude = bits & 0x7C00 == 0x7C00
      ? Float(bitPattern: shifted | 0x7F80_0000)
      : Float(bitPattern: shifted) * 0x1p112
    return Float(bitPattern: magnitude.bitPattern | (bits & 0x8000) << 16)
  }

  /// Rounds with the FPU's own round-to-nearest-even: adding a power of two chosen so the
  /// sum's ulp is float16's quantum at `value` rounds `value` to that quantum, and
  /// subtracting it back is exact.
  @inline(__always)
  static func stored(_ value: Float) -> Float {
    let bits = value.bitPattern
    let magnitude = Float(bitPattern: bits & 0x7FFF_FFFF)
    let rounded: Float
    if magnitude >= 65520 {
      // At or past the midpoint above 65504 (whose last bit is odd): infinity.
      rounded = .infinity
    } else if magnitude >= 0x1p-14 {
      // A normal float16 with exponent e has quantum 2^(e-10); 2^(e+13) has that ulp.
      let offset = Float(bitPattern: (bits & 0x7F80_0000) &+ (13 << 23))
      rounded = (magnitude + offset) - offset
    } else {
      // Subnormal float16s share the quantum 2^-24, the ulp of 0.5. NaN lands here too
      // and stays NaN.
      rounded = (magnitude + 0.5) - 0.5
    }
    return Float(bitPattern: rounded.bitPattern | (bits & 0x8000_0000))
  }
}
