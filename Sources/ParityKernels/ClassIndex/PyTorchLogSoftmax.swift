import Foundation
import ParityCore

/// `at::log_softmax(x, dim)` on CPU (AVX2), as `cross_entropy` calls it along the class
/// dimension: per row `x - max - log(sum(exp(x - max)))`, in that order of operations.
///
/// The class dimension last (`(C,)`, `(N, C)`): `serial_vec_log_softmax_lastdim_range`, whose
/// max and `map_reduce_all` sum run on vectors (8 floats, 4 doubles, a 16-bit row as two float
/// vectors), the lanes added as `vec_reduce_all` does; a 16-bit row keeps its max and its sum
/// in the dtype (`scalar_t` buffers) and computes the rest in float. The class dimension
/// inside (`(N, C, d...)`): `serial_vec_logsoftmax_range`, each position's max and sum
/// running over the classes in order (a NaN never becomes the max there), all in float for
/// 16-bit inputs (torch 2.15 keeps each position's own max there: a float16 input whose
/// positions 8..<16 score 100 above positions 0..<8 gives finite log-probabilities).
/// `exp` and `log` are the correctly rounded ones (Sleef is within 1 ULP).
enum PyTorchLogSoftmax {
  static func logSoftmax(_ x: EagerTensor, dim: Int) -> EagerTensor {
    let dtype = x.dtype
    let size = x.shape.isEmpty ? 1 : x.shape[dim]
    let inner = x.shape.dropFirst(dim + 1).reduce(1, *)
    let outer = x.shape.prefix(dim).reduce(1, *)
    var out = [Double](repeating: 0, count: x.count)
    guard size > 0 else { return EagerTensor(shape: x.shape, dtype: dtype, values: out) }
    if dim == x.rank - 1 || x.rank == 0 {
      for o in 0..<outer {
        let row = Array(x.values[(o * size)..<((o + 1) * size)])
        for (k, v) in lastDim(row, dtype).enumerated() { out[o * size + k] = v }
      }
    } else {
      let reduced = dtype == .float16 || dtype == .bfloat16
      for o in 0..<outer {
        let base = o * size * inner
        func at(_ c: Int, _ i: Int) -> Double { x.values[base + c * inner + i] }
        let maxima = (0..<inner).map { i in (0..<size).reduce(-Double.infinity) { at($1, i) > $0 ? at($1, i) : $0 } }
        let work: DType = reduced ? .float32 : dtype
        func r(_ v: Double) -> Double { EagerTensor.rounded(v, to: work) }
        for i in 0..<inner {
          var sum = 0.0
          for c in 0..<size { sum = r(sum + r(Foundation.exp(r(at(c, i) - maxima[i])))) }
          let logSum = r(Foundation.log(sum))
          for c in 0..<size {
            out[base + c * inner + i] = EagerTensor.rounded(r(r(at(c, i) - maxima[i]) - logSum), to: dtype)
          }
        }
      }
    }
    return EagerTensor(shape: x.shape, dtype: dtype, values: out)
  }

  /// One row of the last-dimension kernel.
  static func lastDim(_ row: [Double], _ dtype: DType) -> [Double] {
    let reduced = dtype == .float16 || dtype == .bfloat16
    let work: DType = reduced ? .float32 : dtype
    func r(_ v: Double) -> Double { EagerTensor.rounded(v, to: work) }
    // vec::maximum propagates NaN
    let maximum = row.contains { $0.isNaN } ? Double.nan : row.max()!
    let terms = row.map { r(Foundation.exp(r($0 - maximum))) }
    var sum = vectorSum(terms, lanes: dtype == .float64 ? 4 : 8, twoVectors: reduced, round: r)
    if reduced { sum = EagerTensor.rounded(sum, to: dtype) }
    var logSum = r(Foundation.log(sum))
    if reduced { logSum = EagerTensor.rounded(logSum, to: dtype) }
    return row.map { EagerTensor.rounded(r(r($0 - maximum) - logSum), to: dtype) }
  }

  /// `vec::map_reduce_all` with `+` over `terms` (already mapped): lane accumulators of
  /// `lanes` elements (two vectors' worth for a 16-bit row), the tail added into its first
  /// lanes, then the lanes combined: in order for a row shorter than a vector or for doubles,
  /// else AVX2's float shuffle tree `((l0+l4)+(l2+l6))+((l1+l5)+(l3+l7))`.
  static func vectorSum(_ terms: [Double], lanes: Int, twoVectors: Bool, round r: (Double) -> Double) -> Double {
    let width = twoVectors ? 2 * lanes : lanes
    func ordered(_ acc: [Double], _ count: Int) -> Double {
      acc.prefix(count).dropFirst().reduce(acc[0]) { r($0 + $1) }
    }
    if terms.count < width {
      var acc = terms + [Double](repeating: 0, count: width - terms.count)
      if twoVectors && terms.count > lanes {
        for k in 0..<(terms.count - lanes) { acc[k] = r(acc[k] + acc[lanes + k]) }
        return ordered(acc, lanes)
      }
      return ordered(acc, min(terms.count, lanes))
    }
    var acc = Array(terms.prefix(width))
    var d = width
    while d + width <= terms.count {
      for k in 0..<width { acc[k] = r(acc[k] + terms[d + k]) }
      d += width
    }
    for k in 0..<(terms.count - d) { acc[k] = r(acc[k] + terms[d + k]) }
    if twoVectors {
      for k in 0..<lanes { acc[k] = r(acc[k] + acc[lanes + k]) }
    }
    if lanes == 8 {
      let l = acc
      return r(r(r(l[0] + l[4]) + r(l[2] + l[6])) + r(r(l[1] + l[5]) + r(l[3] + l[7])))
    }
    return ordered(acc, lanes)
  }
}
