import ParityCore
import ParityKernels

extension APIMapping {
  /// `torch.nn.GaussianNLLLoss` and `mindspore.nn.GaussianNLLLoss`: `full`, `eps` and
  /// `reduction` (keyword-only) to the constructor, the three tensors to the call.
  public static let gaussianNLLLossModule = APIMapping(
    id: "nn.GaussianNLLLoss",
    adapters: [
      FrameworkAdapter(
        framework: "pytorch", api: "torch.nn.GaussianNLLLoss",
        signature: Signature(GaussianNLLLossAdapters.constructor + LossParameters.tensors() + [GaussianNLLLossAdapters.variance]),
        implementation: GaussianNLLLossAdapters.pytorch),
      FrameworkAdapter(
        framework: "mindspore", api: "mindspore.nn.GaussianNLLLoss",
        signature: Signature(GaussianNLLLossAdapters.constructor + MindSporeRegressionAdapters.cellTensors + [GaussianNLLLossAdapters.variance]),
        implementation: GaussianNLLLossAdapters.mindSporeCell),
    ],
    documentation: .tableRow(
      "torch.nn.GaussianNLLLoss",
      descriptions: [
        "pytorch": "Obey the negative log-likelihood loss of the Gaussian distribution.",
        "mindspore": "Implements the same function as PyTorch. If there is a number less than 0 in var, PyTorch will report an error directly, while MindSpore will calculate max(var, eps) and then pass the result to log for calculation.",
      ],
      parameters: [
        .init(names: ["pytorch": "full", "mindspore": "full"], difference: "Same function"),
        .init(names: ["pytorch": "eps", "mindspore": "eps"], difference: "Same function"),
        .init(names: ["pytorch": "reduction", "mindspore": "reduction"], difference: "Same function"),
        .init(category: "Input", names: ["pytorch": "input", "mindspore": "logits"], difference: "Same function, different parameter names"),
        .init(category: "Input", names: ["pytorch": "target", "mindspore": "labels"], difference: "Same function, different parameter names"),
        .init(category: "Input", names: ["pytorch": "var", "mindspore": "var"], difference: "Same function"),
      ]))
}

/// Both frameworks' argument handling for the Gaussian NLL loss, in their order and words.
enum GaussianNLLLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation

  /// `(*, full=False, eps=1e-06, reduction='mean')` in both frameworks, each value bound as
  /// given: each framework checks its type itself, at a point of its own.
  static let constructor: [Parameter] = [
    .object("full", default: .bool(false), stage: .construction), .object("eps", default: .number(1e-6), stage: .construction),
    MindSporeRegressionAdapters.reduction(stage: .construction),
  ]

  /// The call's required `var`: a tensor in MindSpore, a tensor or a float in PyTorch.
  static let variance = Parameter(name: "var", kind: .object, acceptsNone: true)

  /// `forward` calls `F.gaussian_nll_loss(input, target, var, full=, eps=, reduction=)`: its
  /// `var` checks, `var`'s size, the reduction (`reduction + " is not valid"`), `clamp_`'s
  /// `eps`, the loss, and only then `if full:`.
  static let pytorch: Implementation = { arguments throws(CallError) in
    let input = try arguments.tensor("input"), target = try arguments.tensor("target")
    let variance: GaussianNLLLoss.Operand
    switch arguments.value("var") {
    case .tensor(let t)?: variance = .tensor(t)
    case .number(let d)?: variance = .number(d)
    case .integer?, .bool?:
      throw CallError(kind: .argument, message: "any() received an invalid combination of arguments - got (bool), but expected one of:")
    case let other:
      throw CallError(kind: .argument, message: "'<' not supported between instances of "
        + "'\(MindSporeRegressionAdapters.typeName(other, qualified: false))' and 'int'")
    }
    let requested = arguments.value("reduction")
    let reduction: LossReduction
    switch requested {
    case .string(let s)?:
      guard let r = LossReduction(rawValue: s) else { throw CallError(kind: .argument, message: "\(s) is not valid") }
      reduction = r
    default:
      throw CallError(kind: .argument, message: "unsupported operand type(s) for +: 'NoneType' and 'str'")
    }
    let eps: GaussianNLLLoss.Operand
    switch arguments.value("eps") {
    case .tensor(let t)?: eps = .tensor(t)
    case .none?, nil:
      throw CallError(kind: .argument, message: "torch.clamp: At least one of 'min' or 'max' must not be None")
    case let value:
      guard let number = MindSporeRegressionAdapters.number(value) else {
        throw CallError(kind: .argument, message: "clamp_() received an invalid combination of arguments - got (min=str, ), but expected one of:")
      }
      eps = .number(number)
    }
    let full: Result<Bool, CallError>
    do throws(CallError) { full = .success(try MindSporeRegressionAdapters.truth(arguments.value("full"))) } catch {
      full = .failure(CallError(kind: .argument, message: "Boolean value of Tensor with more than one value is ambiguous"))
    }
    let output = try CallError.rethrowing { () throws(KernelError) in
      try GaussianNLLLoss.pytorch(
        input: input, target: target, variance: variance, full: (try? full.get()) ?? false, eps: eps, reduction: reduction)
    }
    _ = try full.get()
    return .init(output, warnings: [])
  }

  /// `mindspore.nn.GaussianNLLLoss(*, full, eps, reduction)`: the constructor's validators
  /// (`eps` a float in (0, inf), `full` a bool, the reduction exactly), then `construct`'s
  /// tensor checks (`None` passes them, for `ops.gaussian_nll_loss` to refuse), then the ops.
  static let mindSporeCell: Implementation = { arguments throws(CallError) in
    let epsValue = arguments.value("eps")
    guard case .number(let eps)? = epsValue else {
      throw CallError(kind: .argument, message: "For 'GaussianNLLLoss', the 'eps' must be 'float',  but got "
        + "'\(MindSporeRegressionAdapters.typeName(epsValue, qualified: false))'.")
    }
    guard eps > 0 && eps < .infinity else {
      throw CallError(kind: .argument, message: "For 'GaussianNLLLoss', the 'eps' must be in range of (0, inf), but got \(eps) with type 'float'.")
    }
    let fullValue = arguments.value("full")
    guard case .bool(let full)? = fullValue else {
      throw CallError(kind: .dtype, message: "For 'GaussianNLLLoss', the type of 'full' should be 'bool', but got type "
        + "'\(MindSporeRegressionAdapters.typeName(fullValue, qualified: false))'.")
    }
    let requested = arguments.value("reduction")
    guard case .string(let s)? = requested, let reduction = LossReduction(rawValue: s) else {
      throw CallError(kind: .argument, message: "For 'gaussian_nll_loss', the 'reduction' must be str and must be in "
        + "'['none', 'mean', 'sum']', but got '\(MindSporeRegressionAdapters.shown(requested))'.")
    }
    var tensors: [Tensor] = []
    for name in ["logits", "labels", "var"] {
      switch arguments.value(name) {
      case .tensor(let t)?: tensors.append(t)
      case .none?:
        throw CallError(kind: .argument, message: "For 'gaussian_nll_loss', '\(name == "var" ? "var" : name)' must be a tensor, but got <class 'NoneType'>.")
      case let other:
        throw CallError(kind: .argument, message: "For 'GaussianNLLLoss', the '\(name)' must be "
          + "'<class 'mindspore._c_expression.typing.TensorType'>', but got '\(MindSporeRegressionAdapters.typeName(other, qualified: false))'")
      }
    }
    return try MindSporeRegressionAdapters.output { () throws(KernelError) in
      try GaussianNLLLoss.mindspore(input: tensors[0], target: tensors[1], variance: tensors[2], full: full, eps: eps, reduction: reduction)
    }
  }
}
