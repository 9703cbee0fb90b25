import Foundation
import ParityCore

/// MindSpore's CPU `Exp` and `Log` kernels, which are not the C library's for float32.
///
/// float32 runs nnacl's approximations (measured bit-exact against MindSpore 2.10.0 on an
/// AVX2+FMA machine): `Exp` a range reduction by `ln 2` and a degree-5 polynomial with the
/// compiler's fused multiply-adds (up to about 94 ulp off); `Log`, in its 8- and 4-wide SIMD
/// blocks, an atanh series in every op rounded, no FMA (up to about 107 ulp off), with the
/// few elements after the last block of each parallel chunk left to `logf`. float16 is
/// `expf`/`logf` rounded to half, float64 is `exp`/`log`.
enum MindSporeLossExpLog {
  /// `Exp` of every element of a float tensor, in its dtype.
  static func exp(_ a: EagerTensor) -> EagerTensor {
    map(a, float: { $0.map(exp32) }, half: Foundation.exp, double: Foundation.exp)
  }

  /// `Log` of every element of a float tensor, in its dtype; `chunks` is how the pool split
  /// the float32 kernel in the recording (`logChunks`, or `halves` once a worker has settled
  /// every split).
  static func log(_ a: EagerTensor, chunks: (Int) -> [Range<Int>] = logChunks) -> EagerTensor {
    map(a, float: { log32Kernel($0, chunks: chunks) }, half: Foundation.log, double: Foundation.log)
  }

  private static func map(
    _ a: EagerTensor, float: ([Float]) -> [Float], half: (Float) -> Float, double: (Double) -> Double
  ) -> EagerTensor {
    let values: [Double]
    switch a.dtype {
    case .float32: values = float(a.values.map { Float($0) }).map(Double.init)
    case .float16: values = a.values.map { Double(Float16(half(Float($0)))) }
    default: values = a.values.map(double)
    }
    return EagerTensor(shape: a.shape, dtype: a.dtype, values: values)
  }

  /// nnacl's `simd_exp32`: `x` clamped to [-87.34, 88.72], `k = floor(x log2(e) + 1/2)`,
  /// `r = x - k ln 2` (fused), `e^r` by Horner's rule in fused multiply-adds, scaled by
  /// `2 * 2^(k-1)` built from its bits. Below the range it gives 0, at its top infinity.
  static func exp32(_ x: Float) -> Float {
    let s = Swift.max(-87.3365478515625, Swift.min(88.72283935546875, x))
    let k = Float((s * 1.44269504088896341 + 0.5).rounded(.down))
    let r = s.addingProduct(-k, 0.693147)
    var p = (1 / Float(24)).addingProduct(r, 1 / Float(120))
    p = (1 / Float(6)).addingProduct(r, p)
    p = Float(0.5).addingProduct(r, p)
    p = Float(1).addingProduct(r, p)
    p = Float(1).addingProduct(r, p)
    let scale = Float(bitPattern: UInt32(truncatingIfNeeded: (Int32(k) &+ 126) << 23))
    return (2 * scale) * p
  }

  /// nnacl's SIMD log series: `x = m 2^e` with `m` in [1, 2), `d = (m-1)/(m+1)`,
  /// `log x = e ln 2 + 2 d (1 + d^2/3 + d^4/5 + ...)` to `d^10/11`, every op rounded.
  /// `+inf` stays infinite (measured: `nn.GaussianNLLLoss`'s float32 `edge-var`), where the
  /// series on its bits would give `128 ln 2`.
  static func logSeries(_ x: Float) -> Float {
    guard x != .infinity else { return x }
    let bits = x.bitPattern
    let e = Float(Int32((bits & 0x7F80_0000) >> 23) - 127)
    let m = Float(bitPattern: (bits & ~0x7F80_0000) | (127 << 23))
    let d = (m - 1) / (m + 1)
    let q = d * d
    let t = ((q * (q * (1 / Float(11)) + 1 / Float(9))) + 1 / Float(7)) * q + 0.2
    let t1 = q * (q * t + 1 / Float(3))
    return 0.693147 * e + (d * (t1 + 1)) * 2
  }

  /// The float32 `Log` kernel over a whole tensor: each parallel chunk runs 8-wide blocks,
  /// then 4-wide ones, from its start (the series), and `logf` on the rest.
  static func log32Kernel(_ values: [Float], chunks: (Int) -> [Range<Int>] = logChunks) -> [Float] {
    var out = values
    for chunk in chunks(values.count) {
      let simd = chunk.count / 8 * 8 + (chunk.count % 8) / 4 * 4
      for i in chunk {
        out[i] = i - chunk.lowerBound < simd ? logSeries(values[i]) : Foundation.log(values[i])
      }
    }
    return out
  }

  /// How the CPU thread pool split `Log` on the recording machine (2 kernel threads): one
  /// chunk up to 37 elements (measured), else two halves (100 elements gave 2 x 50).
  static func logChunks(_ n: Int) -> [Range<Int>] {
    n > 37 ? halves(n) : [0..<n]
  }

  /// A split of `n` elements in two (the first part the larger), as MindSpore's
  /// `ParallelLaunch` splits an op over two threads once its search has settled on a block
  /// of at most one element (`GaussianNLLLoss`'s recording searches every op that way first).
  static func halves(_ n: Int) -> [Range<Int>] {
    guard n > 1 else { return [0..<n] }
    let half = (n + 1) / 2
    return [0..<half, half..<n]
  }
}
