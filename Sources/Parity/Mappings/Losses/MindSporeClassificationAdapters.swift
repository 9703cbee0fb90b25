import ParityCore
import ParityKernels

/// The MindSpore side of the classification losses (BCE, BCE with logits, KL divergence, soft
/// margin), once per loss: the module and the functional row share an implementation, and
/// differ only in their signatures and in how the reduction string is checked.
enum MindSporeClassificationAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// A `reduction` parameter that binds `None` too, so the adapter can raise what MindSpore
  /// raises for it rather than a binding error.
  static func reduction(stage: Parameter.Stage = .call) -> Parameter {
    Parameter(name: "reduction", kind: .string, acceptsNone: true, defaultValue: .string("mean"), stage: stage)
  }

  /// How a primitive-based loss resolves `reduction`.
  enum ReductionCheck {
    /// `nn.BCELoss`'s constructor: `['mean', 'sum', 'none']` exactly (`LossBase`'s check).
    case lossBase(cell: String)
    /// The primitive's `str_to_enum`: case-insensitive (its errors name `owner`); `None`
    /// fails the primitive `name`'s call signature `call`.
    case primitive(name: String, call: String, owner: String)

    func resolve(_ value: ArgumentValue?) throws(CallError) -> LossReduction {
      switch self {
      case .lossBase(let cell):
        guard case .string(let s)? = value, let reduction = LossReduction(rawValue: s) else {
          let shown = if case .string(let s)? = value { s } else { "None" }
          throw CallError(kind: .argument, message: "For '\(cell)', the 'reduction' must be in ['mean', 'sum', 'none'], "
            + "but got \(shown).")
        }
        return reduction
      case .primitive(let name, let call, let owner):
        guard case .string(let s)? = value else {
          throw CallError(kind: .argument, message: "Failed calling \(name) with \"\(name)(reduction=string)(\(call))\".")
        }
        return try MindSporeReduction.resolve(s, primitive: owner)
      }
    }
  }

  /// `mindspore.nn.BCELoss` / `mindspore.ops.binary_cross_entropy`.
  static func binaryCrossEntropy(_ check: ReductionCheck) -> Implementation {
    { arguments throws(CallError) in
      let reduction = try check.resolve(arguments.value("reduction"))
      let logits = try arguments.tensor("logits"), labels = try arguments.tensor("labels")
      let weight = try arguments.optionalTensor("weight")
      return .init(try CallError.rethrowing { () throws(KernelError) in
        try BinaryCrossEntropy.mindspore(logits: logits, labels: labels, weight: weight, reduction: reduction)
      }, warnings: [])
    }
  }

  /// `mindspore.nn.BCEWithLogitsLoss` / `mindspore.ops.binary_cross_entropy_with_logits`: the
  /// module does not check its reduction when constructed; the primitive does at the call.
  static let binaryCrossEntropyWithLogits: Implementation = { arguments throws(CallError) in
    let weight = try arguments.optionalTensor("weight"), posWeight = try arguments.optionalTensor("pos_weight")
    let call = "input=Tensor, target=Tensor, weight=\(weight == nil ? "None" : "Tensor"), "
      + "posWeight=\(posWeight == nil ? "None" : "Tensor")"
    let reduction = try ReductionCheck.primitive(name: "BCEWithLogitsLoss", call: call, owner: "BCEWithLogitsLoss")
      .resolve(arguments.value("reduction"))
    let input = try arguments.tensor("input"), target = try arguments.tensor("target")
    return .init(try CallError.rethrowing { () throws(KernelError) in
      try BinaryCrossEntropyWithLogits.mindspore(
        input: input, target: target, weight: weight, posWeight: posWeight, reduction: reduction)
    }, warnings: [])
  }

  /// `mindspore.nn.KLDivLoss` / `mindspore.ops.kl_div`: the wrapper refuses a non-string
  /// reduction, the primitive's constructor an unknown string (case-sensitively); the module
  /// checks nothing when constructed.
  static let klDiv: Implementation = { arguments throws(CallError) in
    let valid = "'['none', 'mean', 'batchmean', 'sum']'"
    guard case .string(let requested)? = arguments.value("reduction") else {
      throw CallError(
        kind: .argument, message: "For 'kl_div', the 'reduction' must be str and must be in \(valid), but got 'None'.")
    }
    guard let reduction = KLDivLoss.MindSporeReduction(rawValue: requested) else {
      throw CallError(kind: .argument, message: "For 'KLDivLoss', the 'reduction' must be str and must be in \(valid), "
        + "but got '\(requested)'.")
    }
    let logits = try arguments.tensor("logits"), labels = try arguments.tensor("labels")
    return .init(try CallError.rethrowing { () throws(KernelError) in
      try KLDivLoss.mindspore(logits: logits, labels: labels, reduction: reduction)
    }, warnings: [])
  }

  /// `mindspore.nn.SoftMarginLoss` / `mindspore.ops.soft_margin_loss`: the reduction's
  /// `str_to_enum`, then the seed mapping's MindSpore semantics (its CPU-side checks and the
  /// documented kernel's values; CPU itself has no kernel, so valid calls record `unsupported`).
  static func softMargin(_ names: LossTensorNames) -> Implementation {
    { arguments throws(CallError) in
      let reduction = try ReductionCheck.primitive(
        name: "SoftMarginLoss", call: "input=Tensor, target=Tensor", owner: "soft_margin_loss"
      ).resolve(arguments.value("reduction"))
      let input = try arguments.tensor(names.input), target = try arguments.tensor(names.target)
      return .init(value: try CallError.rethrowing { () throws(KernelError) in
        try SoftMarginLoss.mindspore(logits: input, labels: target, reduction: reduction)
      })
    }
  }
}
