import Foundation
import ParityCore

/// The element types MindSpore's SoftMarginLoss GPU kernel is instantiated for, with the
/// device functions it calls (`expT`, `logT`, `castT` in softmarginloss_impl.cu).
///
/// Arithmetic stays in `Self`: `Float16`'s operators round every result to float16, which
/// is what the kernel's `half` arithmetic does.
protocol DeviceFloat: BinaryFloatingPoint, StorageElement {
  static func deviceExp(_ x: Self) -> Self
  static func deviceLog(_ x: Self) -> Self
  /// The element count as the kernel's `Divide` converts it.
  static func deviceCount(_ n: Int) -> Self
}

extension DeviceFloat {
  /// `n` rounded toward negative infinity, like CUDA's `__int2half_rd`/`__int2float_rd`:
  /// a count past the largest finite value gives that value, not infinity.
  static func countRoundedDown(_ n: Int) -> Self {
    let nearest = Self(n)
    return Double(nearest) > Double(n) ? nearest.nextDown : nearest
  }
}

extension Float16: DeviceFloat {
  /// `hexp`/`hlog` work in float and round to half; modelled as the float32 libm functions.
  static func deviceExp(_ x: Float16) -> Float16 { Float16(Foundation.exp(Float(x))) }
  static func deviceLog(_ x: Float16) -> Float16 { Float16(Foundation.log(Float(x))) }
  static func deviceCount(_ n: Int) -> Float16 { countRoundedDown(n) }
}

extension Float: DeviceFloat {
  static func deviceExp(_ x: Float) -> Float { Foundation.exp(x) }
  static func deviceLog(_ x: Float) -> Float { Foundation.log(x) }
  static func deviceCount(_ n: Int) -> Float { countRoundedDown(n) }
}

extension Double: DeviceFloat {
  static func deviceExp(_ x: Double) -> Double { Foundation.exp(x) }
  static func deviceLog(_ x: Double) -> Double { Foundation.log(x) }
  /// `__int2double_rn`: exact for every count that fits the kernel's `int`.
  static func deviceCount(_ n: Int) -> Double { Double(n) }
}
