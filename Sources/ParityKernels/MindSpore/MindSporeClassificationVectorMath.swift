import Foundation

/// The transcendental functions of MindSpore's nnacl SIMD blocks (AVX/SSE), as the CPU
/// kernels built on them compute each lane.
enum MindSporeClassificationVectorMath {
  /// `SIMD_LOG_F32`: the exponent times 0.693147 plus an atanh series of the mantissa
  /// `y` in [1, 2), `d = (y - 1) / (y + 1)`, every op rounded to float, no FMA.
  /// Up to about 107 ulp from `logf`; `log(2)` is 0.693147003.
  @inline(__always)
  static func log(_ v: Float) -> Float {
    let bits = v.bitPattern
    let exponent = Float(Int32(bitPattern: (bits & 0x7f80_0000) >> 23) - 127)
    let mantissa = Float(bitPattern: (bits & ~UInt32(0x7f80_0000)) | (127 << 23))
    let d = (mantissa - 1) / (mantissa + 1)
    let q = d * d
    var t = q * c11
    t = t + c9
    t = q * t
    t = t + c7
    t = t * q
    t = t + c5
    var t1 = q * t
    t1 = t1 + c3
    t1 = q * t1
    let series = (d * (t1 + 1)) * 2
    return ln2 * exponent + series
  }

  /// `SIMD_HEXP_F32`: each lane's `exp` computed in double and rounded to float.
  @inline(__always)
  static func exp(_ v: Float) -> Float {
    Float(Foundation.exp(Double(v)))
  }

  private static let c11 = Float(1.0 / 11.0)
  private static let c9 = Float(1.0 / 9.0)
  private static let c7 = Float(1.0 / 7.0)
  private static let c5 = Float(0.2)
  private static let c3 = Float(1.0 / 3.0)
  private static let ln2: Float = 0.693147
}
