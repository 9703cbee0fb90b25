import ParityCore
import ParityKernels

/// The MindSpore side of the regression losses (L1, MSE, smooth L1, Huber, Poisson NLL): the
/// Python checks MindSpore runs before any op (the `reduction` string, `beta`, `delta`,
/// `log_input`, `full`, `eps`), in its order and with its messages, then the kernel.
///
/// `nn` cells built on `LossBase` check `reduction` when constructed, case-sensitively; the
/// functions check it themselves (`l1_loss`, `mse_loss`, each in its own words) or leave it
/// to the primitive's case-insensitive `str_to_enum` (`smooth_l1_loss`).
enum MindSporeRegressionAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  // MARK: - Signatures

  /// A `reduction` parameter that binds `None` too, so the adapter raises what MindSpore
  /// raises for it rather than a binding error.
  static func reduction(default value: String = "mean", stage: Parameter.Stage = .call) -> Parameter {
    Parameter(name: "reduction", kind: .string, acceptsNone: true, defaultValue: .string(value), stage: stage)
  }

  /// A cell's `construct(logits, labels)`.
  static let cellTensors = LossParameters.tensors("logits", "labels")

  // MARK: - Argument checks

  /// `LossBase.__init__` and `_get_loss`: exactly `'mean'`, `'sum'` or `'none'`. `owner` is
  /// how the message names the API (`'L1Loss'` quoted, `l1_loss` not).
  static func exactReduction(_ value: ArgumentValue?, owner: String) throws(CallError) -> LossReduction {
    guard case .string(let s)? = value, let reduction = LossReduction(rawValue: s) else {
      throw CallError(kind: .argument, message: "For \(owner), the 'reduction' must be in ['mean', 'sum', 'none'], but got \(shown(value)).")
    }
    return reduction
  }

  /// A Python value as an f-string shows it (`MEAN`, `None`).
  static func shown(_ value: ArgumentValue?) -> String {
    switch value {
    case .string(let s)?: return s
    case .bool(let b)?: return b ? "True" : "False"
    case .integer(let i)?: return String(i)
    case .number(let d)?: return String(d)
    case .tensor?: return "Tensor"
    case .none?, nil: return "None"
    }
  }

  /// The class `type(value)` names (`str`, `Tensor`), in MindSpore's two spellings.
  static func typeName(_ value: ArgumentValue?, qualified: Bool) -> String {
    switch value {
    case .string?: return "str"
    case .bool?: return "bool"
    case .integer?: return "int"
    case .number?: return "float"
    case .tensor?: return qualified ? "mindspore.common.tensor.Tensor" : "Tensor"
    case .none?, nil: return "NoneType"
    }
  }

  /// A Python number (`bool` counting as `int`), or `nil` for any other value.
  static func number(_ value: ArgumentValue?) -> Double? {
    switch value {
    case .number(let d)?: return d
    case .integer(let i)?: return Double(i)
    case .bool(let b)?: return b ? 1 : 0
    default: return nil
    }
  }

  /// `bool(value)`, as an `if` tests it: a tensor must hold exactly one element.
  static func truth(_ value: ArgumentValue?) throws(CallError) -> Bool {
    switch value {
    case .bool(let b)?: return b
    case .integer(let i)?: return i != 0
    case .number(let d)?: return d != 0
    case .string(let s)?: return !s.isEmpty
    case .none?, nil: return false
    case .tensor(let t)?:
      guard t.count == 1 else { throw ambiguousTensor(t) }
      return t.storage.doubleValues[0] != 0
    }
  }

  static func ambiguousTensor(_ t: Tensor) -> CallError {
    CallError(kind: .argument, message: "The tensor should have only one element, but got \(t.count), more than one element is ambiguous.")
  }

  static func output(_ body: () throws(KernelError) -> Tensor) throws(CallError) -> FrameworkAdapter.Output {
    FrameworkAdapter.Output(value: try CallError.rethrowing(body))
  }

  // MARK: - Losses

  /// `mindspore.nn.L1Loss` / `mindspore.ops.l1_loss`.
  static func l1(functional: Bool) -> Implementation {
    { arguments throws(CallError) in
      let names = functional ? LossTensorNames() : .mindspore
      let input = try arguments.tensor(names.input), target = try arguments.tensor(names.target)
      let reduction = try exactReduction(arguments.value("reduction"), owner: functional ? "l1_loss" : "'L1Loss'")
      return try output { () throws(KernelError) in try L1Loss.mindspore(input: input, target: target, reduction: reduction) }
    }
  }

  /// `mindspore.nn.MSELoss` / `mindspore.ops.mse_loss` (whose own check has its own words).
  static func mse(functional: Bool) -> Implementation {
    { arguments throws(CallError) in
      let names = functional ? LossTensorNames() : .mindspore
      let input = try arguments.tensor(names.input), target = try arguments.tensor(names.target)
      let reduction: LossReduction
      if functional {
        guard case .string(let s)? = arguments.value("reduction"), let r = LossReduction(rawValue: s) else {
          throw CallError(kind: .argument, message: "For ops.mse_loss, `reduction` value should be either 'mean', 'none' or 'sum'.")
        }
        reduction = r
      } else {
        reduction = try exactReduction(arguments.value("reduction"), owner: "'MSELoss'")
      }
      return try output { () throws(KernelError) in
        try MSELoss.mindspore(input: input, target: target, reduction: reduction, functional: functional)
      }
    }
  }

  /// `mindspore.nn.SmoothL1Loss(beta, reduction)`: `LossBase` checks the reduction, then the
  /// primitive's constructor the type of `beta` (bool, int or float); its value is the
  /// kernel's to check at the call.
  static let smoothL1Cell: Implementation = { arguments throws(CallError) in
    let reduction = try exactReduction(arguments.value("reduction"), owner: "'SmoothL1Loss'")
    let value = arguments.value("beta")
    guard let beta = number(value) else {
      throw CallError(kind: .dtype, message: "For 'SmoothL1Loss', the type of 'beta' should be one of '[bool, int, float]', "
        + "but got <class '\(typeName(value, qualified: true))'>.")
    }
    let input = try arguments.tensor("logits"), target = try arguments.tensor("labels")
    return try output { () throws(KernelError) in try SmoothL1Loss.mindspore(input: input, target: target, beta: beta, reduction: reduction) }
  }

  /// `mindspore.ops.smooth_l1_loss`: `beta == 0.0` sends the call to `l1_loss_ext`, which has
  /// no CPU kernel (a tensor `beta` must hold one element for that test); anything else
  /// calls the primitive, whose argument conversion wants a float `beta` and a string
  /// `reduction` (case-insensitive).
  static let smoothL1Function: Implementation = { arguments throws(CallError) in
    let value = arguments.value("beta"), requested = arguments.value("reduction")
    if case .tensor(let t)? = value, t.count != 1 { throw ambiguousTensor(t) }
    let zero: Bool
    switch value {
    case .tensor(let t)?: zero = t.storage.doubleValues[0] == 0
    default: zero = number(value) == 0
    }
    if zero {
      if case .string(let s)? = requested { _ = try MindSporeReduction.resolve(s, primitive: "l1_loss_ext") }
      throw CallError(kind: .unsupported, message: "The kernel L1LossExt unregistered.")
    }
    let beta = number(value)
    guard let beta, case .string(let s)? = requested else {
      let betaType = beta == nil ? (value.map { typeName($0, qualified: false) } ?? "None") : "float"
      let reductionType = if case .string? = requested { "string" } else { "None" }
      throw CallError(kind: .argument, message: "Failed calling SmoothL1Loss with \"SmoothL1Loss(beta=\(betaType), "
        + "reduction=\(reductionType))(prediction=Tensor, target=Tensor)\".")
    }
    let reduction = try MindSporeReduction.resolve(s, primitive: "smooth_l1_loss")
    let input = try arguments.tensor("input"), target = try arguments.tensor("target")
    return try output { () throws(KernelError) in try SmoothL1Loss.mindspore(input: input, target: target, beta: beta, reduction: reduction) }
  }

  /// `mindspore.nn.HuberLoss(reduction, delta)`: `LossBase` checks the reduction when
  /// constructed; `ops.huber_loss` checks `delta` at the call, an `int` or `float` (not a
  /// bool) greater than 0.
  static let huber: Implementation = { arguments throws(CallError) in
    let reduction = try exactReduction(arguments.value("reduction"), owner: "'HuberLoss'")
    let input = try arguments.tensor("logits"), target = try arguments.tensor("labels")
    let value = arguments.value("delta")
    let delta: Double
    switch value {
    case .number(let d)?: delta = d
    case .integer(let i)?: delta = Double(i)
    default:
      throw CallError(kind: .dtype, message: "For 'huber_loss', the type of 'delta' should be one of '['int', 'float']', "
        + "but got type '\(typeName(value, qualified: false))'.")
    }
    guard delta > 0 else {
      throw CallError(kind: .argument, message: "For 'huber_loss', the argument 'delta' must > 0.0, but got \(shown(value)).")
    }
    return try output { () throws(KernelError) in try HuberLoss.mindspore(input: input, target: target, reduction: reduction, delta: delta) }
  }

  /// `mindspore.nn.PoissonNLLLoss(log_input, full, eps, reduction)`: `LossBase` checks the
  /// reduction when constructed; `construct` tests `log_input` and `full` with `if` and adds
  /// `eps` only where it is used (`input + eps` without a log input, `Maximum(target, eps)`
  /// with `full`).
  static let poissonNLL: Implementation = { arguments throws(CallError) in
    let reduction = try exactReduction(arguments.value("reduction"), owner: "'PoissonNLLLoss'")
    let input = try arguments.tensor("input"), target = try arguments.tensor("target")
    let logInput = try truth(arguments.value("log_input")), full = try truth(arguments.value("full"))
    let value = arguments.value("eps")
    let eps = number(value) ?? 0
    if number(value) == nil && (!logInput || full) {
      // Not recorded: MindSpore's own error for a non-number `eps` in `Tensor + eps`.
      throw CallError(kind: .dtype, message: "unsupported operand type(s) for +: 'Tensor' and '\(typeName(value, qualified: false))'")
    }
    return try output { () throws(KernelError) in
      try PoissonNLLLoss.mindspore(input: input, target: target, logInput: logInput, full: full, eps: eps, reduction: reduction)
    }
  }
}
