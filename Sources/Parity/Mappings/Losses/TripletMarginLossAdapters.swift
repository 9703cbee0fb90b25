import ParityCore
import ParityKernels

/// Both frameworks' argument handling for the triplet margin loss, in their order and words.
enum TripletMarginLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// The three tensors of a call: `(anchor, positive, negative)`, MindSpore's cell `(x, ...)`.
  static func tensors(_ first: String = "anchor") -> [Parameter] {
    [.tensor(first), .tensor("positive"), .tensor("negative")]
  }

  /// A parameter each framework type-checks itself, bound as given.
  static func parameter(_ name: String, _ value: ArgumentValue, stage: Parameter.Stage = .call) -> Parameter {
    .object(name, default: value, stage: stage)
  }

  // MARK: - PyTorch

  /// The module checks `margin <= 0` when constructed, then resolves the reduction in its
  /// call; the function resolves the reduction first. Then `torch.triplet_margin_loss`'s
  /// parser wants floats for `margin`, `p`, `eps` and a bool `swap`.
  static func pytorch(module: Bool) -> Implementation {
    { arguments throws(CallError) in
      if module { try checkMargin(arguments.value("margin")) }
      let (reduction, warnings) = try arguments.pytorchReduction()
      if !module { try checkMargin(arguments.value("margin")) }
      let anchor = try arguments.tensor("anchor"), positive = try arguments.tensor("positive")
      let negative = try arguments.tensor("negative")
      let op = "triplet_margin_loss"
      let margin = try PyTorchLossAdapters.atenFloat(arguments.value("margin"), op: op, name: "margin", position: 4)
      let p = try PyTorchLossAdapters.atenFloat(arguments.value("p"), op: op, name: "p", position: 5)
      let eps = try PyTorchLossAdapters.atenFloat(arguments.value("eps"), op: op, name: "eps", position: 6)
      guard case .bool(let swap)? = arguments.value("swap") else {
        throw CallError(kind: .argument, message: "\(op)(): argument 'swap' (position 7) must be bool, "
          + "not \(MindSporeRegressionAdapters.typeName(arguments.value("swap"), qualified: false))")
      }
      let output = try CallError.rethrowing { () throws(KernelError) in
        try TripletMarginLoss.pytorch(
          anchor: anchor, positive: positive, negative: negative, margin: margin, p: p, eps: eps, swap: swap, reduction: reduction)
      }
      return .init(output, warnings: warnings)
    }
  }

  /// Python's `if margin <= 0`: a number compares, a one-element tensor too; a string or
  /// `None` cannot be compared with 0, a longer tensor has no truth value.
  static func checkMargin(_ value: ArgumentValue?) throws(CallError) {
    let margin: Double
    switch value {
    case .tensor(let t)?:
      guard t.count == 1 else {
        throw CallError(kind: .argument, message: "Boolean value of Tensor with more than one value is ambiguous")
      }
      margin = t.storage.doubleValues[0]
    default:
      guard let number = MindSporeRegressionAdapters.number(value) else {
        throw CallError(kind: .argument, message: "'<=' not supported between instances of "
          + "'\(MindSporeRegressionAdapters.typeName(value, qualified: false))' and 'int'")
      }
      margin = number
    }
    try CallError.rethrowing { () throws(KernelError) in try TripletMarginLoss.checkMargin(margin) }
  }

  // MARK: - MindSpore

  /// `mindspore.ops.triplet_margin_loss` (and the cell's `construct`, which passes the
  /// constructor's `margin` instead of its own when that is not 1.0): a margin that is not a
  /// tensor becomes `Tensor(margin, float32)`, the primitive's constructor checks `p` (int),
  /// `swap` (bool), `eps` (float) and `reduction`, then the primitive runs.
  static func mindspore(module: Bool) -> Implementation {
    { arguments throws(CallError) in
      var requestedMargin = arguments.value("margin", stage: .call)
      if module, let stored = arguments.value("margin", stage: .construction), MindSporeRegressionAdapters.number(stored) != 1 {
        requestedMargin = stored
      }
      let margin = try marginTensor(requestedMargin)
      try requireType("p", cached(arguments.value("p")), "int") { if case .integer = $0 { true } else { false } }
      try requireType("swap", cached(arguments.value("swap")), "bool") { if case .bool = $0 { true } else { false } }
      try requireType("eps", cached(arguments.value("eps")), "float") { if case .number = $0 { true } else { false } }
      let reduction = arguments.value("reduction")
      guard case .string(let name)? = reduction, ["none", "sum", "mean"].contains(name) else {
        throw CallError(kind: .argument, message: "For 'TripletMarginLoss', the 'reduction' must be str and must be in "
          + "'['none', 'sum', 'mean']', but got '\(MindSporeRegressionAdapters.shown(reduction))'.")
      }
      let anchor = try arguments.tensor(module ? "x" : "anchor"), positive = try arguments.tensor("positive")
      let negative = try arguments.tensor("negative")
      return try MindSporeRegressionAdapters.output { () throws(KernelError) in
        try TripletMarginLoss.mindspore(anchor: anchor, positive: positive, negative: negative, margin: margin)
      }
    }
  }

  /// `Tensor(margin, mstype.float32)` for a number (or `None`, which the recording shows
  /// passing on to the primitive), the tensor itself if it is one; a string is refused.
  static func marginTensor(_ value: ArgumentValue?) throws(CallError) -> Tensor {
    switch value {
    case .tensor(let t)?: return t
    case .string?:
      throw CallError(kind: .dtype, message: "For 'Tensor', the type of 'input_data' should be one of '['TensorPy', 'Tensor', "
        + "'ndarray', 'str_', 'list', 'tuple', 'float', 'int', 'bool', 'complex', 'NoneType']', but got type 'str'.")
    default:
      return Tensor(shape: [], storage: .float32([Float(MindSporeRegressionAdapters.number(value) ?? 0)]))
    }
  }

  /// The value the primitive is built with. `_get_cache_prim` keys its PyNative cache on
  /// `str()` of each argument, so a string that spells a value (`p='2'`, `swap='False'`) gets
  /// the primitive an earlier call built from that value, whose checks already ran: recorded
  /// for `p='2'` after the calls at the defaults. A call history without that primitive would
  /// raise the TypeError instead.
  static func cached(_ value: ArgumentValue?) -> ArgumentValue? {
    guard case .string(let s)? = value else { return value }
    if let i = Int64(s) { return .integer(i) }
    if s == "True" || s == "False" { return .bool(s == "True") }
    if let d = Double(s), MindSporeRegressionAdapters.shown(.number(d)) == s { return .number(d) }
    return value
  }

  /// `validator.check_value_type(name, value, [type])`: a TypeError naming the given type.
  static func requireType(
    _ name: String, _ value: ArgumentValue?, _ type: String, _ accepts: (ArgumentValue) -> Bool
  ) throws(CallError) {
    guard let value, accepts(value) else {
      throw CallError(kind: .dtype, message: "For 'TripletMarginLoss', the type of '\(name)' should be '\(type)', "
        + "but got type '\(MindSporeRegressionAdapters.typeName(value, qualified: false))'.")
    }
  }
}
