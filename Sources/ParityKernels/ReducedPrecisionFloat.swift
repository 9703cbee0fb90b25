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
}

extension ReducedPrecisionFloat {
  /// `value` rounded to `Self` and widened back: what a reduced-precision op stores.
  @inline(__always)
  static func stored(_ value: Float) -> Float { Self(value).float }
}

extension Float16: ReducedPrecisionFloat {
  @inline(__always)
  var float: Float { Float(self) }
}

extension BFloat16: ReducedPrecisionFloat {
  @inline(__always)
  var float: Float { floatValue }
}
