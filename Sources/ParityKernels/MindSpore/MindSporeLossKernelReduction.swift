import ParityCore

/// How a MindSpore loss primitive's CPU kernel (SmoothL1Loss) reduces its own elementwise
/// losses: a double accumulator from 0, element by element, rounded to the kernel's type;
/// the mean divides that in the kernel's type by the count.
struct MindSporeKernelReduction: LossReducer {
  var reduction: LossReduction

  func reduce<R: StoreRounding>(_ losses: [R.Scalar], shape: [Int], _: R.Type) -> Tensor {
    guard reduction != .none else { return Tensor(shape: shape, storage: R.storage(losses)) }
    var acc: Double = 0
    for loss in losses { acc += Double(loss) }
    let sum = R.Scalar(acc)
    let value = reduction == .sum ? sum : sum / R.Scalar(Double(losses.count))
    return Tensor(shape: [], storage: R.storage([value]))
  }
}
