import ParityCore

/// MindSpore's CPU BinaryCrossEntropy reduction (`LaunchToScalar`): an in-place halving tree
/// in the dtype itself, each add stored, then `sum / (T)n` for `mean`.
///
/// The kernel folds the last element into the first for every odd length, a single element
/// included, so a one-element `mean` or `sum` is twice the loss (MindSpore's bug, reproduced).
/// An empty input never reaches this: the kernel leaves its output unwritten.
struct MindSporeClassificationPairwiseSum: LossReducer {
  var reduction: LossReduction

  func reduce<R: StoreRounding>(_ losses: [R.Scalar], shape: [Int], _: R.Type) -> Tensor {
    guard reduction != .none, !losses.isEmpty else { return Tensor(shape: shape, storage: R.storage(losses)) }
    var a = losses
    let n = a.count
    if n % 2 == 1 { a[0] = R.stored(a[0] + a[n - 1]) }
    var stride = n / 2
    while stride > 0 {
      for i in 0..<stride { a[i] = R.stored(a[i] + a[i + stride]) }
      if stride > 2 && stride % 2 == 1 { a[0] = R.stored(a[0] + a[stride - 1]) }
      stride /= 2
    }
    let sum = a[0]
    let value = reduction == .mean ? R.stored(sum / R.stored(R.Scalar(Double(n)))) : sum
    return Tensor(shape: [], storage: R.storage([value]))
  }
}
