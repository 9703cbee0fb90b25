import ParityCore

/// ATen's cascade sum in `nll_loss_out_frame` and `nll_loss2d_forward_out_frame`: eight
/// partial sums of loss (and weight) in the input's dtype; each position not ignored subtracts
/// its term from level 0 and then, while the position's index has zero bits in a level's
/// `level_power`-bit group, pushes each level into the next. The totals add the eight levels
/// in order, from 0. Every operation is rounded to the dtype (`scalar_t` arithmetic).
struct PyTorchNLLCascade {
  static let levels = 8
  let dtype: DType
  let levelPower: Int
  var loss = [Double](repeating: 0, count: levels)
  var weight = [Double](repeating: 0, count: levels)

  init(count: Int, dtype: DType) {
    self.dtype = dtype
    // utils::CeilLog2: 1 up to 2, else the bit length of count - 1
    let ceilLog2 = count <= 2 ? 1 : Int.bitWidth - (count - 1).leadingZeroBitCount
    levelPower = max(4, ceilLog2 / Self.levels)
  }

  private func stored(_ v: Double) -> Double { EagerTensor.rounded(v, to: dtype) }

  /// `loss_partial_sums[0] -= term` (and `weight_partial_sums[0] += weight`), then the pushes.
  mutating func add(position: Int, loss term: Double, weight w: Double?) {
    loss[0] = stored(loss[0] - term)
    if let w { weight[0] = stored(weight[0] + w) }
    let mask = (1 << levelPower) - 1
    for j in 0..<(Self.levels - 1) {
      if position & (mask << (j * levelPower)) != 0 { break }
      weight[j + 1] = stored(weight[j + 1] + weight[j])
      loss[j + 1] = stored(loss[j + 1] + loss[j])
      weight[j] = 0
      loss[j] = 0
    }
  }

  /// `std::accumulate(begin, end, scalar_t{0})`.
  var lossTotal: Double { loss.reduce(0) { stored($0 + $1) } }
  var weightTotal: Double { weight.reduce(0) { stored($0 + $1) } }
}
