import ParityCore

/// Cross entropy: the log-softmax of the scores along the class dimension, then the NLL loss
/// of class indices, or minus the sum of log-probabilities weighted by class probabilities.
public enum CrossEntropyLoss {
  /// `torch.nn.functional.cross_entropy` on CPU (`cross_entropy_loss_symint`): a target of the
  /// input's shape is class probabilities (`cross_entropy_loss_prob_target`); otherwise class
  /// indices, through `nll_loss_nd` of `log_softmax` (`NLLLoss.pytorch`), plus the smoothing
  /// term when `label_smoothing > 0` (`cross_entropy_loss_label_smoothing`). Every op is
  /// PyTorch's, in its order and dtypes.
  public static func pytorch(
    input: Tensor, target: Tensor, weight: Tensor?, ignoreIndex: Int64, reduction: LossReduction, labelSmoothing: Double
  ) throws(KernelError) -> LossOutput {
    if input.shape == target.shape {
      guard target.dtype.isFloatingPoint else {
        throw KernelError(kind: .dtype, message: "Expected floating point type for target with class probabilities, got \(target.dtype.torchName)")
      }
      guard ignoreIndex < 0 else {
        throw KernelError(kind: .other, message: "ignore_index is not supported for floating point target")
      }
      return LossOutput(try probabilities(input: input, target: target, weight: weight, reduction: reduction, labelSmoothing: labelSmoothing).tensor)
    }
    if labelSmoothing > 0 {
      guard labelSmoothing <= 1 else {
        throw KernelError(kind: .argument, message: "label_smoothing must be between 0.0 and 1.0. Got: \(labelSmoothing)")
      }
    }
    let logProbabilities = try logSoftmax(input)
    let nll = try NLLLoss.pytorch(input: logProbabilities.tensor, target: target, weight: weight,
                                  ignoreIndex: ignoreIndex, reduction: reduction)
    guard labelSmoothing > 0 else { return nll }
    let smoothing = try smoothingTerm(logProbabilities, target: target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
    let classes = Double(ClassIndexLayout(input: input.shape).classes)
    let kept = TorchOps.scalar(EagerTensor(nll.value), .opmath(1 - labelSmoothing), *)
    let spread = TorchOps.scalar(smoothing, .opmath(labelSmoothing / classes), *)
    return LossOutput(try TorchOps.binary(kept, spread, +).tensor)
  }

  /// `at::log_softmax(self, class_dim, self.scalar_type())`: floating inputs only.
  static func logSoftmax(_ input: Tensor) throws(KernelError) -> EagerTensor {
    let rank = input.shape.count
    guard rank >= 1 else {
      throw KernelError(kind: .shape, message: "Dimension out of range (expected to be in range of [-1, 0], but got 1)")
    }
    guard input.dtype.isFloatingPoint else {
      throw KernelError(kind: .dtype, message: "\"log_softmax_lastdim_kernel_impl\" not implemented for '\(input.dtype.torchName)'")
    }
    return PyTorchLogSoftmax.logSoftmax(EagerTensor(input), dim: rank == 1 ? 0 : 1)
  }

  /// `cross_entropy_loss_prob_target`.
  static func probabilities(
    input: Tensor, target: Tensor, weight: Tensor?, reduction: LossReduction, labelSmoothing: Double
  ) throws(KernelError) -> EagerTensor {
    let classDim = input.shape.count == 1 ? 0 : 1
    let classes = input.shape.isEmpty ? 1 : input.shape[classDim]
    if let weight, !(weight.shape.count == 1 && weight.count == classes) {
      throw KernelError(kind: .shape, message: "cross_entropy: weight tensor should be defined either for all \(classes) classes or no classes "
        + "but got weight tensor of shape: \(Shape.listText(weight.shape))")
    }
    let logProbabilities = try logSoftmax(input)
    var probabilities = EagerTensor(target)
    if labelSmoothing > 0 {
      guard labelSmoothing <= 1 else {
        throw KernelError(kind: .argument, message: "label_smoothing must be between 0.0 and 1.0. Got: \(labelSmoothing)")
      }
      probabilities = TorchOps.scalar(TorchOps.scalar(probabilities, .opmath(1 - labelSmoothing), *),
                                      .tensorDType(labelSmoothing / Double(classes)), +)
    }
    var product = try TorchOps.binary(logProbabilities, probabilities, *)
    if let weight {
      var column = EagerTensor(weight)
      if input.shape.count > 1 { column.shape = input.shape.indices.map { $0 == 1 ? classes : 1 } }
      product = try TorchOps.binary(product, column, *)
    }
    switch reduction {
    case .none:
      return try TorchOps.negate(TorchOps.sum(product, dim: classDim))
    case .sum:
      return try TorchOps.negate(fullSum(product))
    case .mean:
      let total = try TorchOps.negate(fullSum(product))
      guard product.count > 0 else { return EagerTensor(shape: [], dtype: total.dtype, values: [.nan]) }
      return TorchOps.scalar(total, .opmath(Double(product.count / classes)), /)
    }
  }

  /// `smooth_loss` of `cross_entropy_loss_label_smoothing`: minus the (weighted) class sum of
  /// the log-probabilities, 0 at ignored targets, then reduced (`mean` divides by the weights
  /// of the targets not ignored, gathered and summed, or by their count).
  static func smoothingTerm(
    _ logProbabilities: EagerTensor, target: Tensor, weight: Tensor?, ignoreIndex: Int64, reduction: LossReduction
  ) throws(KernelError) -> EagerTensor {
    let classDim = logProbabilities.rank == 1 ? 0 : 1
    var scores = logProbabilities
    if let weight {
      var column = EagerTensor(weight)
      column.shape = logProbabilities.shape.indices.map { $0 == classDim ? weight.count : 1 }
      scores = try TorchOps.binary(scores, column, *)
    }
    var smooth = try TorchOps.negate(TorchOps.sum(scores, dim: classDim))
    let targets = target.storage.doubleValues
    let ignored = targets.map { Int64($0) == ignoreIndex }
    smooth.values = zip(smooth.values, ignored).map { $1 ? 0 : $0 }
    switch reduction {
    case .none:
      return smooth
    case .sum:
      return fullSum(smooth)
    case .mean:
      let total = fullSum(smooth)
      if let weight {
        let w = weight.storage.doubleValues
        let kept = zip(targets, ignored).filter { !$0.1 }.map { w[Int($0.0)] }
        let weightSum = fullSum(EagerTensor(shape: [kept.count], dtype: weight.dtype, values: kept))
        return try TorchOps.binary(total, weightSum, /)
      }
      let count = EagerTensor(shape: [], dtype: .int64, values: [Double(ignored.filter { !$0 }.count)])
      return try TorchOps.binary(total, count, /)
    }
  }

  /// `t.sum()` over every element, as PyTorch's CPU sum adds them.
  static func fullSum(_ t: EagerTensor) -> EagerTensor {
    EagerTensor(PointwiseEvaluation.reduce(t.tensor, PyTorchLossReduction(reduction: .sum)))
  }
}
