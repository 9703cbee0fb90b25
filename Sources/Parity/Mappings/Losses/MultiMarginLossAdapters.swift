import ParityCore
import ParityKernels

/// Both frameworks' argument handling for the multi-margin loss, in their order and words.
enum MultiMarginLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// `p=1, margin=1.0` (mindspore.ops: `margin=1`), bound as given: each framework checks
  /// their types itself.
  static func pAndMargin(margin: ArgumentValue = .number(1), stage: Parameter.Stage = .call) -> [Parameter] {
    [.object("p", default: .integer(1), stage: stage), .object("margin", default: margin, stage: stage)]
  }

  /// PyTorch's module and function: the reduction resolves, then Python's `p` check (`p != 1
  /// and p != 2`, so `True` and `2.0` pass) and weight rank check (the module's in its own
  /// words, when constructed), then ATen's parser wants numbers for `p` and `margin`.
  static func pytorch(module: Bool) -> Implementation {
    PyTorchLossAdapters.loss { x, y, reduction, arguments throws(CallError) in
      let pValue = MindSporeRegressionAdapters.number(arguments.value("p"))
      guard let p = pValue, p == 1 || p == 2 else {
        throw CallError(kind: .argument, message: "only p == 1 and p == 2 supported")
      }
      let weight = try arguments.optionalTensor("weight")
      if let weight, weight.shape.count != 1 {
        throw module
          ? CallError(kind: .other, message: "MultiMarginLoss: expected weight to be None or 1D tensor, got \(weight.shape.count)D instead")
          : CallError(kind: .shape, message: "weight must be one-dimensional")
      }
      let marginValue = arguments.value("margin")
      guard let margin = MindSporeRegressionAdapters.number(marginValue) else {
        throw CallError(kind: .argument, message: "multi_margin_loss(): argument 'margin' (position 4) must be Number, not "
          + MindSporeRegressionAdapters.typeName(marginValue, qualified: false))
      }
      return try CallError.rethrowing { () throws(KernelError) in
        try MultiMarginLoss.pytorch(input: x, target: y, p: Int(p), margin: margin, weight: weight, reduction: reduction)
      }
    }
  }

  /// `mindspore.nn.MultiMarginLoss(p, margin, reduction, weight)`: the primitive's attribute
  /// checks when constructed (`margin` a float, not an int), then `construct`: the constructor's
  /// weight, else the call's, else ones of `x[0]`'s shape and `x`'s dtype (`x[0]` of a 0-d or
  /// empty input fails; FillV2 has no bfloat16 kernel for a shape with dimensions).
  static let mindSporeCell: Implementation = { arguments throws(CallError) in
    let (p, margin, reduction) = try primitiveAttributes(arguments, margin: arguments.value("margin"))
    let x = try arguments.tensor("x"), target = try arguments.tensor("target")
    var weight = try arguments.optionalTensor("weight", stage: .construction)
    if weight == nil { weight = try arguments.optionalTensor("weight", stage: .call) }
    if weight == nil {
      guard let rows = x.shape.first else { throw CallError(kind: .other, message: "Cannot iterate over a scalar tensor.") }
      guard rows > 0 else { throw CallError(kind: .shape, message: "index 0 is out of bounds for dimension with size 0") }
      let shape = Array(x.shape.dropFirst())
      if x.dtype == .bfloat16 && !shape.isEmpty {
        throw CallError(kind: .dtype, message: "Select CPU operator[FillV2] fail! Unsupported data type!")
      }
      weight = Tensor(shape: shape, storage: TensorStorage(dtype: x.dtype, doubles: [Double](repeating: 1, count: shape.reduce(1, *))))
    }
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try MultiMarginLoss.mindspore(input: x, target: target, weight: weight, p: p, margin: margin, reduction: reduction)
    }
  }

  /// `mindspore.ops.multi_margin_loss(input, target, p, margin, weight, reduction)`: `margin`
  /// must be an `int` (a bool is one), made a float for the primitive.
  static let mindSporeFunction: Implementation = { arguments throws(CallError) in
    let marginValue = arguments.value("margin")
    switch marginValue {
    case .integer?, .bool?: break
    default:
      throw CallError(kind: .argument, message: "For 'multi_margin_loss', the type of 'margin' must be int, but got <class '"
        + MindSporeRegressionAdapters.typeName(marginValue, qualified: true) + "'>.")
    }
    let asFloat = MindSporeRegressionAdapters.number(marginValue).map(ArgumentValue.number)
    let (p, margin, reduction) = try primitiveAttributes(arguments, margin: asFloat)
    let input = try arguments.tensor("input"), target = try arguments.tensor("target")
    let weight = try arguments.optionalTensor("weight")
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try MultiMarginLoss.mindspore(input: input, target: target, weight: weight, p: p, margin: margin, reduction: reduction)
    }
  }

  /// `ops.MultiMarginLoss(p, margin, reduction)`'s checks: `p` an int (not a bool) in {1, 2},
  /// `margin` a float (not an int or bool), `reduction` one of the three exact strings.
  static func primitiveAttributes(_ arguments: BoundArguments, margin marginValue: ArgumentValue?)
    throws(CallError) -> (p: Int, margin: Double, reduction: LossReduction)
  {
    let pValue = arguments.value("p")
    guard case .integer(let p)? = pValue else {
      throw CallError(kind: .dtype, message: "For 'MultiMarginLoss', the type of 'p' should be 'int', but got type '"
        + MindSporeRegressionAdapters.typeName(pValue, qualified: false) + "'.")
    }
    guard p == 1 || p == 2 else {
      throw CallError(kind: .argument, message: "For 'MultiMarginLoss', the 'p' must be int and must in {1, 2}, but got '\(p)' with type 'int'.")
    }
    guard case .number(let margin)? = marginValue else {
      throw CallError(kind: .dtype, message: "For 'MultiMarginLoss', the type of 'margin' should be 'float', but got type '"
        + MindSporeRegressionAdapters.typeName(marginValue, qualified: false) + "'.")
    }
    let reductionValue = arguments.value("reduction")
    guard case .string(let s)? = reductionValue, let reduction = LossReduction(rawValue: s) else {
      throw CallError(kind: .argument, message: "For 'MultiMarginLoss', the 'reduction' must be str and must be in "
        + "'['none', 'sum', 'mean']', but got '\(MindSporeRegressionAdapters.shown(reductionValue))'.")
    }
    return (Int(p), margin, reduction)
  }
}
