import ParityCore

extension MindSporeOps {
  /// `Tensor.sum(axis=axis)` (`ReduceSum` over one axis), each output element rounded once to
  /// `a`'s dtype: the CPU kernel sums a slice in Double from its first element, except a 2-d
  /// float32 or 16-bit tensor over axis 1 (nnacl's `ReduceSumDim2Axis1`), which adds each row
  /// in Float into 8 lanes (element k into lane k mod 8), adds the lanes in order, then the
  /// elements after the last whole 8; over axis 0 (`ReduceSumDim2Axis0`) it adds each column
  /// in Float, in order. Measured: `nn.MultiLabelSoftMarginLoss`'s float32 rows
  /// of 3 to 4100 elements and 3-d/4-d inputs match bit for bit. A 0-d tensor sums to itself.
  static func sum(_ a: EagerTensor, axis: Int) throws(KernelError) -> EagerTensor {
    guard a.rank > 0 else { return a }
    let d = axis < 0 ? axis + a.rank : axis
    return a.reducing(dim: d) { slice in
      if a.dtype == .float64 || a.rank != 2 { return slice.dropFirst().reduce(slice.first ?? 0, +) }
      if d == 0 { return Double(slice.reduce(Float(0)) { $0 + Float($1) }) }
      var lanes = [Float](repeating: 0, count: 8)
      let whole = slice.count / 8 * 8
      for k in 0..<whole { lanes[k % 8] += Float(slice[k]) }
      var total = lanes.reduce(0, +)
      for k in whole..<slice.count { total += Float(slice[k]) }
      return Double(total)
    }
  }
}
