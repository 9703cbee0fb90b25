import Foundation
import ParityCore

/// One slice's p-norm as ATen's CPU `norm_kernel_tensor_iterator_impl` computes it (AVX2 build):
///
/// - `p = 2` for float32, float64 and bfloat16 takes the vectorized last-dimension path:
///   `Vectorized<acc>` lanes (8 floats, 4 doubles; a 16-wide bfloat16 vector adds its two
///   float halves in turn) accumulate `x * x` without fusing, the lanes are added in order,
///   then the tail one element at a time, then `sqrt`. The compiler split the tail's
///   `acc + x * x`: its whole groups of 4 are a product then a sum (squares taken 4 at a
///   time), the 0 to 3 left after them one fused multiply-add each. Measured bit for bit against
///   torch 2.15 on the recording CPU for every tail length of float32 and float64 rows.
/// - Every other case (float16, any other p) is the generic `binary_kernel_reduce`, one
///   element at a time in the opmath type: `p = 0` counts nonzeros, `1` sums `|x|`, `2` sums
///   `x * x` then `sqrt`, `±inf` the NaN-propagating max/min of `|x|` (from 0 and inf), any
///   other p sums `pow(|x|, p)` then `pow(acc, 1 / p)` (`powf` in Float).
struct TorchNorm {
  var p: Double
  var dtype: DType

  /// The slice's norm, in the opmath type, as a Double (the caller rounds it to the dtype).
  func value(of slice: [Double]) -> Double {
    guard p == 2, slice.count > 1 else { return generic(slice) }
    switch dtype {
    case .float32: return Double(vectorizedTwo(slice.map { Float($0) }, lanes: 8, step: 8))
    case .bfloat16: return Double(vectorizedTwo(slice.map { Float($0) }, lanes: 8, step: 16))
    case .float64: return vectorizedTwo(slice, lanes: 4, step: 4)
    default: return generic(slice)
    }
  }

  /// `binary_kernel_reduce` with the norm's ops, in Double for float64 and Float otherwise.
  func generic(_ slice: [Double]) -> Double {
    dtype == .float64 ? Self.reduce(slice, p: p) : Double(Self.reduce(slice.map { Float($0) }, p: Float(p)))
  }

  static func reduce<A: BinaryFloatingPoint & ElementaryPower>(_ slice: [A], p: A) -> A {
    switch p {
    case 0: return slice.reduce(0) { acc, x in acc + (x == 0 ? 0 : 1) }
    case 1: return slice.reduce(0) { acc, x in acc + abs(x) }
    case 2: return slice.reduce(0) { acc, x in acc + x * x }.squareRoot()
    case .infinity: return slice.reduce(0) { acc, x in acc.isNaN || abs(x).isNaN ? .nan : max(acc, abs(x)) }
    case -.infinity: return slice.reduce(A.infinity) { acc, x in acc.isNaN || abs(x).isNaN ? .nan : min(acc, abs(x)) }
    default:
      let sum = slice.reduce(0) { acc, x in acc + A.power(abs(x), p) }
      return A.power(sum, 1 / p)
    }
  }

  /// The `p = 2` fast path: `lanes` accumulators, each `step` elements (two halves of a
  /// bfloat16 vector when `step` is twice `lanes`), added in lane order, then the tail.
  func vectorizedTwo<A: BinaryFloatingPoint>(_ slice: [A], lanes: Int, step: Int) -> A {
    var acc = [A](repeating: 0, count: lanes)
    let whole = slice.count - slice.count % step
    var d = 0
    while d < whole {
      for half in stride(from: 0, to: step, by: lanes) {
        for j in 0..<lanes {
          let x = slice[d + half + j]
          acc[j] = acc[j] + x * x
        }
      }
      d += step
    }
    var total = acc[0]
    for j in 1..<lanes { total = total + acc[j] }
    let fusedFrom = whole + (slice.count - whole) / 4 * 4
    for x in slice[whole..<fusedFrom] { total = total + x * x }
    for x in slice[fusedFrom...] { total = total.addingProduct(x, x) }
    return total.squareRoot()
  }

  /// How ATen prints a double norm order in its messages (`-1`, `inf`, `0.5`).
  static func shown(_ p: Double) -> String {
    if p.isInfinite { return p < 0 ? "-inf" : "inf" }
    return p.rounded() == p && abs(p) < 1e15 ? String(Int64(p)) : String(p)
  }
}
