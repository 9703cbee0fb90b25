import ParityCore
import ParityKernels

/// Both frameworks' argument handling for cross entropy, in their order and words.
enum CrossEntropyLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// Module and function alike (the module passes its arguments on to `F.cross_entropy`):
  /// the reduction resolves first, then `cross_entropy_loss`'s argument parser wants an `int`
  /// `ignore_index` (not a bool) and a `float` `label_smoothing`, then the kernel.
  static let pytorch = PyTorchLossAdapters.loss { x, y, reduction, arguments throws(CallError) in
    let weight = try arguments.optionalTensor("weight")
    let ignoreIndex = try NLLLossAdapters.atenIgnoreIndex(arguments, op: "cross_entropy_loss")
    let smoothing = try PyTorchLossAdapters.atenFloat(arguments.value("label_smoothing"), op: "cross_entropy_loss",
                                                      name: "label_smoothing", position: 6)
    return try CallError.rethrowing { () throws(KernelError) in
      try CrossEntropyLoss.pytorch(input: x, target: y, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction,
                                   labelSmoothing: smoothing)
    }
  }

  /// `mindspore.ops.cross_entropy`'s `_check_cross_entropy_inputs`: an `int` `ignore_index`,
  /// a non-negative `float` `label_smoothing` (no upper bound), one of the three reductions,
  /// then the kernel (which checks the input's dtype).
  static let mindSporeFunction: Implementation = { arguments throws(CallError) in
    let input = try arguments.tensor("input"), target = try arguments.tensor("target")
    let weight = try arguments.optionalTensor("weight")
    let value = arguments.value("ignore_index")
    guard case .integer(let ignoreIndex)? = value else {
      throw CallError(kind: .argument, message: "For 'cross_entropy_loss', the type of 'ignore_index' must be 'int', but got "
        + "'\(MindSporeRegressionAdapters.typeName(value, qualified: false))'.")
    }
    let smoothing = try nonNegativeFloat(arguments.value("label_smoothing"))
    guard case .string(let reduction)? = arguments.value("reduction"), ["none", "mean", "sum"].contains(reduction) else {
      throw CallError(kind: .argument, message: "For 'cross_entropy_loss', the 'reduction' must be str and must be in "
        + "'['none', 'mean', 'sum']', but got '\(MindSporeRegressionAdapters.shown(arguments.value("reduction")))'.")
    }
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try CrossEntropyLoss.mindspore(input: input, target: target, weight: weight, ignoreIndex: ignoreIndex,
                                     reduction: reduction, labelSmoothing: smoothing)
    }
  }

  /// `check_non_negative_float_const`: a Python float (not an int) of at least 0.
  static func nonNegativeFloat(_ value: ArgumentValue?) throws(CallError) -> Double {
    guard case .number(let d)? = value else {
      throw CallError(kind: .argument, message: "For 'cross_entropy_loss', the 'label_smoothing' must be float, but got "
        + "'\(MindSporeRegressionAdapters.typeName(value, qualified: false))'")
    }
    guard d >= 0 else {
      throw CallError(kind: .argument, message: "For 'cross_entropy_loss', the 'label_smoothing' must be float and must >= 0, "
        + "but got '\(d)' with type 'float'.")
    }
    return d
  }

  /// `mindspore.nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)`:
  /// `LossBase` checks the reduction, the constructor an `int` `ignore_index`, a `float`
  /// `label_smoothing` in [0, 1] and a float16 or float32 weight; `construct` checks the
  /// logits' dtype, the labels' rank, dtype and shape against the logits', then calls
  /// `ops.cross_entropy`.
  static let mindSporeCell: Implementation = { arguments throws(CallError) in
    let reduction = try MindSporeRegressionAdapters.exactReduction(arguments.value("reduction"), owner: "'CrossEntropyLoss'")
    let ignoreIndex = try NLLLossAdapters.cellIgnoreIndex(arguments, owner: "CrossEntropyLoss")
    let smoothingValue = arguments.value("label_smoothing")
    guard case .number(let smoothing)? = smoothingValue else {
      throw CallError(kind: .dtype, message: "For 'CrossEntropyLoss', the type of 'label_smoothing' should be 'float', but got type "
        + "'\(MindSporeRegressionAdapters.typeName(smoothingValue, qualified: false))'.")
    }
    guard smoothing >= 0 && smoothing <= 1 else {
      throw CallError(kind: .argument, message: "For 'CrossEntropyLoss', the 'label_smoothing' must be in range of [0.0, 1.0], "
        + "but got \(smoothing) with type 'float'.")
    }
    let weight = try NLLLossAdapters.cellWeight(arguments, owner: "CrossEntropyLoss")
    let logits = try arguments.tensor("logits"), labels = try arguments.tensor("labels")
    try checkCellInputs(logits: logits, labels: labels)
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try CrossEntropyLoss.mindspore(input: logits, target: labels, weight: weight, ignoreIndex: ignoreIndex,
                                     reduction: reduction.rawValue, labelSmoothing: smoothing)
    }
  }

  /// `nn.loss._check_cross_entropy_inputs`: float16 or float32 logits; labels of the logits'
  /// rank are float16 or float32 probabilities of the logits' shape, labels of one rank fewer
  /// are int32 class indices of the logits' shape without the class dimension.
  static func checkCellInputs(logits: Tensor, labels: Tensor) throws(CallError) {
    func typeError(_ name: String, _ dtype: DType, _ allowed: String) -> CallError {
      CallError(kind: .dtype, message: "For 'CrossEntropyLoss', the '\(name)' should be \(allowed), but got 'mindspore.\(dtype.rawValue)'.")
    }
    guard [.float16, .float32].contains(logits.dtype) else { throw typeError("logits", logits.dtype, "one of [mindspore.float16, mindspore.float32]") }
    let (xs, ys) = (logits.shape, labels.shape)
    if xs.count == ys.count {
      guard [.float16, .float32].contains(labels.dtype) else { throw typeError("labels", labels.dtype, "one of [mindspore.float16, mindspore.float32]") }
      guard xs == ys else {
        throw CallError(kind: .shape, message: "For 'CrossEntropyLoss', the shape of 'logits' should be (N, C, d_0, d_1, ...), "
          + "and the shape of 'labels' should be (N, C, d_0, d_1, ...), but get 'logits' shape: \(Shape.tupleText(xs)) and 'labels' shape: \(Shape.tupleText(ys)).")
      }
    } else if ys.count == xs.count - 1 {
      guard labels.dtype == .int32 else { throw typeError("labels", labels.dtype, "Int32") }
      if xs.count != 1 && [xs[0]] + xs.dropFirst(2) != ys {
        throw CallError(kind: .shape, message: "For 'CrossEntropyLoss', the shape of 'logits' should be (N, C, d_0, d_1, ...), "
          + "and the shape of 'labels' should be (N, d_0, d_1, ...), but get 'logits' shape: \(Shape.tupleText(xs)) and 'labels' shape: \(Shape.tupleText(ys)).")
      }
    } else {
      throw CallError(kind: .shape, message: "For 'CrossEntropyLoss', the rank of 'logits' and 'labels' should be:\n"
        + "1. 'logits.ndim == labels.ndim' for probabilities, \n"
        + "2. 'logits.ndim - 1 == labels.ndim' for class indices, \n"
        + "but get 'logits' rank: \(xs.count) and 'labels' rank: \(ys.count).")
    }
  }
}
