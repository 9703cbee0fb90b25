import Foundation
import ParityCore

extension BinaryCrossEntropy {
  /// MindSpore's CPU kernel, in the dtype (float16 rounds after every op, its `log` is `logf`
  /// rounded to half): `-w (y log(x + eps) + (1 - y) log(1 - x + eps))` with `eps = (T)1e-12`,
  /// which is 0 in float16.
  struct MindSporeChain: PointwiseChain {
    @inline(__always)
    func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
      let eps = R.stored(R.Scalar(1e-12))
      let logX = R.stored(R.Scalar.log(R.stored(o.x + eps)))
      let logNotX = R.stored(R.Scalar.log(R.stored(R.stored(1 - o.x) + eps)))
      let sum = R.stored(R.stored(o.y * logX) + R.stored(R.stored(1 - o.y) * logNotX))
      return R.stored(-o.weight * sum)
    }
  }

  /// The dtypes the primitive's type inference accepts; the CPU kernel has no bfloat16.
  static let mindSporeDTypes: [DType] = [.float16, .float32, .bfloat16]

  /// `mindspore.ops.binary_cross_entropy` on CPU: shape inference (identical shapes; a weight
  /// that broadcasts), type inference (input, then target and weight of the same type), kernel
  /// selection (float16/float32), then the kernel's range check of every input element.
  ///
  /// The kernel reads `weight[i]` linearly, so a weight of the input's element count acts as
  /// if reshaped; a smaller broadcastable weight is read past its end (undefined values), and an
  /// empty input with `mean`/`sum` leaves the output unwritten: both are refused as `other`.
  public static func mindspore(
    logits: Tensor, labels: Tensor, weight: Tensor?, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    guard logits.shape == labels.shape else {
      throw KernelError(kind: .shape, message: "For primitive[BinaryCrossEntropy], the input_shape: "
        + "\(Shape.vectorText(logits.shape)) must be equal to \(Shape.vectorText(labels.shape))")
    }
    try MindSporeClassificationChecks.checkWeight(weight, named: "weight", primitive: "BinaryCrossEntropy", input: logits)
    guard mindSporeDTypes.contains(logits.dtype) else {
      throw KernelError(kind: .dtype, message: "For Primitive[BinaryCrossEntorpy], the type of the input must be "
        + "[Float16, Float32, BFloat16], but got \(logits.dtype.mindSporeName)!")
    }
    for (name, other) in [("target", labels), ("weight", weight)] {
      guard let other, other.dtype != logits.dtype else { continue }
      throw KernelError(kind: .dtype, message: "For primitive[BinaryCrossEntorpy], the input and \(name) should have same "
        + "type, but got: \(logits.dtype.mindSporeName) and \(other.dtype.mindSporeName).")
    }
    guard logits.dtype != .bfloat16 else {
      throw KernelError(kind: .dtype, message: "Select CPU operator[BinaryCrossEntropy] fail! Unsupported data type!")
    }
    if let bad = logits.storage.doubleValues.first(where: { $0 > 1 || $0 < 0 }) {
      throw KernelError(kind: .argument, message: "For 'BinaryCrossEntropy', the value of 'input_x' must be between 0 and 1, "
        + "but got value: \(String(format: "%g", bad))")
    }
    var linearWeight: Tensor?
    if let weight {
      guard weight.count == logits.count else {
        throw KernelError.undefinedResult("MindSpore's BinaryCrossEntropy kernel reads weight[i] for every input "
          + "element; a broadcast weight of \(weight.count) elements is read past its end (undefined values)")
      }
      linearWeight = Tensor(shape: logits.shape, storage: weight.storage)
    }
    if reduction != .none && logits.count == 0 {
      throw KernelError.undefinedResult("MindSpore's BinaryCrossEntropy kernel does not write its '\(reduction.rawValue)' "
        + "output for an empty input (uninitialized memory)")
    }
    let operands = PointwiseOperands(x: logits, y: labels, weight: linearWeight, shape: logits.shape)
    return LossOutput(PointwiseEvaluation.evaluate(
      MindSporeChain(), operands, dtype: logits.dtype, reduce: MindSporeClassificationPairwiseSum(reduction: reduction)))
  }
}
