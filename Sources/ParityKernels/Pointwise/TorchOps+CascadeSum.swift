import ParityCore

extension TorchOps {
  /// `a.sum(dim)` of a contiguous float tensor of rank 1 or more, `dim` in range, on CPU (`cascade_sum` in SumKernel.cpp), in the
  /// accumulation type (Double for float64, Float otherwise), rounded once to the dtype:
  /// a contiguous last dimension of at least one vector (4 doubles, 8 floats) runs
  /// `vectorized_inner_sum` (vectors summed lane-wise by `row_sum`, then the tail and the
  /// lanes added in order to 0), a shorter one the scalar `row_sum` (four interleaved partial
  /// sums, the tail into the first, then the four in order); an inner dimension sums each
  /// position over `dim` by `multi_row_sum`'s levels.
  static func cascadeSum(_ a: EagerTensor, dim: Int) -> EagerTensor {
    let size = a.shape[dim]
    let inner = a.shape.dropFirst(dim + 1).reduce(1, *)
    let outer = a.shape.prefix(dim).reduce(1, *)
    let work: DType = a.dtype == .float64 ? .float64 : .float32
    func r(_ v: Double) -> Double { EagerTensor.rounded(v, to: work) }
    var shape = a.shape
    shape.remove(at: dim)
    var out = [Double]()
    out.reserveCapacity(outer * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        let base = o * size * inner + i
        func load(_ k: Int) -> Double { a.values[base + k * inner] }
        let total: Double
        if inner > 1 {
          total = multiRowSum(count: size, rows: 1, round: r) { j, _ in load(j) }[0]
        } else {
          let lanes = work == .float64 ? 4 : 8
          if size >= lanes {
            let vectors = size / lanes
            let partial = rowSum(count: vectors, width: lanes, round: r) { v, l in load(v * lanes + l) }
            var acc = 0.0
            for k in (vectors * lanes)..<size { acc = r(acc + load(k)) }
            for l in 0..<lanes { acc = r(acc + partial[l]) }
            total = acc
          } else {
            total = rowSum(count: size, width: 1, round: r) { k, _ in load(k) }[0]
          }
        }
        out.append(EagerTensor.rounded(total, to: a.dtype))
      }
    }
    return EagerTensor(shape: shape, dtype: a.dtype, values: out)
  }

  /// `row_sum`: `count` items (each `width` lanes) as four interleaved partial sums over
  /// `count / 4` rows, the remaining items into the first, then the other three into it.
  private static func rowSum(
    count: Int, width: Int, round r: (Double) -> Double, load: (Int, Int) -> Double
  ) -> [Double] {
    let ilp = 4, rows = count / ilp
    var partial = multiRowSum(count: rows, rows: ilp * width, round: r) { j, k in load(j * ilp + k / width, k % width) }
    for item in (rows * ilp)..<count {
      for l in 0..<width { partial[l] = r(partial[l] + load(item, l)) }
    }
    for k in 1..<ilp {
      for l in 0..<width { partial[l] = r(partial[l] + partial[k * width + l]) }
    }
    return Array(partial.prefix(width))
  }

  /// `multi_row_sum`: `rows` running sums over `count` steps in four levels of
  /// `2^max(4, ceil(log2 count) / 4)` steps each, the levels added into the first at the end.
  private static func multiRowSum(
    count: Int, rows: Int, round r: (Double) -> Double, load: (Int, Int) -> Double
  ) -> [Double] {
    let levels = 4
    let ceilLog2 = count <= 2 ? 1 : Int.bitWidth - (count - 1).leadingZeroBitCount
    let power = max(4, ceilLog2 / levels), step = 1 << power, mask = step - 1
    var acc = [[Double]](repeating: [Double](repeating: 0, count: rows), count: levels)
    var i = 0
    while i + step <= count {
      for _ in 0..<step {
        for k in 0..<rows { acc[0][k] = r(acc[0][k] + load(i, k)) }
        i += 1
      }
      for j in 1..<levels {
        for k in 0..<rows {
          acc[j][k] = r(acc[j][k] + acc[j - 1][k])
          acc[j - 1][k] = 0
        }
        if i & (mask << (j * power)) != 0 { break }
      }
    }
    while i < count {
      for k in 0..<rows { acc[0][k] = r(acc[0][k] + load(i, k)) }
      i += 1
    }
    for j in 1..<levels {
      for k in 0..<rows { acc[0][k] = r(acc[0][k] + acc[j][k]) }
    }
    return acc[0]
  }
}
