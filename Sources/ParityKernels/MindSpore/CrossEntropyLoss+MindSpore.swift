import ParityCore

extension CrossEntropyLoss {
  /// `mindspore.ops.cross_entropy` once its arguments are checked: the input's dtype first
  /// (float16, float32, float64; not bfloat16), then a float32 or float16 target is class
  /// probabilities (`_cross_entropy`) whatever its shape, any other target goes with
  /// `_innner_log_softmax` to `ops.nll_loss` (`NLLLoss.mindspore`, with the label smoothing).
  public static func mindspore(
    input: Tensor, target: Tensor, weight: Tensor?, ignoreIndex: Int64, reduction: String, labelSmoothing: Double
  ) throws(KernelError) -> Tensor {
    guard [.float64, .float32, .float16].contains(input.dtype) else {
      throw KernelError(kind: .dtype, message: "For cross_entropy, the input dtype should be mstype.float64, mstype.float32 or"
        + "mstype.float16, but got dtype:\(input.dtype.mindSporeName).")
    }
    let classDim = input.shape.count == 1 ? 0 : 1
    if [.float32, .float16].contains(target.dtype) {
      return try probabilities(input: input, target: target, weight: weight, classDim: classDim,
                               reduction: reduction, labelSmoothing: labelSmoothing).tensor
    }
    let logProbabilities = try mindSporeLogSoftmax(EagerTensor(input), axis: classDim)
    return try NLLLoss.mindspore(inputs: logProbabilities.tensor, target: target, weight: weight, ignoreIndex: ignoreIndex,
                                 reduction: reduction, labelSmoothing: labelSmoothing)
  }

  /// `_innner_log_softmax`: `inputs - logsumexp(inputs, axis, True)`, where `logsumexp` is
  /// `ReduceMax` (keep dims), `Exp(x - max)`, `ReduceSum` (keep dims), `Log`, `+ max`; each op
  /// of more than one element runs on the pool's threads (subnormals flushed).
  static func mindSporeLogSoftmax(_ x: EagerTensor, axis: Int) throws(KernelError) -> EagerTensor {
    guard axis < max(x.rank, 1) && x.rank > 0 else {
      throw KernelError(kind: .shape, message: "For primitive[ReduceMax], the axis value must be in [-\(max(x.rank, 1)),\(max(x.rank, 1))), but got \(axis).")
    }
    var keptShape = x.shape
    keptShape[axis] = 1
    let maxima = EagerTensor(shape: keptShape, dtype: x.dtype, values: reduceMax(x, axis: axis))
    let shifted = try MindSporeOps.onPoolThreads([x, maxima]) { ops throws(KernelError) in
      try MindSporeOps.binary(ops[0], ops[1], .sub, -)
    }
    let exps = try MindSporeOps.onPoolThreads([shifted]) { ops in MindSporeLossExpLog.exp(ops[0]) }
    let sums = try MindSporeOps.onPoolThreads([exps]) { ops in
      EagerTensor(shape: keptShape, dtype: x.dtype, values: MindSporeGatherD.sums(ops[0], axis: axis))
    }
    let logs = try MindSporeOps.onPoolThreads([sums]) { ops in MindSporeLossExpLog.log(ops[0], chunks: MindSporeLossExpLog.halves) }
    let logSumExp = try MindSporeOps.onPoolThreads([logs, maxima]) { ops throws(KernelError) in
      try MindSporeOps.binary(ops[0], ops[1], .add, +)
    }
    return try MindSporeOps.onPoolThreads([x, logSumExp]) { ops throws(KernelError) in
      try MindSporeOps.binary(ops[0], ops[1], .sub, -)
    }
  }

  /// `ReduceMax(keep_dims=True)` along `axis`: NaN wins.
  static func reduceMax(_ x: EagerTensor, axis: Int) -> [Double] {
    let outer = x.shape.prefix(axis).reduce(1, *), size = x.shape[axis], inner = x.shape.dropFirst(axis + 1).reduce(1, *)
    var out = [Double](repeating: -.infinity, count: outer * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        for k in 0..<size {
          let v = x.values[(o * size + k) * inner + i]
          let m = out[o * inner + i]
          if v.isNaN || (!m.isNaN && v > m) { out[o * inner + i] = v }
        }
      }
    }
    return out
  }

  /// `_cross_entropy`: the log-softmax, the target smoothed (`target * (1 - ls) + ls / C`),
  /// times the weight (ones like the input without one; else viewed as `(1, C, 1, ...)`),
  /// then `-(product).sum() / (input.size / C)` for `mean`, `-(product).sum()` for `sum`
  /// and `-(product).sum(class_dim)` for anything else.
  static func probabilities(
    input: Tensor, target: Tensor, weight: Tensor?, classDim: Int, reduction: String, labelSmoothing: Double
  ) throws(KernelError) -> EagerTensor {
    let classes = input.shape.isEmpty ? 1 : input.shape[classDim]
    let logProbabilities = try mindSporeLogSoftmax(EagerTensor(input), axis: classDim)
    var probabilities = EagerTensor(target)
    if labelSmoothing > 0 {
      probabilities = MindSporeOps.scalar(MindSporeOps.scalar(probabilities, 1 - labelSmoothing, *),
                                          labelSmoothing / Double(classes), +)
    }
    var weights: EagerTensor
    if let weight {
      weights = EagerTensor(weight)
      if input.shape.count != 1 { weights.shape = input.shape.indices.map { $0 == 1 ? weight.count : 1 } }
    } else {
      weights = EagerTensor(shape: input.shape, dtype: logProbabilities.dtype, values: [Double](repeating: 1, count: input.count))
    }
    let product = try MindSporeOps.onPoolThreads([logProbabilities, probabilities]) { ops throws(KernelError) in
      try MindSporeOps.binary(ops[0], ops[1], .mul, *)
    }
    let weighted = try MindSporeOps.onPoolThreads([product, weights]) { ops throws(KernelError) in
      try MindSporeOps.binary(ops[0], ops[1], .mul, *)
    }
    switch reduction {
    case "mean", "sum":
      let total = EagerTensor(try MindSporeLossReduction.tensorMethod(weighted, .sum))
      let negated = EagerTensor(shape: [], dtype: total.dtype, values: total.values.map { -$0 })
      guard reduction == "mean" else { return negated }
      return MindSporeOps.scalar(negated, Double(input.count) / Double(classes), /)
    default:
      var shape = weighted.shape
      shape.remove(at: classDim)
      let sums = MindSporeGatherD.sums(weighted, axis: classDim)
      return EagerTensor(shape: shape, dtype: weighted.dtype, values: sums.map { -$0 })
    }
  }
}
