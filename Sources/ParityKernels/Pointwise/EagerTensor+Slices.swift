/// Reducing one dimension of an eager tensor, for the ops that sum over one (`TorchOps.sum`,
/// `MindSporeOps.sum`): each framework brings its own order of adding a slice.
extension EagerTensor {
  /// The tensor without dimension `dim` (in `0..<rank`), each element `reduce` of the slice
  /// along `dim` through it (in index order), rounded once to the dtype.
  func reducing(dim: Int, _ reduce: ([Double]) -> Double) -> EagerTensor {
    let outer = shape[..<dim].reduce(1, *), length = shape[dim], inner = shape[(dim + 1)...].reduce(1, *)
    var reduced = shape
    reduced.remove(at: dim)
    var out = [Double](repeating: 0, count: outer * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        let slice = (0..<length).map { values[(o * length + $0) * inner + i] }
        out[o * inner + i] = EagerTensor.rounded(reduce(slice), to: dtype)
      }
    }
    return EagerTensor(shape: reduced, dtype: dtype, values: out)
  }
}
