import Foundation

/// The scalar a loss's elementwise chain is computed in: `Float` for float16, bfloat16 and
/// float32 tensors (PyTorch's CPU kernels compute the 16-bit types in `Float`), `Double` for
/// float64. The transcendental functions are the C library's, which PyTorch's scalar kernels
/// call too.
protocol ChainScalar: BinaryFloatingPoint & SIMDScalar & StorageElement & Sendable {
  static func exp(_ x: Self) -> Self
  static func log(_ x: Self) -> Self
  static func log1p(_ x: Self) -> Self
  /// A Python float argument (`beta`, `eps`) as the kernel converts it to its scalar type.
  init(_ value: Double)
}

extension Float: ChainScalar {
  @inline(__always) static func exp(_ x: Float) -> Float { Foundation.exp(x) }
  @inline(__always) static func log(_ x: Float) -> Float { Foundation.log(x) }
  @inline(__always) static func log1p(_ x: Float) -> Float { Foundation.log1p(x) }
}

extension Double: ChainScalar {
  @inline(__always) static func exp(_ x: Double) -> Double { Foundation.exp(x) }
  @inline(__always) static func log(_ x: Double) -> Double { Foundation.log(x) }
  @inline(__always) static func log1p(_ x: Double) -> Double { Foundation.log1p(x) }
}
