import ParityCore

extension KLDivLoss {
  /// The reductions `mindspore.ops.kl_div` accepts (case-sensitively): PyTorch's three plus
  /// `batchmean`.
  public enum MindSporeReduction: String, Sendable, CaseIterable {
    case none, mean, sum, batchmean
  }

  /// MindSpore's CPU kernel in the dtype (float16 rounds after every op, `log` is `logf`
  /// rounded to half): `(log(t) - x) * t`, with NaN replaced by 0.
  struct MindSporeChain: PointwiseChain {
    @inline(__always)
    func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
      let value = R.stored(R.stored(R.stored(R.Scalar.log(o.y)) - o.x) * o.y)
      return value.isNaN ? 0 : value
    }
  }

  /// The kernel's `sum` (every stored element added in double, then cast to the dtype through
  /// float), divided in the dtype by `divisor` for `mean` (the element count) and `batchmean`
  /// (the first dimension).
  struct MindSporeReducer: LossReducer {
    var reduction: MindSporeReduction
    var divisor: Int

    func reduce<R: StoreRounding>(_ losses: [R.Scalar], shape: [Int], _: R.Type) -> Tensor {
      guard reduction != .none else { return Tensor(shape: shape, storage: R.storage(losses)) }
      let total = losses.reduce(0.0) { $0 + Double($1) }
      let sum = R.dtype == .float64 ? R.Scalar(total) : R.stored(R.Scalar(Double(Float(total))))
      let value = reduction == .sum ? sum : R.stored(sum / R.stored(R.Scalar(Double(divisor))))
      return Tensor(shape: [], storage: R.storage([value]))
    }
  }

  /// `mindspore.ops.kl_div` on CPU: the primitive's shape inference (identical shapes) and
  /// type inference (same dtype, then float16/32/64), the kernel, then the Python wrapper's
  /// `batchmean` division by `shape[0]` (an `IndexError` for a 0-d input).
  public static func mindspore(logits: Tensor, labels: Tensor, reduction: MindSporeReduction) throws(KernelError) -> LossOutput {
    guard logits.shape == labels.shape else {
      throw KernelError(kind: .shape, message: "For primitive[KLDivLoss], the x shape: "
        + "\(Shape.vectorText(logits.shape)) must be equal to \(Shape.vectorText(labels.shape))")
    }
    guard logits.dtype == labels.dtype else {
      throw KernelError(kind: .dtype, message: "For primitive[KLDivLoss], the input type must be same.\n"
        + "name:[target]:Tensor[\(labels.dtype.mindSporeName)].\nname:[x]:Tensor[\(logits.dtype.mindSporeName)].")
    }
    guard [DType.float16, .float32, .float64].contains(logits.dtype) else {
      throw KernelError(kind: .dtype, message: "For primitive[KLDivLoss], the input argument[x] must be a type of "
        + "{Tensor[Float16], Tensor[Float32], Tensor[Float64]}, but got Tensor[\(logits.dtype.mindSporeName)].")
    }
    var divisor = logits.count
    if reduction == .batchmean {
      guard let first = logits.shape.first else {
        throw KernelError(kind: .other, message: "tuple index out of range")
      }
      divisor = first
    }
    let operands = PointwiseOperands(x: logits, y: labels, shape: logits.shape)
    return LossOutput(PointwiseEvaluation.evaluate(
      MindSporeChain(), operands, dtype: logits.dtype, reduce: MindSporeReducer(reduction: reduction, divisor: divisor)))
  }
}
