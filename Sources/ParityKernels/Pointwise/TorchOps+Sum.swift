import ParityCore

extension TorchOps {
  /// `a.sum(dim=dim)` on the CPU: the dimension removed, each output element summed in
  /// PyTorch's order (`cascadeSum`) in the compute scalar (Float for float32 and the 16-bit
  /// dtypes, Double for float64), rounded once to `a`'s dtype. A negative `dim` counts from the
  /// end; a 0-d tensor takes dimension 0 or -1 as itself. An integer or bool tensor sums
  /// exactly into int64. Shared by every loss that sums over one dimension (a class dimension,
  /// a feature dimension).
  static func sum(_ a: EagerTensor, dim: Int) throws(KernelError) -> EagerTensor {
    guard a.rank > 0 else {
      guard dim == 0 || dim == -1 else { throw dimensionOutOfRange(dim, rank: a.rank) }
      return a.dtype.isFloatingPoint ? a : cast(a, to: .int64)
    }
    guard dim >= -a.rank && dim < a.rank else { throw dimensionOutOfRange(dim, rank: a.rank) }
    guard a.dtype.isFloatingPoint else {
      return cast(a, to: .int64).reducing(dim: dim < 0 ? dim + a.rank : dim) { $0.reduce(0, +) }
    }
    return cascadeSum(a, dim: dim < 0 ? dim + a.rank : dim)
  }

  /// ATen's `IndexError` for a dimension outside `[-rank, rank)` (a 0-d tensor counts as rank 1).
  static func dimensionOutOfRange(_ dim: Int, rank: Int) -> KernelError {
    guard rank > 0 else {
      return KernelError(kind: .shape, message: "Dimension specified as \(dim) but tensor has no dimensions")
    }
    return KernelError(kind: .shape, message: "Dimension out of range (expected to be in range of [\(-rank), \(rank - 1)], but got \(dim))")
  }
}
